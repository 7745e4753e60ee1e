package align

import (
	"math"
	"math/bits"
	"slices"
	"sort"
	"unicode/utf8"
)

// defaultPrior is the share of each link type (in the order of linkTypes)
// before the input says otherwise, after Gale and Church with more room for
// merges, which translations of news and books have more of.
var defaultPrior = [nTypes]float64{0.82, 0.012, 0.012, 0.06, 0.06, 0.012, 0.012, 0.012, 0.003, 0.003, 0.003, 0.003}

// defaultParams sets the length ratio from the whole input and everything
// else from defaults that the first pass then re-estimates.
func defaultParams(docs []*docState) params {
	// Both sides' matches count, and they are much the same evidence seen
	// twice; the keys of a token and the tokens of a phrase hang together
	// too: hence a lexical weight well below one.
	p := params{s2: 6.8, p1s: 0.5, p1t: 0.5, lexW: 0.35, paraBreak: 3, paraCross: 6, temp: 1}
	var ls, lt float64
	ns, nt, ps, pt := 0, 0, 0, 0
	for _, d := range docs {
		for _, c := range d.src.chars {
			ls += c
		}
		for _, c := range d.tgt.chars {
			lt += c
		}
		ns += len(d.src.para)
		nt += len(d.tgt.para)
		ps += count(d.src.para)
		pt += count(d.tgt.para)
	}
	// Short inputs say little about the length ratio, and omissions skew
	// it: shrink towards 1 with the weight of a few paragraphs of text.
	const chars = 1000
	p.c = (lt + chars) / (ls + chars)
	p.s2 *= p.c
	// When one side has more than twice the sentences of the other, merges
	// cannot account for the excess: that much is left unaligned, whatever
	// the defaults say.
	prior := defaultPrior
	if ns > 0 && nt > 0 {
		prior[1] = max(prior[1], float64(ns-2*nt)/float64(ns))
		prior[2] = max(prior[2], float64(nt-2*ns)/float64(nt))
	}
	var sum float64
	for _, v := range prior {
		sum += v
	}
	for k, v := range prior {
		p.prior[k] = math.Log(v / sum)
	}
	// Paragraphs are evidence only when both sides have some and they are
	// not simply one sentence each.
	p.usePara = ps > len(docs) && pt > len(docs) &&
		float64(ps) < 0.8*float64(ns) && float64(pt) < 0.8*float64(nt) &&
		float64(ps) < 2*float64(pt) && float64(pt) < 2*float64(ps)
	return p
}

func count(b []bool) int {
	n := 0
	for _, x := range b {
		if x {
			n++
		}
	}
	return n
}

// confident is the posterior above which a first-pass link is trusted for
// estimating parameters and inducing the lexicon.
const confident = 0.9

// estimate re-estimates the length model, the link type shares and the
// match rates from the links of the first pass, and induces a lexicon from
// its confident ones.
func (a *aligner) estimate() {
	var ls, lt []float64
	var counts [nTypes]float64
	var total float64
	var rate matchRate
	for _, d := range a.docs {
		rate.add(d.rate)
		prev := node{}
		for _, s := range d.path {
			counts[s.k]++
			total++
			// All 1-1 links, not only confident ones: those are biased
			// towards good length agreement.
			if s.k == 0 {
				i, j := prev.i, prev.j
				ls = append(ls, d.src.chars[i])
				lt = append(lt, d.tgt.chars[j])
			}
			prev = s.to
		}
	}
	p := &a.prm
	if len(ls) >= 5 {
		var sl, st float64
		for i := range ls {
			sl += ls[i]
			st += lt[i]
		}
		p.c = st / sl
		// The median squared deviation per char, scaled to the variance
		// of a Laplace law, is not thrown by the odd wrong link.
		dev := make([]float64, len(ls))
		for i := range ls {
			d := lt[i] - p.c*ls[i]
			dev[i] = d * d / math.Max((ls[i]+lt[i]/p.c)/2, 1)
		}
		sort.Float64s(dev)
		s2 := dev[len(dev)/2] * 2 / (math.Ln2 * math.Ln2)
		p.s2 = math.Min(math.Max(s2, 1*p.c), 40*p.c)
	}
	if rate.slots[0] > 0 && rate.slots[1] > 0 {
		p.p1s = clamp(rate.matched[0]/rate.slots[0], 0.2, 0.9)
		p.p1t = clamp(rate.matched[1]/rate.slots[1], 0.2, 0.9)
	}
	// Shares of link types, smoothed towards the defaults.
	const alpha = 50
	for k := range counts {
		p.prior[k] = math.Log((counts[k] + alpha*defaultPrior[k]) / (total + alpha))
		if k >= commonTypes {
			p.prior[k] = math.Log(defaultPrior[k]) // the first pass does not search them
		}
	}
	if !a.opt.NoInducedLexicon {
		a.ind = a.induce()
	}
}

// matchRate counts the token slots of the source and target units of 1-1
// links and how many of them found a match.
type matchRate struct{ matched, slots [2]float64 }

func (r *matchRate) add(o matchRate) {
	for k := range r.slots {
		r.matched[k] += o.matched[k]
		r.slots[k] += o.slots[k]
	}
}

// countMatches adds up the match rate of the 1-1 links of a path. All 1-1
// links count, not only confident ones: those are biased towards many
// matches.
func countMatches(lat *lattice, path []step) matchRate {
	var r matchRate
	var mr matcher
	from := node{}
	for _, s := range path {
		if s.k == 0 {
			u, v := &lat.src[from.i], &lat.tgt[from.j]
			a, b := mr.match(u.keys, v.keys)
			r.matched[0] += float64(bits.OnesCount64(a))
			r.matched[1] += float64(bits.OnesCount64(b))
			r.slots[0] += float64(u.nslot)
			r.slots[1] += float64(v.nslot)
		}
		from = s.to
	}
	return r
}

func clamp(x, lo, hi float64) float64 { return math.Min(math.Max(x, lo), hi) }

// induce learns a lexicon from the confident links of the first pass: stem
// pairs that occur in the same links far more often than chance, by the
// Dice coefficient, as in hunalign's and Moore's second passes.
func (a *aligner) induce() *induced {
	const (
		minPair  = 2
		minDice  = 0.3
		minG     = 10.8 // p < 0.001 that the pair co-occurs by chance
		maxPairs = 3    // translations kept per stem
		maxLinks = 5000
	)
	stems := map[string]int32{}
	var names []string
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
	ss, ts := stemIDs(&a.sv), stemIDs(&a.tv)
	type span struct {
		d        *docState
		from, to node
	}
	var spans []span
	for _, d := range a.docs {
		prev := node{}
		for _, s := range d.path {
			if s.k != 1 && s.k != 2 && s.post >= confident {
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
	var cands []cand
	co := make([]int32, len(names))
	var seen []int32
	for x := range names {
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
	ind := &induced{src: map[string][]int32{}, tgt: map[string][]int32{}}
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

func appendStems(out []int32, types []int32, stems []int32) []int32 {
	for _, t := range types {
		if s := stems[t]; s >= 0 && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
