package align

import "math"

// fullLimit is the largest lattice searched whole; larger inputs are
// searched coarse to fine.
const fullLimit = 1 << 16

// alignDoc searches one document. When the lattice is large, the first pass
// aligns blocks of sentences first, halving the resolution until the lattice
// is small, then refines the path level by level inside a band around it;
// the second searches a band around the path of the first. A document of
// a batch is searched in its own numbering of types and keys, made with nb.
func (a *aligner) alignDoc(d *docState, skeys, tkeys [][]int32, nk int, nb *numbering) {
	n, m := len(d.src.types), len(d.tgt.types)
	if n == 0 || m == 0 {
		d.path = trivialPath(n, m)
		a.report(1)
		return
	}
	fine := d.level()
	if len(a.docs) > 1 {
		// A lone document uses most of the vocabulary: numbering its types
		// anew would only cost time.
		ds := nb.space(fine.st, fine.tt, skeys, tkeys, nk)
		fine.st, fine.tt, skeys, tkeys, nk = ds.st, ds.tt, ds.skeys, ds.tkeys, ds.nk
	}
	if d.path != nil && n*m > fullLimit {
		lat := a.newLattice(d, fine, 0, skeys, tkeys, nk)
		lat.b = projectBand(d.path, identity(n), identity(m), n, m, max(a.band()/2, 1))
		// Long searches run in parallel chunks, cut where the guiding path
		// is sure: between two confident links.
		var cuts []node
		for x := 1; x < len(d.path); x++ {
			if d.path[x-1].post > 0.99 && d.path[x].post > 0.99 {
				cuts = append(cuts, d.path[x-1].to)
			}
		}
		a.weighLevel(lat, 0)
		d.path = lat.searchParallel(cuts, true)
		d.rate = countMatches(lat, d.path)
		return
	}
	levels := []level{fine}
	if n*m > fullLimit {
		levels[0] = fine.matchable(skeys, tkeys, nk)
	}
	for l := levels[0]; len(l.st)*len(l.tt) > fullLimit; {
		l = l.coarser()
		levels = append(levels, l)
	}
	// The units of a level are built while the coarser one is searched,
	// which for the smaller levels keeps one core only. Its type lists are
	// not needed after that.
	next := make(chan *lattice, 1)
	build := func(li int) {
		l := levels[li]
		levels[li].st, levels[li].tt = nil, nil
		go func() { next <- a.newLattice(d, l, li, skeys, tkeys, nk) }()
	}
	build(len(levels) - 1)
	var path []step
	for li := len(levels) - 1; li >= 0; li-- {
		lat := <-next
		if li > 0 {
			build(li - 1)
		}
		ln, lm := len(lat.src), len(lat.tgt)
		var cuts []node
		if li == len(levels)-1 {
			lat.b = fullBand(ln, lm)
		} else {
			up := levels[li+1]
			lat.b = projectBand(path, up.srcStart, up.tgtStart, ln, lm, a.band())
			// Cut the search into parallel chunks at coarse 1-1 links.
			for x := 1; x < len(path); x++ {
				if path[x-1].k == 0 && path[x].k == 0 {
					cuts = append(cuts, node{up.srcStart[path[x-1].to.i], up.tgtStart[path[x-1].to.j]})
				}
			}
			levels[li+1] = level{} // no longer needed
		}
		a.weighLevel(lat, li)
		path = lat.searchParallel(cuts, li == 0)
		if li == 0 {
			d.rate = countMatches(lat, path)
		}
	}
	d.path = path
}

// level is the input at one resolution of the search: for each unit of
// either side its token types, length and whether it starts a paragraph,
// and at coarse levels where it starts in the level below.
type level struct {
	st, tt             [][]int32
	sc, tc             []float64
	sp, tp             []bool
	srcStart, tgtStart []int
}

// level is the document at the finest resolution, one unit a sentence.
func (d *docState) level() level {
	return level{st: d.src.types, tt: d.tgt.types, sc: d.src.chars, tc: d.tgt.chars, sp: d.src.para, tp: d.tgt.para}
}

// matchable drops the types none of whose keys occur on the other side
// from the type lists: they never match, at no level, and the coarse
// levels, which hold all the types of their blocks, are a third smaller
// without them. The units built from the lists stay the same.
func (l level) matchable(skeys, tkeys [][]int32, nk int) level {
	var dfs, dft []int32
	done := make(chan struct{})
	go func() {
		dfs = docFreq(l.st, skeys, nk)
		done <- struct{}{}
	}()
	dft = docFreq(l.tt, tkeys, nk)
	<-done
	go func() {
		l.st = keepMatching(l.st, skeys, dft)
		done <- struct{}{}
	}()
	l.tt = keepMatching(l.tt, tkeys, dfs)
	<-done
	return l
}

// keepMatching copies the type lists keeping the types with a key that
// dfOther counts.
func keepMatching(types [][]int32, typeKeys [][]int32, dfOther []int32) [][]int32 {
	const unknown, keep, drop = 0, 1, 2
	verdict := make([]uint8, len(typeKeys))
	out := make([][]int32, len(types))
	left := lenSum(types)
	var arena []int32
	for i, ids := range types {
		if cap(arena)-len(arena) < len(ids) {
			arena = make([]int32, 0, max(len(ids), min(left, 1<<16)))
		}
		left -= len(ids)
		start := len(arena)
		for _, t := range ids {
			if verdict[t] == unknown {
				verdict[t] = drop
				for _, k := range typeKeys[t] {
					if dfOther[k] > 0 {
						verdict[t] = keep
						break
					}
				}
			}
			if verdict[t] == keep {
				arena = append(arena, t)
			}
		}
		out[i] = arena[start:len(arena):len(arena)]
	}
	return out
}

// coarser halves the resolution: it joins pairs of units of a side that has
// at least half as many units as the other, so that both sides approach
// the same size.
func (l level) coarser() level {
	ln, lm := len(l.st), len(l.tt)
	gs, gt := 1, 1
	if 2*ln >= lm {
		gs = 2
	}
	if 2*lm >= ln {
		gt = 2
	}
	var c level
	done := make(chan struct{})
	go func() {
		c.st = groupTypes(l.st, gs)
		close(done)
	}()
	c.tt = groupTypes(l.tt, gt)
	<-done
	c.sc, c.srcStart = groupLen(l.sc, gs)
	c.tc, c.tgtStart = groupLen(l.tc, gt)
	// Blocks cut across paragraphs at random, so paragraphs are no evidence
	// at coarse levels: their flags stay false.
	c.sp, c.tp = make([]bool, len(c.sc)), make([]bool, len(c.tc))
	return c
}

// newLattice builds the units of level l (number li, 0 the finest) of a
// document; the band and the weights are the caller's to set.
func (a *aligner) newLattice(d *docState, l level, li int, skeys, tkeys [][]int32, nk int) *lattice {
	n, m := len(d.src.types), len(d.tgt.types)
	ln, lm := len(l.st), len(l.tt)
	lat := &lattice{prm: &a.prm, delScale: math.Sqrt(float64(n+m) / float64(ln+lm)), types: commonTypes}
	if li == 0 && a.final {
		lat.types = nTypes
	}
	if a.opt.Progress != nil {
		// Coarse levels count for the rows they stand for, halved.
		scale := 1.0
		if li > 0 {
			scale = float64(n) / float64(ln) / 2
		}
		lat.progress = func(rows int) { a.report(int(float64(rows) * scale)) }
	}
	lat.src, lat.tgt = l.units(skeys, tkeys, nk)
	if li == 0 {
		for i, x := range d.src.alone {
			lat.src[i].alone = x
		}
		for j, x := range d.tgt.alone {
			lat.tgt[j].alone = x
		}
	}
	return lat
}

// units builds the units of both sides of a level, given the keys of
// every type and the number of keys.
func (l level) units(skeys, tkeys [][]int32, nk int) (src, tgt []unit) {
	done := make(chan struct{})
	go func() {
		src = buildUnits(l.st, l.sc, l.sp, skeys, docFreq(l.tt, tkeys, nk), len(l.tt))
		close(done)
	}()
	tgt = buildUnits(l.tt, l.tc, l.tp, tkeys, docFreq(l.st, skeys, nk), len(l.st))
	<-done
	return src, tgt
}

// weighLevel sets the lexical weights of a lattice whose band is set. The
// match rates come from the 1-1 links of the pass before; coarse blocks
// match differently, so there they are guessed from the best pairs in the
// band.
func (a *aligner) weighLevel(lat *lattice, li int) {
	p1s, p1t := a.prm.p1s, a.prm.p1t
	if li > 0 {
		p1s, p1t = estimateMatchRate(lat)
	}
	lat.srcW = weigh(lat.src, p1s, len(lat.tgt))
	lat.tgtW = weigh(lat.tgt, p1t, len(lat.src))
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
