package batch

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// A ListReader reads a list file: one document a line, as
//
//	SRC<TAB>TGT[<TAB>NAME]
//
// the paths of a text and of its translation, and the document's name,
// which defaults to SRC. Blank lines and lines starting with # are skipped.
type ListReader struct {
	sc *corpus.LineScanner
}

// NewListReader returns a ListReader reading r.
func NewListReader(r io.Reader) *ListReader {
	return &ListReader{sc: corpus.NewLineScanner(r)}
}

// ErrFieldCount is wrapped by the corpus.ParseError of a line with other
// than two or three fields.
var ErrFieldCount = errors.New("wrong number of fields")

// Read returns the next document, with the paths as written, or io.EOF at
// the end of the input. A malformed line gives a *corpus.ParseError of the
// format "list".
func (r *ListReader) Read() (Doc, error) {
	for r.sc.Scan() {
		line := strings.TrimRight(r.sc.Text(), " \t")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		d, err := parseLine(line)
		if err != nil {
			return Doc{}, r.parseError(err)
		}
		return d, nil
	}
	if err := r.sc.Err(); err != nil {
		return Doc{}, r.parseError(err)
	}
	return Doc{}, io.EOF
}

// parseError reports err at the current line.
func (r *ListReader) parseError(err error) error {
	return &corpus.ParseError{Format: "list", Line: r.sc.Line(), Err: err}
}

// ReadAll reads the documents up to the end of the input.
func (r *ListReader) ReadAll() ([]Doc, error) {
	docs, err := corpus.ReadAll(r.Read)
	if err != nil {
		return nil, err
	}
	return docs, nil
}

func parseLine(line string) (Doc, error) {
	fields := strings.Split(line, "\t")
	if len(fields) < 2 || len(fields) > 3 {
		return Doc{}, fmt.Errorf("%w: %d, want SRC<TAB>TGT[<TAB>NAME]", ErrFieldCount, len(fields))
	}
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	d := Doc{Src: fields[0], Tgt: fields[1], Name: fields[0]}
	if len(fields) == 3 && fields[2] != "" {
		d.Name = fields[2]
	}
	switch {
	case d.Src == "":
		return Doc{}, errors.New("empty source path")
	case d.Tgt == "":
		return Doc{}, errors.New("empty target path")
	}
	return d, nil
}
