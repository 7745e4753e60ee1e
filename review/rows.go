package review

import (
	"errors"
	"fmt"
	"slices"

	"github.com/paralel/paralel/corpus"
)

// Row is one link of the alignment as the translator sees it.
type Row struct {
	Src       []int   `json:"src"`       // indices of the source sentences, ascending
	Tgt       []int   `json:"tgt"`       // indices of the target sentences, ascending
	Score     float64 `json:"score"`     // the aligner's confidence, in [0,1]
	Confirmed bool    `json:"confirmed"` // the translator accepted the row
	Edited    bool    `json:"edited"`    // the translator made the row by hand
}

// Status is the row's status in an export: confirmed, or else edited, or
// else as the aligner left it.
func (r Row) Status() corpus.Status {
	switch {
	case r.Confirmed:
		return corpus.StatusConfirmed
	case r.Edited:
		return corpus.StatusEdited
	}
	return corpus.StatusAuto
}

// Fixed reports whether re-alignment must keep the row as it is.
func (r Row) Fixed() bool { return r.Confirmed || r.Edited }

// Side picks the source or the target half of a row.
type Side int

const (
	Source Side = iota
	Target
)

func (s Side) String() string {
	if s == Target {
		return "target"
	}
	return "source"
}

// ids returns the sentences of side s of r.
func (r *Row) ids(s Side) *[]int {
	if s == Target {
		return &r.Tgt
	}
	return &r.Src
}

func (r Row) empty() bool { return len(r.Src) == 0 && len(r.Tgt) == 0 }

// ErrNoOp reports a fix that does not apply to the row it was asked for,
// such as joining the last row with the next.
var ErrNoOp = errors.New("fix does not apply")

// The fixes below never modify their argument: each returns a new list,
// sharing no index slices with the old one, so that a session can keep the
// previous list for undo.

// Join merges row i with row i+1. The merged row is fixed.
func Join(rows []Row, i int) ([]Row, error) {
	if i < 0 || i >= len(rows)-1 { // not i+1 >= len(rows), which overflows
		return nil, fmt.Errorf("join row %d with the next: %w", i, ErrNoOp)
	}
	out := clone(rows)
	a, b := out[i], out[i+1]
	merged := Row{
		Src:    append(a.Src, b.Src...),
		Tgt:    append(a.Tgt, b.Tgt...),
		Score:  min(a.Score, b.Score),
		Edited: true,
	}
	return slices.Replace(out, i, i+2, merged), nil
}

// Split cuts row i into one row per sentence: the k-th source sentence goes
// with the k-th target sentence, and the extra sentences of the longer side
// stand alone. The new rows are fixed; moves and joins then refine them.
func Split(rows []Row, i int) ([]Row, error) {
	if i < 0 || i >= len(rows) {
		return nil, fmt.Errorf("split row %d: %w", i, ErrNoOp)
	}
	r := rows[i]
	n := max(len(r.Src), len(r.Tgt))
	if n < 2 {
		return nil, fmt.Errorf("split row %d: it holds one sentence a side: %w", i, ErrNoOp)
	}
	parts := make([]Row, n)
	for k := range parts {
		parts[k] = Row{Score: r.Score, Edited: true}
		if k < len(r.Src) {
			parts[k].Src = []int{r.Src[k]}
		}
		if k < len(r.Tgt) {
			parts[k].Tgt = []int{r.Tgt[k]}
		}
	}
	return slices.Replace(clone(rows), i, i+1, parts...), nil
}

// MoveUp moves the first sentence of side s of row i to the end of the row
// above. The row above, which the translator has just completed, is fixed;
// what remains of row i is left to re-alignment, and is dropped if empty.
func MoveUp(rows []Row, i int, s Side) ([]Row, error) {
	if i <= 0 || i >= len(rows) || len(*rows[i].ids(s)) == 0 {
		return nil, fmt.Errorf("move the first %s sentence of row %d up: %w", s, i, ErrNoOp)
	}
	out := clone(rows)
	from, to := &out[i], &out[i-1]
	ids := from.ids(s)
	*to.ids(s) = append(*to.ids(s), (*ids)[0])
	*ids = (*ids)[1:]
	return moved(out, i, i-1), nil
}

// MoveDown moves the last sentence of side s of row i to the start of the
// row below, which becomes fixed; the rest of row i is left to re-alignment.
func MoveDown(rows []Row, i int, s Side) ([]Row, error) {
	if i < 0 || i >= len(rows)-1 || len(*rows[i].ids(s)) == 0 {
		return nil, fmt.Errorf("move the last %s sentence of row %d down: %w", s, i, ErrNoOp)
	}
	out := clone(rows)
	from, to := &out[i], &out[i+1]
	ids := from.ids(s)
	last := (*ids)[len(*ids)-1]
	*to.ids(s) = append([]int{last}, *to.ids(s)...)
	*ids = (*ids)[:len(*ids)-1]
	return moved(out, i, i+1), nil
}

// moved ends a move of a sentence from row from to row to: the row that
// took it is fixed, the other left to re-alignment, or dropped if the move
// emptied it.
func moved(rows []Row, from, to int) []Row {
	rows[to].Edited, rows[to].Confirmed = true, false
	rows[from].Edited, rows[from].Confirmed = false, false
	if rows[from].empty() {
		rows = slices.Delete(rows, from, from+1)
	}
	return rows
}

// Detach marks side s of row i as having no counterpart: each of its
// sentences becomes a fixed row of its own (a 1-0 or 0-1 link), and the other
// side of the row is left to re-alignment, which may pair it with a
// neighbour.
func Detach(rows []Row, i int, s Side) ([]Row, error) {
	if i < 0 || i >= len(rows) || len(*rows[i].ids(s)) == 0 {
		return nil, fmt.Errorf("mark the %s side of row %d as unmatched: %w", s, i, ErrNoOp)
	}
	r := rows[i]
	var parts []Row
	for _, id := range *r.ids(s) {
		p := Row{Edited: true}
		*p.ids(s) = []int{id}
		parts = append(parts, p)
	}
	if other := *r.ids(1 - s); len(other) > 0 {
		p := Row{Score: r.Score}
		*p.ids(1 - s) = slices.Clone(other)
		parts = append(parts, p)
	}
	return slices.Replace(clone(rows), i, i+1, parts...), nil
}

// Confirm sets whether the translator accepts row i as it is.
func Confirm(rows []Row, i int, confirmed bool) ([]Row, error) {
	if i < 0 || i >= len(rows) {
		return nil, fmt.Errorf("confirm row %d: %w", i, ErrNoOp)
	}
	out := clone(rows)
	out[i].Confirmed = confirmed
	return out, nil
}

// clone copies rows deeply, so that fixes can edit the copy in place.
func clone(rows []Row) []Row {
	out := make([]Row, len(rows))
	for i, r := range rows {
		r.Src, r.Tgt = slices.Clone(r.Src), slices.Clone(r.Tgt)
		out[i] = r
	}
	return out
}

// Validate checks that rows cover nsrc source and ntgt target sentences,
// each exactly once and in order, with no empty row: the shape every fix
// keeps and every loaded session must have.
func Validate(rows []Row, nsrc, ntgt int) error {
	next := [2]int{}
	for i, r := range rows {
		if r.empty() {
			return fmt.Errorf("row %d is empty", i)
		}
		for s, ids := range [2][]int{r.Src, r.Tgt} {
			for _, id := range ids {
				if id != next[s] {
					return fmt.Errorf("row %d: %s sentence %d out of order (want %d)", i, Side(s), id, next[s])
				}
				next[s]++
			}
		}
		if r.Score < 0 || r.Score > 1 || r.Score != r.Score {
			return fmt.Errorf("row %d: score %v outside [0,1]", i, r.Score)
		}
	}
	if next[0] != nsrc || next[1] != ntgt {
		return fmt.Errorf("rows cover %d of %d source and %d of %d target sentences", next[0], nsrc, next[1], ntgt)
	}
	return nil
}

// Stats are the figures the page shows for the whole document.
type Stats struct {
	Links     int `json:"links"`
	Doubtful  int `json:"doubtful"`  // neither confirmed nor edited, and scored below the threshold
	Confirmed int `json:"confirmed"` // accepted by the translator
	Edited    int `json:"edited"`    // made by hand and not yet confirmed
}

// Doubtful reports whether r still needs the translator's attention: the
// aligner is unsure of it and nobody has looked at it yet.
func Doubtful(r Row, threshold float64) bool {
	return !r.Fixed() && r.Score < threshold
}

// Count computes the document's figures for the given doubt threshold.
func Count(rows []Row, threshold float64) Stats {
	st := Stats{Links: len(rows)}
	for _, r := range rows {
		switch {
		case r.Confirmed:
			st.Confirmed++
		case r.Edited:
			st.Edited++
		case r.Score < threshold:
			st.Doubtful++
		}
	}
	return st
}
