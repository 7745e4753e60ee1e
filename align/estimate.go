package align

import (
	"math"
	"math/bits"
	"slices"
	"sort"
)

// defaultPrior is the share of each link type (in the order of linkTypes)
// before the input says otherwise, after Gale and Church with more room for
// merges, which translations of news and books have more of.
var defaultPrior = [nTypes]float64{0.82, 0.012, 0.012, 0.06, 0.06, 0.012, 0.012, 0.012, 0.003, 0.003, 0.003, 0.003, 0.003, 0.002, 0.002}

// defaultParams sets the length ratio from the whole input and everything
// else from defaults that the first pass then re-estimates.
func defaultParams(docs []*docState) params {
	// Both sides' matches count, and they are much the same evidence seen
	// twice; the keys of a token and the tokens of a phrase hang together
	// too: hence a lexical weight well below one.
	p := params{lengthVar: defaultLengthVar, srcMatchRate: 0.5, tgtMatchRate: 0.5, lexWeight: 0.35, paraBreak: 3, paraCross: 6, temperature: 1}
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
	p.lengthRatio = (lt + chars) / (ls + chars)
	p.lengthVar *= p.lengthRatio
	// When one side has more than twice the sentences of the other, merges
	// cannot account for the excess: that much is left unaligned, whatever
	// the defaults say.
	prior := defaultPrior
	if ns > 0 && nt > 0 {
		prior[srcOnly] = max(prior[srcOnly], float64(ns-2*nt)/float64(ns))
		prior[tgtOnly] = max(prior[tgtOnly], float64(nt-2*ns)/float64(nt))
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

// defaultLengthVar is the variance per char of the length model before
// the input says otherwise, for a length ratio of one.
const defaultLengthVar = 6.8

func count(b []bool) int {
	n := 0
	for _, x := range b {
		if x {
			n++
		}
	}
	return n
}

// estimate re-estimates the length model, the link type shares, the match
// rates and what sentence endings say from the links of the first pass,
// and induces a lexicon from its confident ones.
func (a *aligner) estimate() {
	var ls, lt []float64
	var counts [nTypes]float64
	var total float64
	var rate matchRate
	for _, d := range a.docs {
		rate.add(d.rate)
		prev := node{}
		for _, s := range d.path {
			counts[s.kind]++
			total++
			// All 1-1 links, not only confident ones: those are biased
			// towards good length agreement.
			if s.kind == oneToOne {
				i, j := prev.i, prev.j
				ls = append(ls, d.src.chars[i])
				lt = append(lt, d.tgt.chars[j])
			}
			prev = s.to
		}
	}
	p := &a.params
	if len(ls) >= 5 {
		p.lengthRatio, p.lengthVar = lengthModel(ls, lt)
	}
	if rate.src.slots > 0 && rate.tgt.slots > 0 {
		p.srcMatchRate = clamp(rate.src.matched/rate.src.slots, 0.2, 0.9)
		p.tgtMatchRate = clamp(rate.tgt.matched/rate.tgt.slots, 0.2, 0.9)
	}
	a.markRuns(&counts, &total)
	// Shares of link types, smoothed towards the defaults.
	const alpha = 50
	for k := range counts {
		p.prior[k] = math.Log((counts[k] + alpha*defaultPrior[k]) / (total + alpha))
		if k >= commonTypes {
			p.prior[k] = math.Log(defaultPrior[k]) // the first pass does not search them
		}
	}
	a.ends = a.learnEndings()
	switch {
	case a.opt.NoInducedLexicon:
	case a.opt.Lexicon != nil:
		a.induced = a.opt.Lexicon.ind
	default:
		a.induced = a.induce()
	}
	if a.induced != nil {
		p.lexWeight = inducedLexWeight
	}
}

// lengthPriorLinks is the weight, in 1-1 links, of the default variance
// of the length model against the one the links give. The median of a
// short document's few links swings widely between documents of one kind
// (on the held-out Text+Berg documents, from 2.6 to 7.9 aligned alone,
// 5.1 aligned together), and one too small lets the length evidence
// overrule the words; a long document's links outweigh the default.
const lengthPriorLinks = 30

// lengthModel estimates the length ratio and the variance per char of the
// length model from the source and target lengths of 1-1 links.
func lengthModel(ls, lt []float64) (ratio, variance float64) {
	var sumSrc, sumTgt float64
	for i := range ls {
		sumSrc += ls[i]
		sumTgt += lt[i]
	}
	ratio = sumTgt / sumSrc
	// The median squared deviation per char, scaled to the variance of a
	// Laplace law, is not thrown by the odd wrong link.
	dev := make([]float64, len(ls))
	for i := range ls {
		d := lt[i] - ratio*ls[i]
		dev[i] = d * d / math.Max((ls[i]+lt[i]/ratio)/2, 1)
	}
	sort.Float64s(dev)
	s2 := dev[len(dev)/2] * 2 / (math.Ln2 * math.Ln2)
	n := float64(len(ls))
	s2 = (n*s2 + lengthPriorLinks*defaultLengthVar*ratio) / (n + lengthPriorLinks)
	return ratio, clamp(s2, ratio, 40*ratio)
}

// inducedLexWeight is the lexical weight of the final pass when it counts
// the matches of an induced lexicon, a little lower than the first pass's.
// Those pairs are learnt from the first pass's own links, so their matches
// are less independent evidence than the seed's; at the first pass's weight
// they split more of the many-to-many links of books (on Text+Berg, 0.30
// mends three such links out of about a thousand; 0.29 to 0.31 do the same,
// and news links do not change).
const inducedLexWeight = 0.3

// A run of at least minRun sentences left out in a row (a block of
// captions, a page the translation lacks) is one event, not one a
// sentence: counted one by one, such runs make leaving out a lone sentence
// look common, and the final pass then cuts translations in two to leave
// out half. The sentences of a run keep the prior runLeaveOut instead.
const (
	minRun      = 3
	runLeaveOut = 0.5
)

// markRuns finds the runs of the first pass's path, counts each as one 1-0
// or 0-1 link in counts and total, and sets the leaveOut priors of their
// sentences.
func (a *aligner) markRuns(counts *[nTypes]float64, total *float64) {
	for _, d := range a.docs {
		d.src.leaveOut, d.tgt.leaveOut = nil, nil
		start, from := 0, node{} // of the current run
		for x := 0; x <= len(d.path); x++ {
			if x < len(d.path) && (d.path[x].kind == srcOnly || d.path[x].kind == tgtOnly) {
				continue
			}
			if x-start >= minRun {
				if d.src.leaveOut == nil {
					d.src.leaveOut = make([]float64, len(d.src.types))
					d.tgt.leaveOut = make([]float64, len(d.tgt.types))
				}
				at := from
				for _, s := range d.path[start:x] {
					if s.kind == srcOnly {
						d.src.leaveOut[at.i] = math.Log(runLeaveOut)
					} else {
						d.tgt.leaveOut[at.j] = math.Log(runLeaveOut)
					}
					counts[s.kind]--
					*total--
					at = s.to
				}
				counts[d.path[start].kind]++
				*total++
			}
			if x < len(d.path) {
				from = d.path[x].to
			}
			start = x + 1
		}
	}
}

// matchRate counts the token slots of the source and target units of 1-1
// links and how many of them found a match.
type matchRate struct{ src, tgt slotCount }

type slotCount struct{ matched, slots float64 }

func (r *matchRate) add(o matchRate) {
	r.src.matched += o.src.matched
	r.src.slots += o.src.slots
	r.tgt.matched += o.tgt.matched
	r.tgt.slots += o.tgt.slots
}

// countMatches adds up the match rate of the 1-1 links of a path. All 1-1
// links count, not only confident ones: those are biased towards many
// matches.
func countMatches(lat *lattice, path []step) matchRate {
	var r matchRate
	var mr matcher
	defer mr.release()
	from := node{}
	for _, s := range path {
		if s.kind == oneToOne {
			u, v := &lat.src[from.i], &lat.tgt[from.j]
			a, b := mr.match(u.keys, v.keys)
			r.src.matched += float64(bits.OnesCount64(a))
			r.tgt.matched += float64(bits.OnesCount64(b))
			r.src.slots += float64(u.nslot)
			r.tgt.slots += float64(v.nslot)
		}
		from = s.to
	}
	return r
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
	defer mr.release()
	for s := 0; s < n; s += step {
		u := &lat.src[s]
		best, bs, bt := -1.0, 0.0, 0.0
		mr.mark(u.keys)
		for t := max(lat.band.lo[s+1]-1, 0); t < lat.band.hi[s+1] && t < len(lat.tgt); t++ {
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

func clamp(x, lo, hi float64) float64 { return math.Min(math.Max(x, lo), hi) }
