package align

import (
	"math/bits"
	"slices"
)

// lexCache keeps the lexical evidence of the units near the current row of
// the search. A unit adds the same to every link that pairs it with the
// same units of the other side, and a cell of the lattice ends links of
// many types that share them: working each sum out once per unit and span
// instead of once per link saves most of the scoring. Memory stays
// proportional to the band's width. It also holds the length evidence of
// the links that end in the current cell.
type lexCache struct {
	matcher
	lat  *lattice
	span int // the most units a link of the types searched takes

	srcLen, tgtLen []float64 // lengths of the first i units of a side
	lp             [nTypes]float64
	alone          bool // some unit must stay unaligned

	// By the number of units a link takes on one side, the most it takes
	// on the other among the types searched, 0 for none: sums no link
	// uses are not worked out.
	tgtSpan, srcSpan [maxSpan + 1]int
	rows             [rowSlots]srcRow // by source unit, see rowOf

	// For the current row i: tsum[(y-tlo)*span+a-1] is what target unit y
	// adds to a link with the source units i-a..i-1.
	row, tlo int
	tsum     []float64
	// from[k] are the columns of the current row whose link of type k
	// starts in the band: the search checks these bounds, worked out once
	// a row, rather than the band for every link.
	from [nTypes]cols

	// In a search by cell: srcShares[a] are the shares of the source units
	// i-a..i-1 of the current row i (a >= 2), and cols those of the target
	// units that end at a few recent columns, worked out when first asked
	// for (see tgtShares). Every link that takes the same units of a side
	// shares them.
	srcShares [maxSpan + 1]shares
	cols      [16]colShares

	// ahead, when set, brings the rows of the source units in order,
	// filled by a goroutine of its own (see fillAhead); spent takes back
	// the rows they replace, for their room.
	ahead, spent chan srcRow
}

// colShares are the shares of the target units j-b..j-1, for the b in
// have.
type colShares struct {
	j      int
	have   uint8
	shares [maxSpan + 1]shares
}

// rowSlots is how many source units' rows lexCache keeps: the span of the
// longest link, up to a power of two, so that finding a unit's slot takes
// no division.
const rowSlots = 8

// The rows of a link's units must not share a slot: these fail to compile
// unless rowSlots holds maxSpan rows and is a power of two.
var (
	_ [rowSlots - maxSpan]struct{}
	_ [-(rowSlots & (rowSlots - 1))]struct{}
)

// rowOf is the slot of lc.rows that holds source unit s.
func (lc *lexCache) rowOf(s int) *srcRow { return &lc.rows[s&(rowSlots-1)] }

// srcRow holds the matches of source unit s with the target units tlo...
type srcRow struct {
	s, tlo int
	ms, mt []uint64 // by target unit: the matched slots of either side
	// sum[(y-tlo)*span+b-1] is what unit s adds to a link with the target
	// units y-b+1..y.
	sum []float64
	// In a search by cell (lattice.byCell): alone[t-tlo][k] is what the
	// matches of s in target unit t add to a link in which s has k+1
	// partners, and tAlone the same for the matches of t in s; neither
	// counts the misses.
	alone, tAlone [][maxSpan]float64
}

func newLexCache(lat *lattice) *lexCache {
	lc := &lexCache{lat: lat, row: -1}
	for _, t := range linkTypes[:lat.searched] {
		lc.span = max(lc.span, t.a, t.b)
		if t.a > 0 && t.b > 0 {
			lc.tgtSpan[t.a] = max(lc.tgtSpan[t.a], t.b)
			lc.srcSpan[t.b] = max(lc.srcSpan[t.b], t.a)
		}
	}
	for i := range lc.rows {
		lc.rows[i].s = -1
	}
	for c := range lc.cols {
		lc.cols[c].j = -1
	}
	// Lengths are whole numbers of runes, so that the differences of these
	// sums are exactly the sums over the units of a link.
	cum := func(units []unit) []float64 {
		out := make([]float64, len(units)+1)
		for x := range units {
			out[x+1] = out[x] + units[x].chars
			lc.alone = lc.alone || units[x].alone
		}
		return out
	}
	lc.srcLen, lc.tgtLen = cum(lat.src), cum(lat.tgt)
	return lc
}

// cell works out the length evidence of the links that end in cell j of
// the current row and start in the band. Done for all link types at once,
// away from the rest of their scores, the divisions and square roots of
// one do not wait for those of the other.
func (lc *lexCache) cell(j int) {
	i, p := lc.row, lc.lat.params
	for k, t := range linkTypes[:lc.lat.searched] {
		if t.a > 0 && t.b > 0 && lc.from[k].has(j) {
			lc.lp[k] = lengthLogProb(lc.srcLen[i]-lc.srcLen[i-t.a], lc.tgtLen[j]-lc.tgtLen[j-t.b], p.lengthRatio, p.lengthVar)
		}
	}
}

// enter readies the evidence of the links that end in row i.
func (lc *lexCache) enter(i int) {
	if lc.row == i {
		return
	}
	lc.row = i
	for k, t := range linkTypes[:lc.lat.searched] {
		lc.from[k] = lc.lat.band.cols(i, -t.a, -t.b, len(lc.lat.tgt))
	}
	for s := max(i-lc.span, 0); s < i; s++ {
		if r := lc.rowOf(s); r.s != s {
			if lc.ahead == nil {
				lc.fill(r, s)
				continue
			}
			old := *r
			*r = <-lc.ahead
			if r.s != s {
				// forward enters every row in turn, so the rows come in
				// the order fillAhead fills them.
				panic("align: a row filled ahead came out of order")
			}
			select {
			case lc.spent <- old:
			default:
			}
		}
	}
	lat := lc.lat
	if lat.byCell {
		for a := 2; a <= lc.span && a <= i; a++ {
			lc.srcShares[a].set(lc.srcLen[i-a : i+1])
		}
	}
	m, span := len(lat.tgt), lc.span
	lo, hi := max(lat.band.lo[i]-span, 0), min(lat.band.hi[i]-1, m-1)
	lc.tlo = lo
	lc.tsum = slices.Grow(lc.tsum[:0], max(hi-lo+1, 0)*span)[:max(hi-lo+1, 0)*span]
	for y := lo; y <= hi; y++ {
		var mask uint64
		for a := 1; a <= span && a <= i; a++ {
			r := lc.rowOf(i - a)
			mask |= r.mt[y-r.tlo]
			// Links of a source units that end in this row start at
			// lo[i]-tgtSpan[a] at the earliest.
			if y >= lat.band.lo[i]-lc.tgtSpan[a] {
				lc.tsum[(y-lo)*span+a-1] = slotSum(&lat.tgt[y], a-1, mask, lat.tgtGain)
			}
		}
	}
}

// aheadRows is how many rows fillAhead may fill before the search takes
// them.
const aheadRows = 64

// fillAhead has a goroutine with a matcher of its own fill the rows of the
// source units, in order, ahead of the search, which takes them in enter:
// where the search has a core to itself, matching, most of its work on
// coarse levels, moves to another. stop ends the goroutine.
func (lc *lexCache) fillAhead() (stop func()) {
	lc.ahead, lc.spent = make(chan srcRow, aheadRows), make(chan srcRow, aheadRows)
	ahead, spent := lc.ahead, lc.spent
	quit, done := make(chan struct{}), make(chan struct{})
	helper := newLexCache(lc.lat)
	go func() {
		defer close(done)
		defer helper.release()
		for s := range len(helper.lat.src) {
			var r srcRow
			select {
			case r = <-spent:
			default:
			}
			helper.fill(&r, s)
			select {
			case ahead <- r:
			case <-quit:
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// fill computes the matches of source unit s with every target unit that a
// link through the band can pair it with, and what s adds to such links.
func (lc *lexCache) fill(r *srcRow, s int) {
	lat := lc.lat
	n, m, span := len(lat.src), len(lat.tgt), lc.span
	lo, hi := m, 0
	for i := s + 1; i <= s+span && i <= n; i++ {
		lo = min(lo, lat.band.lo[i]-span)
		hi = max(hi, lat.band.hi[i]-1)
	}
	lo, hi = max(lo, 0), min(hi, m-1)
	r.s, r.tlo = s, lo
	r.ms, r.mt, r.sum = slices.Grow(r.ms[:0], hi-lo+1), slices.Grow(r.mt[:0], hi-lo+1), r.sum[:0]
	u := &lat.src[s]
	lc.mark(u.keys)
	for t := lo; t <= hi; t++ {
		a, b := lc.probe(lat.tgt[t].keys)
		r.ms = append(r.ms, a)
		r.mt = append(r.mt, b)
	}
	lc.unmark(u.keys)
	// Links of b target units with s end in the rows s+1..s+srcSpan[b],
	// in the columns of those rows: only their last target units need a
	// sum.
	var last [maxSpan + 1]struct{ lo, hi int }
	for b := 1; b <= span; b++ {
		last[b].lo, last[b].hi = m, -1
		for i := s + 1; i <= s+lc.srcSpan[b] && i <= n; i++ {
			last[b].lo = min(last[b].lo, lat.band.lo[i]-1)
			last[b].hi = max(last[b].hi, lat.band.hi[i]-1)
		}
	}
	if lat.byCell {
		size := hi - lo + 1
		r.alone = slices.Grow(r.alone[:0], size)[:size]
		r.tAlone = slices.Grow(r.tAlone[:0], size)[:size]
		clear(r.alone)
		clear(r.tAlone)
		for t := lo; t <= hi; t++ {
			if m := r.ms[t-lo]; m != 0 {
				addAlone(&r.alone[t-lo], m, u, lat.srcGain)
			}
			if m := r.mt[t-lo]; m != 0 {
				addAlone(&r.tAlone[t-lo], m, &lat.tgt[t], lat.tgtGain)
			}
		}
	}
	r.sum = slices.Grow(r.sum, (hi-lo+1)*span)[:(hi-lo+1)*span]
	for y := lo; y <= hi; y++ {
		var mask uint64
		for b := 1; b <= span && y-b+1 >= lo; b++ {
			mask |= r.ms[y-b+1-lo]
			if y >= last[b].lo && y <= last[b].hi {
				r.sum[(y-lo)*span+b-1] = slotSum(u, b-1, mask, lat.srcGain)
			}
		}
	}
}

// srcLex is what source unit x adds to a link with the target units
// y-b+1..y.
func (lc *lexCache) srcLex(x, y, b int) float64 {
	r := lc.rowOf(x)
	return r.sum[(y-r.tlo)*lc.span+b-1]
}

// tgtLex is what target unit y adds to a link with the source units
// i-a..i-1 of the current row i.
func (lc *lexCache) tgtLex(y, a int) float64 {
	return lc.tsum[(y-lc.tlo)*lc.span+a-1]
}

// addAlone adds to v[k] what the matched slots m of unit u add to a link
// in which u has k+1 partners, for k >= 1: a unit with one partner has
// all its evidence in one cell.
func addAlone(v *[maxSpan]float64, m uint64, u *unit, w [][maxSpan]float32) {
	for ; m != 0; m &= m - 1 {
		g := &w[u.df[bits.TrailingZeros64(m)]]
		for k := 1; k < maxSpan; k++ {
			v[k] += float64(g[k])
		}
	}
}

// tgtShares are the shares of the target units j-b..j-1.
func (lc *lexCache) tgtShares(j, b int) *shares {
	c := &lc.cols[j%len(lc.cols)]
	if c.j != j {
		c.j, c.have = j, 0
	}
	if c.have&(1<<b) == 0 {
		c.have |= 1 << b
		c.shares[b].set(lc.tgtLen[j-b : j+1])
	}
	return &c.shares[b]
}
