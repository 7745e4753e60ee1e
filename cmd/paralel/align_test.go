package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus/ids"
	"github.com/paralel/paralel/internal/testio"
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

// TestAlignAndBatchRefuseAlike: a document whose sides cannot be a text
// and its translation (an empty side, the same text twice, the sides
// swapped) is an error of align and a failed document of batch, with the
// same reason, the other documents of the batch written all the same.
func TestAlignAndBatchRefuseAlike(t *testing.T) {
	dir := t.TempDir()
	sq, err := os.ReadFile(ramaSq)
	require.NoError(t, err)
	en, err := os.ReadFile(ramaEn)
	require.NoError(t, err)
	for _, tt := range []struct {
		name, src, tgt, err string
	}{
		{"empty", string(sq), "", "en.txt: no text: a document needs both sides"},
		{"both-empty", "", "", "en.txt: no text: a document needs both sides"},
		{"same", string(sq), string(sq), "en.txt are the same text: give a text and its translation"},
		{"swapped", string(en), string(sq), "the sides are swapped: the source (sq) reads as English and the target (en) as Albanian"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := filepath.Join(dir, tt.name)
			require.NoError(t, os.MkdirAll(doc, 0o755))
			src := testio.WriteFile(t, doc, "sq.txt", tt.src)
			tgt := testio.WriteFile(t, doc, "en.txt", tt.tgt)
			_, _, err := runCmd(t, "align", "-f", "tsv", src, tgt)
			assert.ErrorContains(t, err, tt.err)

			good := filepath.Join(dir, "good-"+tt.name)
			require.NoError(t, os.MkdirAll(good, 0o755))
			testio.WriteFile(t, good, "sq.txt", sq)
			testio.WriteFile(t, good, "en.txt", en)
			list := testio.WriteFile(t, dir, tt.name+".list", src+"\t"+tgt+"\tbad\n"+filepath.Join(good, "sq.txt")+"\t"+filepath.Join(good, "en.txt")+"\tgood\n")
			for _, each := range []string{"--each=false", "--each"} {
				out, stderr, err := runCmd(t, "batch", each, "-f", "tsv", list)
				assert.EqualError(t, err, "1 of 2 documents failed", each)
				assert.Contains(t, stderr, `failed: "bad": `, each)
				assert.Contains(t, stderr, tt.err, each)
				assert.True(t, strings.Contains(out, "\tgood\t"), "%s: the good document is written", each)
				assert.False(t, strings.Contains(out, "\tbad\t"), "%s: the bad one is not", each)
			}
		})
	}
	// Sides swapped on purpose are aligned by both.
	doc := filepath.Join(dir, "swapped")
	_, _, err = runCmd(t, "align", "--allow-swapped", "-f", "tsv", filepath.Join(doc, "sq.txt"), filepath.Join(doc, "en.txt"))
	assert.NoError(t, err)
	_, _, err = runCmd(t, "batch", "--allow-swapped", "-f", "tsv", filepath.Join(dir, "swapped.list"))
	assert.NoError(t, err)
}

func TestAlignBadInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("Mirë\xff\n"), 0o644))
	_, _, err := runCmd(t, "align", bad, ramaEn)
	assert.ErrorContains(t, err, "bad.txt: invalid UTF-8 at byte 5")
}
