package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

// Mode says how the lines of a text make paragraphs.
type Mode int

const (
	// Lines reads each line as a paragraph, as scraped articles have them.
	// Blank lines are ignored.
	Lines Mode = iota
	// Wrapped reads hard-wrapped text: a blank line ends a paragraph and a
	// single line break inside one is a space.
	Wrapped
	// Presplit reads one segment a line, not split any further. Empty lines
	// are skipped.
	Presplit
)

func (m Mode) String() string {
	switch m {
	case Lines:
		return "lines"
	case Wrapped:
		return "wrapped"
	case Presplit:
		return "presplit"
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// ReadOptions say how to read a text.
type ReadOptions struct {
	Lang string // "sq", "en", or another code for the generic rules
	Mode Mode
	Name string // names the input in errors, such as the file name
}

// A Document is a text cut into sentences.
type Document struct {
	Name, Lang string
	Sentences  []Sentence
}

// MaxParagraph is the longest paragraph, in bytes, that a reader accepts;
// in Lines and Presplit mode it is the longest line. It bounds the memory
// that reading takes, however large the input.
const MaxParagraph = 64 << 20

// Errors that an InputError wraps.
var (
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrBinary      = errors.New("binary data (NUL byte)")
	ErrTooLong     = fmt.Errorf("paragraph longer than %d bytes", MaxParagraph)
)

// An InputError reports input that is not text, and where it is.
type InputError struct {
	Name   string // the input, from ReadOptions.Name
	Offset int64  // byte offset of the offending data
	Err    error  // ErrInvalidUTF8, ErrBinary or ErrTooLong
}

func (e *InputError) Error() string {
	return fmt.Sprintf("%s: %v at byte %d", e.Name, e.Err, e.Offset)
}

func (e *InputError) Unwrap() error { return e.Err }

// ReadDocument reads a whole text and splits it into sentences.
func ReadDocument(r io.Reader, opt ReadOptions) (*Document, error) {
	sentences, err := ReadAll(NewSentenceReader(r, opt).Read)
	if err != nil {
		return nil, err
	}
	return &Document{Name: opt.Name, Lang: opt.Lang, Sentences: sentences}, nil
}

// ReadAll calls read, the Read method of one of the streaming readers
// (sentences, pairs, links, documents of a list), up to io.EOF and returns
// what it read; after an error, what it read before, and the error.
func ReadAll[T any](read func() (T, error)) ([]T, error) {
	var all []T
	for {
		v, err := read()
		if err == io.EOF {
			return all, nil
		}
		if err != nil {
			return all, err
		}
		all = append(all, v)
	}
}

// ReadFile reads and splits the file at path; "-" reads standard input.
// Errors name the file.
func ReadFile(path string, opt ReadOptions) (*Document, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if opt.Name == "" {
		opt.Name = InputName(path)
	}
	return ReadDocument(f, opt)
}

// Open opens the text file at path for reading, or standard input for "-".
// Unlike os.Open it refuses a directory.
func Open(path string) (io.ReadCloser, error) {
	if path == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s: is a directory, not a text file", path)
	}
	return f, nil
}

// InputName is how errors name the input at path: "stdin" for "-".
func InputName(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}

// A SentenceReader reads the sentences of a text one at a time, holding no
// more than one paragraph in memory.
type SentenceReader struct {
	opt   ReadOptions
	split *Splitter
	sc    *bufio.Scanner
	off   int64 // offset in the input of the next line
	para  int   // index of the next paragraph
	queue []Sentence
	spare []Sentence
	err   error

	par      []byte // Wrapped mode: the lines of the paragraph so far
	parStart int64  // and its offset
}

// NewSentenceReader returns a reader of the sentences of r.
func NewSentenceReader(r io.Reader, opt ReadOptions) *SentenceReader {
	if opt.Name == "" {
		opt.Name = "input"
	}
	sr := &SentenceReader{opt: opt, sc: bufio.NewScanner(r)}
	sr.sc.Buffer(make([]byte, 0, 64<<10), MaxParagraph+2)
	sr.sc.Split(scanLines)
	sr.split, sr.err = NewSplitter(opt.Lang)
	return sr
}

// Read returns the next sentence, or io.EOF after the last one. After an
// error every call returns that error.
func (r *SentenceReader) Read() (Sentence, error) {
	for len(r.queue) == 0 {
		if r.err != nil {
			return Sentence{}, r.err
		}
		r.queue = r.spare[:0] // the sentences handed out were copies
		r.fill()
		r.spare = r.queue
	}
	s := r.queue[0]
	r.queue = r.queue[1:]
	return s, nil
}

// fill reads lines until it has sentences to queue or meets the end.
func (r *SentenceReader) fill() {
	for len(r.queue) == 0 {
		if !r.sc.Scan() {
			r.flush()
			r.err = io.EOF
			if err := r.sc.Err(); errors.Is(err, bufio.ErrTooLong) {
				r.err = &InputError{r.opt.Name, r.off, ErrTooLong}
			} else if err != nil {
				r.err = fmt.Errorf("%s: %w", r.opt.Name, err)
			}
			return
		}
		raw := r.sc.Bytes()
		start := r.off
		r.off += int64(len(raw))
		if start == 0 && bytes.HasPrefix(raw, []byte("\uFEFF")) {
			raw, start = raw[3:], 3
		}
		if err := checkText(raw); err >= 0 {
			r.flush()
			r.err = &InputError{r.opt.Name, start + int64(err), errorAt(raw, err)}
			return
		}
		line := trimEOL(raw)
		blank := len(bytes.TrimSpace(line)) == 0
		switch r.opt.Mode {
		case Wrapped:
			if blank {
				r.flush()
				continue
			}
			if len(r.par) == 0 {
				r.parStart = start
			}
			if len(r.par)+len(raw) > MaxParagraph {
				r.err = &InputError{r.opt.Name, r.parStart, ErrTooLong}
				return
			}
			r.par = append(r.par, raw...)
		case Presplit:
			if blank {
				continue
			}
			text := string(line)
			a, b := trimSpan(text, 0, len(text))
			r.queue = append(r.queue, Sentence{Text: sentenceText(text[a:b]),
				Start: int(start) + a, End: int(start) + b, Para: r.para})
			r.para++
		default:
			if blank {
				continue
			}
			r.queue = r.split.appendSentences(r.queue, string(line), int(start), r.para)
			r.para++
		}
	}
}

// flush splits the paragraph gathered in Wrapped mode.
func (r *SentenceReader) flush() {
	if len(r.par) == 0 {
		return
	}
	r.queue = r.split.appendSentences(r.queue, string(r.par), int(r.parStart), r.para)
	r.para++
	r.par = r.par[:0]
}

// scanLines is a bufio.SplitFunc for lines ended by "\n", "\r\n" or a lone
// "\r". Each token keeps its line break, so that offsets add up.
func scanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	nl := bytes.IndexByte(data, '\n')
	head := data
	if nl >= 0 {
		head = data[:nl]
	}
	if cr := bytes.IndexByte(head, '\r'); cr >= 0 {
		switch {
		case cr+1 < len(data) && data[cr+1] == '\n':
			return cr + 2, data[:cr+2], nil
		case cr+1 < len(data) || atEOF:
			return cr + 1, data[:cr+1], nil
		}
		return 0, nil, nil // is it "\r\n"? Read on.
	}
	if nl >= 0 {
		return nl + 1, data[:nl+1], nil
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// checkText returns the offset of the first byte in b that is not text (a
// NUL byte or invalid UTF-8), or -1.
func checkText(b []byte) int {
	nul := bytes.IndexByte(b, 0)
	if utf8.Valid(b) {
		return nul
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || r == 0 {
			return i
		}
		i += n
	}
	return nul
}

func errorAt(b []byte, i int) error {
	if b[i] == 0 {
		return ErrBinary
	}
	return ErrInvalidUTF8
}
