package align

import (
	"math"
	"slices"
	"sync"
	"unicode/utf8"
)

// confident is the posterior above which a first-pass link is trusted for
// estimating parameters and inducing the lexicon.
const confident = 0.9

// stemLen is how many leading runes of a word the induced lexicon keeps: it
// pools the inflected forms of a word so that they are counted together.
const stemLen = 5

func stem(w string) string { return prefix(w, stemLen) }

// inducedLexicon is a translation lexicon learnt from the input: pairs of
// stems.
type inducedLexicon struct {
	src, tgt map[string][]int32 // stem -> pair numbers
	pairs    int                // how many: numbers 0 to pairs-1
}

// induce learns a lexicon from the confident links of the first pass: stem
// pairs that occur in the same links far more often than chance, by the
// Dice coefficient, as in hunalign's and Moore's second passes.
func (a *aligner) induce() *inducedLexicon {
	const (
		minPair  = 2
		minDice  = 0.3
		minG     = 10.8 // p < 0.001 that the pair co-occurs by chance
		maxPairs = 3    // translations kept per stem
		maxLinks = 5000
	)
	stems := stemsPool.get(len(a.srcVocab.toks) + len(a.tgtVocab.toks))
	defer stemsPool.put(stems)
	names := make([]string, 0, len(a.srcVocab.toks)+len(a.tgtVocab.toks))
	sid := func(w string) int32 {
		s := stem(w)
		if id, ok := stems[s]; ok {
			return id
		}
		id := int32(len(names))
		stems[s] = id
		names = append(names, s)
		return id
	}
	// Stem ids of each type, or -1 for tokens that are not words.
	stemIDs := func(v *vocab) []int32 {
		out := make([]int32, len(v.toks))
		for i, t := range v.toks {
			out[i] = -1
			if t.kind == wordToken && utf8.RuneCountInString(t.text) >= 3 {
				out[i] = sid(t.text)
			}
		}
		return out
	}
	ss, ts := stemIDs(&a.srcVocab), stemIDs(&a.tgtVocab)
	type span struct {
		d        *docState
		from, to node
	}
	var spans []span
	for _, d := range a.docs {
		prev := node{}
		for _, s := range d.path {
			if s.kind != srcOnly && s.kind != tgtOnly && s.post >= confident {
				spans = append(spans, span{d, prev, s.to})
			}
			prev = s.to
		}
	}
	if len(spans) > maxLinks {
		stride := float64(len(spans)) / maxLinks
		var kept []span
		for x := 0.0; int(x) < len(spans); x += stride {
			kept = append(kept, spans[int(x)])
		}
		spans = kept
	}
	type side struct{ src, tgt []int32 }
	links := make([]side, len(spans))
	for x, sp := range spans {
		l := &links[x]
		for i := sp.from.i; i < sp.to.i; i++ {
			l.src = appendStems(l.src, sp.d.src.types[i], ss)
		}
		for j := sp.from.j; j < sp.to.j; j++ {
			l.tgt = appendStems(l.tgt, sp.d.tgt.types[j], ts)
		}
	}
	fs := make([]int32, len(names))
	ft := make([]int32, len(names))
	for _, l := range links {
		for _, x := range l.src {
			fs[x]++
		}
		for _, y := range l.tgt {
			ft[y]++
		}
	}
	// Only stems seen twice can make a pair; skipping the others saves
	// most of the counting. The pairs of a source stem are counted in an
	// array by target stem, over the links that hold it.
	start := make([]int32, len(names)+1)
	for x, f := range fs {
		start[x+1] = start[x]
		if f >= minPair {
			start[x+1] += f
		}
	}
	linksOf := make([]int32, start[len(names)])
	next := slices.Clone(start[:len(names)])
	for li, l := range links {
		for _, x := range l.src {
			if fs[x] >= minPair {
				linksOf[next[x]] = int32(li)
				next[x]++
			}
		}
	}
	type cand struct {
		x, y int32
		dice float64
	}
	// pairs finds the candidate pairs of the source stems from..to-1, with
	// counts of their own.
	pairs := func(from, to int) []cand {
		var cands []cand
		co := make([]int32, len(names))
		var seen []int32
		for x := from; x < to; x++ {
			for _, li := range linksOf[start[x]:start[x+1]] {
				for _, y := range links[li].tgt {
					if ft[y] >= minPair {
						if co[y] == 0 {
							seen = append(seen, y)
						}
						co[y]++
					}
				}
			}
			for _, y := range seen {
				c := co[y]
				co[y] = 0
				if c < minPair {
					continue
				}
				dice := 2 * float64(c) / float64(fs[x]+ft[y])
				if dice >= minDice && gTest(float64(c), float64(fs[x]), float64(ft[y]), float64(len(links))) >= minG {
					cands = append(cands, cand{int32(x), y, dice})
				}
			}
			seen = seen[:0]
		}
		return cands
	}
	// Many links are counted in two halves at once, cut where half of the
	// source stems' links are: the halves' pairs, one after the other, are
	// in the order of one pass over all the stems.
	var cands []cand
	if total := int(start[len(names)]); total < minParallelWork {
		cands = pairs(0, len(names))
	} else {
		mid, _ := slices.BinarySearch(start, int32(total/2))
		var first []cand
		var wg sync.WaitGroup
		wg.Go(func() { first = pairs(0, mid) })
		cands = pairs(mid, len(names))
		wg.Wait()
		cands = append(first, cands...)
	}
	slices.SortFunc(cands, func(p, q cand) int {
		switch {
		case p.dice > q.dice:
			return -1
		case p.dice < q.dice:
			return 1
		case p.x != q.x:
			return int(p.x - q.x)
		}
		return int(p.y - q.y)
	})
	ind := &inducedLexicon{src: map[string][]int32{}, tgt: map[string][]int32{}}
	var np int32
	for _, c := range cands {
		sx, ty := names[c.x], names[c.y]
		if len(ind.src[sx]) >= maxPairs || len(ind.tgt[ty]) >= maxPairs {
			continue
		}
		ind.src[sx] = append(ind.src[sx], np)
		ind.tgt[ty] = append(ind.tgt[ty], np)
		np++
	}
	ind.pairs = int(np)
	return ind
}

// gTest is Dunning's log-likelihood ratio statistic for c co-occurrences
// of two items seen a and b times in n trials.
func gTest(c, a, b, n float64) float64 {
	cells := [4][3]float64{
		{c, a, b},
		{a - c, a, n - b},
		{b - c, n - a, b},
		{n - a - b + c, n - a, n - b},
	}
	var g float64
	for _, k := range cells {
		if k[0] > 0 {
			g += k[0] * math.Log(k[0]*n/(k[1]*k[2]))
		}
	}
	return 2 * g
}

func appendStems(out []int32, types []typeID, stems []int32) []int32 {
	for _, t := range types {
		if s := stems[t]; s >= 0 && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
