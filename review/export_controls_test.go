package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

// TestSaveTMXStripsControls: a review saved to TMX applies the control
// character rule of every other export, DEL and the C1 controls included,
// which XML would carry.
func TestSaveTMXStripsControls(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.tmx")
	items := []item{{pair: corpus.Pair{Src: "Po\x7f.\u0085", Tgt: "Yes\u009b.", SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 1}}}
	res, err := writeItems(Export{Path: path, Format: "tmx"}, "sq", "en", "", items)
	require.NoError(t, err)
	assert.Equal(t, 1, res.Pairs)
	out, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(out), "<seg>Po. </seg>")
	assert.Contains(t, string(out), "<seg>Yes.</seg>")
	assert.NotContains(t, string(out), "\x7f")
}
