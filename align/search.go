package align

import (
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
)

// linkTypes are the moves of the search: a link takes a source and b
// target units.
var linkTypes = [...]struct{ a, b int }{
	{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3},
	{4, 1}, {1, 4}, {3, 2}, {2, 3},
}

const nTypes = len(linkTypes)

// commonTypes is how many of linkTypes the first pass and the coarse
// levels search; the rare large links after them are left to the final
// search, which costs half as much again with them.
const commonTypes = 8

// maxSpan is the most units a link takes on one side.
const maxSpan = 4

// rareCutoff is the length evidence below which links of five units are
// not considered.
const rareCutoff = -6

// params are the weights of the evidence in a link's score, in nats.
type params struct {
	prior     [nTypes]float64 // log probability of each link type
	c, s2     float64         // target length ≈ c·source length, variance s2 per char
	p1s, p1t  float64         // chance that a source (target) token matches in its translation
	lexW      float64         // weight of the lexical log-likelihood ratio
	paraBreak float64         // cost of a link that starts a paragraph on one side only
	paraCross float64         // cost of a link that holds a paragraph break inside
	usePara   bool
	temp      float64 // temperature of the posteriors
}

// A band is the part of the search lattice that is explored: for every
// source position i (0..n) the target positions lo[i]..hi[i].
type band struct{ lo, hi []int }

func fullBand(n, m int) band {
	b := band{make([]int, n+1), make([]int, n+1)}
	for i := range b.hi {
		b.hi[i] = m
	}
	return b
}

func (b band) in(i, j int) bool { return j >= b.lo[i] && j <= b.hi[i] }

// lattice scores the links of one level inside a band.
type lattice struct {
	src, tgt []unit
	srcW     [][maxSpan]float32 // what a match adds, by df (see weigh)
	tgtW     [][maxSpan]float32
	prm      *params
	b        band
	types    int // search linkTypes[:types]
	// progress, when set, is told now and then how many more rows the
	// search has done.
	progress func(rows int)
	// delScale multiplies the prior of 1-0 and 0-1 links. Coarse units
	// hold many sentences, and leaving a block of them out is much less
	// likely than leaving out one.
	delScale float64
}

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
	rows             [maxSpan]srcRow

	// For the current row i: tsum[(y-tlo)*span+a-1] is what target unit y
	// adds to a link with the source units i-a..i-1.
	row, tlo int
	tsum     []float64
}

// srcRow holds the matches of source unit s with the target units tlo...
type srcRow struct {
	s, tlo int
	ms, mt []uint64 // by target unit: the matched slots of either side
	// sum[(y-tlo)*span+b-1] is what unit s adds to a link with the target
	// units y-b+1..y.
	sum []float64
}

func newLexCache(lat *lattice) *lexCache {
	lc := &lexCache{lat: lat, row: -1}
	for _, t := range linkTypes[:lat.types] {
		lc.span = max(lc.span, t.a, t.b)
		if t.a > 0 && t.b > 0 {
			lc.tgtSpan[t.a] = max(lc.tgtSpan[t.a], t.b)
			lc.srcSpan[t.b] = max(lc.srcSpan[t.b], t.a)
		}
	}
	for i := range lc.rows {
		lc.rows[i].s = -1
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
// the current row. Done for all link types at once, away from the rest of
// their scores, the divisions and square roots of one do not wait for
// those of the other.
func (lc *lexCache) cell(j int) {
	i, p := lc.row, lc.lat.prm
	for k, t := range linkTypes[:lc.lat.types] {
		if t.a > 0 && t.b > 0 && t.a <= i && t.b <= j {
			lc.lp[k] = lengthLogProb(lc.srcLen[i]-lc.srcLen[i-t.a], lc.tgtLen[j]-lc.tgtLen[j-t.b], p.c, p.s2)
		}
	}
}

// enter readies the evidence of the links that end in row i.
func (lc *lexCache) enter(i int) {
	if lc.row == i {
		return
	}
	lc.row = i
	for s := max(i-lc.span, 0); s < i; s++ {
		if r := &lc.rows[s%maxSpan]; r.s != s {
			lc.fill(r, s)
		}
	}
	lat := lc.lat
	m, span := len(lat.tgt), lc.span
	lo, hi := max(lat.b.lo[i]-span, 0), min(lat.b.hi[i]-1, m-1)
	lc.tlo = lo
	lc.tsum = slices.Grow(lc.tsum[:0], max(hi-lo+1, 0)*span)[:max(hi-lo+1, 0)*span]
	for y := lo; y <= hi; y++ {
		var mask uint64
		for a := 1; a <= span && a <= i; a++ {
			r := &lc.rows[(i-a)%maxSpan]
			mask |= r.mt[y-r.tlo]
			// Links of a source units that end in this row start at
			// lo[i]-tgtSpan[a] at the earliest.
			if y >= lat.b.lo[i]-lc.tgtSpan[a] {
				lc.tsum[(y-lo)*span+a-1] = slotSum(&lat.tgt[y], a-1, mask, lat.tgtW)
			}
		}
	}
}

// fill computes the matches of source unit s with every target unit that a
// link through the band can pair it with, and what s adds to such links.
func (lc *lexCache) fill(r *srcRow, s int) {
	lat := lc.lat
	n, m, span := len(lat.src), len(lat.tgt), lc.span
	lo, hi := m, 0
	for i := s + 1; i <= s+span && i <= n; i++ {
		lo = min(lo, lat.b.lo[i]-span)
		hi = max(hi, lat.b.hi[i]-1)
	}
	lo, hi = max(lo, 0), min(hi, m-1)
	r.s, r.tlo = s, lo
	r.ms, r.mt, r.sum = r.ms[:0], r.mt[:0], r.sum[:0]
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
			last[b].lo = min(last[b].lo, lat.b.lo[i]-1)
			last[b].hi = max(last[b].hi, lat.b.hi[i]-1)
		}
	}
	r.sum = slices.Grow(r.sum, (hi-lo+1)*span)[:(hi-lo+1)*span]
	for y := lo; y <= hi; y++ {
		var mask uint64
		for b := 1; b <= span && y-b+1 >= lo; b++ {
			mask |= r.ms[y-b+1-lo]
			if y >= last[b].lo && y <= last[b].hi {
				r.sum[(y-lo)*span+b-1] = slotSum(u, b-1, mask, lat.srcW)
			}
		}
	}
}

// srcLex is what source unit x adds to a link with the target units
// y-b+1..y.
func (lc *lexCache) srcLex(x, y, b int) float64 {
	r := &lc.rows[x%maxSpan]
	return r.sum[(y-r.tlo)*lc.span+b-1]
}

// tgtLex is what target unit y adds to a link with the source units
// i-a..i-1 of the current row i.
func (lc *lexCache) tgtLex(y, a int) float64 {
	return lc.tsum[(y-lc.tlo)*lc.span+a-1]
}

// score is the log score of link type k ending at node (i, j), in the row
// and the cell that lc has entered.
func (lat *lattice) score(lc *lexCache, i, j, k int) float64 {
	a, b := linkTypes[k].a, linkTypes[k].b
	p := lat.prm
	sc := p.prior[k]
	if a == 0 || b == 0 {
		return sc * lat.delScale
	}
	src, tgt := lat.src[i-a:i], lat.tgt[j-b:j]
	if lc.alone {
		for x := range src {
			if src[x].alone {
				return math.Inf(-1)
			}
		}
		for y := range tgt {
			if tgt[y].alone {
				return math.Inf(-1)
			}
		}
	}
	lp := lc.lp[k]
	if a+b > 4 && lp < rareCutoff {
		// The rare large links are searched only where their lengths fit:
		// that keeps them from costing the search half as much again.
		return math.Inf(-1)
	}
	sc += lp
	var lex float64
	for x := i - a; x < i; x++ {
		lex += lc.srcLex(x, j-1, b)
	}
	for y := j - b; y < j; y++ {
		lex += lc.tgtLex(y, a)
	}
	sc += p.lexW * lex

	if p.usePara {
		if src[0].para != tgt[0].para {
			sc -= p.paraBreak
		}
		for x := 1; x < len(src); x++ {
			if src[x].para {
				sc -= p.paraCross
			}
		}
		for y := 1; y < len(tgt); y++ {
			if tgt[y].para {
				sc -= p.paraCross
			}
		}
	}
	return sc
}

func slotSum(u *unit, k int, mask uint64, w [][maxSpan]float32) float64 {
	v := float64(u.base[k])
	for mask != 0 {
		v += float64(w[u.df[bits.TrailingZeros64(mask)]][k])
		mask &= mask - 1
	}
	return v
}

// lengthLogProb is the Gale–Church length evidence: the log probability of
// a deviation of the target length from c times the source length at least
// as large as the one seen, with the variance growing with the length of
// the pair. The deviation is taken as Laplace rather than normal: real
// translations have heavy tails, and a paraphrase should not outweigh the
// words that match.
func lengthLogProb(ls, lt, c, s2 float64) float64 {
	mean := (ls + lt/c) / 2
	d := math.Abs(lt-c*ls) / math.Sqrt(s2*max(mean, 1))
	return -math.Sqrt2 * d
}

// node is a point of the lattice: i source and j target units consumed.
type node struct{ i, j int }

// step is one link of a path: it ends at node to and has type k.
type step struct {
	to   node
	k    int
	post float64
}

// search finds the best path through the band from (0,0) to (n,m). With
// post set it also gives every link of the path its posterior probability:
// the share of all paths through the band, weighted by exp(score/temp),
// that contain the link. The link scores of the forward pass are kept for
// the backward one, since scoring is most of the work.
func (lat *lattice) search(post bool) []step {
	n, m := len(lat.src), len(lat.tgt)
	lo, hi := lat.b.lo, lat.b.hi
	off := make([]int, n+2)
	for i := 0; i <= n; i++ {
		off[i+1] = off[i] + hi[i] - lo[i] + 1
	}
	back := make([]int8, off[n+1])
	var alpha []float32
	var scores *linkScores
	if post {
		alpha = make([]float32, off[n+1])
		scores = lat.newLinkScores(off[n+1])
	}
	lat.forward(off, back, alpha, scores)
	var path []step
	for i, j := n, m; i > 0 || j > 0; {
		k := back[off[i]+j-lo[i]]
		if k < 0 {
			panic("align: band does not connect the corners")
		}
		path = append(path, step{to: node{i, j}, k: int(k)})
		i -= linkTypes[k].a
		j -= linkTypes[k].b
	}
	slices.Reverse(path)
	if !post {
		return path
	}
	beta := make([]float32, off[n+1])
	lat.backward(off, beta, scores)
	z := float64(alpha[off[n]+m-lo[n]])
	inv := 1 / lat.prm.temp
	from := node{}
	for x := range path {
		s := &path[x]
		to := s.to
		c := off[to.i] + to.j - lo[to.i]
		v := float64(alpha[off[from.i]+from.j-lo[from.i]]) + scores.get(c, s.k)*inv + float64(beta[c]) - z
		s.post = min(1, math.Exp(v))
		from = to
	}
	return path
}

// linkScores keeps the score of every link in the band for the backward
// pass. Those of 1-0 and 0-1 links are the same everywhere and are not
// stored: a quarter of the scores of the first pass.
type linkScores struct {
	s   []float32 // by cell, then by the index that stored gives the type
	n   int       // stored types
	del [nTypes]float32
}

// stored numbers the link types whose scores linkScores stores, and gives
// the others -1.
var stored = func() (x [nTypes]int) {
	n := 0
	for k, t := range linkTypes {
		x[k] = -1
		if t.a > 0 && t.b > 0 {
			x[k] = n
			n++
		}
	}
	return x
}()

func (lat *lattice) newLinkScores(cells int) *linkScores {
	ls := &linkScores{}
	for k := range linkTypes[:lat.types] {
		if stored[k] < 0 {
			// Stored as float32 like the others, so that forward and
			// backward see the same value.
			ls.del[k] = float32(lat.score(nil, 0, 0, k))
		} else {
			ls.n++
		}
	}
	ls.s = make([]float32, cells*ls.n)
	return ls
}

// set keeps the score of the link of type k that ends in cell c.
func (ls *linkScores) set(c, k int, sc float64) {
	if x := stored[k]; x >= 0 {
		ls.s[c*ls.n+x] = float32(sc)
	}
}

// get is the score of the link of type k that ends in cell c.
func (ls *linkScores) get(c, k int) float64 {
	if x := stored[k]; x >= 0 {
		return float64(ls.s[c*ls.n+x])
	}
	return float64(ls.del[k])
}

// forward fills the Viterbi back pointers and, when alpha is not nil, the
// forward log sums of every node of the band and the scores of the links
// that end there.
func (lat *lattice) forward(off []int, back []int8, alpha []float32, scores *linkScores) {
	n := len(lat.src)
	lo, hi := lat.b.lo, lat.b.hi
	vals := rowRing(lat.b)
	lc := newLexCache(lat)
	inv := 1 / lat.prm.temp
	ninf := math.Inf(-1)
	var terms [nTypes]float64
	for i := 0; i <= n; i++ {
		if lat.progress != nil && i&1023 == 1023 {
			lat.progress(1024)
		}
		row := vals[i&7]
		lc.enter(i)
		for j := lo[i]; j <= hi[i]; j++ {
			lc.cell(j)
			c := off[i] + j - lo[i]
			best, arg := ninf, int8(-1)
			if i == 0 && j == 0 {
				best = 0
			}
			nt := 0
			for k, t := range linkTypes[:lat.types] {
				pi, pj := i-t.a, j-t.b
				if pi < 0 || pj < 0 || !lat.b.in(pi, pj) {
					continue
				}
				prev := vals[pi&7][pj-lo[pi]]
				if prev == ninf {
					continue
				}
				sc := lat.score(lc, i, j, k)
				if v := prev + sc; v > best {
					best, arg = v, int8(k)
				}
				if alpha != nil {
					scores.set(c, k, sc)
					terms[nt] = float64(alpha[off[pi]+pj-lo[pi]]) + sc*inv
					nt++
				}
			}
			row[j-lo[i]] = best
			back[c] = arg
			if alpha != nil {
				a := logSumExp(terms[:nt])
				if i == 0 && j == 0 {
					a = 0
				}
				alpha[c] = float32(a)
			}
		}
	}
	if lat.progress != nil {
		lat.progress((n + 1) & 1023)
	}
}

// backward fills the backward log sums of every node of the band from the
// link scores that forward kept.
func (lat *lattice) backward(off []int, beta []float32, scores *linkScores) {
	n, m := len(lat.src), len(lat.tgt)
	lo, hi := lat.b.lo, lat.b.hi
	inv := 1 / lat.prm.temp
	var terms [nTypes]float64
	for i := n; i >= 0; i-- {
		for j := hi[i]; j >= lo[i]; j-- {
			nt := 0
			for k, t := range linkTypes[:lat.types] {
				ni, nj := i+t.a, j+t.b
				if ni > n || nj > m || !lat.b.in(ni, nj) {
					continue
				}
				c := off[ni] + nj - lo[ni]
				terms[nt] = float64(beta[c]) + scores.get(c, k)*inv
				nt++
			}
			b := logSumExp(terms[:nt])
			if i == n && j == m {
				b = 0
			}
			beta[off[i]+j-lo[i]] = float32(b)
		}
	}
}

// rowRing holds the rows of Viterbi values that links can reach back to.
func rowRing(b band) [8][]float64 {
	maxw := 0
	for i := range b.lo {
		maxw = max(maxw, b.hi[i]-b.lo[i]+1)
	}
	var vals [8][]float64
	for r := range vals {
		vals[r] = make([]float64, maxw)
	}
	return vals
}

func logSumExp(t []float64) float64 {
	if len(t) == 0 {
		return math.Inf(-1)
	}
	mx := t[0]
	for _, v := range t[1:] {
		mx = max(mx, v)
	}
	if math.IsInf(mx, -1) {
		return mx
	}
	var s float64
	for _, v := range t {
		// Terms e^-40 below the largest change nothing in float32 sums;
		// the largest adds e^0, one.
		switch d := v - mx; {
		case d == 0:
			s++
		case d > -40:
			s += math.Exp(d)
		}
	}
	return mx + math.Log(s)
}

// minChunk is the fewest source units worth a goroutine of their own.
const minChunk = 2000

// searchParallel cuts the lattice into chunks at some of the given nodes,
// which must lie in the band, searches the chunks concurrently and joins
// their paths. A cut forces the path through the node, so callers offer
// nodes they are sure of; the posteriors are then those of each chunk.
func (lat *lattice) searchParallel(cuts []node, post bool) []step {
	n := len(lat.src)
	parts := min(runtime.GOMAXPROCS(0), n/minChunk)
	if parts < 2 || len(cuts) == 0 {
		return lat.search(post)
	}
	bounds := []node{{0, 0}}
	x := 0
	for p := 1; p < parts; p++ {
		want := p * n / parts
		for x < len(cuts) && cuts[x].i < want {
			x++
		}
		if x < len(cuts) && cuts[x].i > bounds[len(bounds)-1].i && cuts[x].i < n {
			bounds = append(bounds, cuts[x])
		}
	}
	bounds = append(bounds, node{n, len(lat.tgt)})
	paths := make([][]step, len(bounds)-1)
	var wg sync.WaitGroup
	for c := range paths {
		from, to := bounds[c], bounds[c+1]
		sub := &lattice{src: lat.src[from.i:to.i], tgt: lat.tgt[from.j:to.j], srcW: lat.srcW, tgtW: lat.tgtW, prm: lat.prm, delScale: lat.delScale, types: lat.types, progress: lat.progress}
		sub.b = band{make([]int, to.i-from.i+1), make([]int, to.i-from.i+1)}
		for i := range sub.b.lo {
			sub.b.lo[i] = min(max(lat.b.lo[from.i+i]-from.j, 0), to.j-from.j)
			sub.b.hi[i] = min(max(lat.b.hi[from.i+i]-from.j, 0), to.j-from.j)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := sub.search(post)
			for k := range p {
				p[k].to.i += from.i
				p[k].to.j += from.j
			}
			paths[c] = p
		}()
	}
	wg.Wait()
	return slices.Concat(paths...)
}
