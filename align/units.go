package align

import (
	"math"
	"slices"
	"sort"
	"unicode/utf8"
)

// maxSlots is the number of tokens of a unit that take part in lexical
// matching: the rarest ones, so that a pair's matches fit in one uint64.
const maxSlots = 64

// keyTok says that token slot tok of a unit carries key.
type keyTok struct {
	key int32
	tok uint8
}

// A unit is what the search aligns: a sentence, or at the coarse levels of
// the search a block of consecutive sentences.
type unit struct {
	chars float64 // length in runes of NFC text
	para  bool    // begins a paragraph
	cross bool    // spans a paragraph boundary inside (coarse units only)
	keys  []keyTok

	// Lexical evidence for a link that gives this unit k+1 partners:
	// base[k] is the log-likelihood ratio when no token matches, and
	// delta[k][slot] what a match of that token adds.
	base  [3]float32
	delta [3][]float32
	nslot int
}

// sideText is one side of a bitext after tokenising: the token types of
// every sentence (each type once) and their lengths.
type sideText struct {
	types [][]int32
	chars []float64
	para  []bool
}

// vocab interns the token types of one side.
type vocab struct {
	ids  map[token]int32
	toks []token
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

func newSideText(v *vocab, sents []string, para []int) sideText {
	st := sideText{types: make([][]int32, len(sents)), chars: make([]float64, len(sents)), para: make([]bool, len(sents))}
	for i, s := range sents {
		st.chars[i] = float64(utf8.RuneCountInString(s))
		st.para[i] = i == 0 || para[i] != para[i-1]
		var ids []int32
		for _, t := range tokenize(s) {
			ids = append(ids, v.id(t))
		}
		slices.Sort(ids)
		st.types[i] = slices.Compact(ids)
	}
	return st
}

// level is one resolution of the search: the units of both sides and, for
// coarse levels, where each unit starts in the finer level below.
type level struct {
	src, tgt           []unit
	srcStart, tgtStart []int // len(units)+1 entries, nil at level 0
}

// groupTypes merges the type lists of consecutive groups of size k.
func groupTypes(types [][]int32, k int) [][]int32 {
	out := make([][]int32, 0, (len(types)+k-1)/k)
	for i := 0; i < len(types); i += k {
		var ids []int32
		for j := i; j < i+k && j < len(types); j++ {
			ids = append(ids, types[j]...)
		}
		slices.Sort(ids)
		out = append(out, slices.Compact(ids))
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

// buildUnits turns type lists into units. A token's chance p0 of finding a
// match in an unrelated unit of the other side comes from how many of those
// units hold one of its keys; p1 is the chance of a match in its
// translation. Their log ratios weigh each match, so that a shared rare name
// counts for much and a shared function word for little.
func buildUnits(types [][]int32, chars []float64, para []bool, typeKeys [][]int32, dfOther []int32, nOther int, p1 float64) []unit {
	units := make([]unit, len(types))
	type slot struct {
		p0   float64
		keys []int32
	}
	var slots []slot
	var kept []int32
	for i, ids := range types {
		u := &units[i]
		u.chars = chars[i]
		u.para = para[i]
		slots = slots[:0]
		for _, t := range ids {
			kept = kept[:0]
			df := 0
			for _, k := range typeKeys[t] {
				if dfOther[k] > 0 {
					kept = append(kept, k)
					df += int(dfOther[k])
				}
			}
			if len(kept) == 0 {
				continue
			}
			p0 := math.Min(float64(df)/float64(nOther), 0.999)
			slots = append(slots, slot{p0, slices.Clone(kept)})
		}
		if len(slots) > maxSlots {
			sort.SliceStable(slots, func(a, b int) bool { return slots[a].p0 < slots[b].p0 })
			slots = slots[:maxSlots]
		}
		u.nslot = len(slots)
		for k := range u.delta {
			u.delta[k] = make([]float32, len(slots))
		}
		for si, s := range slots {
			for _, k := range s.keys {
				u.keys = append(u.keys, keyTok{k, uint8(si)})
			}
			for k := 0; k < 3; k++ {
				p0 := 1 - math.Pow(1-s.p0, float64(k+1))
				if p0 >= p1 {
					continue // too common to tell translations from neighbours
				}
				miss := math.Log((1 - p1) / (1 - p0))
				u.base[k] += float32(miss)
				u.delta[k][si] = float32(math.Log(p1/p0) - miss)
			}
		}
		slices.SortFunc(u.keys, func(a, b keyTok) int { return int(a.key) - int(b.key) })
	}
	return units
}

// matchMasks returns which token slots of a have a key in b and which of b
// have one in a.
func matchMasks(a, b []keyTok) (ma, mb uint64) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ka, kb := a[i].key, b[j].key
		switch {
		case ka < kb:
			i++
		case ka > kb:
			j++
		default:
			for ; i < len(a) && a[i].key == ka; i++ {
				ma |= 1 << a[i].tok
			}
			for ; j < len(b) && b[j].key == ka; j++ {
				mb |= 1 << b[j].tok
			}
		}
	}
	return ma, mb
}
