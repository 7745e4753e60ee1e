// Package moses reads and writes aligned pairs as a Moses parallel corpus:
// two plain-text files, one a language (by custom NAME.sq and NAME.en),
// where line i of one is the translation of line i of the other. It is
// what Moses, Marian, fairseq and OPUS tools take in.
//
// The files carry the text only: no score (a pair read is Unscored), link
// type, document or status. A
// segment is kept to one line, as in TSV: tabs and line breaks become
// spaces (see corpus.OneLine).
package moses

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/paralel/paralel/corpus"
)

// A Writer writes pairs as lines of two files.
type Writer struct {
	src, tgt *bufio.Writer
	err      error
}

// NewWriter returns a Writer that writes the source side to src and the
// target side to tgt.
func NewWriter(src, tgt io.Writer) *Writer {
	return &Writer{src: bufio.NewWriter(src), tgt: bufio.NewWriter(tgt)}
}

// Write writes one pair as a line of each file. Writes are buffered: call
// Flush.
func (w *Writer) Write(p corpus.Pair) error {
	if w.err != nil {
		return w.err
	}
	if err := writeLine(w.src, p.Src); err != nil {
		w.err = err
	} else if err := writeLine(w.tgt, p.Tgt); err != nil {
		w.err = err
	}
	return w.err
}

func writeLine(w *bufio.Writer, s string) error {
	w.WriteString(corpus.OneLine(s))
	return w.WriteByte('\n') // bufio errors are sticky: this reports any
}

// Flush writes any buffered data to the underlying writers.
func (w *Writer) Flush() {
	for _, b := range []*bufio.Writer{w.src, w.tgt} {
		if err := b.Flush(); err != nil && w.err == nil {
			w.err = err
		}
	}
}

// Error reports any error from a previous Write or Flush.
func (w *Writer) Error() error { return w.err }

// A Reader reads pairs from the lines of two files.
type Reader struct {
	src, tgt *corpus.LineScanner
	line     int
}

// NewReader returns a Reader that reads the source side from src and the
// target side from tgt.
func NewReader(src, tgt io.Reader) *Reader {
	return &Reader{src: corpus.NewLineScanner(src), tgt: corpus.NewLineScanner(tgt)}
}

// Read returns the next pair, or io.EOF when both files end. Files of
// different lengths, or a line that is not text, give a *corpus.ParseError
// naming the line.
func (r *Reader) Read() (corpus.Pair, error) {
	src, srcErr := readLine(r.src)
	tgt, tgtErr := readLine(r.tgt)
	r.line++
	switch {
	case srcErr == io.EOF && tgtErr == io.EOF:
		return corpus.Pair{}, io.EOF
	case srcErr != nil && srcErr != io.EOF:
		return corpus.Pair{}, r.parseError(fmt.Errorf("the source file: %w", srcErr))
	case tgtErr != nil && tgtErr != io.EOF:
		return corpus.Pair{}, r.parseError(fmt.Errorf("the target file: %w", tgtErr))
	case srcErr == io.EOF:
		return corpus.Pair{}, r.parseError(errors.New("the source file ended before the target file"))
	case tgtErr == io.EOF:
		return corpus.Pair{}, r.parseError(errors.New("the target file ended before the source file"))
	}
	return corpus.Pair{Src: src, Tgt: tgt, Unscored: true}, nil
}

// parseError reports err at the current line.
func (r *Reader) parseError(err error) error {
	return &corpus.ParseError{Format: "moses", Line: r.line, Err: err}
}

// readLine returns the next line, or io.EOF when there is none.
func readLine(sc *corpus.LineScanner) (string, error) {
	if sc.Scan() {
		return sc.Text(), nil
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}
