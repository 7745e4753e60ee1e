package review

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/segment"
)

// sample reads the sample article pair, testdata/rama/{sq,en}.txt, split
// into sentences.
func sample(tb testing.TB) (src, tgt Input) {
	tb.Helper()
	read := func(name, lang string) Input {
		path := filepath.Join("..", "testdata", "rama", name)
		doc, err := segment.ReadFile(path, corpus.ReadOptions{Lang: lang, Name: path})
		require.NoError(tb, err)
		in, err := NewInput(path, lang, doc.Sentences)
		require.NoError(tb, err)
		return in
	}
	return read("sq.txt", "sq"), read("en.txt", "en")
}

// broken is the sample's alignment with one confident 1-1 link cut into a
// 1-0 and a 0-1 row, as an aligner's mistake the translator has to join.
// It returns the session, the aligner's own rows and the index of the
// first of the two broken rows.
func broken(tb testing.TB) (s *Session, good []Row, at int) {
	tb.Helper()
	src, tgt := sample(tb)
	s, err := Start(src, tgt, align.Langs{}, align.Options{})
	require.NoError(tb, err)
	good, _ = s.Rows()
	at = slices.IndexFunc(good, func(r Row) bool {
		return len(r.Src) == 1 && len(r.Tgt) == 1 && r.Score > 0.9 && r.Src[0] >= 4
	})
	require.GreaterOrEqual(tb, at, 0, "the sample has a confident 1-1 link")
	g := good[at]
	bad := slices.Replace(clone(good), at, at+1,
		Row{Src: g.Src, Score: 0.12},
		Row{Tgt: g.Tgt, Score: 0.08})
	s, err = NewSession(src, tgt, bad)
	require.NoError(tb, err)
	return s, good, at
}

func links(rs []Row) [][2][]int {
	out := make([][2][]int, len(rs))
	for i, r := range rs {
		out[i] = [2][]int{r.Src, r.Tgt}
	}
	return out
}

// TestRealignSample joins the broken link of the sample with the real
// aligner behind the session: the joined row is fixed, and re-aligning the
// rest around it gives back the aligner's alignment.
func TestRealignSample(t *testing.T) {
	s, good, at := broken(t)
	ts := serve(t, s)
	s.File = filepath.Join(t.TempDir(), "s.json")
	v := ts.fix(t, Op{Name: "join", Row: at})
	assert.Equal(t, links(good), links(nilEmpty(v.Rows)))
	assert.True(t, v.Rows[at].Edited)
	assert.Equal(t, 1, Count(v.Rows, s.Threshold).Edited)

	// Confirming rows and then moving a sentence keeps both: the confirmed
	// rows and the moved one are fixed points of the new alignment.
	v = ts.fix(t, Op{Name: "confirm", Row: 0, Rev: v.Rev})
	v = ts.fix(t, Op{Name: "detach", Row: at, Side: "tgt", Rev: v.Rev})
	assert.True(t, v.Rows[0].Confirmed)
	i := slices.IndexFunc(v.Rows, func(r Row) bool { return r.Edited })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, good[at].Tgt, v.Rows[i].Tgt)
	assert.Empty(t, v.Rows[i].Src)
	require.NoError(t, Validate(v.Rows, len(s.Src.Sentences), len(s.Tgt.Sentences)))
}

// TestRandomFixesSample makes random fixes on the sample with the real
// aligner behind the session, both windowed and whole: each either applies,
// leaving a valid alignment that keeps every fixed row, or does not apply;
// the aligner never refuses a fixed row the fixes made.
func TestRandomFixesSample(t *testing.T) {
	names := []string{"join", "split", "up", "down", "detach", "confirm", "undo"}
	for seed := range 8 {
		s, _, _ := broken(t)
		s.Window = []int{0, 4}[seed%2]
		rng := rand.New(rand.NewPCG(uint64(seed), 1))
		for range 30 {
			rows, rev := s.Rows()
			op := Op{Name: names[rng.IntN(len(names))], Row: rng.IntN(len(rows)), Side: []string{"src", "tgt"}[rng.IntN(2)], Rev: rev}
			if err := s.Apply(op); err != nil {
				require.ErrorIs(t, err, ErrNoOp, "seed %d: %+v", seed, op)
				continue
			}
			after, _ := s.Rows()
			require.NoError(t, Validate(after, len(s.Src.Sentences), len(s.Tgt.Sentences)))
			if op.Name == "undo" {
				continue
			}
			// Every fixed row but those the fix itself touched survives.
			for j, r := range rows {
				if r.Fixed() && (j < op.Row-1 || j > op.Row+1) {
					require.True(t, slices.ContainsFunc(after, func(a Row) bool {
						return key(a) == key(r) && a.Confirmed == r.Confirmed && a.Edited == r.Edited
					}), "seed %d: %+v lost fixed row %d", seed, op, j)
				}
			}
		}
	}
}
