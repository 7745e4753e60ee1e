package align

import "math/bits"

// In the final search a link's lexical evidence saturates cell by cell
// rather than as one sum. A cell pairs one source and one target unit of
// the link. Summed whole, the strong matches of one pair of sentences pay
// for the misses of a sentence joined to them that does not belong;
// saturated where it arises, evidence in one cell cannot make up for
// the lack of it in another.
//
// A match goes to the cell where it was found; the misses of a unit, which
// are found nowhere, go to its partners by how much of the unit each
// covers when both sides are laid along the link's diagonal by their
// lengths. A match found in several partners of its unit is shared among
// them by the same cover, smoothed by cellSmoothing, so that a partner
// off the diagonal keeps some of it.
const (
	// cellSaturation is the capacity of a 1-1 link's one cell, in nats:
	// where its evidence starts to grow like a logarithm. It is above
	// lexSaturation, the capacity of a whole link in the first pass: a
	// 1-1 link no longer carries its neighbours' evidence. Of 40 to 65,
	// 55 aligned textberg-dev and the held-out Text+Berg documents best.
	cellSaturation = 55
	// A cell of an a-b link holds max(a, b) times cellSaturation times its
	// share of the diagonal, so that a link has about max(a, b) times a
	// 1-1 link's capacity in all; a cell off the diagonal that holds
	// evidence has at least minCellShare of it, so that a few matches
	// there do not saturate at once.
	minCellShare = 0.1
	// cellSmoothing is the part of a shared match split evenly among the
	// partners it was found in, the rest going by cover.
	cellSmoothing = 0.2
)

// cellLex is the saturated lexical evidence of the a-b link (a, b >= 1)
// that ends at node (i, j), before lexWeight.
func (lat *lattice) cellLex(lc *lexCache, i, j, a, b int) float64 {
	if a == 1 && b == 1 {
		return saturateTo(lc.srcLex(i-1, j-1, 1)+lc.tgtLex(j-1, 1), cellSaturation)
	}
	if a == 1 {
		return lat.fanLex(lc, i-1, j-b, b, true)
	}
	if b == 1 {
		return lat.fanLex(lc, i-a, j-1, a, false)
	}
	// The share of the link where source unit x and target unit y overlap.
	ps, pt := &lc.srcShares[a], lc.tgtShares(j, b)
	var over [maxSpan][maxSpan]float64
	for x := range a {
		for y := range b {
			over[x][y] = max(min(ps.bound[x+1], pt.bound[y+1])-max(ps.bound[x], pt.bound[y]), 0)
		}
	}

	// The source units' evidence goes straight to their rows of cells,
	// the target units' is added down their columns.
	var cells [maxSpan][maxSpan]float64
	var m [maxSpan]uint64
	var alone, cover, out [maxSpan]float64
	t0 := j - b
	for x := range a {
		s := i - a + x
		r := lc.rowOf(s)
		at := t0 - r.tlo
		inv := ps.inv[x]
		for y, al := range r.alone[at : at+b] {
			alone[y] = al[b-1]
			cover[y] = over[x][y] * inv
		}
		spread(&lat.src[s], cover[:b], r.ms[at:at+b], alone[:b], lat.srcGain, cells[x][:b])
	}
	for y := range b {
		t := t0 + y
		inv := pt.inv[y]
		for x := range a {
			r := lc.rowOf(i - a + x)
			m[x] = r.mt[t-r.tlo]
			alone[x] = r.tAlone[t-r.tlo][a-1]
			cover[x] = over[x][y] * inv
		}
		spread(&lat.tgt[t], cover[:a], m[:a], alone[:a], lat.tgtGain, out[:a])
		for x := range a {
			cells[x][y] += out[x]
		}
	}
	capacity := cellSaturation * float64(max(a, b))
	var lex float64
	for x := range a {
		for y := range b {
			if c := cells[x][y]; c != 0 {
				lex += saturateTo(c, capacity*max(over[x][y], minCellShare))
			}
		}
	}
	return lex
}

// fanLex is cellLex of a link of one unit and n >= 2 of the other side:
// source unit s and the target units t..t+n-1 when fromSrc, else target
// unit t and the source units s..s+n-1. The one unit covers the link, so
// that each cell's share of the diagonal is its partner's share of the
// length, and a partner's evidence is all in its one cell.
func (lat *lattice) fanLex(lc *lexCache, s, t, n int, fromSrc bool) float64 {
	var u *unit
	var w [][maxSpan]float32
	var cover *[maxSpan]float64
	if fromSrc {
		u, w, cover = &lat.src[s], lat.srcGain, &lc.tgtShares(t+n, n).share
	} else {
		u, w, cover = &lat.tgt[t], lat.tgtGain, &lc.srcShares[n].share
	}
	var m [maxSpan]uint64
	var alone, cells [maxSpan]float64
	for y := range n {
		if fromSrc {
			r := lc.rowOf(s)
			m[y] = r.ms[t+y-r.tlo]
			alone[y] = r.alone[t+y-r.tlo][n-1]
		} else {
			r := lc.rowOf(s + y)
			m[y] = r.mt[t-r.tlo]
			alone[y] = r.tAlone[t-r.tlo][n-1]
		}
	}
	spread(u, cover[:n], m[:n], alone[:n], w, cells[:n])
	capacity := cellSaturation * float64(n)
	var lex float64
	for y := range n {
		c := cells[y]
		if fromSrc {
			c += lc.tgtLex(t+y, 1)
		} else {
			c += lc.srcLex(s+y, t, 1)
		}
		if c != 0 {
			lex += saturateTo(c, capacity*max(cover[y], minCellShare))
		}
	}
	return lex
}

// lexBound is at least cellLex of the a-b link (a+b > 2) that ends at node
// (i, j). No cell saturates to more than the matches in it; the misses,
// b in all, are in cells that saturate no less than the least
// cell can, and spread over several cells they take away at least what
// they take in one (a logarithm grows slower than its argument).
func (lc *lexCache) lexBound(i, j, a, b int) float64 {
	var sum, base float64
	for x := i - a; x < i; x++ {
		sum += lc.srcLex(x, j-1, b)
		base += float64(lc.lat.src[x].base[b-1])
	}
	for y := j - b; y < j; y++ {
		sum += lc.tgtLex(y, a)
		base += float64(lc.lat.tgt[y].base[a-1])
	}
	// With c the least capacity of a cell, the misses take at least
	// c log(1 + b/c) >= c b/(c + b). saturate, made with a table, stays
	// within 5e-5 c/lexSaturation nats of the logarithm at capacity c:
	// 0.01 covers all the cells of any link.
	c := cellSaturation * float64(max(a, b)) * minCellShare
	return sum - base + c*base/(c-base) + 0.01
}

// shares are what the evidence by cell needs of a run of consecutive
// units of one side, the units of a link on that side: where each unit
// starts and ends as a share of the run's length, the inverse of each
// unit's width, and each unit's share of the length.
type shares struct {
	bound      [maxSpan + 1]float64
	inv, share [maxSpan]float64
}

// set works out the shares of the units whose cumulative lengths are cum.
func (sh *shares) set(cum []float64) {
	n := len(cum) - 1
	inv := 1 / max(cum[n]-cum[0], 1)
	for x := range cum {
		sh.bound[x] = (cum[x] - cum[0]) * inv
	}
	for x := range n {
		sh.inv[x] = inverse(sh.bound[x+1] - sh.bound[x])
		sh.share[x] = (cum[x+1] - cum[x]) * inv
	}
}

// inverse is 1/w, or 0 for an empty unit's width w.
func inverse(w float64) float64 {
	if w <= 0 {
		return 0
	}
	return 1 / w
}

// spread sets out[y] to what a unit u adds to its cell with partner y,
// which covers the share cover[y] of it along the link: m[y] are the slots
// of u that match in y and alone[y] what they add, w the weights of u's
// side.
func spread(u *unit, cover []float64, m []uint64, alone []float64, w [][maxSpan]float32, out []float64) {
	n := len(m)
	cover, alone, out = cover[:n], alone[:n], out[:n]
	base := float64(u.base[n-1])
	var seen, shared uint64
	for y, slots := range m {
		shared |= seen & slots
		seen |= slots
		out[y] = base*cover[y] + alone[y]
	}
	if shared == 0 {
		return
	}
	var near [8]float64 // a power of two above maxSpan: near[y&7] needs no check
	for y := range n {
		near[y] = (1-cellSmoothing)*cover[y] + smoothShare[n]
	}
	if n == 2 {
		// Every shared match is in both partners.
		var v float64
		for ; shared != 0; shared &= shared - 1 {
			v += float64(w[u.df[bits.TrailingZeros64(shared)]][1])
		}
		f := v / (near[0] + near[1])
		out[0] += f*near[0] - v
		out[1] += f*near[1] - v
		return
	}
	for ; shared != 0; shared &= shared - 1 {
		slot := bits.TrailingZeros64(shared)
		v := float64(w[u.df[slot]][n-1])
		if v == 0 {
			continue
		}
		// The partners the match is found in.
		var in uint
		for y := range n {
			in |= uint(m[y]>>slot&1) << y
		}
		var total float64
		for p := in; p != 0; p &= p - 1 {
			total += near[bits.TrailingZeros(p)&7]
		}
		f := v / total
		for p := in; p != 0; p &= p - 1 {
			y := bits.TrailingZeros(p)
			out[y] += f*near[y&7] - v
		}
	}
}

// smoothShare[n] is the part of a shared match that each of its n
// partners gets evenly.
var smoothShare = func() (s [maxSpan + 1]float64) {
	for n := 1; n <= maxSpan; n++ {
		s[n] = cellSmoothing / float64(n)
	}
	return s
}()

// saturateTo is saturate with the capacity c in place of lexSaturation.
func saturateTo(lex, c float64) float64 {
	return c / lexSaturation * saturate(lex*lexSaturation/c)
}
