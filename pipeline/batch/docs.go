package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/paralel/paralel/corpus"
)

// A DocReader reads documents given as JSON lines, one object a line:
//
//	{"doc": "NAME", "src": "TEXT", "tgt": "TEXT"}
//	{"doc": "NAME", "src_path": "PATH", "tgt_path": "PATH"}
//
// the two texts themselves, or the paths of two text files, relative to
// the working folder. Other fields are ignored,
// and blank lines skipped. It is the input of a streaming run (Stream)
// and of the Beam pipeline, so that any engine that can pipe lines to a
// process can drive paralel.
//
// A line that is not such an object is an error of that line alone: Read
// returns a *LineError and the next Read goes on with the next line. Only
// an error of the underlying reader ends the input.
type DocReader struct {
	// MaxLine is the longest line read, in bytes; a longer one is skipped
	// with an error. Zero means DefaultMaxLine.
	MaxLine int

	r    *bufio.Reader
	line int
	err  error
}

// DefaultMaxLine bounds a line of a DocReader: a document of two texts of
// up to corpus.MaxParagraph each, escaped.
const DefaultMaxLine = 4 * corpus.MaxParagraph

// NewDocReader returns a DocReader reading r.
func NewDocReader(r io.Reader) *DocReader {
	return &DocReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// A LineError reports a line of a DocReader's input that is not a
// document. Doc is the name the line gives, if it could be read.
type LineError struct {
	Line int
	Doc  string
	Err  error
}

func (e *LineError) Error() string {
	if e.Doc != "" {
		return fmt.Sprintf("line %d (%s): %v", e.Line, e.Doc, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// Name is how a run names the line's document: its name when the line
// gives one, else "line N".
func (e *LineError) Name() string {
	if e.Doc != "" {
		return e.Doc
	}
	return fmt.Sprintf("line %d", e.Line)
}

// docRecord is the JSON shape of a document.
type docRecord struct {
	Doc     *string `json:"doc"`
	Src     *string `json:"src"`
	Tgt     *string `json:"tgt"`
	SrcPath *string `json:"src_path"`
	TgtPath *string `json:"tgt_path"`
}

// Read returns the next document, a *LineError for a line that is not
// one, or io.EOF at the end of the input.
func (r *DocReader) Read() (Input, error) {
	for {
		if r.err != nil {
			return Input{}, r.err
		}
		line, err := r.readLine()
		if err != nil {
			return Input{}, err
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		d, err := ParseInput(line)
		if err != nil {
			return Input{}, &LineError{Line: r.line, Doc: d.Name, Err: err}
		}
		return d, nil
	}
}

// Line is the number of the line last read, from 1.
func (r *DocReader) Line() int { return r.line }

// readLine returns the next line without its end. A line longer than
// MaxLine is read to its end and dropped, with a *LineError.
func (r *DocReader) readLine() ([]byte, error) {
	max := r.MaxLine
	if max <= 0 {
		max = DefaultMaxLine
	}
	var line []byte
	long := false
	for {
		chunk, err := r.r.ReadSlice('\n')
		if !long {
			if len(line)+len(chunk) > max+2 {
				long, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && (len(line) > 0 || long):
			r.err = io.EOF // the last line has no end
		case err != nil:
			r.err = err
			return nil, err
		}
		r.line++
		if long {
			return nil, &LineError{Line: r.line, Err: fmt.Errorf("longer than %d bytes", max)}
		}
		if r.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		return line, nil
	}
}

// ParseInput reads one line of a DocReader's input. On an error, the
// Input holds the document's name if the line gives one.
func ParseInput(line []byte) (Input, error) {
	if !utf8.Valid(line) {
		return Input{}, corpus.ErrInvalidUTF8
	}
	var rec docRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var d Input
		// Name the document if the line gets as far as naming it.
		var named struct{ Doc string }
		if json.Unmarshal(line, &named) == nil {
			d.Name = named.Doc
		}
		return d, fmt.Errorf("not a JSON object of a document: %v", err)
	}
	var d Input
	if rec.Doc != nil {
		d.Name = *rec.Doc
	}
	texts, paths := rec.Src != nil || rec.Tgt != nil, rec.SrcPath != nil || rec.TgtPath != nil
	switch {
	case d.Name == "":
		return d, errors.New(`no "doc": every document needs a name`)
	case texts && paths:
		return d, errors.New(`both texts and paths: want "src" and "tgt", or "src_path" and "tgt_path"`)
	case texts && (rec.Src == nil || rec.Tgt == nil):
		return d, errors.New(`want both "src" and "tgt"`)
	case texts:
		d.Src, d.Tgt, d.Kind = *rec.Src, *rec.Tgt, Texts
	case rec.SrcPath == nil || rec.TgtPath == nil || *rec.SrcPath == "" || *rec.TgtPath == "":
		return d, errors.New(`want "src" and "tgt", or "src_path" and "tgt_path"`)
	default:
		d.Src, d.Tgt, d.Kind = *rec.SrcPath, *rec.TgtPath, Files
	}
	return d, nil
}

// Sniff tells a stream of documents (see DocReader) from a list file (see
// ListReader), both of which may come on the standard input, by the first
// line that is not blank: a JSON object with a "doc" field starts a stream
// of documents. It returns a reader of the whole of r again.
func Sniff(r io.Reader) (all io.Reader, docs bool, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var head []byte
	for {
		line, err := br.ReadBytes('\n')
		head = append(head, line...)
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		trimmed := bytes.TrimSpace(bytes.TrimPrefix(line, []byte("\uFEFF")))
		if len(trimmed) > 0 {
			var probe struct {
				Doc *json.RawMessage `json:"doc"`
			}
			docs = trimmed[0] == '{' && json.Unmarshal(trimmed, &probe) == nil && probe.Doc != nil
			break
		}
		if err == io.EOF {
			break
		}
	}
	return io.MultiReader(bytes.NewReader(head), br), docs, nil
}
