package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAlignExportFlags checks the export flags of paralel align: regional
// language tags reach the TMX while splitting and aligning still use the
// language's data, and the filters say what they dropped.
func TestAlignExportFlags(t *testing.T) {
	dir := t.TempDir()
	sq, en := "../../testdata/rama/sq.txt", "../../testdata/rama/en.txt"

	plain := filepath.Join(dir, "plain.tmx")
	_, err := runParalel(t, "align", "-o", plain, sq, en)
	require.NoError(t, err)
	regional := filepath.Join(dir, "regional.tmx")
	_, err = runParalel(t, "align", "--src-lang", "sq-AL", "--tgt-lang", "en-GB", "-o", regional, sq, en)
	require.NoError(t, err)

	a, err := os.ReadFile(plain)
	require.NoError(t, err)
	b, err := os.ReadFile(regional)
	require.NoError(t, err)
	assert.Contains(t, string(b), `srclang="sq-AL"`)
	assert.Contains(t, string(b), `<tuv xml:lang="en-GB">`)
	assert.Contains(t, string(b), `creationtoolversion="`+version+`"`)
	assert.Equal(t, strings.Count(string(a), "<tu>"), strings.Count(string(b), "<tu>"), "the same alignment")
	assert.Equal(t, strings.Count(string(a), "<seg>"), strings.Count(string(b), "<seg>"))

	stderr, err := runParalel(t, "align", "--min-score", "0.99", "--dedupe", "-f", "tsv", "-o", filepath.Join(dir, "sure.tsv"), sq, en)
	require.NoError(t, err)
	assert.Regexp(t, `dropped \d+ pairs: \d+ unaligned \(1-0/0-1\), \d+ below the minimum score`, stderr)
}
