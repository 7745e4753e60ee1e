package review

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// An Aligner aligns src with tgt and returns rows that contain every one of
// the fixed rows unchanged, filling the gaps between them.
type Aligner func(src, tgt []corpus.Sentence, fixed []Row) []Row

// Realign re-aligns every row that is neither confirmed nor edited, with the
// others as fixed points. It returns an error, and no rows, when the aligner
// breaks the shape of an alignment or drops a fixed row, so that a faulty
// aligner can never lose the translator's work.
func Realign(src, tgt []corpus.Sentence, rows []Row, align Aligner) ([]Row, error) {
	var fixed []Row
	keep := make(map[string]Row)
	for _, r := range rows {
		if r.Fixed() {
			fixed = append(fixed, r)
			keep[key(r)] = r
		}
	}
	out := clone(align(src, tgt, clone(fixed)))
	if err := Validate(out, len(src), len(tgt)); err != nil {
		return nil, fmt.Errorf("re-alignment: %w", err)
	}
	found := 0
	for i, r := range out {
		if k, ok := keep[key(r)]; ok {
			out[i].Confirmed, out[i].Edited = k.Confirmed, k.Edited
			found++
		} else {
			out[i].Confirmed, out[i].Edited = false, false
		}
	}
	if found != len(fixed) {
		return nil, fmt.Errorf("re-alignment kept %d of %d fixed rows", found, len(fixed))
	}
	return out, nil
}

// RealignNear re-aligns like Realign, but only the rows within window rows
// of rows[at]; the rows beyond stay as they are, as fixed points. Alignment
// errors are local, so this repairs what a fix can repair, at a cost that
// does not grow with the document. A window < 1 re-aligns every row.
func RealignNear(src, tgt []corpus.Sentence, rows []Row, align Aligner, at, window int) ([]Row, error) {
	return realignWithin(src, tgt, rows, align, at, window, 0, len(rows))
}

// realignWithin is RealignNear that re-aligns no row outside rows[a:b].
func realignWithin(src, tgt []corpus.Sentence, rows []Row, align Aligner, at, window, a, b int) ([]Row, error) {
	if window >= 1 && len(rows) > 2*window+1 {
		at = max(0, min(at, len(rows)-1))
		a, b = max(a, at-window), min(b, at+window+1)
	}
	if a <= 0 && b >= len(rows) {
		return Realign(src, tgt, rows, align)
	}
	var lo, hi [2]int // sentences before the window, and up to its end
	for i, r := range rows[:b] {
		n := [2]int{len(r.Src), len(r.Tgt)}
		for s := range 2 {
			if i < a {
				lo[s] += n[s]
			}
			hi[s] += n[s]
		}
	}
	sub := clone(rows[a:b])
	shiftRows(sub, -lo[0], -lo[1])
	got, err := Realign(src[lo[0]:hi[0]], tgt[lo[1]:hi[1]], sub, align)
	if err != nil {
		return nil, err
	}
	shiftRows(got, lo[0], lo[1])
	out := make([]Row, 0, len(rows)-len(sub)+len(got))
	out = append(out, clone(rows[:a])...)
	out = append(out, got...)
	return append(out, clone(rows[b:])...), nil
}

func shiftRows(rows []Row, ds, dt int) {
	for _, r := range rows {
		for i := range r.Src {
			r.Src[i] += ds
		}
		for i := range r.Tgt {
			r.Tgt[i] += dt
		}
	}
}

// key identifies a row by its sentences.
func key(r Row) string {
	var b strings.Builder
	for _, id := range r.Src {
		b.WriteString(strconv.Itoa(id))
		b.WriteByte(',')
	}
	b.WriteByte(':')
	for _, id := range r.Tgt {
		b.WriteString(strconv.Itoa(id))
		b.WriteByte(',')
	}
	return b.String()
}
