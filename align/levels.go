package align

import (
	"math"
	"sync"
)

// level is the input at one resolution of the search.
type level struct{ src, tgt levelSide }

// levelSide is one side of a level: for each unit its token types, its
// length and whether it starts a paragraph, and at coarse levels where it
// starts in the level below.
type levelSide struct {
	types [][]typeID
	chars []float64
	para  []bool
	start []int // coarse levels only; one more, the end
}

// level is the document at the finest resolution, one unit a sentence.
func (d *docState) level() level {
	return level{
		src: levelSide{types: d.src.types, chars: d.src.chars, para: d.src.para},
		tgt: levelSide{types: d.tgt.types, chars: d.tgt.chars, para: d.tgt.para},
	}
}

// matchable drops the types none of whose keys occur on the other side
// from the type lists: they never match, at no level, and the coarse
// levels, which hold all the types of their blocks, are a third smaller
// without them. The units built from the lists stay the same.
func (l level) matchable(keys keyTables) level {
	var dfs, dft []int32
	done := make(chan struct{})
	go func() {
		dfs = docFreq(l.src.types, keys.src, keys.count)
		done <- struct{}{}
	}()
	dft = docFreq(l.tgt.types, keys.tgt, keys.count)
	<-done
	go func() {
		l.src.types = keepMatching(l.src.types, keys.src, dft)
		done <- struct{}{}
	}()
	l.tgt.types = keepMatching(l.tgt.types, keys.tgt, dfs)
	<-done
	countsPool.put(dfs)
	countsPool.put(dft)
	return l
}

// keepMatching copies the type lists keeping the types with a key that
// dfOther counts.
func keepMatching(types [][]typeID, typeKeys [][]keyID, dfOther []int32) [][]typeID {
	const unknown, keep, drop = 0, 1, 2
	verdict := make([]uint8, len(typeKeys))
	out := make([][]typeID, len(types))
	ar := newListArena(types)
	for i, ids := range types {
		l := ar.room(len(ids))
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
				l = append(l, t)
			}
		}
		out[i] = ar.keep(l)
	}
	return out
}

// coarser halves the resolution: it joins pairs of units of a side that has
// at least half as many units as the other, so that both sides approach
// the same size.
func (l level) coarser() level {
	ln, lm := len(l.src.types), len(l.tgt.types)
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
		c.src.types = groupTypes(l.src.types, gs)
		close(done)
	}()
	c.tgt.types = groupTypes(l.tgt.types, gt)
	<-done
	c.src.chars, c.src.start = groupLen(l.src.chars, gs)
	c.tgt.chars, c.tgt.start = groupLen(l.tgt.chars, gt)
	// Blocks cut across paragraphs at random, so paragraphs are no evidence
	// at coarse levels: their flags stay false.
	c.src.para, c.tgt.para = make([]bool, len(c.src.chars)), make([]bool, len(c.tgt.chars))
	return c
}

// groupTypes merges the sorted type lists of consecutive groups of k = 1
// or 2 units.
func groupTypes(types [][]typeID, k int) [][]typeID {
	if k == 1 {
		return types
	}
	out := make([][]typeID, 0, (len(types)+1)/2)
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

// A listArena hands out the room of type lists from blocks that many lists
// share, and holds them with no spare capacity: far fewer allocations than
// one a list, and no room left over where lists come out shorter than
// their bound. A block is no larger than the types still to come need, so
// that a short document takes no more than its size.
type listArena struct {
	buf  []typeID
	left int // types still to come
}

func newListArena(types [][]typeID) *listArena { return &listArena{left: lenSum(types)} }

// room returns an empty list with room for n types, to be appended to and
// then handed to keep. It counts the n types as come.
func (ar *listArena) room(n int) []typeID {
	if cap(ar.buf)-len(ar.buf) < n {
		ar.buf = make([]typeID, 0, max(n, min(ar.left, 1<<16)))
	}
	ar.left -= n
	return ar.buf[len(ar.buf):len(ar.buf)]
}

// keep takes a list that was built in the room room returned last and
// returns it with no spare capacity.
func (ar *listArena) keep(l []typeID) []typeID {
	ar.buf = ar.buf[:len(ar.buf)+len(l)]
	return l[:len(l):len(l)]
}

// newLattice builds the units of level l (number li, 0 the finest) of a
// document; the band and the weights are the caller's to set.
func (a *aligner) newLattice(d *docState, l level, li int, keys keyTables) *lattice {
	n, m := len(d.src.types), len(d.tgt.types)
	ln, lm := len(l.src.types), len(l.tgt.types)
	lat := &lattice{params: &a.params, delScale: math.Sqrt(float64(n+m) / float64(ln+lm)), searched: commonTypes}
	if li == 0 && a.final {
		lat.searched = nTypes
		lat.byCell = true
	}
	if a.opt.Progress != nil {
		// Coarse levels count for the rows they stand for, halved.
		scale := 1.0
		if li > 0 {
			scale = float64(n) / float64(ln) / 2
		}
		lat.progress = func(rows int) { a.report(int(float64(rows) * scale)) }
	}
	lat.src, lat.tgt = l.units(keys)
	if li == 0 {
		for i, x := range d.src.alone {
			lat.src[i].alone = x
		}
		for j, x := range d.tgt.alone {
			lat.tgt[j].alone = x
		}
		if a.final {
			for _, i := range d.src.credits {
				lat.src[i].alone = true
			}
			for _, j := range d.tgt.credits {
				lat.tgt[j].alone = true
			}
		}
		if a.final && a.ends != nil {
			lat.ends = a.ends
			for i, x := range d.src.end {
				lat.src[i].end = x
				lat.src[i].begin = d.src.begin[i]
			}
			for j, x := range d.tgt.end {
				lat.tgt[j].end = x
				lat.tgt[j].begin = d.tgt.begin[j]
			}
		}
		for i, x := range d.src.leaveOut {
			lat.src[i].leaveOut = x
			lat.ownLeaveOut = lat.ownLeaveOut || x != 0
		}
		for j, x := range d.tgt.leaveOut {
			lat.tgt[j].leaveOut = x
			lat.ownLeaveOut = lat.ownLeaveOut || x != 0
		}
	}
	return lat
}

// units builds the units of both sides of a level, given the keys of
// every type and the number of keys.
func (l level) units(keys keyTables) (src, tgt []unit) {
	build := func(side, other levelSide, sideKeys, otherKeys [][]keyID) []unit {
		df := docFreq(other.types, otherKeys, keys.count)
		defer countsPool.put(df)
		return buildUnits(side.types, side.chars, side.para, sideKeys, df, len(other.types))
	}
	buildSrc := func() { src = build(l.src, l.tgt, keys.src, keys.tgt) }
	// The two sides are built at once unless they are short.
	var wg sync.WaitGroup
	if len(l.src.types)+len(l.tgt.types) < minParallelUnits {
		buildSrc()
	} else {
		wg.Go(buildSrc)
	}
	tgt = build(l.tgt, l.src, keys.tgt, keys.src)
	wg.Wait()
	return src, tgt
}

// minParallelUnits is the fewest units of a level, both sides together,
// for which the two sides are built at once: for fewer, starting a
// goroutine costs more than it saves.
const minParallelUnits = 500

// weighLevel sets the lexical weights of a lattice whose band is set. The
// match rates come from the 1-1 links of the pass before; coarse blocks
// match differently, so there they are guessed from the best pairs in the
// band.
func (a *aligner) weighLevel(lat *lattice, li int) {
	p1s, p1t := a.params.srcMatchRate, a.params.tgtMatchRate
	if li > 0 {
		p1s, p1t = estimateMatchRate(lat)
	}
	// The sides are weighed at once, unless they are short.
	if len(lat.src)+len(lat.tgt) < minParallelWork {
		lat.srcGain = weigh(lat.src, p1s, len(lat.tgt))
		lat.tgtGain = weigh(lat.tgt, p1t, len(lat.src))
		return
	}
	var wg sync.WaitGroup
	wg.Go(func() { lat.srcGain = weigh(lat.src, p1s, len(lat.tgt)) })
	lat.tgtGain = weigh(lat.tgt, p1t, len(lat.src))
	wg.Wait()
}

func identity(n int) []int {
	s := make([]int, n+1)
	for i := range s {
		s[i] = i
	}
	return s
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
