package align

import "math"

// posteriors gives every link of the path its posterior probability from
// the forward sums alpha and the link scores that forward kept: the
// backward pass adds the sums of the paths from each node to the end.
func (lat *lattice) posteriors(path []step, off []int, alpha []float32, scores *linkScores) {
	n, m := len(lat.src), len(lat.tgt)
	lo := lat.band.lo
	beta := make([]float32, off[n+1])
	lat.backward(off, beta, scores)
	z := float64(alpha[off[n]+m-lo[n]]) // the sum over all paths
	inv := 1 / lat.params.temperature
	from := node{}
	for x := range path {
		s := &path[x]
		to := s.to
		c := off[to.i] + to.j - lo[to.i]
		v := float64(alpha[off[from.i]+from.j-lo[from.i]]) + scores.get(c, int(s.kind), to)*inv + float64(beta[c]) - z
		s.post = min(1, math.Exp(v))
		from = to
	}
}

// linkScores keeps the score of every link in the band for the backward
// pass. Those of 1-0 and 0-1 links depend only on their type, or on the
// unit left out where it has a prior of its own, and are not stored: a
// quarter of the scores of the first pass.
type linkScores struct {
	s   []float32 // by cell, then by the index that stored gives the type
	n   int       // stored types
	del [nTypes]float32
	lat *lattice // set when units have leaveOut priors of their own
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
	for k := range linkTypes[:lat.searched] {
		if stored[k] < 0 {
			// Stored as float32 like the others, so that forward and
			// backward see the same value.
			ls.del[k] = float32(lat.typeLeaveOutScore(linkType(k)))
		} else {
			ls.n++
		}
	}
	ls.s = make([]float32, cells*ls.n)
	if lat.ownLeaveOut {
		ls.lat = lat
	}
	return ls
}

// set keeps the score of the link of type k that ends in cell c.
func (ls *linkScores) set(c, k int, sc float64) {
	if x := stored[k]; x >= 0 {
		ls.s[c*ls.n+x] = float32(sc)
	}
}

// get is the score of the link of type k that ends in cell c, node to.
func (ls *linkScores) get(c, k int, to node) float64 {
	if x := stored[k]; x >= 0 {
		return float64(ls.s[c*ls.n+x])
	}
	if ls.lat != nil {
		return float64(float32(ls.lat.leaveOutScore(to.i, to.j, linkType(k))))
	}
	return float64(ls.del[k])
}

// backward fills the backward log sums of every node of the band from the
// link scores that forward kept.
func (lat *lattice) backward(off []int, beta []float32, scores *linkScores) {
	n, m := len(lat.src), len(lat.tgt)
	lo, hi := lat.band.lo, lat.band.hi
	inv := 1 / lat.params.temperature
	var terms [nTypes]float64
	for i := n; i >= 0; i-- {
		for j := hi[i]; j >= lo[i]; j-- {
			nt := 0
			for k, t := range linkTypes[:lat.searched] {
				ni, nj := i+t.a, j+t.b
				if ni > n || nj > m || !lat.band.in(ni, nj) {
					continue
				}
				c := off[ni] + nj - lo[ni]
				terms[nt] = float64(beta[c]) + scores.get(c, k, node{ni, nj})*inv
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
