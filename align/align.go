package align

import (
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/paralel/paralel/corpus"
)

// Link pairs consecutive source sentences with consecutive target sentences.
// Src and Tgt are indices into the sentence lists; one of them is empty for a
// sentence without counterpart. Score is the confidence in [0,1]: links with
// low scores are the ones worth checking first.
type Link struct {
	Src, Tgt []int
	Score    float64
}

// Options tune the aligner. The zero value is a good default.
type Options struct {
	// Fixed links must be part of the result (a translator confirmed them):
	// only the gaps between fixed pairs are aligned, and sentences of fixed
	// 1-0 and 0-1 links stay unaligned. Links that overlap an earlier one,
	// leave the input or break the order are ignored. AlignAll ignores
	// Fixed.
	Fixed []Link

	// Progress, when set, is called now and then with the work done so far
	// and the total, in arbitrary units.
	Progress func(done, total int)

	// SrcLang and TgtLang are ISO 639-1 codes. Language data (the seed
	// lexicon) is used only where the pair has some; when a code is empty
	// the language is guessed from the text among those with data.
	SrcLang, TgtLang string

	// NoSeedLexicon and NoInducedLexicon switch those evidence sources off.
	NoSeedLexicon, NoInducedLexicon bool

	// Band is how far, in sentences, the fine search may stray from the
	// path found at the coarser resolution of long texts (default 3).
	Band int
}

// Bitext is one document and its translation.
type Bitext struct {
	Name     string
	Src, Tgt []corpus.Sentence
}

// Align aligns the sentences of one document with those of its
// translation. The links are in order and cover every sentence exactly
// once.
func Align(src, tgt []corpus.Sentence, opt Options) []Link {
	pairs, dels, alone := fixedLinks(opt.Fixed, len(src), len(tgt))
	opt.Fixed = nil
	// Align the gaps between fixed pairs together, so that they share the
	// lexicon and the length model, then put the fixed pairs back.
	var gaps []Bitext
	var flags [][2][]bool
	var starts [][2]int
	s, t := 0, 0
	for _, f := range append(pairs, Link{Src: []int{len(src)}, Tgt: []int{len(tgt)}}) {
		fs, ft := f.Src[0], f.Tgt[0]
		gaps = append(gaps, Bitext{Src: src[s:fs], Tgt: tgt[t:ft]})
		flags = append(flags, [2][]bool{isSet(alone[0][s:fs]), isSet(alone[1][t:ft])})
		starts = append(starts, [2]int{s, t})
		s, t = fs+len(f.Src), ft+len(f.Tgt)
	}
	a := newAligner(gaps, opt)
	for g, d := range a.docs {
		d.src.alone, d.tgt.alone = flags[g][0], flags[g][1]
	}
	var out []Link
	for g, links := range a.run() {
		for _, l := range links {
			l = Link{Src: shift(l.Src, starts[g][0]), Tgt: shift(l.Tgt, starts[g][1]), Score: l.Score}
			// A fixed 1-0 or 0-1 link comes out one sentence at a time: put
			// it back whole where its first sentence is.
			if d := unalignedOf(l, alone); d >= 0 {
				if f := dels[d]; slices.Equal(f.Src[:min(1, len(f.Src))], l.Src) && slices.Equal(f.Tgt[:min(1, len(f.Tgt))], l.Tgt) {
					out = append(out, Link{Src: slices.Clone(f.Src), Tgt: slices.Clone(f.Tgt), Score: 1})
				}
				continue
			}
			out = append(out, l)
		}
		if g < len(pairs) {
			f := pairs[g]
			out = append(out, Link{Src: slices.Clone(f.Src), Tgt: slices.Clone(f.Tgt), Score: 1})
		}
	}
	return out
}

func shift(ids []int, by int) []int {
	if len(ids) == 0 {
		return nil
	}
	out := make([]int, len(ids))
	for i, x := range ids {
		out[i] = x + by
	}
	return out
}

// fixedLinks sorts the fixed links into the pairs the result must contain,
// in order, and the 1-0 and 0-1 links (dels), whose sentences alone marks
// with their index in dels (-1 for the others). Links that leave the input,
// are not runs of consecutive indices or overlap or cross a pair kept
// before them are ignored.
func fixedLinks(fixed []Link, n, m int) (pairs, dels []Link, alone [2][]int) {
	alone = [2][]int{make([]int, n), make([]int, m)}
	for side := range alone {
		for i := range alone[side] {
			alone[side][i] = -1
		}
	}
	s, t := 0, 0
	for _, f := range fixed {
		if len(f.Src) == 0 || len(f.Tgt) == 0 || !run(f.Src, s, n) || !run(f.Tgt, t, m) {
			continue
		}
		pairs = append(pairs, f)
		s, t = f.Src[len(f.Src)-1]+1, f.Tgt[len(f.Tgt)-1]+1
		for _, x := range f.Src {
			alone[0][x] = -2 // taken by a pair
		}
		for _, y := range f.Tgt {
			alone[1][y] = -2
		}
	}
	for _, f := range fixed {
		side, ids := 0, f.Src
		if len(f.Src) == 0 {
			side, ids = 1, f.Tgt
		}
		if len(f.Src) > 0 && len(f.Tgt) > 0 || len(ids) == 0 || !run(ids, 0, len(alone[side])) ||
			slices.ContainsFunc(ids, func(x int) bool { return alone[side][x] != -1 }) {
			continue
		}
		for _, x := range ids {
			alone[side][x] = len(dels)
		}
		dels = append(dels, f)
	}
	for side := range alone {
		for i, d := range alone[side] {
			alone[side][i] = max(d, -1)
		}
	}
	return pairs, dels, alone
}

// unalignedOf returns the index of the fixed 1-0 or 0-1 link that a link
// of one sentence belongs to, or -1.
func unalignedOf(l Link, alone [2][]int) int {
	switch {
	case len(l.Src) == 1 && len(l.Tgt) == 0:
		return alone[0][l.Src[0]]
	case len(l.Src) == 0 && len(l.Tgt) == 1:
		return alone[1][l.Tgt[0]]
	}
	return -1
}

func isSet(ids []int) []bool {
	out := make([]bool, len(ids))
	for i, d := range ids {
		out[i] = d >= 0
	}
	return out
}

// run reports whether ids are consecutive, start at from or later and end
// before n.
func run(ids []int, from, n int) bool {
	for i, x := range ids {
		if x < from || x >= n || i > 0 && x != ids[i-1]+1 {
			return false
		}
	}
	return true
}

// AlignAll aligns several documents. The lexicon induced from the input and
// the length model are estimated from all documents pooled, so a batch of
// short documents aligns better than each one alone.
func AlignAll(docs []Bitext, opt Options) [][]Link {
	a := newAligner(docs, opt)
	return a.run()
}

// aligner holds what the documents of one call share: vocabularies, keys
// and the estimated parameters.
type aligner struct {
	opt        Options
	docs       []*docState
	sv, tv     vocab
	seed       *lexicon
	ind        *induced
	prm        params
	work, done int
	final      bool // the pass under way is the last
	mu         sync.Mutex
}

type docState struct {
	src, tgt sideText
	rate     matchRate // of the 1-1 links of the last pass
	path     []step
}

func newAligner(docs []Bitext, opt Options) *aligner {
	a := &aligner{opt: opt, sv: newVocab(), tv: newVocab()}
	for _, d := range docs {
		a.docs = append(a.docs, &docState{
			src: newSideText(&a.sv, texts(d.Src), paras(d.Src)),
			tgt: newSideText(&a.tv, texts(d.Tgt), paras(d.Tgt)),
		})
		a.work += workOf(len(d.Src), len(d.Tgt))
	}
	if !opt.NoSeedLexicon {
		a.seed = a.pickSeed()
	}
	a.prm = defaultParams(a.docs)
	return a
}

func texts(ss []corpus.Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func paras(ss []corpus.Sentence) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i] = s.Para
	}
	return out
}

// pickSeed finds the seed lexicon for the languages. Languages that are not
// given are guessed from the text, and so are both when the text clearly
// says the sides are the other way round.
func (a *aligner) pickSeed() *lexicon {
	probe := sqEn()
	guess := func(v *vocab, side func(*docState) sideText) string {
		var sents [][]token
		for _, d := range a.docs {
			for _, ids := range side(d).types {
				ts := make([]token, len(ids))
				for x, id := range ids {
					ts[x] = v.toks[id]
				}
				sents = append(sents, ts)
			}
		}
		return [...]string{"", "sq", "en"}[probe.guessSide(sents)]
	}
	sl, tl := a.opt.SrcLang, a.opt.TgtLang
	gs := guess(&a.sv, func(d *docState) sideText { return d.src })
	gt := guess(&a.tv, func(d *docState) sideText { return d.tgt })
	if gs != "" && gt != "" && gs != gt {
		sl, tl = gs, gt
	}
	if sl == "" {
		sl = gs
	}
	if tl == "" {
		tl = gt
	}
	return seedLexicon(sl, tl)
}

func (a *aligner) run() [][]Link {
	// A first pass with the seed evidence finds confident links; the length
	// model, link shares and induced lexicon estimated from them drive the
	// second.
	a.pass()
	a.estimate()
	a.final = true
	a.pass()
	a.report(a.work)
	out := make([][]Link, len(a.docs))
	for di, d := range a.docs {
		links := make([]Link, 0, len(d.path))
		prev := node{}
		for _, s := range d.path {
			l := Link{Score: s.post}
			for x := prev.i; x < s.to.i; x++ {
				l.Src = append(l.Src, x)
			}
			for y := prev.j; y < s.to.j; y++ {
				l.Tgt = append(l.Tgt, y)
			}
			links = append(links, l)
			prev = s.to
		}
		out[di] = links
	}
	return out
}

// pass aligns every document with the current keys and parameters, several
// at a time.
func (a *aligner) pass() {
	ks := &keySpace{ids: map[string]int32{}}
	skeys := typeKeys(ks, &a.sv, true, a.seed, a.ind)
	tkeys := typeKeys(ks, &a.tv, false, a.seed, a.ind)
	nk := len(ks.ids)
	jobs := make(chan *docState)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				a.alignDoc(d, skeys, tkeys, nk)
			}
		}()
	}
	for _, d := range a.docs {
		jobs <- d
	}
	close(jobs)
	wg.Wait()
}

// workOf is the work of aligning a document in both passes, counted in
// rows of the search: the first pass of a long document also searches the
// coarse levels, about as many rows again.
func workOf(n, m int) int {
	switch {
	case n == 0 || m == 0:
		return 2
	case n*m > fullLimit:
		return 3 * (n + 1)
	}
	return 2 * (n + 1)
}

// report adds n to the work done and tells Options.Progress.
func (a *aligner) report(n int) {
	if a.opt.Progress == nil || n == 0 {
		return
	}
	a.mu.Lock()
	a.done = min(a.done+n, a.work)
	done := a.done
	a.opt.Progress(done, a.work)
	a.mu.Unlock()
}

// fullLimit is the largest lattice searched whole; larger inputs are
// searched coarse to fine.
const fullLimit = 1 << 16

// alignDoc searches one document: when the lattice is large it first aligns
// blocks of sentences, halving the resolution until the lattice is small,
// then refines the path level by level inside a band around it.
func (a *aligner) alignDoc(d *docState, skeys, tkeys [][]int32, nk int) {
	n, m := len(d.src.types), len(d.tgt.types)
	if n == 0 || m == 0 {
		d.path = trivialPath(n, m)
		a.report(1)
		return
	}
	type res struct {
		st, tt             [][]int32
		sc, tc             []float64
		sp, tp             []bool
		srcStart, tgtStart []int
	}
	levels := []res{{st: d.src.types, tt: d.tgt.types, sc: d.src.chars, tc: d.tgt.chars, sp: d.src.para, tp: d.tgt.para}}
	// A later pass searches around the path of the pass before.
	prevPath := d.path
	large := n*m > fullLimit
	for prevPath == nil || !large {
		l := levels[len(levels)-1]
		ln, lm := len(l.st), len(l.tt)
		if ln*lm <= fullLimit {
			break
		}
		gs, gt := 1, 1
		if 2*ln >= lm {
			gs = 2
		}
		if 2*lm >= ln {
			gt = 2
		}
		c := res{st: groupTypes(l.st, gs), tt: groupTypes(l.tt, gt)}
		// Blocks cut across paragraphs at random, so paragraphs are no
		// evidence at coarse levels: their flags stay false.
		c.sc, c.srcStart = groupLen(l.sc, gs)
		c.tc, c.tgtStart = groupLen(l.tc, gt)
		c.sp, c.tp = make([]bool, len(c.sc)), make([]bool, len(c.tc))
		levels = append(levels, c)
	}
	var path []step
	for li := len(levels) - 1; li >= 0; li-- {
		l := levels[li]
		ln, lm := len(l.st), len(l.tt)
		lat := &lattice{prm: &a.prm, delScale: math.Sqrt(float64(n+m) / float64(ln+lm)), types: commonTypes}
		if li == 0 && a.final {
			lat.types = nTypes
		}
		if a.opt.Progress != nil {
			// Coarse levels count for the rows they stand for, halved.
			scale := float64(n) / float64(ln) / 2
			if li == 0 {
				scale = 1
			}
			lat.progress = func(rows int) { a.report(int(float64(rows) * scale)) }
		}
		done := make(chan struct{})
		go func() {
			lat.src = buildUnits(l.st, l.sc, l.sp, skeys, docFreq(l.tt, tkeys, nk), lm)
			close(done)
		}()
		lat.tgt = buildUnits(l.tt, l.tc, l.tp, tkeys, docFreq(l.st, skeys, nk), ln)
		<-done
		if li == 0 {
			for i, x := range d.src.alone {
				lat.src[i].alone = x
			}
			for j, x := range d.tgt.alone {
				lat.tgt[j].alone = x
			}
		}
		// Long searches run in parallel chunks, cut where the guiding path
		// is sure: between two confident links of the pass before, or at a
		// coarse 1-1 link.
		var cuts []node
		switch {
		case large && prevPath != nil:
			lat.b = projectBand(prevPath, identity(n), identity(m), n, m, max(a.band()/2, 1))
			for x := 1; x < len(prevPath); x++ {
				if prevPath[x-1].post > 0.99 && prevPath[x].post > 0.99 {
					cuts = append(cuts, prevPath[x-1].to)
				}
			}
		case li == len(levels)-1:
			lat.b = fullBand(ln, lm)
		default:
			up := levels[li+1]
			lat.b = projectBand(path, up.srcStart, up.tgtStart, ln, lm, a.band())
			for x := 1; x < len(path); x++ {
				if path[x-1].k == 0 && path[x].k == 0 {
					cuts = append(cuts, node{up.srcStart[path[x-1].to.i], up.tgtStart[path[x-1].to.j]})
				}
			}
		}
		// The match rate comes from the confident links of the pass before;
		// coarse blocks match differently, so there it is guessed from the
		// best pairs in the band.
		p1s, p1t := a.prm.p1s, a.prm.p1t
		if li > 0 {
			p1s, p1t = estimateMatchRate(lat)
		}
		lat.srcW = weigh(lat.src, p1s, lm)
		lat.tgtW = weigh(lat.tgt, p1t, ln)
		path = lat.searchParallel(cuts, li == 0)
		if li+1 < len(levels) {
			levels[li+1] = res{} // no longer needed
		}
		if li == 0 {
			d.rate = countMatches(lat, path)
		}
	}
	d.path = path
}

func (a *aligner) band() int {
	if a.opt.Band > 0 {
		return a.opt.Band
	}
	return 3
}

func identity(n int) []int {
	s := make([]int, n+1)
	for i := range s {
		s[i] = i
	}
	return s
}

// groupLen sums the lengths of consecutive groups of k units and says
// where each group starts.
func groupLen(chars []float64, k int) ([]float64, []int) {
	var c []float64
	var start []int
	for i := 0; i < len(chars); i += k {
		var s float64
		for j := i; j < i+k && j < len(chars); j++ {
			s += chars[j]
		}
		c = append(c, s)
		start = append(start, i)
	}
	start = append(start, len(chars))
	return c, start
}

func trivialPath(n, m int) []step {
	var path []step
	for i := 1; i <= n; i++ {
		path = append(path, step{to: node{i, 0}, k: 1, post: 1})
	}
	for j := 1; j <= m; j++ {
		path = append(path, step{to: node{n, j}, k: 2, post: 1})
	}
	return path
}

// projectBand maps a coarse path onto the finer level and widens it by w
// units each way.
func projectBand(path []step, srcStart, tgtStart []int, n, m, w int) band {
	lo := make([]int, n+1)
	hi := make([]int, n+1)
	for i := range lo {
		lo[i], hi[i] = m, 0
	}
	prev := node{}
	for _, s := range path {
		x0, x1 := srcStart[prev.i], srcStart[s.to.i]
		y0, y1 := tgtStart[prev.j], tgtStart[s.to.j]
		for i := x0; i <= x1; i++ {
			lo[i] = min(lo[i], y0)
			hi[i] = max(hi[i], y1)
		}
		prev = s.to
	}
	b := band{make([]int, n+1), make([]int, n+1)}
	// Widen along both axes: a window minimum over rows, then a margin.
	for i := 0; i <= n; i++ {
		l, h := m, 0
		for k := max(0, i-w); k <= min(n, i+w); k++ {
			l = min(l, lo[k])
			h = max(h, hi[k])
		}
		b.lo[i] = max(0, l-w)
		b.hi[i] = min(m, h+w)
	}
	// Keep the band a connected staircase from (0,0) to (n,m).
	b.lo[0], b.hi[n] = 0, m
	for i := 1; i <= n; i++ {
		b.lo[i] = max(b.lo[i], b.lo[i-1])
		b.hi[i] = max(b.hi[i], b.hi[i-1])
	}
	for i := n - 1; i >= 0; i-- {
		b.lo[i] = min(b.lo[i], b.lo[i+1])
		b.hi[i] = max(b.hi[i], b.lo[i+1])
	}
	return b
}
