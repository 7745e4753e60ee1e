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

// ParseFile opens path as Open does and parses it with parse, naming the
// input in parse's error.
func ParseFile[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	f, err := Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return v, fmt.Errorf("%s: %w", InputName(path), err)
	}
	return v, nil
}

// InputName is how errors name the input at path: "stdin" for "-".
func InputName(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}

// A Paragraph is one paragraph of a text as it was read: in Wrapped mode
// its lines with their line breaks, otherwise one line without its break.
type Paragraph struct {
	Text  string
	Start int // byte offset of Text in the input
}

// A ParagraphReader reads the paragraphs of a text one at a time, holding
// no more than one paragraph in memory. It checks that the input is text
// and skips a leading byte order mark; blank lines are never paragraphs.
type ParagraphReader struct {
	opt   ReadOptions
	lines *textLines
	err   error

	par      []byte // Wrapped mode: the lines of the paragraph so far
	parStart int64  // and its offset
}

// NewParagraphReader returns a reader of the paragraphs of r. Presplit
// mode reads like Lines: each line is a paragraph.
func NewParagraphReader(r io.Reader, opt ReadOptions) *ParagraphReader {
	if opt.Name == "" {
		opt.Name = "input"
	}
	return &ParagraphReader{opt: opt, lines: newTextLines(r, opt.Name)}
}

// Read returns the next paragraph, or io.EOF after the last one. After an
// error every call returns that error.
func (r *ParagraphReader) Read() (Paragraph, error) {
	for r.err == nil {
		raw, start, err := r.lines.next()
		if err != nil {
			r.err = err
			if p, ok := r.flush(); ok {
				return p, nil
			}
			break
		}
		line := trimEOL(raw)
		blank := len(bytes.TrimSpace(line)) == 0
		if r.opt.Mode != Wrapped {
			if blank {
				continue
			}
			return Paragraph{Text: string(line), Start: int(start)}, nil
		}
		if blank {
			if p, ok := r.flush(); ok {
				return p, nil
			}
			continue
		}
		if len(r.par) == 0 {
			r.parStart = start
		}
		if len(r.par)+len(raw) > MaxParagraph {
			r.err = &InputError{r.opt.Name, r.parStart, ErrTooLong}
			break
		}
		r.par = append(r.par, raw...)
	}
	return Paragraph{}, r.err
}

// flush returns the paragraph gathered in Wrapped mode, if there is one.
func (r *ParagraphReader) flush() (Paragraph, bool) {
	if len(r.par) == 0 {
		return Paragraph{}, false
	}
	p := Paragraph{Text: string(r.par), Start: int(r.parStart)}
	r.par = r.par[:0]
	return p, true
}

// textLines reads the lines of a text, checking that each is text: what
// every reader of documents, and paralel extract, takes in.
type textLines struct {
	name string
	sc   *bufio.Scanner
	off  int64 // offset in the input of the next line
	line int   // lines read
}

func newTextLines(r io.Reader, name string) *textLines {
	sc := bufio.NewScanner(r)
	// An input that knows its length, such as a string, needs no larger
	// buffer than itself: in a batch of many short documents 64 KB a side
	// would be most of what is allocated.
	size := 64 << 10
	if l, ok := r.(interface{ Len() int }); ok {
		size = min(size, l.Len()+1)
	}
	sc.Buffer(make([]byte, 0, size), MaxParagraph+2)
	sc.Split(scanLines)
	return &textLines{name: name, sc: sc}
}

// next returns the next line with its line break, and its offset; a byte
// order mark that starts the input is left out. At the end it returns
// io.EOF, and for a line that is not text an *InputError naming the
// offending byte.
func (t *textLines) next() ([]byte, int64, error) {
	if !t.sc.Scan() {
		if err := t.sc.Err(); errors.Is(err, bufio.ErrTooLong) {
			return nil, 0, &InputError{t.name, t.off, ErrTooLong}
		} else if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", t.name, err)
		}
		return nil, 0, io.EOF
	}
	t.line++
	raw := t.sc.Bytes()
	start := t.off
	t.off += int64(len(raw))
	if start == 0 && bytes.HasPrefix(raw, []byte("\uFEFF")) {
		raw, start = raw[3:], 3
	}
	if err := checkText(raw); err >= 0 {
		return nil, 0, &InputError{t.name, start + int64(err), errorAt(raw, err)}
	}
	return raw, start, nil
}

// CopyText copies the text r reads to w as it is, line by line, through
// the checks of a ParagraphReader: it stops with the same *InputError at
// the line of the first byte that is not text (invalid UTF-8, a NUL byte),
// after writing the lines before it. Like every output it removes control
// characters (see StripControls), telling warn, if not nil, of each line
// that lost some; offsets after them then differ by as many bytes. It
// returns the number of bytes read. name names the input in errors.
func CopyText(w io.Writer, r io.Reader, name string, warn func(error)) (int64, error) {
	lines := newTextLines(r, name)
	bw := bufio.NewWriter(w)
	for {
		before := lines.off
		raw, start, err := lines.next()
		if err != nil {
			ferr := bw.Flush()
			if err == io.EOF {
				err = ferr
			}
			return lines.off, err
		}
		if start > before {
			bw.WriteString("\uFEFF") // kept, so that offsets still count it
		}
		// A clean line, the common one, is written as read, without a copy.
		if bytes.ContainsFunc(raw, isStripped) {
			text, removed := StripControls(string(raw))
			if warn != nil {
				warn(&ControlError{Where: fmt.Sprintf("%s: line %d", name, lines.line), Removed: removed})
			}
			raw = []byte(text)
		}
		if _, err := bw.Write(raw); err != nil {
			return lines.off, err
		}
	}
}

// scanLines is a bufio.SplitFunc for lines ended by "\n", "\r\n" or a lone
// "\r". Each token keeps its line break, so that offsets add up.
//
// It looks for both breaks in a window that doubles until one is found,
// so that a line costs the same whichever break ends it: looking for
// "\n" in the whole buffer first would scan the rest of a text with bare
// CR line ends once for every line.
func scanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	for w := 256; ; w *= 2 {
		head := data[:min(w, len(data))]
		nl := bytes.IndexByte(head, '\n')
		if nl >= 0 {
			head = head[:nl]
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
		if w >= len(data) {
			break
		}
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
