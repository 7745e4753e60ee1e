package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
)

const batchList = "../../testdata/batch/list.tsv"

// readPairs reads back an export of paralel batch.
func readPairs(t *testing.T, name, path string) []corpus.Pair {
	t.Helper()
	pairs, err := format.ReadPairs(name, path, format.Options{})
	require.NoError(t, err)
	return pairs
}

// docNames lists the documents of pairs in the order they first appear.
func docNames(pairs []corpus.Pair) []string {
	var names []string
	for _, p := range pairs {
		if len(names) == 0 || names[len(names)-1] != p.Doc {
			names = append(names, p.Doc)
		}
	}
	return names
}

// TestBatchFormats writes the test batch in the formats that carry the
// document and reads it back: each document is there, in order, and the
// summary counts what was written.
func TestBatchFormats(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		format, file string
		args         []string
	}{
		{"tsv", "out.tsv", nil},
		{"tsv", "header.tsv", []string{"--header"}},
		{"tmx", "out.tmx", nil},
		{"jsonl", "out.jsonl", []string{"--each"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			out := filepath.Join(dir, tt.file)
			_, stderr, err := runCmd(t, append(append([]string{"batch", "-o", out}, tt.args...), batchList)...)
			require.NoError(t, err)
			pairs := readPairs(t, tt.format, out)
			assert.Equal(t, []string{"rama", "bashkia/sq.txt", "moti"}, docNames(pairs))
			assert.Contains(t, stderr, "paralel: aligned 3 of 3 documents: ")
			assert.Regexp(t, `paralel: \d+ links, \d+ doubtful \(\d+\.\d%, scored under 0\.8\); `+
				strconv.Itoa(len(pairs))+` pairs kept`, stderr)
		})
	}
	tmx, err := os.ReadFile(filepath.Join(dir, "out.tmx"))
	require.NoError(t, err)
	assert.Contains(t, string(tmx), `<prop type="x-document">moti</prop>`)
	tsv, err := os.ReadFile(filepath.Join(dir, "header.tsv"))
	require.NoError(t, err)
	assert.Regexp(t, "^sq\ten\tscore\tlink\tdocument\tstatus\n", string(tsv))
	assert.Contains(t, string(tsv), "\t1-2\tbashkia/sq.txt\t\n", "the document column is there by default")
}

// TestBatchStdout writes TSV to the standard output by default; Moses takes
// the filters of paralel align.
func TestBatchStdout(t *testing.T) {
	stdout, _, err := runCmd(t, "batch", "--tsv-meta=false", "../../testdata/batch")
	require.NoError(t, err)
	assert.Contains(t, stdout, "Work on a second park will start in March.\t")
	assert.NotContains(t, stdout, "\tmoti\n")

	prefix := filepath.Join(t.TempDir(), "train")
	_, stderr, err := runCmd(t, "batch", "-f", "moses", "--min-score", "0.999", "--dedupe", "-o", prefix, batchList)
	require.NoError(t, err)
	assert.Regexp(t, `paralel: dropped \d+ pairs: \d+ unaligned \(1-0/0-1\), \d+ below the minimum score`, stderr)
	sq, err := os.ReadFile(prefix + ".sq")
	require.NoError(t, err)
	en, err := os.ReadFile(prefix + ".en")
	require.NoError(t, err)
	assert.Equal(t, bytes.Count(sq, []byte("\n")), bytes.Count(en, []byte("\n")))
	assert.Positive(t, bytes.Count(sq, []byte("\n")))
}

// TestBatchBadDocument: a bad document between two good ones is named and
// skipped, and the exit status says so; with --strict nothing is written,
// and an output already there is left as it was.
func TestBatchBadDocument(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, "set")
	for _, d := range []string{"a", "b", "c"} {
		require.NoError(t, os.MkdirAll(filepath.Join(set, d), 0o755))
		for _, side := range []string{"sq.txt", "en.txt"} {
			b, err := os.ReadFile(filepath.Join("../../testdata/batch/moti", side))
			require.NoError(t, err)
			if d == "b" && side == "en.txt" {
				// UTF-8 with a stray byte (text with no UTF-8 at all is
				// read as a single-byte encoding)
				b = append(b, "ë\xff"...)
			}
			require.NoError(t, os.WriteFile(filepath.Join(set, d, side), b, 0o644))
		}
	}
	out := filepath.Join(dir, "out.jsonl")

	_, stderr, err := runCmd(t, "batch", "-o", out, set)
	require.EqualError(t, err, "1 of 3 documents failed")
	assert.Contains(t, stderr, "paralel: aligned 2 of 3 documents (1 failed)")
	assert.Contains(t, stderr, `paralel: failed: "b": `+filepath.Join(set, "b", "en.txt")+": invalid UTF-8 at byte")
	assert.Equal(t, []string{"a", "c"}, docNames(readPairs(t, "jsonl", out)))

	require.NoError(t, os.WriteFile(out, []byte("before\n"), 0o644))
	_, stderr, err = runCmd(t, "batch", "--strict", "-o", out, set)
	require.ErrorContains(t, err, `"b": `+filepath.Join(set, "b", "en.txt")+": invalid UTF-8")
	assert.Contains(t, stderr, `paralel: failed: "b": `)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "before\n", string(b), "the output is untouched")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file left beside the output")
}

// TestBatchDoubtful: the summary counts the links under --doubtful, and
// says where it drew the line.
func TestBatchDoubtful(t *testing.T) {
	count := func(args ...string) int {
		_, stderr, err := runCmd(t, append(append([]string{"batch", "-f", "tsv"}, args...), batchList)...)
		require.NoError(t, err)
		threshold := "0.8"
		if len(args) > 0 {
			threshold = args[1]
		}
		m := regexp.MustCompile(`paralel: \d+ links, (\d+) doubtful \(\d+\.\d%, scored under ` + regexp.QuoteMeta(threshold) + `\)`).FindStringSubmatch(stderr)
		require.NotNil(t, m, stderr)
		n, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		return n
	}
	few, some, all := count("--doubtful", "0.01"), count(), count("--doubtful", "1")
	assert.LessOrEqual(t, few, some)
	assert.Less(t, some, all)
}
