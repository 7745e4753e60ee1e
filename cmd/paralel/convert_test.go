package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConvertCommand(t *testing.T) {
	dir := t.TempDir()
	tsv := filepath.Join(dir, "pairs.tsv")
	require.NoError(t, os.WriteFile(tsv, []byte("Po.\tYes.\t0.9\t1-1\nPo.\tYes.\t0.8\t1-1\nJo.\tNo.\t0.1\t1-1\nTitulli\t\t1\t1-0\n"), 0o644))

	_, stderr, err := runCmd(t, "convert", "--min-score", "0.5", "--dedupe", "--tgt-lang", "en-gb", tsv, filepath.Join(dir, "out.tmx"))
	require.NoError(t, err)
	assert.Contains(t, stderr, "paralel: wrote 1 of 4 pairs (sq/en-GB)")
	assert.Contains(t, stderr, "paralel: dropped 3 pairs: 1 unaligned (1-0/0-1), 1 below the minimum score, 1 duplicate")
	tmx, err := os.ReadFile(filepath.Join(dir, "out.tmx"))
	require.NoError(t, err)
	assert.Contains(t, string(tmx), `<tuv xml:lang="en-GB"><seg>Yes.</seg></tuv>`)

	_, _, err = runCmd(t, "convert", "--to", "moses", filepath.Join(dir, "out.tmx"), filepath.Join(dir, "train"))
	require.NoError(t, err)
	assert.FileExists(t, filepath.Join(dir, "train.sq"))
	assert.FileExists(t, filepath.Join(dir, "train.en-GB"))

	_, _, err = runCmd(t, "convert", tsv, filepath.Join(dir, "out.docx"))
	assert.ErrorContains(t, err, `cannot tell the format of`)
	assert.NoFileExists(t, filepath.Join(dir, "out.docx"))
}
