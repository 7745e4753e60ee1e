// Package extracttest measures a document reader end to end on a variant of
// the shared formats-dev set: each side's paragraphs, one a line, are split
// and aligned as "paralel align" does, and the links are scored against the
// gold lines as "score.py text" scores them.
package extracttest

import (
	"archive/zip"
	"bytes"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/pipeline/evalset"
	"github.com/paralel/paralel/segment"
)

// Score reads sq.EXT and en.EXT of every document of formats-dev/VARIANT
// with read, aligns them and returns the counts summed over the set. When
// $PARALEL_PREDDIR is set, each document's links go to
// $PARALEL_PREDDIR/VARIANT/DOC/pred.tsv for score.py to check. It skips
// the test when the shared data is absent.
func Score(tb testing.TB, variant, ext string, read func(path string) ([]string, error)) evalset.Counts {
	tb.Helper()
	set, err := evalset.Load(shared.Require(tb, filepath.Join("eval", "formats-dev", variant)))
	if err != nil {
		tb.Fatal(err)
	}
	var total evalset.Counts
	for _, d := range set.Docs {
		var sides [2][]corpus.Sentence
		for i, lang := range []string{"sq", "en"} {
			paras, err := read(filepath.Join(d.Dir, lang+"."+ext))
			if err != nil {
				tb.Fatal(err)
			}
			doc, err := segment.ReadDocument(strings.NewReader(strings.Join(paras, "\n")), corpus.ReadOptions{Lang: lang})
			if err != nil {
				tb.Fatal(err)
			}
			sides[i] = doc.Sentences
		}
		links := align.Align(sides[0], sides[1], align.Options{SrcLang: "sq", TgtLang: "en"})
		pairs := align.Pairs(sides[0], sides[1], links, false)
		c := evalset.CompareText(d.SrcLines, d.TgtLines, d.LineGold, pairs)
		if testing.Verbose() {
			tb.Logf("%s: strict P %.3f R %.3f", d.Name, c.Strict().Precision, c.Strict().Recall)
		}
		total = total.Add(c)
		if dir := os.Getenv("PARALEL_PREDDIR"); dir != "" {
			writePred(tb, filepath.Join(dir, variant, d.Name), pairs)
		}
	}
	return total
}

func writePred(tb testing.TB, dir string, pairs []corpus.Pair) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	if _, err := format.WritePairs("tsv", filepath.Join(dir, "pred.tsv"), pairs, format.Options{KeepUnaligned: true}); err != nil {
		tb.Fatal(err)
	}
}

// RequireF1 scores read on formats-dev/VARIANT, as Score does, logs the
// figures and fails the test when the strict F1 is below min. It skips in
// short mode, as it aligns the whole set.
func RequireF1(t *testing.T, variant, ext string, read Reader, min float64) {
	if testing.Short() {
		t.Skip("aligns a whole evaluation set")
	}
	c := Score(t, variant, ext, func(path string) ([]string, error) { return File(read, path) })
	s := c.Strict()
	t.Logf("formats-dev/%s strict F1 %.4f (P %.4f R %.4f)", variant, s.F1, s.Precision, s.Recall)
	assert.GreaterOrEqual(t, s.F1, min)
}

// A Reader is the function each document package exports.
type Reader func(r io.ReaderAt, size int64) ([]string, error)

// File reads the document at path with read.
func File(read Reader, path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return read(f, fi.Size())
}

// Bytes reads the document in b with read.
func Bytes(read Reader, b []byte) ([]string, error) {
	return read(bytes.NewReader(b), int64(len(b)))
}

// Zip returns a zip archive of the parts, deflated, in the order of their
// names.
func Zip(tb testing.TB, parts map[string]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := zw.Create(name)
		require.NoError(tb, err)
		_, err = w.Write([]byte(parts[name]))
		require.NoError(tb, err)
	}
	require.NoError(tb, zw.Close())
	return buf.Bytes()
}

// CheckResult checks what a reader returned for any input, as a fuzz test
// does: an error and no paragraphs, or at least one paragraph, each a
// trimmed, non-empty line of valid UTF-8.
func CheckResult(t *testing.T, paras []string, err error) {
	if err != nil {
		assert.Nil(t, paras)
		assert.NotContains(t, err.Error(), "\n")
		return
	}
	assert.NotEmpty(t, paras)
	for _, p := range paras {
		assert.NotEmpty(t, p)
		assert.True(t, utf8.ValidString(p), p)
		assert.NotContains(t, p, "\n")
		assert.NotContains(t, p, "\r")
		assert.Equal(t, strings.TrimSpace(p), p)
	}
}

// A BadInput is an input that a reader must refuse with an error wrapping
// Want.
type BadInput struct {
	Name string
	Data []byte
	Want error
}

// RequireErrors checks that read refuses each bad input as it should, with
// a one-line error and no paragraphs.
func RequireErrors(t *testing.T, read Reader, inputs []BadInput) {
	for _, in := range inputs {
		t.Run(in.Name, func(t *testing.T) {
			got, err := Bytes(read, in.Data)
			assert.ErrorIs(t, err, in.Want)
			CheckResult(t, got, err)
		})
	}
}

// Fuzz fuzzes read from the seeds, checking each result with CheckResult.
func Fuzz(f *testing.F, read Reader, seeds ...[]byte) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		paras, err := Bytes(read, data)
		CheckResult(t, paras, err)
	})
}
