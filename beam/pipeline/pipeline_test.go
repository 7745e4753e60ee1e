package pipeline

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/synth"
	"github.com/paralel/paralel/pipeline/batch"
)

// cliLinks is what paralel batch - writes for the input, in the config's
// format: the lines of each file, sorted, and the summary.
func cliLinks(t *testing.T, in []byte, c Config, lx *align.Lexicon) ([][]string, *batch.Summary) {
	t.Helper()
	return streamLinks(t, batch.NewDocReader(bytes.NewReader(in)), c, lx)
}

// streamLinks is what batch.Stream writes for the documents, in the
// config's format: the lines of each file, sorted, and the summary.
func streamLinks(t *testing.T, docs batch.DocSource, c Config, lx *align.Lexicon) ([][]string, *batch.Summary) {
	t.Helper()
	bufs := make([]bytes.Buffer, len(c.Extensions()))
	ws := make([]io.Writer, len(bufs))
	for i := range bufs {
		ws[i] = &bufs[i]
	}
	w, err := format.NewFilesWriter(c.Format, ws, c.export())
	require.NoError(t, err)
	s, err := batch.Stream(context.Background(), docs, w, batch.Options{
		Mode: c.Mode, Align: align.Options{SrcLang: c.SrcLang, TgtLang: c.TgtLang, Lexicon: lx}})
	require.NoError(t, err)
	require.NoError(t, w.Close())
	out := make([][]string, len(bufs))
	for i := range bufs {
		out[i] = sortedLines(bufs[i].String())
	}
	return out, s
}

func sortedLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	lines = slices.DeleteFunc(lines, func(l string) bool { return l == "" })
	slices.Sort(lines)
	return lines
}

// runBeam runs the pipeline on the direct runner and returns the lines of
// each kind of shard file, sorted, the failures and the counters.
func runBeam(t *testing.T, inPath, prefix string, c Config) ([][]string, []string, Counts) {
	t.Helper()
	require.NoError(t, c.Check())
	p, s := beam.NewPipelineWithRoot()
	Build(s, inPath, prefix, c)
	res, err := direct.Execute(context.Background(), p)
	require.NoError(t, err)
	out, failures := readOutput(t, prefix, c)
	return out, failures, CountsOf(res.Metrics())
}

// readOutput reads the lines of each kind of shard file at prefix, sorted,
// and the failures.
func readOutput(t *testing.T, prefix string, c Config) ([][]string, []string) {
	t.Helper()
	var out [][]string
	for _, ext := range c.Extensions() {
		var all strings.Builder
		for i := range c.Shards {
			data, err := os.ReadFile(ShardName(prefix, i, c.Shards, ext))
			require.NoError(t, err, "every shard is written")
			all.Write(data)
		}
		out = append(out, sortedLines(all.String()))
	}
	failures, err := os.ReadFile(prefix + "-failures.txt")
	require.NoError(t, err)
	return out, sortedLines(string(failures))
}

// TestSameAsCLI is the target: on 10,000 documents the pipeline writes the
// links that paralel batch - writes. Local runners are slow (see the
// README), so this is as large as a local test goes.
func TestSameAsCLI(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 500
	}
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, n))
	in.WriteString("not a document\n")
	in.WriteString(`{"doc":"empty","src":"","tgt":"Yes."}` + "\n")
	dir := t.TempDir()
	inPath := filepath.Join(dir, "docs.jsonl")
	require.NoError(t, os.WriteFile(inPath, in.Bytes(), 0o666))

	c := Config{SrcLang: "sq", TgtLang: "en", Format: "jsonl", Shards: 4}
	want, sum := cliLinks(t, in.Bytes(), c, nil)
	got, failures, counts := runBeam(t, inPath, filepath.Join(dir, "out", "links"), c)
	require.Equal(t, len(want[0]), len(got[0]))
	assert.True(t, slices.Equal(want[0], got[0]), "the same links as paralel batch -")
	assert.Equal(t, []string{"\"empty\": src: no text: a document needs both sides\n", "\"not a document\": not a JSON object of a document: invalid character 'o' in literal null (expecting 'u')\n"}, failures)
	assert.Equal(t, Counts{Documents: int64(n + 2), Failures: 2, Links: int64(sum.Links), Doubtful: int64(sum.Doubtful), Pairs: int64(sum.Kept)}, counts)
}

// Moses shards and a lexicon file, on a few documents.
func TestMosesWithLexicon(t *testing.T) {
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, 300))
	dir := t.TempDir()
	inPath := filepath.Join(dir, "docs.jsonl")
	require.NoError(t, os.WriteFile(inPath, in.Bytes(), 0o666))
	docs, err := batch.Sample(batch.NewDocReader(bytes.NewReader(in.Bytes())), 100)
	require.NoError(t, err)
	lx, _, err := batch.LearnLexicon(context.Background(), docs, batch.Options{})
	require.NoError(t, err)
	lexPath := filepath.Join(dir, "news.lex")
	f, err := os.Create(lexPath)
	require.NoError(t, err)
	_, err = lx.WriteTo(f)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	c := Config{Format: "moses", Shards: 3, Lexicon: lexPath, MinScore: 0.5}
	want, _ := cliLinks(t, in.Bytes(), c, lx)
	got, failures, counts := runBeam(t, inPath, filepath.Join(dir, "train"), c)
	assert.Equal(t, want, got)
	assert.Empty(t, failures)
	assert.Equal(t, int64(300), counts.Documents)
	assert.FileExists(t, filepath.Join(dir, "train-00002-of-00003.sq"))
	assert.FileExists(t, filepath.Join(dir, "train-00002-of-00003.en"))
}

func TestConfigCheck(t *testing.T) {
	for _, tt := range []struct {
		c   Config
		err string
	}{
		{Config{Format: "jsonl", Shards: 1}, ""},
		{Config{Format: "tsv", Shards: 2}, ""},
		{Config{Format: "moses", Shards: 2}, ""},
		{Config{Format: "tmx", Shards: 2}, "not a TMX file"},
		{Config{Format: "docx", Shards: 2}, "docx"},
		{Config{Format: "jsonl"}, "0 shards"},
		{Config{Format: "jsonl", Shards: 1, MinScore: 2}, "minimum score"},
	} {
		err := tt.c.Check()
		if tt.err == "" {
			assert.NoError(t, err)
		} else {
			assert.ErrorContains(t, err, tt.err)
		}
	}
	assert.Equal(t, "out-00003-of-00008.jsonl", ShardName("out", 3, 8, ".jsonl"))
	assert.Equal(t, []string{".sq", ".en"}, Config{Format: "moses"}.Extensions())
}
