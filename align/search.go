package align

import (
	"math"
	"math/bits"
)

// linkTypes are the moves of the search: a link takes a source and b
// target units.
var linkTypes = [...]struct{ a, b int }{
	{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3},
}

const nTypes = len(linkTypes)

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
	prm      *params
	b        band
}

// maskCache keeps the token matches of the source units near the current
// row, so that memory stays proportional to the band's width.
type maskCache struct {
	lat  *lattice
	rows [4]maskRow
}

type maskRow struct {
	s, tlo int
	ms, mt []uint64
}

func newMaskCache(lat *lattice) *maskCache {
	mc := &maskCache{lat: lat}
	for i := range mc.rows {
		mc.rows[i].s = -1
	}
	return mc
}

func (mc *maskCache) get(s, t int) (uint64, uint64) {
	r := &mc.rows[s&3]
	if r.s != s {
		mc.fill(r, s)
	}
	k := t - r.tlo
	if k < 0 || k >= len(r.ms) {
		return matchMasks(mc.lat.src[s].keys, mc.lat.tgt[t].keys)
	}
	return r.ms[k], r.mt[k]
}

// fill computes the matches of source unit s with every target unit that a
// link through the band can pair it with.
func (mc *maskCache) fill(r *maskRow, s int) {
	lat := mc.lat
	n, m := len(lat.src), len(lat.tgt)
	lo, hi := m, 0
	for i := s + 1; i <= s+3 && i <= n; i++ {
		lo = min(lo, lat.b.lo[i]-3)
		hi = max(hi, lat.b.hi[i]-1)
	}
	lo, hi = max(lo, 0), min(hi, m-1)
	r.s, r.tlo = s, lo
	r.ms, r.mt = r.ms[:0], r.mt[:0]
	for t := lo; t <= hi; t++ {
		a, b := matchMasks(lat.src[s].keys, lat.tgt[t].keys)
		r.ms = append(r.ms, a)
		r.mt = append(r.mt, b)
	}
}

// score is the log score of link type k ending at node (i, j).
func (lat *lattice) score(mc *maskCache, i, j, k int) float64 {
	a, b := linkTypes[k].a, linkTypes[k].b
	p := lat.prm
	sc := p.prior[k]
	if a == 0 || b == 0 {
		return sc
	}
	src, tgt := lat.src[i-a:i], lat.tgt[j-b:j]
	var ms, mt [3][3]uint64
	var ls, lt float64
	for x := range src {
		ls += src[x].chars
		for y := range tgt {
			ms[x][y], mt[x][y] = mc.get(i-a+x, j-b+y)
		}
	}
	for y := range tgt {
		lt += tgt[y].chars
	}
	sc += lengthLogProb(ls, lt, p.c, p.s2)

	var lex float64
	for x := range src {
		var mask uint64
		for y := range tgt {
			mask |= ms[x][y]
		}
		lex += slotSum(&src[x], b-1, mask)
	}
	for y := range tgt {
		var mask uint64
		for x := range src {
			mask |= mt[x][y]
		}
		lex += slotSum(&tgt[y], a-1, mask)
	}
	sc += p.lexW * lex

	if p.usePara {
		if src[0].para != tgt[0].para {
			sc -= p.paraBreak
		}
		for x := range src {
			if (x > 0 && src[x].para) || src[x].cross {
				sc -= p.paraCross
			}
		}
		for y := range tgt {
			if (y > 0 && tgt[y].para) || tgt[y].cross {
				sc -= p.paraCross
			}
		}
	}
	return sc
}

func slotSum(u *unit, k int, mask uint64) float64 {
	v := float64(u.base[k])
	d := u.delta[k]
	for mask != 0 {
		v += float64(d[bits.TrailingZeros64(mask)])
		mask &= mask - 1
	}
	return v
}

// lengthLogProb is the Gale–Church length evidence: the log probability of
// a deviation at least as large as the one seen, with the variance growing
// with the length of the pair.
func lengthLogProb(ls, lt, c, s2 float64) float64 {
	mean := (ls + lt/c) / 2
	d := math.Abs(lt-c*ls) / math.Sqrt(s2*math.Max(mean, 1))
	if d > 8 {
		// erfc underflows; its asymptote keeps the ordering.
		return -d*d/2 - math.Log(d*math.Sqrt(math.Pi/2))
	}
	return math.Log(math.Erfc(d / math.Sqrt2))
}

// node is a point of the lattice: i source and j target units consumed.
type node struct{ i, j int }

// step is one link of a path: it ends at node to and has type k.
type step struct {
	to   node
	k    int
	post float64
}

// viterbi finds the best path through the band from (0,0) to (n,m).
func (lat *lattice) viterbi(progress func(i int)) []step {
	n, m := len(lat.src), len(lat.tgt)
	lo, hi := lat.b.lo, lat.b.hi
	off := make([]int, n+2)
	maxw := 0
	for i := 0; i <= n; i++ {
		w := hi[i] - lo[i] + 1
		off[i+1] = off[i] + w
		maxw = max(maxw, w)
	}
	back := make([]int8, off[n+1])
	var vals [4][]float64
	for r := range vals {
		vals[r] = make([]float64, maxw)
	}
	mc := newMaskCache(lat)
	ninf := math.Inf(-1)
	for i := 0; i <= n; i++ {
		if progress != nil && i&1023 == 0 {
			progress(i)
		}
		row := vals[i&3]
		for j := lo[i]; j <= hi[i]; j++ {
			best, arg := ninf, int8(-1)
			if i == 0 && j == 0 {
				best = 0
			}
			for k, t := range linkTypes {
				pi, pj := i-t.a, j-t.b
				if pi < 0 || pj < 0 || !lat.b.in(pi, pj) {
					continue
				}
				prev := vals[pi&3][pj-lo[pi]]
				if prev == ninf {
					continue
				}
				if v := prev + lat.score(mc, i, j, k); v > best {
					best, arg = v, int8(k)
				}
			}
			row[j-lo[i]] = best
			back[off[i]+j-lo[i]] = arg
		}
	}
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
	for a, b := 0, len(path)-1; a < b; a, b = a+1, b-1 {
		path[a], path[b] = path[b], path[a]
	}
	return path
}

// posteriors sets the posterior probability of every step of the path:
// the share of all paths through the band, weighted by exp(score/temp),
// that contain the link. Forward and backward sums run concurrently.
func (lat *lattice) posteriors(path []step) {
	// Path nodes by row, to record the forward and backward sums there.
	nodes := make([]node, len(path)+1)
	for x, s := range path {
		nodes[x+1] = s.to
	}
	alpha := make([]float64, len(nodes))
	beta := make([]float64, len(nodes))
	done := make(chan struct{})
	go func() {
		lat.sweep(nodes, alpha, true)
		close(done)
	}()
	lat.sweep(nodes, beta, false)
	<-done
	z := alpha[len(nodes)-1]
	mc := newMaskCache(lat)
	for x := range path {
		s := &path[x]
		v := alpha[x] + lat.score(mc, s.to.i, s.to.j, s.k)/lat.prm.temp + beta[x+1] - z
		s.post = math.Min(1, math.Exp(v))
	}
}

// sweep computes forward (alpha) or backward (beta) log sums over the band
// and stores them for the given path nodes.
func (lat *lattice) sweep(nodes []node, out []float64, forward bool) {
	n := len(lat.src)
	lo, hi := lat.b.lo, lat.b.hi
	maxw := 0
	for i := 0; i <= n; i++ {
		maxw = max(maxw, hi[i]-lo[i]+1)
	}
	var vals [4][]float64
	for r := range vals {
		vals[r] = make([]float64, maxw)
	}
	mc := newMaskCache(lat)
	inv := 1 / lat.prm.temp
	ninf := math.Inf(-1)
	var terms [nTypes]float64
	// Path nodes are visited in row order; x walks along them.
	x := 0
	if !forward {
		x = len(nodes) - 1
	}
	for r := 0; r <= n; r++ {
		i := r
		if !forward {
			i = n - r
		}
		row := vals[i&3]
		for c := 0; c <= hi[i]-lo[i]; c++ {
			j := lo[i] + c
			if !forward {
				j = hi[i] - c
			}
			nt := 0
			for k, t := range linkTypes {
				var pi, pj, ei, ej int
				if forward {
					pi, pj, ei, ej = i-t.a, j-t.b, i, j
				} else {
					pi, pj = i+t.a, j+t.b
					ei, ej = pi, pj
					if pi > n {
						continue
					}
				}
				if pi < 0 || pj < 0 || !lat.b.in(pi, pj) {
					continue
				}
				prev := vals[pi&3][pj-lo[pi]]
				if prev == ninf {
					continue
				}
				terms[nt] = prev + lat.score(mc, ei, ej, k)*inv
				nt++
			}
			v := logSumExp(terms[:nt])
			if forward && i == 0 && j == 0 || !forward && i == n && j == hi[n] {
				v = 0
			}
			row[j-lo[i]] = v
			for x >= 0 && x < len(nodes) && nodes[x].i == i && nodes[x].j == j {
				out[x] = v
				if forward {
					x++
				} else {
					x--
				}
			}
		}
	}
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
		s += math.Exp(v - mx)
	}
	return mx + math.Log(s)
}
