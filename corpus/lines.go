package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxLine is the longest line, in bytes, that a LineScanner accepts. Like
// MaxParagraph, it bounds the memory that reading a line format takes.
const MaxLine = MaxParagraph

// ErrLineTooLong is the error of a LineScanner that met a line longer than
// MaxLine. Line tells which.
var ErrLineTooLong = fmt.Errorf("longer than %d bytes", MaxLine)

// A LineScanner reads the lines of the line formats (TSV, JSON lines,
// Moses, ids) one at a time and counts them, so that an error can name
// the line. A line ends at "\n" or "\r\n", which are not part of it; a
// byte order mark at the start of the input is dropped.
//
// Like the text readers, it takes UTF-8 text only: a line with invalid
// UTF-8 or a NUL byte stops it with an error wrapping ErrInvalidUTF8 or
// ErrBinary. Unlike a bare bufio.Scanner, which stops at a long line with
// bufio.ErrTooLong, it holds lines up to MaxLine bytes and then reports
// ErrLineTooLong.
type LineScanner struct {
	sc   *bufio.Scanner
	max  int
	line int
	err  error
}

// NewLineScanner returns a LineScanner reading r.
func NewLineScanner(r io.Reader) *LineScanner {
	return newLineScanner(r, MaxLine)
}

func newLineScanner(r io.Reader, max int) *LineScanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(max, 64<<10)), max+len("\r\n"))
	return &LineScanner{sc: sc, max: max}
}

// Scan advances to the next line, which Bytes and Text then return. It
// returns false at the end of the input or on an error, which Err reports.
func (s *LineScanner) Scan() bool {
	if s.err != nil {
		return false
	}
	if !s.sc.Scan() {
		s.err = s.sc.Err()
		if errors.Is(s.err, bufio.ErrTooLong) {
			s.line++ // the line that does not fit
			s.err = ErrLineTooLong
		}
		return false
	}
	s.line++
	if len(s.sc.Bytes()) > s.max {
		s.err = ErrLineTooLong
		return false
	}
	b := s.Bytes()
	if i := checkText(b); i >= 0 {
		s.err = fmt.Errorf("%w at byte %d of the line", errorAt(b, i), i)
		return false
	}
	return true
}

// Bytes returns the current line. The slice is valid only until the next
// Scan.
func (s *LineScanner) Bytes() []byte {
	b := s.sc.Bytes()
	if s.line == 1 {
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	}
	return b
}

// Text returns the current line as a string.
func (s *LineScanner) Text() string { return string(s.Bytes()) }

// Line is the number of the current line, from 1; after an
// ErrLineTooLong, the number of the line that was too long.
func (s *LineScanner) Line() int { return s.line }

// Err returns the first error met, or nil at the end of the input. Line
// then says where it was.
func (s *LineScanner) Err() error { return s.err }
