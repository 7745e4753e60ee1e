package align

import (
	"math"
	"runtime"
	"slices"
	"sync"
)

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

// cols gives the columns j for which node (i+di, j+dj) lies in the band
// and in columns 0..m: lo..hi, empty when row i+di is outside the band.
func (b band) cols(i, di, dj, m int) cols {
	r := i + di
	if r < 0 || r >= len(b.lo) {
		return cols{0, -1}
	}
	return cols{max(b.lo[r], 0) - dj, min(b.hi[r], m) - dj}
}

// cols are the columns lo..hi of a row.
type cols struct{ lo, hi int }

func (c cols) has(j int) bool { return j >= c.lo && j <= c.hi }

// lattice scores the links of one level inside a band.
type lattice struct {
	src, tgt []unit
	// What a match of a token adds to a link, by the token's df and the
	// number of partners of its unit (see weigh).
	srcGain, tgtGain [][maxSpan]float32
	params           *params
	band             band
	searched         int // the search tries linkTypes[:searched]
	// progress, when set, is told now and then how many more rows the
	// search has done.
	progress func(rows int)
	// delScale multiplies the prior of 1-0 and 0-1 links. Coarse units
	// hold many sentences, and leaving a block of them out is much less
	// likely than leaving out one.
	delScale float64
	// ownLeaveOut says that some unit has a leaveOut prior of its own.
	ownLeaveOut bool
	// ends, when set, scores how the units of a link end.
	ends *endModel
	// ahead says that the search, unless cut in parts, has a core of its
	// own and another waiting: its rows are filled ahead of it there (see
	// lexCache.fillAhead).
	ahead bool
	// byCell says that the lexical evidence of a link saturates by cell
	// (cells.go). Only the final search does: the first pass and the
	// coarse levels only find the band and the estimates, and keep the
	// cheaper single sum.
	byCell bool
}

// node is a point of the lattice: i source and j target units consumed.
type node struct{ i, j int }

// step is one link of a path: it ends at node to and has type k.
type step struct {
	to   node
	kind linkType
	post float64 // the link's posterior probability (see posteriors)
}

// search finds the best path through the band from (0,0) to (n,m). With
// post set it also gives every link of the path its posterior probability:
// the share of all paths through the band, weighted by exp(score/temp),
// that contain the link. The link scores of the forward pass are kept for
// the backward one, since scoring is most of the work.
func (lat *lattice) search(post bool) []step {
	n, m := len(lat.src), len(lat.tgt)
	lo, hi := lat.band.lo, lat.band.hi
	off := make([]int, n+2)
	for i := 0; i <= n; i++ {
		off[i+1] = off[i] + hi[i] - lo[i] + 1
	}
	back := make([]int8, off[n+1])
	var alpha *sums
	var scores *linkScores
	if post {
		alpha = newSums(off[n+1], n+1)
		scores = lat.newLinkScores(off[n+1])
	}
	lat.forward(off, back, alpha, scores)
	var path []step
	for i, j := n, m; i > 0 || j > 0; {
		k := back[off[i]+j-lo[i]]
		if k < 0 {
			panic("align: band does not connect the corners")
		}
		path = append(path, step{to: node{i, j}, kind: linkType(k)})
		i -= linkTypes[k].a
		j -= linkTypes[k].b
	}
	slices.Reverse(path)
	insertionsFirst(path, lat.band)
	if post {
		lat.posteriors(path, off, alpha, scores)
	}
	return path
}

// forward fills the Viterbi back pointers and, when alpha is not nil, the
// forward log sums of every node of the band and the scores of the links
// that end there.
func (lat *lattice) forward(off []int, back []int8, alpha *sums, scores *linkScores) {
	n := len(lat.src)
	lo, hi := lat.band.lo, lat.band.hi
	vals := rowRing(lat.band)
	lc := newLexCache(lat)
	defer lc.release()
	if lat.ahead && n >= minAhead && runtime.GOMAXPROCS(0) > 1 {
		defer lc.fillAhead()()
	}
	inv := 1 / lat.params.temperature
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
			nt, del := 0, ninf
			// top is the largest of terms: those of the links other than
			// 1-0, whose sum (sums.open) is the smaller one a link is
			// negligible in.
			top := ninf
			for k, t := range linkTypes[:lat.searched] {
				if !lc.from[k].has(j) {
					continue
				}
				pi, pj := i-t.a, j-t.b
				prev := vals[pi&7][pj-lo[pi]]
				if prev == ninf {
					continue
				}
				// Below floor the link can neither beat the best path
				// here nor weigh in the posteriors.
				floor := best - prev
				var into float64 // the forward sum the link follows
				if alpha != nil {
					into = alpha.into(pi, off[pi]+pj-lo[pi], linkType(k))
					floor = min(floor, (top-negligible-into)*lat.params.temperature)
				}
				sc := lat.score(lc, i, j, k, floor)
				if v := prev + sc; v > best {
					best, arg = v, int8(k)
				}
				if alpha != nil {
					scores.set(c, k, sc)
					v := into + sc*inv
					if k == int(srcOnly) {
						del = v
					} else {
						terms[nt] = v
						top = max(top, v)
						nt++
					}
				}
			}
			row[j-lo[i]] = best
			back[c] = arg
			if alpha != nil {
				alpha.set(i, c, terms[:nt], del, i == 0 && j == 0)
			}
		}
	}
	if lat.progress != nil {
		lat.progress((n + 1) & 1023)
	}
}

// negligible is how far, in log terms, a link's term in the forward sum
// of a node may fall below the largest before it is left out: by e^-20
// each, all the link types together change the sum by less than float32,
// which keeps it, can tell (2^-24).
const negligible = 20

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

// minAhead is the fewest source units worth filling ahead of the search.
const minAhead = 64

// minChunk is the fewest source units worth a goroutine of their own.
const minChunk = 2000

// inParts calls do for consecutive parts lo..hi-1 of 0..n-1, at once when
// n is long enough for several parts of minChunk.
func inParts(n int, do func(lo, hi int)) {
	parts := min(runtime.GOMAXPROCS(0), n/minChunk)
	if parts < 2 {
		do(0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { do(p*n/parts, (p+1)*n/parts) })
	}
	wg.Wait()
}

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
		sub := &lattice{src: lat.src[from.i:to.i], tgt: lat.tgt[from.j:to.j], srcGain: lat.srcGain, tgtGain: lat.tgtGain, params: lat.params, delScale: lat.delScale, ownLeaveOut: lat.ownLeaveOut, ends: lat.ends, byCell: lat.byCell, searched: lat.searched, progress: lat.progress}
		sub.band = band{make([]int, to.i-from.i+1), make([]int, to.i-from.i+1)}
		for i := range sub.band.lo {
			sub.band.lo[i] = min(max(lat.band.lo[from.i+i]-from.j, 0), to.j-from.j)
			sub.band.hi[i] = min(max(lat.band.hi[from.i+i]-from.j, 0), to.j-from.j)
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
