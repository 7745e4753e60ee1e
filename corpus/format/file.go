package format

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// FileWriter writes pairs to a file, or two for Moses, that appears only
// when Commit succeeds.
type FileWriter struct {
	Writer
	files []*corpus.File
}

// Create starts writing the named format to path ("-" for the standard
// output). Defer Close, and Commit when every pair is written.
func Create(name, path string, opt Options) (*FileWriter, error) {
	s, err := lookup(name)
	if err != nil {
		return nil, err
	}
	paths := []string{path}
	if s.twoFiles {
		if path == "-" {
			return nil, ErrTwoFiles
		}
		paths = mosesPaths(path, opt)
	}
	fw := &FileWriter{}
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		f, err := corpus.CreateFile(p)
		if err != nil {
			fw.Close()
			return nil, err
		}
		fw.files = append(fw.files, f)
		ws[i] = f
	}
	fw.Writer = s.writer(ws, opt)
	return fw, nil
}

// Names are the paths of the files written, two for Moses.
func (w *FileWriter) Names() []string {
	names := make([]string, len(w.files))
	for i, f := range w.files {
		names[i] = f.Name()
	}
	return names
}

// Commit ends the output and puts the files in place.
func (w *FileWriter) Commit() error {
	if err := w.Writer.Close(); err != nil {
		w.Close()
		return err
	}
	for _, f := range w.files {
		if err := f.Commit(); err != nil {
			w.Close()
			return err
		}
	}
	return nil
}

// Close discards the files unless they were committed.
func (w *FileWriter) Close() error {
	var errs []error
	for _, f := range w.files {
		errs = append(errs, f.Close())
	}
	return errors.Join(errs...)
}

// FileReader reads pairs from a file, or two for Moses.
type FileReader struct {
	Reader
	files []*os.File
}

// Open opens path ("-" for the standard input) to read the named format.
func Open(name, path string, opt Options) (*FileReader, error) {
	s, err := lookup(name)
	if err != nil {
		return nil, err
	}
	paths := []string{path}
	if s.twoFiles {
		if path == "-" {
			return nil, ErrTwoFiles
		}
		paths = mosesPaths(path, opt)
	}
	fr := &FileReader{}
	rs := make([]io.Reader, len(paths))
	for i, p := range paths {
		if p == "-" {
			rs[i] = os.Stdin
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			fr.Close()
			return nil, err
		}
		fr.files = append(fr.files, f)
		rs[i] = f
	}
	fr.Reader = &reader{r: s.newReader(rs, opt), opt: opt}
	return fr, nil
}

// Close closes the files.
func (r *FileReader) Close() error {
	var errs []error
	for _, f := range r.files {
		errs = append(errs, f.Close())
	}
	return errors.Join(errs...)
}

// mosesPaths are the two files of the Moses corpus at path, which is
// either their common prefix or one of them.
func mosesPaths(path string, opt Options) []string {
	src, tgt := opt.langs()
	for _, l := range []string{src, tgt} {
		if p, ok := strings.CutSuffix(path, "."+l); ok && p != "" {
			path = p
			break
		}
	}
	return []string{fmt.Sprintf("%s.%s", path, src), fmt.Sprintf("%s.%s", path, tgt)}
}
