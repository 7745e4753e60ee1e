// Package extracttest holds what the tests of the document readers share:
// reading a file or bytes, building a zip, the table of bad inputs and the
// fuzz body. The readers' end-to-end figures on formats-dev are measured
// where documents are split and aligned, in pipeline/input
// (TestFormatTargets).
package extracttest

import (
	"archive/zip"
	"bytes"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
