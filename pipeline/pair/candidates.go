package pair

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// Retrieval bounds. Every document visits at most budget postings, those
// of its rarest keys, so the cost of finding candidates grows linearly
// with the number of documents however common the other keys are.
const (
	budget    = 12000 // postings visited per document
	shortlist = 24    // documents scored in full per document
	keep      = 4     // candidates kept per document and direction
)

// An edge is a candidate pair with its prior score.
type edge struct {
	src, tgt int32
	prior    float64
	score    float64 // after the check
}

// postings is an inverted index of one side: the documents that hold each
// key, in one array.
type postings struct {
	start []int32 // key k's documents are docs[start[k]:start[k+1]]
	docs  []int32
}

func (c *collection) index(side Side) postings {
	nk := len(c.ks.names)
	ix := postings{start: make([]int32, nk+1)}
	for k, n := range c.df[side] {
		ix.start[k+1] = ix.start[k] + n
	}
	ix.docs = make([]int32, ix.start[nk])
	fill := slices.Clone(ix.start[:nk])
	for i, p := range c.prof[side] {
		if !c.ok[side][i] {
			continue
		}
		for _, kc := range p.keys {
			ix.docs[fill[kc.key]] = int32(i)
			fill[kc.key]++
		}
	}
	return ix
}

// candidates finds, for every usable document of either side, the few
// documents of the other side that share most of its rare evidence, and
// returns the union of these pairs, each once, with its prior score.
func (c *collection) candidates() []edge {
	var all []edge
	for side := range 2 {
		all = append(all, c.retrieve(Side(side))...)
	}
	slices.SortFunc(all, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.src, b.src), cmp.Compare(a.tgt, b.tgt))
	})
	return slices.CompactFunc(all, func(a, b edge) bool { return a.src == b.src && a.tgt == b.tgt })
}

// retrieve finds the candidates of the documents of one side among those
// of the other, through an index of the other side.
func (c *collection) retrieve(from Side) []edge {
	to := 1 - from
	ix := c.index(to)
	n := len(c.prof[from])
	found := make([][]edge, n)
	next := make(chan int, 64)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			acc := make([]float64, len(c.prof[to]))
			var touched []int32
			var keys []keyCount
			for i := range next {
				found[i], touched, keys = c.retrieveOne(from, i, ix, acc, touched, keys)
			}
		})
	}
	for i := range n {
		if c.ok[from][i] {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	var out []edge
	for _, e := range found {
		out = append(out, e...)
	}
	return out
}

func (c *collection) retrieveOne(from Side, i int, ix postings, acc []float64, touched []int32, keys []keyCount) ([]edge, []int32, []keyCount) {
	to := 1 - from
	// The rarest keys first, as long as the budget lasts.
	keys = keys[:0]
	for _, kc := range c.prof[from][i].keys {
		if c.weight[kc.key] > 0 {
			keys = append(keys, kc)
		}
	}
	slices.SortFunc(keys, func(a, b keyCount) int {
		return cmp.Compare(c.df[to][a.key], c.df[to][b.key])
	})
	left := budget
	touched = touched[:0]
	for _, kc := range keys {
		docs := ix.docs[ix.start[kc.key]:ix.start[kc.key+1]]
		if len(docs) > left {
			break
		}
		left -= len(docs)
		w := float64(c.weight[kc.key]) * damp(kc.n)
		for _, d := range docs {
			if acc[d] == 0 {
				touched = append(touched, d)
			}
			acc[d] += w
		}
	}
	// Shortlist by the partial overlap as a share of both masses, then
	// score the shortlist in full.
	mass := c.mass[from][i]
	short := top(touched, shortlist, func(d int32) float64 { return acc[d] / (mass + c.mass[to][d]) })
	for _, d := range touched {
		acc[d] = 0
	}
	out := make([]edge, 0, len(short))
	for _, d := range short {
		e := edge{src: int32(i), tgt: d}
		if from == Tgt {
			e.src, e.tgt = d, int32(i)
		}
		e.prior = c.similarity(int(e.src), int(e.tgt))
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b edge) int { return cmp.Compare(b.prior, a.prior) })
	return out[:min(len(out), keep)], touched, keys
}

// top returns the n items of list with the highest value, best first. It
// keeps a small heap rather than sorting the whole list, which can hold as
// many documents as the budget.
func top(list []int32, n int, value func(int32) float64) []int32 {
	h := make([]int32, 0, n) // a min-heap on value
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			if r := l + 1; r < len(h) && value(h[r]) < value(h[l]) {
				l = r
			}
			if value(h[i]) <= value(h[l]) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for _, d := range list {
		switch {
		case len(h) < n:
			h = append(h, d)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if value(h[p]) <= value(h[i]) {
					break
				}
				h[p], h[i] = h[i], h[p]
				i = p
			}
		case value(d) > value(h[0]):
			h[0] = d
			down(0)
		}
	}
	slices.SortFunc(h, func(a, b int32) int { return cmp.Compare(value(b), value(a)) })
	return h
}
