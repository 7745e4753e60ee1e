package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/internal/synth"
)

// docLine is the JSON line of a document with its two texts.
func docLine(t *testing.T, name, src, tgt string) string {
	b, err := json.Marshal(map[string]string{"doc": name, "src": src, "tgt": tgt})
	require.NoError(t, err)
	return string(b) + "\n"
}

// A document streamed in is aligned as align aligns it, in the same link
// format.
func TestBatchStreamLikeAlign(t *testing.T) {
	src, err := os.ReadFile("../../testdata/rama/sq.txt")
	require.NoError(t, err)
	tgt, err := os.ReadFile("../../testdata/rama/en.txt")
	require.NoError(t, err)
	in := docLine(t, "rama", string(src), string(tgt)) + "bad line\n"
	out, errOut, err := runIn(t, strings.NewReader(in), "batch", "-f", "jsonl", "-")
	require.EqualError(t, err, "1 of 2 documents failed")
	assert.Contains(t, errOut, `failed: "line 2": not a JSON object`)
	want, _, err := runCmd(t, "align", "-f", "jsonl", "../../testdata/rama/sq.txt", "../../testdata/rama/en.txt")
	require.NoError(t, err)
	assert.Equal(t, want, out)
}

// Documents streamed in by path are read as align reads them: a text in
// windows-1250, a saved web page, a web page at an address, each through
// the readers; the links are align's.
func TestBatchStreamPaths(t *testing.T) {
	sq, err := filepath.Abs(filepath.Join(formatFixtures, "sq-windows1250.txt"))
	require.NoError(t, err)
	en, err := filepath.Abs(filepath.Join(formatFixtures, "en.html"))
	require.NoError(t, err)
	page, err := os.ReadFile(en)
	require.NoError(t, err)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(page) }))
	defer srv.Close()
	line := func(name, src, tgt string) string {
		b, err := json.Marshal(map[string]string{"doc": name, "src_path": src, "tgt_path": tgt})
		require.NoError(t, err)
		return string(b) + "\n"
	}
	in := line("file", sq, en) + line("web", sq, srv.URL+"/news/rama.html")
	out, _, err := runIn(t, strings.NewReader(in), "batch", "-f", "jsonl", "-")
	require.NoError(t, err)
	want, _, err := runCmd(t, "align", "-f", "jsonl", "--doc", "file", sq, en)
	require.NoError(t, err)
	wantWeb, _, err := runCmd(t, "align", "-f", "jsonl", "--doc", "web", sq, en)
	require.NoError(t, err)
	assert.Equal(t, want+wantWeb, out)
	assert.NotContains(t, out, "<")
	assert.Contains(t, out, `"doc":"web"`)
}

// A list file on the standard input is not taken for documents.
func TestBatchStdinList(t *testing.T) {
	list, err := os.ReadFile(batchList)
	require.NoError(t, err)
	dir, err := filepath.Abs(filepath.Dir(batchList))
	require.NoError(t, err)
	t.Chdir(dir)
	out, _, err := runIn(t, bytes.NewReader(list), "batch", "-f", "jsonl", "-")
	require.NoError(t, err)
	assert.Contains(t, out, `"doc":"rama"`)
}

func TestBatchShards(t *testing.T) {
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, 200))
	whole, _, err := runIn(t, bytes.NewReader(in.Bytes()), "batch", "-f", "jsonl", "-")
	require.NoError(t, err)
	var union []string
	for _, shard := range []string{"1/2", "2/2"} {
		part, errOut, err := runIn(t, bytes.NewReader(in.Bytes()), "batch", "-f", "jsonl", "--shard", shard, "-")
		require.NoError(t, err)
		assert.NotContains(t, errOut, "aligned 200 of 200")
		union = append(union, strings.SplitAfter(part, "\n")...)
	}
	lines := strings.SplitAfter(whole, "\n")
	slices.Sort(lines)
	slices.Sort(union)
	union = slices.DeleteFunc(union, func(s string) bool { return s == "" })
	lines = slices.DeleteFunc(lines, func(s string) bool { return s == "" })
	assert.Equal(t, lines, union)

	_, _, err = runIn(t, bytes.NewReader(in.Bytes()), "batch", "--shard", "3/2", "-")
	assert.ErrorContains(t, err, `shard "3/2": want I/N`)
}

func TestLexiconCmd(t *testing.T) {
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, 300))
	lex := filepath.Join(t.TempDir(), "news.lex")
	_, errOut, err := runIn(t, bytes.NewReader(in.Bytes()), "lexicon", "--sample", "100", "-o", lex, "-")
	require.NoError(t, err)
	assert.Contains(t, errOut, "from 100 documents")
	f, err := os.Open(lex)
	require.NoError(t, err)
	lx, err := align.ReadLexicon(f)
	f.Close()
	require.NoError(t, err)
	assert.Positive(t, lx.Len())

	// Shards with the lexicon write the links of one run with it.
	whole, _, err := runIn(t, bytes.NewReader(in.Bytes()), "batch", "-f", "jsonl", "--lexicon", lex, "-")
	require.NoError(t, err)
	one, _, err := runIn(t, bytes.NewReader(in.Bytes()), "batch", "-f", "jsonl", "--lexicon", lex, "--shard", "1/2", "-")
	require.NoError(t, err)
	two, _, err := runIn(t, bytes.NewReader(in.Bytes()), "batch", "-f", "jsonl", "--lexicon", lex, "--shard", "2/2", "-")
	require.NoError(t, err)
	a, b := strings.Split(whole, "\n"), strings.Split(one+two, "\n")
	slices.Sort(a)
	slices.Sort(b)
	assert.Equal(t, a, b)

	bad := filepath.Join(t.TempDir(), "bad.lex")
	require.NoError(t, os.WriteFile(bad, []byte("qever\tgover\n"), 0o666))
	_, _, err = runIn(t, bytes.NewReader(in.Bytes()), "batch", "--lexicon", bad, "-")
	assert.ErrorContains(t, err, "bad.lex: line 1: not a paralel lexicon")

	_, _, err = runCmd(t, "lexicon", "--sample", "0", "-")
	assert.ErrorContains(t, err, "--sample 0")
}
