package align

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
// have the search's posteriors (see movedScore), from the strands of its
// links.
func (lat *lattice) pairMoved(path []step, strands []strand) []moved {
	// The path index of the 0-1 link of each target unit; -1 for a unit
	// in a link.
	outTgt := make([]int32, len(lat.tgt))
	for y := range outTgt {
		outTgt[y] = -1
	}
	from := node{}
	for x, s := range path {
		if s.kind == tgtOnly {
			outTgt[from.j] = int32(x)
		}
		from = s.to
	}
	// partner is the unit of the other side that the unit of left-out link
	// x shares enough with to be its translation, or -1. A unit that must
	// stay unaligned (a fixed 1-0 or 0-1 link, a translator's credit) is
	// no one's partner.
	partner := func(x int, alone bool) int {
		if alone || strands[x].info <= strandFree {
			return -1
		}
		return strands[x].match
	}
	var pairs []moved
	from = node{}
	for x, s := range path {
		if s.kind == srcOnly {
			if j := partner(x, lat.src[from.i].alone); j >= 0 {
				if y := int(outTgt[j]); y >= 0 && partner(y, lat.tgt[j].alone) == from.i {
					pairs = append(pairs, moved{x, y, movedScore(path[x].post, path[y].post)})
				}
			}
		}
		from = s.to
	}
	return pairs
}

// movedScore is the score of a moved pair whose sentences the search left
// out with posteriors a and b: the chance that neither was rightly left
// out, as the search saw it. The search had no place for them in order
// and only their words tie them, so most such links come out doubtful,
// for the translator to check.
func movedScore(a, b float64) float64 {
	return (1 - a) * (1 - b)
}
