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
