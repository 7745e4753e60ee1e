package align

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Tokens of the two languages match when they share a key. The keys of a
// token are its evidence sources, spelt in the key space as
//
//	#digits    numbers, by their digits
//	P?         punctuation that translations keep (? ! : quotes, parentheses)
//	=word      the same folded word on both sides (names, acronyms)
//	~pref      the same first cognateLen runes (cognates: parlament/parliament)
//	@concept   a seed lexicon entry
//
// and, numbered after those, the pairs of the lexicon induced from the
// input (see addInduced), which have no spelling.
const cognateLen = 4

// A keyID numbers a key in the key space that both sides share.
type keyID int32

// keyTables are the keys of every token type of either side, numbered 0 to
// count-1 in one key space.
type keyTables struct {
	src, tgt [][]keyID // by typeID of the side
	count    int
}

// A keySpace numbers keys by their spelling (see cognateLen), from 0.
type keySpace struct {
	ids map[string]keyID
	// The spellings of the keys end to end: a string of the builder stays
	// as it is while the builder grows, and one string for all saves an
	// allocation a key.
	spelt strings.Builder
}

func (ks *keySpace) id(key []byte) keyID {
	if id, ok := ks.ids[string(key)]; ok {
		return id
	}
	start := ks.spelt.Len()
	ks.spelt.Write(key)
	id := keyID(len(ks.ids))
	ks.ids[ks.spelt.String()[start:]] = id
	return id
}

// typeKeys lists the keys of every type of a vocabulary but those of the
// induced lexicon (see addInduced); src tells which side of the seed
// lexicon the vocabulary is on.
func typeKeys(ks *keySpace, v *vocab, src bool, seed *lexicon) [][]keyID {
	keys := make([][]keyID, len(v.toks))
	// The key lists share one array (see packLists).
	var all []keyID
	var sp keySpeller
	start := 0
	put := func(key []byte) {
		id := ks.id(key)
		if !slices.Contains(all[start:], id) {
			all = append(all, id)
		}
	}
	for i, t := range v.toks {
		start = len(all)
		if t.kind == punctToken {
			put(sp.key('P', t.text))
		} else {
			sp.spell(t, src, seed, put)
		}
		keys[i] = all[start:]
	}
	packLists(keys, all)
	return keys
}

// A keySpeller spells keys in a buffer of its own, so that looking up
// keys already known allocates nothing.
type keySpeller struct{ buf []byte }

// spell calls put with every key of a number or word token but those of
// the induced lexicon, in order; src tells which side of the seed lexicon
// (which may be nil) the token is on. The key passed to put is valid only
// during the call.
func (sp *keySpeller) spell(t token, src bool, seed *lexicon, put func(key []byte)) {
	switch t.kind {
	case numberToken:
		put(sp.key('#', t.text))
	case wordToken:
		n := utf8.RuneCountInString(t.text)
		if n >= 2 {
			put(sp.key('=', t.text))
		}
		if n >= cognateLen {
			put(sp.skeletonKey('~', t.text, cognateLen))
		}
		if seed != nil {
			dict, cut := seed.tgt, seed.tgtCut
			if src {
				dict, cut = seed.src, seed.srcCut
			}
			for _, c := range lookup(dict, t.text, cut) {
				put(sp.key('@', c))
			}
		}
	}
}

// key spells the key of that tag and text.
func (sp *keySpeller) key(tag byte, text string) []byte {
	sp.buf = append(append(sp.buf[:0], tag), text...)
	return sp.buf
}

// skeletonKey spells the key of that tag and the first n runes of the
// skeleton of a folded word: its spelling such that cognates across
// Latin-script languages look alike, k as c and doubled letters once
// (komisioni/commission, Kanton/canton).
func (sp *keySpeller) skeletonKey(tag byte, w string, n int) []byte {
	sp.buf = append(sp.buf[:0], tag)
	last := rune(-1)
	for _, r := range w {
		if n == 0 {
			break
		}
		if r == 'k' {
			r = 'c'
		}
		if r == last {
			continue
		}
		sp.buf = utf8.AppendRune(sp.buf, r)
		last = r
		n--
	}
	return sp.buf
}

// addInduced adds to the keys of every word type of a vocabulary the pairs
// of the induced lexicon that its stem is in (pairs is one side of the
// lexicon). Pair p is key first+p: the keys of typeKeys, numbered below
// first, have none of them.
func addInduced(v *vocab, keys [][]keyID, pairs map[string][]int32, first int) {
	for i, t := range v.toks {
		if t.kind != wordToken {
			continue
		}
		for _, p := range pairs[stem(t.text)] {
			keys[i] = append(keys[i], keyID(first)+keyID(p))
		}
	}
}
