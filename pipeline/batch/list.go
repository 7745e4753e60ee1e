package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// A ListReader reads a list file: one document a line, as
//
//	SRC<TAB>TGT[<TAB>NAME]
//
// the paths of a text and of its translation, and the document's name,
// which defaults to SRC. Blank lines and lines starting with # are skipped.
// The pairings that paralel pair writes are list files too: a third field
// that is a number from 0 to 1 is the pair's score, not a name (a name may
// follow it), a line with an empty side and a score is a document left
// unpaired and is skipped, and a line may be a JSON object with "src",
// "tgt" and optionally "score" and "name".
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
		if err == errUnpaired {
			continue
		}
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

// errUnpaired marks a line of a pairing that names a document without
// partner.
var errUnpaired = errors.New("unpaired")

const fieldsWanted = "want SRC<TAB>TGT[<TAB>SCORE][<TAB>NAME]"

func parseLine(line string) (Doc, error) {
	var fields []string
	scored := false
	if strings.HasPrefix(strings.TrimSpace(line), "{") {
		var j struct {
			Src, Tgt, Name string
			Score          *float64
		}
		if err := json.Unmarshal([]byte(line), &j); err != nil {
			return Doc{}, err
		}
		fields, scored = []string{j.Src, j.Tgt, j.Name}, j.Score != nil
	} else {
		fields = strings.Split(line, "\t")
		if len(fields) >= 3 && isScore(fields[2]) {
			fields, scored = append(fields[:2], fields[3:]...), true
		}
		if len(fields) < 2 || len(fields) > 3 {
			return Doc{}, fmt.Errorf("%w: %d, %s", ErrFieldCount, len(strings.Split(line, "\t")), fieldsWanted)
		}
	}
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	d := Doc{Src: fields[0], Tgt: fields[1], Name: fields[0]}
	if len(fields) == 3 && fields[2] != "" {
		d.Name = fields[2]
	}
	switch {
	case scored && (d.Src == "") != (d.Tgt == ""):
		return Doc{}, errUnpaired
	case d.Src == "":
		return Doc{}, errors.New("empty source path")
	case d.Tgt == "":
		return Doc{}, errors.New("empty target path")
	}
	return d, nil
}

// isScore tells a pair's score from a document name.
func isScore(field string) bool {
	f, err := strconv.ParseFloat(strings.TrimSpace(field), 64)
	return err == nil && f >= 0 && f <= 1
}
