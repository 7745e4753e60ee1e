package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/pipeline/input"
	"github.com/paralel/paralel/pipeline/pair"
)

func TestParsePair(t *testing.T) {
	got, err := parse(t, NewCmdPair, "sq/", "en/")
	require.NoError(t, err)
	assert.Equal(t, PairOptions{IO: got.IO, Src: "sq/", Tgt: "en/", SrcLang: "sq", TgtLang: "en", Format: "tsv", Output: "-", MinScore: pair.DefaultMinScore}, *got)

	got, err = parse(t, NewCmdPair, "--src-lang", "de", "--tgt-lang", "fr", "-o", "p.jsonl", "--min-score", "0.6", "--keep-unpaired", "a", "b")
	require.NoError(t, err)
	assert.Equal(t, PairOptions{IO: got.IO, Src: "a", Tgt: "b", SrcLang: "de", TgtLang: "fr", Format: "jsonl", Output: "p.jsonl", MinScore: 0.6, KeepUnpaired: true}, *got)

	got, err = parse(t, NewCmdPair, "--input-format", "html", "--encoding", "windows-1252", "--wrapped", "--timeout", "3s", "--dump-text", "seen", "a", "b")
	require.NoError(t, err)
	assert.Equal(t, input.Options{Format: "html", Encoding: "windows-1252", Mode: corpus.Wrapped, Timeout: 3 * time.Second, DumpDir: "seen"}, got.Read)

	_, err = parse(t, NewCmdPair, "-f", "tmx", "a", "b")
	assert.ErrorContains(t, err, "tsv or jsonl")
	_, err = parse(t, NewCmdPair, "a")
	assert.Error(t, err)

	b, err := parse(t, NewCmdBatch, "--pair", "a", "b")
	require.NoError(t, err)
	assert.True(t, b.Pair)
	_, err = parse(t, NewCmdBatch, "--pair", "a")
	assert.ErrorContains(t, err, "two inputs")

	e, err := parse(t, NewCmdEval, "--pairs", "gold.tsv", "pred.tsv")
	require.NoError(t, err)
	assert.Equal(t, [2]string{"gold.tsv", "pred.tsv"}, [2]string{e.Gold, e.Pred})
	_, err = parse(t, NewCmdEval, "--pairs", "gold.tsv")
	assert.ErrorContains(t, err, "two files")
}

// collections lays out two folders of the documents of testdata under
// names that do not match, with an empty document on the source side.
func collections(t *testing.T) (dir, src, tgt string) {
	dir = t.TempDir()
	src, tgt = filepath.Join(dir, "sq"), filepath.Join(dir, "en")
	for from, to := range map[string]string{
		"rama/sq.txt": "sq/a.txt", "batch/moti/sq.txt": "sq/news/b.txt", "batch/bashkia/sq.txt": "sq/c.txt",
		"rama/en.txt": "en/x.txt", "batch/moti/en.txt": "en/y.txt", "batch/bashkia/en.txt": "en/z.txt",
	} {
		data, err := os.ReadFile(filepath.Join("../../testdata", from))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, to)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, to), data, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(src, "empty.txt"), nil, 0o644))
	return dir, src, tgt
}

func TestPairCommand(t *testing.T) {
	dir, src, tgt := collections(t)
	out, errOut, err := runCmd(t, "pair", src, tgt)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3, out)
	want := [][2]string{{"sq/a.txt", "en/x.txt"}, {"sq/c.txt", "en/z.txt"}, {"sq/news/b.txt", "en/y.txt"}}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		require.Len(t, f, 3)
		assert.Equal(t, filepath.Join(dir, want[i][0]), f[0])
		assert.Equal(t, filepath.Join(dir, want[i][1]), f[1])
	}
	assert.Contains(t, errOut, "empty.txt: empty: no text to pair: left unpaired")
	assert.Contains(t, errOut, "paired 3 of 4 source and 3 target documents; unpaired: 1 source, 0 target")

	// Into a file, paths relative to it, the unpaired document listed.
	list := filepath.Join(dir, "out", "pairs.tsv")
	require.NoError(t, os.Mkdir(filepath.Dir(list), 0o755))
	_, _, err = runCmd(t, "pair", "--keep-unpaired", "-o", list, src, tgt)
	require.NoError(t, err)
	data, err := os.ReadFile(list)
	require.NoError(t, err)
	assert.Contains(t, string(data), "../sq/a.txt\t../en/x.txt\t")
	assert.Contains(t, string(data), "../sq/empty.txt\t\t0\n")

	// The list is a batch list as it is, from a file or the standard input.
	corpus, errOut, err := runCmd(t, "batch", list)
	require.NoError(t, err, errOut)
	assert.Contains(t, errOut, "aligned 3 of 3 documents")
	piped, _, err := runIn(t, strings.NewReader(out), "batch", "-")
	require.NoError(t, err)
	assert.Equal(t, strings.Count(corpus, "\n"), strings.Count(piped, "\n"))
	oneStep, _, err := runCmd(t, "batch", "--pair", src, tgt)
	require.NoError(t, err)
	assert.Equal(t, piped, oneStep)

	// And scored against a gold pairing.
	gold := filepath.Join(dir, "gold.tsv")
	require.NoError(t, os.WriteFile(gold, []byte("a.txt\tx.txt\nb.txt\ty.txt\nc.txt\ty.txt\n"), 0o644))
	res, _, err := runCmd(t, "eval", "--pairs", gold, list)
	require.NoError(t, err)
	assert.Equal(t, "pairs: precision 0.6667 recall 0.6667 F1 0.6667 (2 right of 3 predicted, 3 gold)\n", res)

	// JSON lines.
	out, _, err = runCmd(t, "pair", "-f", "jsonl", src, tgt)
	require.NoError(t, err)
	assert.Equal(t, 3, strings.Count(out, `{"src":`))
}

func TestPairCommandBadInput(t *testing.T) {
	dir, src, tgt := collections(t)
	// The English folder twice.
	_, _, err := runCmd(t, "pair", tgt, tgt)
	assert.ErrorContains(t, err, tgt+" and "+tgt+": the two sides look like one language")
	// A file that cannot be read: the others are paired, the run fails.
	require.NoError(t, os.WriteFile(filepath.Join(src, "bin.txt"), []byte("a\x00b"), 0o644))
	out, errOut, err := runCmd(t, "pair", src, tgt)
	assert.ErrorContains(t, err, "1 documents could not be read")
	assert.Contains(t, errOut, "bin.txt")
	assert.Equal(t, 3, strings.Count(out, "\n"))
	_, _, err = runCmd(t, "pair", filepath.Join(dir, "nowhere"), tgt)
	assert.ErrorContains(t, err, "nowhere")
	// A pairing file that is not one.
	bad := filepath.Join(dir, "bad.tsv")
	require.NoError(t, os.WriteFile(bad, []byte("only one field\n"), 0o644))
	_, _, err = runCmd(t, "eval", "--pairs", bad, bad)
	assert.ErrorContains(t, err, "bad.tsv: pairs: line 1")
}
