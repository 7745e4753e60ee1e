package align

import (
	"math"
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/paralel/paralel/corpus"
)

// maxSlots is the number of tokens of a unit that take part in lexical
// matching: the rarest ones, so that a pair's matches fit in one uint64.
const maxSlots = 64

// A keyTok says that a token slot of a unit carries a key: key<<8 | slot.
// Keys beyond 24 bits wrap around, which in texts of more than sixteen
// million distinct keys may let a few unrelated tokens match.
type keyTok uint32

func makeKeyTok(key int32, slot int) keyTok { return keyTok(uint32(key)<<8 | uint32(slot)) }

func (kt keyTok) key() uint32 { return uint32(kt) >> 8 }
func (kt keyTok) slot() uint  { return uint(kt) & 0xff }

// A unit is what the search aligns: a sentence, or at the coarse levels of
// the search a block of consecutive sentences.
type unit struct {
	chars float64 // length in runes of NFC text
	para  bool    // begins a paragraph
	alone bool    // must stay unaligned
	keys  []keyTok

	// Lexical evidence for a link that gives this unit k+1 partners:
	// base[k] is the log-likelihood ratio when no token matches; what a
	// match of a token adds depends only on its df (see weigh).
	base  [maxSpan]float32
	nslot int
	df    []int32 // of each slot: how many units of the other side hold one of its keys
}

// sideText is one side of a bitext after tokenising: the token types of
// every sentence (each type once) and their lengths.
type sideText struct {
	types [][]int32
	chars []float64
	para  []bool
	alone []bool // must stay unaligned (a fixed 1-0 or 0-1 link); may be nil
}

// vocab interns the token types of one side. Raw spellings are looked up
// first so that each distinct word is folded only once.
type vocab struct {
	ids  map[token]int32
	raw  map[string]int32
	toks []token
}

func newVocab() vocab {
	return vocab{ids: map[token]int32{}, raw: map[string]int32{}}
}

func (v *vocab) rawID(kind tokenKind, raw string) int32 {
	if id, ok := v.raw[raw]; ok {
		return id
	}
	id := v.id(normalize(kind, raw))
	v.raw[raw] = id
	return id
}

func (v *vocab) id(t token) int32 {
	if id, ok := v.ids[t]; ok {
		return id
	}
	id := int32(len(v.toks))
	v.ids[t] = id
	v.toks = append(v.toks, t)
	return id
}

func newSideText(v *vocab, sents []corpus.Sentence) sideText {
	st := sideText{types: make([][]int32, len(sents)), chars: make([]float64, len(sents)), para: make([]bool, len(sents))}
	// The type lists share one array, filled as a growing buffer and copied
	// once its size is known: one allocation rather than several per
	// sentence, and held with no spare room, which in a batch of many short
	// documents would add up.
	var buf []int32
	for i, s := range sents {
		st.chars[i] = float64(utf8.RuneCountInString(s.Text))
		st.para[i] = i == 0 || s.Para != sents[i-1].Para
		start := len(buf)
		scan(s.Text, func(kind tokenKind, raw string) {
			buf = append(buf, v.rawID(kind, raw))
		})
		ids := buf[start:]
		slices.Sort(ids)
		ids = slices.Compact(ids)
		st.types[i] = ids
		buf = buf[:start+len(ids)]
	}
	all := make([]int32, len(buf))
	copy(all, buf)
	for i, ids := range st.types {
		st.types[i], all = all[:len(ids):len(ids)], all[len(ids):]
	}
	return st
}

// lenSum is the number of types in all the lists.
func lenSum(lists [][]int32) int {
	n := 0
	for _, ids := range lists {
		n += len(ids)
	}
	return n
}

// A listArena hands out the room of type lists from blocks that many lists
// share, and holds them with no spare capacity: far fewer allocations than
// one a list, and no room left over where lists come out shorter than
// their bound. A block is no larger than the types still to come need, so
// that a short document takes no more than its size.
type listArena struct {
	buf  []int32
	left int // types still to come
}

func newListArena(types [][]int32) *listArena { return &listArena{left: lenSum(types)} }

// room returns an empty list with room for n types, to be appended to and
// then handed to keep. It counts the n types as come.
func (ar *listArena) room(n int) []int32 {
	if cap(ar.buf)-len(ar.buf) < n {
		ar.buf = make([]int32, 0, max(n, min(ar.left, 1<<16)))
	}
	ar.left -= n
	return ar.buf[len(ar.buf):len(ar.buf)]
}

// keep takes a list that was built in the room room returned last and
// returns it with no spare capacity.
func (ar *listArena) keep(l []int32) []int32 {
	ar.buf = ar.buf[:len(ar.buf)+len(l)]
	return l[:len(l):len(l)]
}

// groupTypes merges the sorted type lists of consecutive groups of k = 1
// or 2 units.
func groupTypes(types [][]int32, k int) [][]int32 {
	if k == 1 {
		return types
	}
	out := make([][]int32, 0, (len(types)+1)/2)
	// A merged list's bound counts the words its two units share twice, a
	// third of it: the arena passes that room on to the next list, which
	// matters since all levels of a long text are held at once.
	ar := newListArena(types)
	for i := 0; i < len(types); i += 2 {
		if i+1 == len(types) {
			out = append(out, types[i])
			continue
		}
		a, b := types[i], types[i+1]
		m := ar.room(len(a) + len(b))
		for len(a) > 0 && len(b) > 0 {
			switch {
			case a[0] < b[0]:
				m, a = append(m, a[0]), a[1:]
			case a[0] > b[0]:
				m, b = append(m, b[0]), b[1:]
			default:
				m, a, b = append(m, a[0]), a[1:], b[1:]
			}
		}
		m = append(append(m, a...), b...)
		out = append(out, ar.keep(m))
	}
	return out
}

// docFreq counts in how many units each key occurs.
func docFreq(types [][]int32, typeKeys [][]int32, nkeys int) []int32 {
	df := make([]int32, nkeys)
	seen := make([]int32, nkeys)
	for i, ids := range types {
		stamp := int32(i + 1)
		for _, t := range ids {
			for _, k := range typeKeys[t] {
				if seen[k] != stamp {
					seen[k] = stamp
					df[k]++
				}
			}
		}
	}
	return df
}

// buildUnits turns type lists into units: each token whose keys occur on
// the other side gets a slot, the rarest maxSlots of them when there are
// more. Call weigh before scoring.
func buildUnits(types [][]int32, chars []float64, para []bool, typeKeys [][]int32, dfOther []int32, nOther int) []unit {
	units := make([]unit, len(types))
	// What a type brings is the same in every unit: its keys that occur on
	// the other side and their df. Work it out once per type.
	type typeInfo struct {
		done bool
		df   int32
		keys []int32
	}
	info := make([]typeInfo, len(typeKeys))
	get := func(t int32) *typeInfo {
		ti := &info[t]
		if !ti.done {
			ti.done = true
			df := 0
			for _, k := range typeKeys[t] {
				if dfOther[k] > 0 {
					ti.keys = append(ti.keys, k)
					df += int(dfOther[k])
				}
			}
			ti.df = int32(min(df, nOther))
		}
		return ti
	}
	// A slot is a type with keys, as df<<32 | type, so that sorting puts
	// the rarest first.
	var slots []uint64
	// Units take their slices from shared arenas: far fewer allocations.
	var keyArena []keyTok
	var dfArena []int32
	left := lenSum(types) // types left, a bound on the slots
	for i, ids := range types {
		u := &units[i]
		u.chars = chars[i]
		u.para = para[i]
		slots = slots[:0]
		nkeys := 0
		for _, t := range ids {
			if ti := get(t); len(ti.keys) > 0 {
				slots = append(slots, uint64(ti.df)<<32|uint64(t))
				nkeys += len(ti.keys)
			}
		}
		if len(slots) > maxSlots {
			slots = smallest(slots, maxSlots)
			nkeys = 0
			for _, s := range slots {
				nkeys += len(info[int32(s)].keys)
			}
		}
		if len(keyArena) < nkeys {
			keyArena = make([]keyTok, max(nkeys, min(2*left, 1<<14)))
		}
		if len(dfArena) < len(slots) {
			dfArena = make([]int32, max(len(slots), min(left, 1<<12)))
		}
		left -= len(ids)
		u.nslot = len(slots)
		u.df, dfArena = dfArena[:len(slots):len(slots)], dfArena[len(slots):]
		u.keys, keyArena = keyArena[:0:nkeys], keyArena[nkeys:]
		for si, s := range slots {
			ti := &info[int32(s)]
			u.df[si] = ti.df
			for _, k := range ti.keys {
				u.keys = append(u.keys, makeKeyTok(k, si))
			}
		}
	}
	return units
}

// smallest moves the k smallest values of s to its front, in ascending
// order, and returns them. It keeps a heap of k rather than sorting all of s: the slot
// lists of coarse blocks run to thousands. The heap starts from the end,
// where the rare words are: types are numbered as they first occur, so
// the common ones come first and would each displace a heap top.
func smallest(s []uint64, k int) []uint64 {
	h := s[len(s)-k:]
	for i := k/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
	for x := len(s) - k - 1; x >= 0; x-- {
		if s[x] < h[0] {
			h[0] = s[x]
			siftDown(h, 0)
		}
	}
	slices.Sort(h)
	return s[:copy(s, h)]
}

// siftDown restores the max-heap h below node i.
func siftDown(h []uint64, i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h[c+1] > h[c] {
			c++
		}
		if h[i] >= h[c] {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// weigh sets the lexical weights of units whose tokens find a match in
// their translation with probability p1. A token's chance p0 of a match in
// an unrelated unit comes from df, the number of the nOther units of the
// other side that hold one of its keys. The log ratios weigh each match, so
// that a shared rare name counts for much and a shared function word for
// little. It returns what a match adds, by df and number of partners.
func weigh(units []unit, p1 float64, nOther int) [][maxSpan]float32 {
	type weights struct {
		done        bool
		miss, delta [maxSpan]float32
	}
	// Weights depend on a token only through df: compute each once.
	table := make([]weights, nOther+1)
	for i := range units {
		u := &units[i]
		u.base = [maxSpan]float32{}
		for _, df := range u.df {
			w := &table[df]
			if !w.done {
				w.done = true
				p := math.Min(float64(df)/float64(nOther), 0.999)
				miss0 := 1.0 // chance of no match among k+1 unrelated units
				for k := range maxSpan {
					miss0 *= 1 - p
					p0 := 1 - miss0
					if p0 >= p1 {
						continue // too common to tell translations from neighbours
					}
					miss := math.Log((1 - p1) / (1 - p0))
					w.miss[k] = float32(miss)
					w.delta[k] = float32(math.Log(p1/p0) - miss)
				}
			}
			for k := range maxSpan {
				u.base[k] += w.miss[k]
			}
		}
	}
	deltas := make([][maxSpan]float32, len(table))
	for df, w := range table {
		deltas[df] = w.delta
	}
	return deltas
}

// estimateMatchRate guesses how many token slots find a match in their
// translation before any link is known: for a sample of source units, the
// best-matching target unit in the band is taken as the translation, and the
// median match rates over the sample are returned.
func estimateMatchRate(lat *lattice) (p1s, p1t float64) {
	n := len(lat.src)
	step := max(1, n/2000)
	var rs, rt []float64
	var mr matcher
	for s := 0; s < n; s += step {
		u := &lat.src[s]
		best, bs, bt := -1.0, 0.0, 0.0
		mr.mark(u.keys)
		for t := max(lat.b.lo[s+1]-1, 0); t < lat.b.hi[s+1] && t < len(lat.tgt); t++ {
			v := &lat.tgt[t]
			if u.nslot == 0 || v.nslot == 0 {
				continue
			}
			ms, mt := mr.probe(v.keys)
			fs := float64(bits.OnesCount64(ms)) / float64(u.nslot)
			ft := float64(bits.OnesCount64(mt)) / float64(v.nslot)
			if fs+ft > best {
				best, bs, bt = fs+ft, fs, ft
			}
		}
		mr.unmark(u.keys)
		if best >= 0 {
			rs = append(rs, bs)
			rt = append(rt, bt)
		}
	}
	if len(rs) == 0 {
		return 0.5, 0.5
	}
	slices.Sort(rs)
	slices.Sort(rt)
	return clamp(rs[len(rs)/2], 0.2, 0.9), clamp(rt[len(rt)/2], 0.2, 0.9)
}

// A matcher finds which token slots of two units share a key: it marks the
// slots of one unit in a table by key, then looks up the keys of the other,
// which is cheaper than comparing key lists when one unit meets many.
type matcher struct {
	slotsOf []uint64 // by key: the marked unit's slots that carry it
}

func (mt *matcher) mark(keys []keyTok) {
	for _, kt := range keys {
		k := int(kt.key())
		if k >= len(mt.slotsOf) {
			mt.slotsOf = slices.Grow(mt.slotsOf, max(k+1, 2*len(mt.slotsOf))-len(mt.slotsOf))
			mt.slotsOf = mt.slotsOf[:cap(mt.slotsOf)]
		}
		mt.slotsOf[k] |= 1 << kt.slot()
	}
}

// probe returns the slots of the marked unit that have a key among keys,
// and the slots of keys that have one in the marked unit.
func (mt *matcher) probe(keys []keyTok) (marked, other uint64) {
	for _, kt := range keys {
		if k := int(kt.key()); k < len(mt.slotsOf) {
			if m := mt.slotsOf[k]; m != 0 {
				marked |= m
				other |= 1 << kt.slot()
			}
		}
	}
	return marked, other
}

func (mt *matcher) unmark(keys []keyTok) {
	for _, kt := range keys {
		mt.slotsOf[kt.key()] = 0
	}
}

// match returns which token slots of a have a key in b and which of b have
// one in a.
func (mt *matcher) match(a, b []keyTok) (ma, mb uint64) {
	mt.mark(a)
	ma, mb = mt.probe(b)
	mt.unmark(a)
	return ma, mb
}
