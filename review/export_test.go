package review

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

// TestExportStatus: every export says which links a translator confirmed
// or edited, keeps their scores beside, and no filter drops them.
func TestExportStatus(t *testing.T) {
	src := Input{Lang: "sq", Sentences: sentences("Një.", "Dy.", "Tre.", "Katër.")}
	tgt := Input{Lang: "en", Sentences: sentences("One.", "Two.", "Three.", "Four.")}
	for _, name := range []string{"tmx", "jsonl", "tsv"} {
		t.Run(name, func(t *testing.T) {
			s, err := NewSession(src, tgt, shifted())
			require.NoError(t, err)
			s.Align = nil
			require.NoError(t, s.Apply(Op{Name: "confirm", Row: 2, Rev: 0})) // Tre.|Two. scored 0.3
			require.NoError(t, s.Apply(Op{Name: "detach", Row: 3, Rev: 1}))  // Katër. stands alone, edited
			s.Export = Export{Path: filepath.Join(t.TempDir(), "out."+name), Format: name, TSVMeta: true, MinScore: 0.9}
			_, err = s.Save()
			require.NoError(t, err)
			var got []corpus.Pair
			for _, p := range readPairs(t, name, s.Export.Path) {
				got = append(got, corpus.Pair{Src: p.Src, Tgt: p.Tgt, Score: p.Score, Status: p.Status})
			}
			assert.Equal(t, []corpus.Pair{
				{Src: "Një.", Tgt: "One.", Score: 0.95},
				{Src: "Tre.", Tgt: "Two.", Score: 0.3, Status: corpus.StatusConfirmed},
				{Src: "Katër.", Status: corpus.StatusEdited},
			}, got)
		})
	}
}
