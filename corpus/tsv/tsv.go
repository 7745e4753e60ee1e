// Package tsv reads and writes aligned pairs as tab-separated values, one
// link a line:
//
//	source<TAB>target<TAB>score
//
// the shape that corpus-filtering scripts, spreadsheets and pandas take in
// without options. With Writer.Meta three more columns say where each pair
// came from and what a translator made of it:
//
//	source<TAB>target<TAB>score<TAB>link<TAB>document<TAB>status
//
// The status is empty, "confirmed" or "edited" (see corpus.Status). A
// pair without a score (corpus.Pair.Unscored) has an empty score column.
//
// A line holds exactly one record, so a tab or a line break inside a
// segment is written as a space; there is no quoting. An optional first
// row names the columns written; the reader recognizes it by its third
// field, "score", which no record can have.
//
// The reader takes two to six columns: the plain bitexts of other tools
// (source<TAB>target, read as unscored) as well as what the Writer writes.
package tsv

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/ascii"
)

// A Writer writes pairs as TSV records.
type Writer struct {
	// Header, when set before the first Write, starts the output with a
	// row naming the columns written; SrcLang and TgtLang name the two
	// text columns ("source" and "target" when empty).
	Header           bool
	SrcLang, TgtLang string
	// Meta, when set before the first Write, adds the link type (such as
	// "2-1"), the document name and the status after the score.
	Meta bool

	w       *bufio.Writer
	started bool
	err     error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

// Write writes one pair as a line. Writes are buffered: call Flush.
func (w *Writer) Write(p corpus.Pair) error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.started = true
		if w.Header {
			src, tgt := w.SrcLang, w.TgtLang
			if src == "" {
				src = "source"
			}
			if tgt == "" {
				tgt = "target"
			}
			w.writeRow(src, tgt, "score", "link", "document", "status")
		}
	}
	score := ""
	if !p.Unscored {
		score = corpus.FormatScore(p.Score)
	}
	w.writeRow(p.Src, p.Tgt, score, p.Type(), p.Doc, string(p.Status))
	return w.err
}

// writeRow writes the fields of a row as one line: the first three, or all
// six with Meta.
func (w *Writer) writeRow(src, tgt, score, link, doc, status string) {
	fields := []string{src, tgt, score, link, doc, status}
	if !w.Meta {
		fields = fields[:3]
	}
	for i, f := range fields {
		if i > 0 {
			w.w.WriteByte('\t')
		}
		w.w.WriteString(corpus.OneLine(f))
	}
	if err := w.w.WriteByte('\n'); err != nil && w.err == nil {
		w.err = err
	}
}

// Flush writes any buffered data to the underlying io.Writer. Use Error to
// check whether it succeeded.
func (w *Writer) Flush() {
	if err := w.w.Flush(); err != nil && w.err == nil {
		w.err = err
	}
}

// Error reports any error from a previous Write or Flush.
func (w *Writer) Error() error { return w.err }

// ErrFieldCount is wrapped by the corpus.ParseError of a line with fewer
// than two or more than six fields.
var ErrFieldCount = errors.New("wrong number of fields")

// A Reader reads pairs from TSV lines.
type Reader struct {
	// SrcLang and TgtLang are the column names of the header row, if the
	// input had one; they are set by the first Read.
	SrcLang, TgtLang string

	sc *corpus.LineScanner
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{sc: corpus.NewLineScanner(r)}
}

// Read returns the next pair, or io.EOF at the end of the input. Empty
// lines are skipped. A line with one field, or more than six, is a
// *corpus.ParseError naming the line.
func (r *Reader) Read() (corpus.Pair, error) {
	for r.sc.Scan() {
		text := r.sc.Text()
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if r.sc.Line() == 1 && len(fields) >= 3 && fields[2] == "score" {
			r.SrcLang, r.TgtLang = fields[0], fields[1]
			continue
		}
		return r.parse(fields)
	}
	if err := r.sc.Err(); err != nil {
		return corpus.Pair{}, r.parseError(err)
	}
	return corpus.Pair{}, io.EOF
}

func (r *Reader) parse(fields []string) (corpus.Pair, error) {
	if len(fields) < 2 || len(fields) > 6 {
		return corpus.Pair{}, r.parseError(fmt.Errorf("%w: %d, want source<TAB>target[<TAB>score[<TAB>link[<TAB>document[<TAB>status]]]]", ErrFieldCount, len(fields)))
	}
	p := corpus.Pair{Src: fields[0], Tgt: fields[1], Unscored: true}
	if len(fields) > 2 && fields[2] != "" {
		s, err := corpus.ParseScore(fields[2])
		if err != nil {
			return corpus.Pair{}, r.parseError(err)
		}
		p.Score, p.Unscored = s, false
	}
	if len(fields) > 3 {
		if !validLink(fields[3]) {
			return corpus.Pair{}, r.parseError(fmt.Errorf("link %q is not a link type such as 1-1 or 2-1", fields[3]))
		}
		p.Link = fields[3]
	}
	if len(fields) > 4 {
		p.Doc = fields[4]
	}
	if len(fields) > 5 {
		st, err := corpus.ParseStatus(fields[5])
		if err != nil {
			return corpus.Pair{}, r.parseError(err)
		}
		p.Status = st
	}
	return p, nil
}

// parseError reports err at the current line.
func (r *Reader) parseError(err error) error {
	return &corpus.ParseError{Format: "tsv", Line: r.sc.Line(), Err: err}
}

// validLink reports whether s is empty or has the shape of a link type.
func validLink(s string) bool {
	if s == "" {
		return true
	}
	a, b, ok := strings.Cut(s, "-")
	return ok && ascii.IsDigits(a) && ascii.IsDigits(b)
}
