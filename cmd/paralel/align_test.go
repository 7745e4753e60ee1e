package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus/ids"
)

const (
	ramaSq = "../../testdata/rama/sq.txt"
	ramaEn = "../../testdata/rama/en.txt"
)

func TestAlignIDs(t *testing.T) {
	out, _, err := runCmd(t, "align", "-f", "ids", ramaSq, ramaEn)
	require.NoError(t, err)
	pairs, err := ids.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, pairs)
	// Every sentence of both sides once, in order.
	next := [2]int{}
	for _, p := range pairs {
		for side, v := range [][]int{p.SrcIDs, p.TgtIDs} {
			for _, id := range v {
				assert.Equal(t, next[side], id)
				next[side]++
			}
		}
		assert.GreaterOrEqual(t, p.Score, 0.0)
		assert.LessOrEqual(t, p.Score, 1.0)
	}
	assert.Regexp(t, `^\[\d*\]:\[\d*\]:(0\.\d{1,4}|1|0)\n`, out)
}

func TestAlignTSVFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "rama.tsv")
	stdout, _, err := runCmd(t, "align", "--keep-unaligned", "-o", out, ramaSq, ramaEn)
	require.NoError(t, err)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	assert.Greater(t, len(lines), 10)
	for _, l := range lines {
		assert.GreaterOrEqual(t, strings.Count(l, "\t"), 2, "source, target and score: %q", l)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left")
}

func TestAlignDropsUnaligned(t *testing.T) {
	dir := t.TempDir()
	sq := filepath.Join(dir, "sq.txt")
	en := filepath.Join(dir, "en.txt")
	require.NoError(t, os.WriteFile(sq, []byte("Ai erdhi më 5 maj.\nKjo fotografi u realizua nga agjencia shtetërore e lajmeve gjatë një vizite zyrtare në kryeqytet, ku morën pjesë shumë gazetarë vendas dhe të huaj.\nAta ikën më 12 qershor.\n"), 0o644))
	require.NoError(t, os.WriteFile(en, []byte("He came on 5 May.\nThey left on 12 June.\n"), 0o644))
	out, stderr, err := runCmd(t, "align", "--presplit", "-f", "tsv", sq, en)
	require.NoError(t, err)
	assert.Equal(t, 2, strings.Count(out, "\n"), out)
	assert.Contains(t, stderr, "dropped 1 pair: 1 unaligned")
}

func TestAlignEmptySide(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	out, stderr, err := runCmd(t, "align", "-f", "ids", ramaSq, empty)
	require.NoError(t, err, "an empty side is a warning, not an error")
	assert.Contains(t, stderr, "paralel: warning:")
	pairs, err := ids.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, pairs)
	for _, p := range pairs {
		assert.Empty(t, p.TgtIDs)
	}
}

func TestAlignBadInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("Mirë\xff\n"), 0o644))
	_, _, err := runCmd(t, "align", bad, ramaEn)
	assert.ErrorContains(t, err, "bad.txt: invalid UTF-8 at byte 5")
}
