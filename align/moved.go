package align

import "slices"

// A sentence left out on one side and a sentence left out on the other,
// near each other, whose rare words match are most likely each other's
// translation moved out of order: a caption the scan put elsewhere, a
// sentence the translator moved. The search keeps the order and drops
// both (lowerCrossed flags them); unless Options.InOrder is set, they are
// then linked to each other, out of order, when each is the other's best
// match within strandReach (see stranded).

// moved is a pair of a 1-0 and a 0-1 link of a path, by their indices,
// whose sentences are linked to each other out of order, and the score of
// that link.
type moved struct {
	src, tgt int
	score    float64
}

// pairMoved returns the moved pairs of the final path, whose links still
// have the search's posteriors (see movedScore).
func (lat *lattice) pairMoved(path []step) []moved {
	n, m := len(lat.src), len(lat.tgt)
	// The path index of the 0-1 link of each target unit; -1 for a unit
	// in a link.
	outTgt := make([]int32, m)
	for y := range outTgt {
		outTgt[y] = -1
	}
	from := node{}
	anySrc := false
	for x, s := range path {
		switch s.kind {
		case srcOnly:
			anySrc = true
		case tgtOnly:
			outTgt[from.j] = int32(x)
		}
		from = s.to
	}
	if !anySrc || !slices.ContainsFunc(outTgt, func(x int32) bool { return x >= 0 }) {
		return nil
	}
	o := newOrphans(lat)
	defer o.mt.release()
	// best[x] is the unit of the other side that the unit of left-out
	// link x matches best, when it shares enough to be its translation.
	best := make(map[int]int)
	from = node{}
	for x, s := range path {
		var info float64
		match := -1
		// A unit that must stay unaligned (a fixed 1-0 or 0-1 link, a
		// translator's credit) is no one's partner.
		switch {
		case s.kind == srcOnly && !lat.src[from.i].alone:
			info, match = o.stranded(&lat.src[from.i], lat.tgt, from.j, n)
		case s.kind == tgtOnly && !lat.tgt[from.j].alone:
			info, match = o.stranded(&lat.tgt[from.j], lat.src, from.i, m)
		}
		if match >= 0 && info > strandFree {
			best[x] = match
		}
		from = s.to
	}
	var pairs []moved
	from = node{}
	for x, s := range path {
		if s.kind == srcOnly {
			if j, ok := best[x]; ok {
				if y := int(outTgt[j]); y >= 0 && matchOf(best, y) == from.i {
					pairs = append(pairs, moved{x, y, movedScore(path[x].post, path[y].post)})
				}
			}
		}
		from = s.to
	}
	return pairs
}

// matchOf is best[x], or -1 when x has none.
func matchOf(best map[int]int, x int) int {
	if v, ok := best[x]; ok {
		return v
	}
	return -1
}

// movedScore is the score of a moved pair whose sentences the search left
// out with posteriors a and b: the chance that neither was rightly left
// out, as the search saw it. The search had no place for them in order
// and only their words tie them, so most such links come out doubtful,
// for the translator to check.
func movedScore(a, b float64) float64 {
	return (1 - a) * (1 - b)
}
