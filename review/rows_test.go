package review

import (
	"math"
	"testing"

	"github.com/paralel/paralel/corpus"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// r builds a row from source and target ids; e marks it edited.
func r(src, tgt []int) Row { return Row{Src: src, Tgt: tgt, Score: 0.5} }
func e(src, tgt []int) Row { return Row{Src: src, Tgt: tgt, Score: 0.5, Edited: true} }
func ids(v ...int) []int   { return v }
func rows(rs ...Row) []Row { return rs }
func none() []int          { return nil }

func TestFixes(t *testing.T) {
	// 0:[0]-[0]  1:[1]-[1,2]  2:[2,3]-[3]  3:[4]-[]
	base := rows(r(ids(0), ids(0)), r(ids(1), ids(1, 2)), r(ids(2, 3), ids(3)), r(ids(4), none()))
	tests := []struct {
		name string
		fix  func([]Row) ([]Row, error)
		want []Row
	}{
		{"join first two", func(rs []Row) ([]Row, error) { return Join(rs, 0) },
			rows(e(ids(0, 1), ids(0, 1, 2)), r(ids(2, 3), ids(3)), r(ids(4), none()))},
		{"join with a 1-0 row", func(rs []Row) ([]Row, error) { return Join(rs, 2) },
			rows(r(ids(0), ids(0)), r(ids(1), ids(1, 2)), e(ids(2, 3, 4), ids(3)))},
		{"split 1-2", func(rs []Row) ([]Row, error) { return Split(rs, 1) },
			rows(r(ids(0), ids(0)), e(ids(1), ids(1)), e(none(), ids(2)), r(ids(2, 3), ids(3)), r(ids(4), none()))},
		{"split 2-1", func(rs []Row) ([]Row, error) { return Split(rs, 2) },
			rows(r(ids(0), ids(0)), r(ids(1), ids(1, 2)), e(ids(2), ids(3)), e(ids(3), none()), r(ids(4), none()))},
		{"move first target sentence up", func(rs []Row) ([]Row, error) { return MoveUp(rs, 1, Target) },
			rows(e(ids(0), ids(0, 1)), r(ids(1), ids(2)), r(ids(2, 3), ids(3)), r(ids(4), none()))},
		{"move up empties the row", func(rs []Row) ([]Row, error) { return MoveUp(rs, 3, Source) },
			rows(r(ids(0), ids(0)), r(ids(1), ids(1, 2)), e(ids(2, 3, 4), ids(3)))},
		{"move last source sentence down", func(rs []Row) ([]Row, error) { return MoveDown(rs, 2, Source) },
			rows(r(ids(0), ids(0)), r(ids(1), ids(1, 2)), r(ids(2), ids(3)), e(ids(3, 4), none()))},
		{"move last target sentence down", func(rs []Row) ([]Row, error) { return MoveDown(rs, 1, Target) },
			rows(r(ids(0), ids(0)), r(ids(1), ids(1)), e(ids(2, 3), ids(2, 3)), r(ids(4), none()))},
		{"detach source of a 2-1", func(rs []Row) ([]Row, error) { return Detach(rs, 2, Source) },
			rows(r(ids(0), ids(0)), r(ids(1), ids(1, 2)), e(ids(2), none()), e(ids(3), none()), r(none(), ids(3)), r(ids(4), none()))},
		{"detach target of a 1-1", func(rs []Row) ([]Row, error) { return Detach(rs, 0, Target) },
			rows(e(none(), ids(0)), r(ids(0), none()), r(ids(1), ids(1, 2)), r(ids(2, 3), ids(3)), r(ids(4), none()))},
		{"detach a 1-0 asserts it", func(rs []Row) ([]Row, error) { return Detach(rs, 3, Source) },
			rows(r(ids(0), ids(0)), r(ids(1), ids(1, 2)), r(ids(2, 3), ids(3)), e(ids(4), none()))},
		{"confirm", func(rs []Row) ([]Row, error) { return Confirm(rs, 1, true) },
			rows(r(ids(0), ids(0)), Row{Src: ids(1), Tgt: ids(1, 2), Score: 0.5, Confirmed: true}, r(ids(2, 3), ids(3)), r(ids(4), none()))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := clone(base)
			got, err := tt.fix(in)
			require.NoError(t, err)
			for i := range got {
				got[i].Score = 0.5 // scores of new rows are the aligner's business
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, base, in, "a fix must not change its argument")
			assert.NoError(t, Validate(got, 5, 4))
		})
	}
}

func TestFixesThatDoNotApply(t *testing.T) {
	base := rows(r(ids(0), ids(0)), r(ids(1), none()))
	tests := []struct {
		name string
		fix  func([]Row) ([]Row, error)
	}{
		{"join the last row", func(rs []Row) ([]Row, error) { return Join(rs, 1) }},
		{"join out of range", func(rs []Row) ([]Row, error) { return Join(rs, -1) }},
		{"split a 1-1", func(rs []Row) ([]Row, error) { return Split(rs, 0) }},
		{"split out of range", func(rs []Row) ([]Row, error) { return Split(rs, 2) }},
		{"move the first row up", func(rs []Row) ([]Row, error) { return MoveUp(rs, 0, Source) }},
		{"move up from an empty side", func(rs []Row) ([]Row, error) { return MoveUp(rs, 1, Target) }},
		{"move the last row down", func(rs []Row) ([]Row, error) { return MoveDown(rs, 1, Source) }},
		{"detach an empty side", func(rs []Row) ([]Row, error) { return Detach(rs, 1, Target) }},
		{"confirm out of range", func(rs []Row) ([]Row, error) { return Confirm(rs, 5, true) }},
	}
	// The largest row number, on which i+1 overflows.
	for name, fix := range map[string]func([]Row, int) ([]Row, error){
		"join":    Join,
		"split":   Split,
		"up":      func(rs []Row, i int) ([]Row, error) { return MoveUp(rs, i, Source) },
		"down":    func(rs []Row, i int) ([]Row, error) { return MoveDown(rs, i, Target) },
		"detach":  func(rs []Row, i int) ([]Row, error) { return Detach(rs, i, Source) },
		"confirm": func(rs []Row, i int) ([]Row, error) { return Confirm(rs, i, true) },
	} {
		tests = append(tests, struct {
			name string
			fix  func([]Row) ([]Row, error)
		}{name + " the last int", func(rs []Row) ([]Row, error) { return fix(rs, math.MaxInt) }})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.fix(base)
			assert.ErrorIs(t, err, ErrNoOp)
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		rows []Row
		ok   bool
	}{
		{"good", rows(r(ids(0), ids(0, 1)), r(none(), ids(2))), true},
		{"empty row", rows(r(ids(0), ids(0, 1)), r(none(), none()), r(none(), ids(2))), false},
		{"gap", rows(r(ids(0), ids(0)), r(none(), ids(2))), false},
		{"out of order", rows(r(ids(0), ids(1)), r(none(), ids(0, 2))), false},
		{"twice", rows(r(ids(0), ids(0, 1)), r(ids(0), ids(2))), false},
		{"short", rows(r(ids(0), ids(0, 1))), false},
		{"score", rows(r(ids(0), ids(0, 1)), Row{Tgt: ids(2), Score: 1.5}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.rows, 1, 3)
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
}

func TestCount(t *testing.T) {
	rs := rows(
		Row{Src: ids(0), Tgt: ids(0), Score: 0.9},
		Row{Src: ids(1), Tgt: ids(1), Score: 0.2},
		Row{Src: ids(2), Tgt: ids(2), Score: 0.2, Edited: true},
		Row{Src: ids(3), Tgt: ids(3), Score: 0.1, Confirmed: true, Edited: true},
	)
	assert.Equal(t, Stats{Links: 4, Doubtful: 1, Confirmed: 1, Edited: 1}, Count(rs, 0.5))
	assert.True(t, Doubtful(rs[1], 0.5))
	assert.False(t, Doubtful(rs[2], 0.5))
}

// FuzzFixes applies random fixes to a random alignment: every fix that
// applies must keep the shape of an alignment, and every other must say so
// with ErrNoOp.
func FuzzFixes(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5}, []byte{1, 2, 3, 4, 5, 6, 7, 8})
	f.Add([]byte{9, 9, 9}, []byte{0, 0, 5, 1, 7, 2})
	f.Fuzz(func(t *testing.T, shape, script []byte) {
		// Each shape byte makes a row: its low bits say how many source
		// and target sentences it takes (0-3 each, never 0-0).
		var rs []Row
		n := [2]int{}
		for _, b := range shape {
			k := [2]int{int(b & 3), int(b >> 2 & 3)}
			if k[0]+k[1] == 0 {
				continue
			}
			var r Row
			for s := range 2 {
				for range k[s] {
					*r.ids(Side(s)) = append(*r.ids(Side(s)), n[s])
					n[s]++
				}
			}
			rs = append(rs, r)
		}
		for i := 0; i+1 < len(script); i += 2 {
			op, row := script[i]%6, int(script[i+1])%(len(rs)+2)-1
			side := Side(script[i] / 6 % 2)
			var next []Row
			var err error
			switch op {
			case 0:
				next, err = Join(rs, row)
			case 1:
				next, err = Split(rs, row)
			case 2:
				next, err = MoveUp(rs, row, side)
			case 3:
				next, err = MoveDown(rs, row, side)
			case 4:
				next, err = Detach(rs, row, side)
			case 5:
				next, err = Confirm(rs, row, true)
			}
			if err != nil {
				require.ErrorIs(t, err, ErrNoOp)
				continue
			}
			require.NoError(t, Validate(next, n[0], n[1]), "op %d on row %d", op, row)
			rs = next
		}
	})
}

func TestRealignNear(t *testing.T) {
	// 300 sentences a side, aligned one to one except that rows 100 to 199
	// are off by one: source 100 has no partner, target 199 none either.
	var rs []Row
	for i := 0; i < 300; i++ {
		switch {
		case i < 100 || i >= 200:
			rs = append(rs, Row{Src: ids(i), Tgt: ids(i), Score: 0.9})
		case i == 100:
			rs = append(rs, Row{Src: ids(100), Score: 0.1}, Row{Src: ids(101), Tgt: ids(100), Score: 0.1})
		case i == 199:
			rs = append(rs, Row{Tgt: ids(199), Score: 0.1})
		default:
			rs = append(rs, Row{Src: ids(i + 1), Tgt: ids(i - 1 + 1), Score: 0.1})
		}
	}
	src := sentences(make([]string, 300)...)
	tgt := sentences(make([]string, 300)...)
	require.NoError(t, Validate(rs, 300, 300))

	calls := 0
	counting := func(s, g []corpus.Sentence, fixed []Row) []Row {
		calls++
		assert.LessOrEqual(t, len(s), 30, "the aligner sees the window only")
		return diagonal(s, g, fixed)
	}
	got, err := RealignNear(src, tgt, rs, counting, 150, 10)
	require.NoError(t, err)
	assert.Equal(t, 1, calls)
	require.NoError(t, Validate(got, 300, 300))
	assert.Equal(t, rs[:140], got[:140], "rows before the window stay")
	assert.Equal(t, rs[161:], got[len(got)-(len(rs)-161):], "rows after the window stay")

	// A window that covers the document is Realign.
	all, err := RealignNear(src, tgt, rs, diagonal, 150, 200)
	require.NoError(t, err)
	want, err := Realign(src, tgt, rs, diagonal)
	require.NoError(t, err)
	assert.Equal(t, want, all)
}
