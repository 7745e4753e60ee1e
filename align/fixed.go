package align

import "slices"

// What fixedLinks's alone says of a sentence that no fixed 1-0 or 0-1 link
// holds.
const (
	notAlone = -1
	inPair   = -2 // held by a fixed pair; only while fixedLinks sorts
)

// fixedLinks sorts the fixed links into the pairs the result must contain,
// in order, and the 1-0 and 0-1 links (dels), whose sentences alone marks
// with their index in dels (notAlone for the others). Links that leave the input,
// are not runs of consecutive indices or overlap or cross a pair kept
// before them are ignored.
func fixedLinks(fixed []Link, n, m int) (pairs, dels []Link, alone [2][]int) {
	alone = [2][]int{make([]int, n), make([]int, m)}
	for side := range alone {
		for i := range alone[side] {
			alone[side][i] = notAlone
		}
	}
	s, t := 0, 0
	for _, f := range fixed {
		if len(f.Src) == 0 || len(f.Tgt) == 0 || !run(f.Src, s, n) || !run(f.Tgt, t, m) {
			continue
		}
		pairs = append(pairs, f)
		s, t = f.Src[len(f.Src)-1]+1, f.Tgt[len(f.Tgt)-1]+1
		for _, x := range f.Src {
			alone[0][x] = inPair
		}
		for _, y := range f.Tgt {
			alone[1][y] = inPair
		}
	}
	for _, f := range fixed {
		side, ids := 0, f.Src
		if len(f.Src) == 0 {
			side, ids = 1, f.Tgt
		}
		if len(f.Src) > 0 && len(f.Tgt) > 0 || len(ids) == 0 || !run(ids, 0, len(alone[side])) ||
			slices.ContainsFunc(ids, func(x int) bool { return alone[side][x] != notAlone }) {
			continue
		}
		for _, x := range ids {
			alone[side][x] = len(dels)
		}
		dels = append(dels, f)
	}
	for side := range alone {
		for i, d := range alone[side] {
			alone[side][i] = max(d, notAlone)
		}
	}
	return pairs, dels, alone
}

// unalignedOf returns the index of the fixed 1-0 or 0-1 link that a link
// of one sentence belongs to, or notAlone.
func unalignedOf(l Link, alone [2][]int) int {
	switch {
	case len(l.Src) == 1 && len(l.Tgt) == 0:
		return alone[0][l.Src[0]]
	case len(l.Src) == 0 && len(l.Tgt) == 1:
		return alone[1][l.Tgt[0]]
	}
	return notAlone
}

func isSet(ids []int) []bool {
	out := make([]bool, len(ids))
	for i, d := range ids {
		out[i] = d >= 0
	}
	return out
}

// run reports whether ids are consecutive, start at from or later and end
// before n.
func run(ids []int, from, n int) bool {
	for i, x := range ids {
		if x < from || x >= n || i > 0 && x != ids[i-1]+1 {
			return false
		}
	}
	return true
}

// shift adds by to every id, in place.
func shift(ids []int, by int) {
	for i := range ids {
		ids[i] += by
	}
}
