// Package testio helps the tests of streaming code: it makes inputs of any
// size that take no memory, so that a test can show that a reader holds
// only a bounded part of what it reads, and reads back the files a command
// wrote.
package testio

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Repeat returns a reader of unit repeated n times, holding no more than
// unit.
func Repeat(unit []byte, n int) io.Reader {
	return &repeatReader{unit: unit, n: n}
}

type repeatReader struct {
	unit []byte
	n    int // repetitions left, the current one included
	off  int // offset in unit of the next byte
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 || len(r.unit) == 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.n > 0 {
		c := copy(p[k:], r.unit[r.off:])
		k += c
		r.off += c
		if r.off == len(r.unit) {
			r.off = 0
			r.n--
		}
	}
	return k, nil
}

// Files returns the files of dir by name, with their contents: none when
// dir does not exist.
func Files(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	files := map[string]string{}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return files
	}
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		files[e.Name()] = string(data)
	}
	return files
}

// WriteFile writes content to the file name in dir and returns its path.
func WriteFile[T string | []byte](tb testing.TB, dir, name string, content T) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}
