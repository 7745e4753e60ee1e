package align

import (
	"slices"
	"unicode/utf8"

	"github.com/paralel/paralel/corpus"
)

// A typeID numbers a token type in the vocabulary of one side.
type typeID int32

// vocab interns the token types of one side. Raw spellings are looked up
// first so that each distinct word is folded only once.
type vocab struct {
	ids  map[token]typeID
	raw  map[string]typeID
	toks []token
}

func newVocab() vocab {
	return vocab{ids: map[token]typeID{}, raw: map[string]typeID{}}
}

// newVocabFor returns a vocabulary for the sentences of docs on one side,
// its maps taken from the pools or made at about the size they will need:
// grown step by step they would be a good part of the work of aligning a
// short document.
func newVocabFor(docs []Bitext, side func(Bitext) []corpus.Sentence) vocab {
	n := 0
	for _, d := range docs {
		for _, s := range side(d) {
			n += len(s.Text)
		}
	}
	// About a distinct spelling every ten bytes in a short text; fewer in
	// a long one, whose maps grow as they need.
	n = min(n/10, 4096)
	return vocab{ids: idsPool.get(n), raw: rawPool.get(n), toks: make([]token, 0, n)}
}

// release gives the maps of v back to the pools; v is empty afterwards.
func (v *vocab) release() {
	idsPool.put(v.ids)
	rawPool.put(v.raw)
	*v = vocab{}
}

func (v *vocab) rawID(kind tokenKind, raw string) typeID {
	if id, ok := v.raw[raw]; ok {
		return id
	}
	id := v.id(normalize(kind, raw))
	v.raw[raw] = id
	return id
}

func (v *vocab) id(t token) typeID {
	if id, ok := v.ids[t]; ok {
		return id
	}
	id := typeID(len(v.toks))
	v.ids[t] = id
	v.toks = append(v.toks, t)
	return id
}

// sideText is one side of a bitext after tokenising: the token types of
// every sentence (each type once) and their lengths.
type sideText struct {
	types [][]typeID
	chars []float64
	para  []bool
	alone []bool // must stay unaligned (a fixed 1-0 or 0-1 link); may be nil
	// credits are the translator's credits that the final pass leaves
	// unaligned (see oneSidedCredits).
	credits []int
	// leaveOut is, for the final pass, the log prior of leaving each
	// sentence out in place of that of its link type, where the first pass
	// left it out in a long run (see markRuns); 0 for none. May be nil.
	leaveOut []float64
	end      []ending    // how each sentence ends
	begin    []beginning // and how it begins
	bracket  []int8      // see bracketSign
	intro    []bool      // see isIntroducer; nil when there is none
}

func newSideText(v *vocab, sents []corpus.Sentence) sideText {
	side := sideText{types: make([][]typeID, len(sents)), chars: make([]float64, len(sents)), para: make([]bool, len(sents)), end: make([]ending, len(sents)), begin: make([]beginning, len(sents)), bracket: make([]int8, len(sents))}
	// The type lists share one array, filled as a growing buffer and copied
	// once its size is known: one allocation rather than several per
	// sentence, and held with no spare room, which in a batch of many short
	// documents would add up.
	var buf []typeID
	for i, s := range sents {
		side.chars[i] = float64(utf8.RuneCountInString(s.Text))
		side.para[i] = i == 0 || s.Para != sents[i-1].Para
		side.end[i] = endingOf(s.Text)
		side.begin[i] = beginningOf(s.Text)
		side.bracket[i] = bracketSign(s.Text)
		if side.end[i] == endColon && isIntroducer(s.Text) {
			if side.intro == nil {
				side.intro = make([]bool, len(sents))
			}
			side.intro[i] = true
		}
		start := len(buf)
		scan(s.Text, func(kind tokenKind, raw string) {
			buf = append(buf, v.rawID(kind, raw))
		})
		ids := buf[start:]
		slices.Sort(ids)
		ids = slices.Compact(ids)
		side.types[i] = ids
		buf = buf[:start+len(ids)]
	}
	packLists(side.types, buf)
	return side
}

// packLists moves lists, filled one after another in buf as it grew, into
// one array of their total length: each list held with no spare room.
func packLists[T any](lists [][]T, buf []T) {
	all := make([]T, len(buf))
	copy(all, buf)
	for i, l := range lists {
		lists[i], all = all[:len(l):len(l)], all[len(l):]
	}
}

// lenSum is the number of types in all the lists.
func lenSum(lists [][]typeID) int {
	n := 0
	for _, ids := range lists {
		n += len(ids)
	}
	return n
}
