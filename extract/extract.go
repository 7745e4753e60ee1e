// Package extract turns a document as people have it (a web page, subtitles,
// text in a legacy encoding, an office file or a PDF) into the plain text
// the splitter reads: UTF-8 with one paragraph a line.
//
// The format is told by the content, not by the file name: a ".txt" that is
// HTML is read as HTML. Plain UTF-8 text is streamed through unchanged, so
// that byte offsets still refer to the file; every other format is read
// whole, up to Options.MaxSize, and its extracted text is what offsets refer
// to. A Report says what was read: the format, the encoding, whether lines
// are hard-wrapped, and how many blocks were dropped as boilerplate.
package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract/docx"
	"github.com/paralel/paralel/extract/internal/office"
	"github.com/paralel/paralel/extract/odt"
	"github.com/paralel/paralel/extract/pdf"
	"github.com/paralel/paralel/internal/english"
)

// The formats a document can be read from.
const (
	Text = "text"
	HTML = "html"
	SRT  = "srt"
	VTT  = "vtt"
	DOCX = "docx"
	ODT  = "odt"
	PDF  = "pdf"
)

// Formats lists the formats, for --input-format.
var Formats = []string{Text, HTML, SRT, VTT, DOCX, ODT, PDF}

// DefaultMaxSize is the largest input, in bytes, read whole to be
// extracted: every format but plain text, which is streamed.
const DefaultMaxSize = 64 << 20

// sniffSize is how much of the input the format and encoding are told from.
const sniffSize = 64 << 10

// Options say how to read a document.
type Options struct {
	// Format forces a format (one of Formats); empty tells it from the
	// content.
	Format string
	// Encoding forces the encoding of text, by its IANA or WHATWG name
	// ("windows-1250", "iso-8859-2", "utf-16le"...); empty detects it.
	Encoding string
	// Lang is the expected language of the text, a hint that picks between
	// single-byte encodings that decode it alike.
	Lang string
	// Name names the input in errors and in the report.
	Name string
	// MaxSize bounds the input read whole (0: DefaultMaxSize).
	MaxSize int64
}

func (o *Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

// A Report says what was read from one input.
type Report struct {
	Name     string
	Format   string // one of Formats
	Encoding string // of text formats: "utf-8", "windows-1250"...; empty otherwise
	// Wrapped says that the lines of the text are hard-wrapped, so only a
	// blank line ends a paragraph. Extracted text never is.
	Wrapped bool
	// Paragraphs counts the paragraphs kept; readers that stream leave it
	// for the caller to count.
	Paragraphs int
	// Dropped counts the blocks left out as boilerplate (menus, comments,
	// cue numbers...), where the format has them.
	Dropped int
	// Warnings are the problems met that did not stop the reading, each a
	// *corpus.ParseError naming the line, such as a subtitle cue whose
	// timing line is broken.
	Warnings []error
}

// String is the short note on the input for the standard error:
// "page.html: html, utf-8, 12 paragraphs, 31 blocks dropped".
func (r *Report) String() string {
	parts := []string{r.Format}
	if r.Encoding != "" {
		parts = append(parts, r.Encoding)
	}
	if r.Wrapped {
		parts = append(parts, "hard-wrapped lines")
	}
	parts = append(parts, plural(r.Paragraphs, "paragraph"))
	if r.Dropped > 0 {
		parts = append(parts, plural(r.Dropped, "block")+" dropped")
	}
	return r.Name + ": " + strings.Join(parts, ", ")
}

// plural returns n with word as it goes with it: "1 block", "2 blocks".
func plural(n int, word string) string {
	return strconv.Itoa(n) + " " + english.Plural(n, word)
}

// Errors of the readers. An *Error wraps them with the input's name.
var (
	ErrUnsupported = errors.New("unsupported format")
	ErrNoText      = errors.New("no text found")
	ErrTooLarge    = errors.New("input too large")
	ErrTooDeep     = errors.New("HTML nested too deep")
	ErrEncoding    = errors.New("unknown encoding")
	ErrCorrupt     = errors.New("corrupt file")
	// ErrEncrypted is a DOCX or ODT file saved with a password, which
	// comes as an OLE compound file (docx.ErrEncrypted, odt.ErrEncrypted).
	ErrEncrypted = office.ErrEncrypted
)

// An Error reports an input that could not be read, and why.
type Error struct {
	Name   string
	Format string // the format it was read as, if known
	Err    error
}

func (e *Error) Error() string {
	if e.Format != "" {
		return fmt.Sprintf("%s: %s: %v", e.Name, e.Format, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// NewReader returns a reader of the text of the document in r, one
// paragraph a line, and the report of what was found. Plain text is
// decoded as it is read, other formats are read and extracted at once.
func NewReader(r io.Reader, opt Options) (io.Reader, *Report, error) {
	if opt.Name == "" {
		opt.Name = "input"
	}
	if opt.Format != "" && !slices.Contains(Formats, opt.Format) {
		return nil, nil, &Error{Name: opt.Name, Err: fmt.Errorf("%w %q: want one of %s", ErrUnsupported, opt.Format, strings.Join(Formats, ", "))}
	}
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, nil, &Error{Name: opt.Name, Err: err}
	}
	format, err := detect(head, opt)
	if err != nil {
		return nil, nil, &Error{Name: opt.Name, Err: err}
	}
	rep := &Report{Name: opt.Name, Format: format}
	if format == Text {
		tr, err := textReader(br, head, opt, rep)
		if err != nil {
			return nil, nil, &Error{Name: opt.Name, Err: err}
		}
		return tr, rep, nil
	}
	data, err := readAll(br, opt.maxSize(), fileSize(r))
	if err != nil {
		if format == zipFormat || format == oleFormat {
			format = "" // not told yet
		}
		return nil, nil, &Error{Name: opt.Name, Format: format, Err: err}
	}
	switch format {
	case zipFormat:
		if format, err = zipKind(data); err != nil {
			return nil, nil, &Error{Name: opt.Name, Err: err}
		}
		rep.Format = format
	case oleFormat:
		return nil, nil, &Error{Name: opt.Name, Err: oleKind(data)}
	}
	paras, err := extractParagraphs(format, data, opt, rep)
	if err == nil && len(paras) == 0 {
		err = ErrNoText
	}
	if err != nil {
		if ie := (*corpus.InputError)(nil); errors.As(err, &ie) {
			return nil, nil, ie // it names the input and the byte, as the splitter's reader does
		}
		return nil, nil, &Error{Name: opt.Name, Format: format, Err: err}
	}
	rep.Paragraphs = len(paras)
	return strings.NewReader(Join(paras)), rep, nil
}

// Join writes paragraphs one a line, each made one line: a line break
// inside a paragraph becomes a space.
func Join(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(oneLine(p))
		b.WriteByte('\n')
	}
	return b.String()
}

// oneLine collapses the white space of s, line breaks included, to single
// spaces and trims it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// readAll reads r whole, failing beyond max bytes. size is what r holds
// if known (a file's size), else -1: a file larger than max is refused
// before it is read, and one that is not is read into a buffer of its size.
func readAll(r io.Reader, max, size int64) ([]byte, error) {
	if size > max {
		return nil, fmt.Errorf("%w: %d MB (at most %d MB)", ErrTooLarge, size>>20, max>>20)
	}
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(size) + bytes.MinRead) // so that reading it fills the buffer once
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d MB", ErrTooLarge, max>>20)
	}
	return data, nil
}

// fileSize is the size of the regular file r reads, or -1.
func fileSize(r io.Reader) int64 {
	f, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return -1
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return -1
	}
	return fi.Size()
}

// extractParagraphs reads a whole document of a format other than text.
func extractParagraphs(format string, data []byte, opt Options, rep *Report) ([]string, error) {
	var paras []string
	var err error
	switch format {
	case HTML:
		paras, err = htmlParagraphs(data, opt, rep)
	case SRT, VTT:
		text, enc, err := decodeAll(data, opt)
		if err != nil {
			return nil, err
		}
		rep.Encoding = enc
		return subtitleParagraphs(text, format, opt.Lang, rep)
	default:
		read := officeReaders[format]
		if read == nil {
			return nil, fmt.Errorf("%w %q", ErrUnsupported, format)
		}
		paras, err = read(bytes.NewReader(data), int64(len(data)))
	}
	if err != nil {
		return nil, err
	}
	paras, n := dropBylines(paras)
	rep.Dropped += n
	return paras, nil
}

// officeReaders are the readers of binary document formats, by format:
// func(io.ReaderAt, size) returning paragraphs in reading order.
var officeReaders = map[string]func(io.ReaderAt, int64) ([]string, error){
	DOCX: docx.Paragraphs,
	ODT:  odt.Paragraphs,
	PDF:  pdf.Paragraphs,
}
