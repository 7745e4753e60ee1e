// Package ids reads and writes alignment links as lists of sentence ids, the
// format of the gold files of the evaluation sets:
//
//	[0]:[0]
//	[1, 2]:[1]
//	[3]:[]
//	[]:[2]:0.4127
//
// Each line is one link: the 0-based ids of its source sentences, a colon,
// the ids of its target sentences and, optionally, a colon and the link's
// score. A side with no ids is a 1-0 or 0-1 link. The format carries no text,
// so it is exact and small; the text is found again from the sentence lists
// the ids point into. Reader and Writer stream like encoding/csv.
package ids

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// A Reader reads links from a file in ids format.
type Reader struct {
	sc *corpus.LineScanner
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{sc: corpus.NewLineScanner(r)}
}

// Read returns the next link as a Pair with SrcIDs, TgtIDs and Score set
// (Unscored when the line has none). Blank lines are skipped. At the end
// of the input Read returns io.EOF; a malformed line gives a
// *corpus.ParseError.
func (r *Reader) Read() (corpus.Pair, error) {
	for r.sc.Scan() {
		line := strings.TrimSpace(r.sc.Text())
		if line == "" {
			continue
		}
		p, err := parseLink(line)
		if err != nil {
			return corpus.Pair{}, r.parseError(err)
		}
		return p, nil
	}
	if err := r.sc.Err(); err != nil {
		return corpus.Pair{}, r.parseError(err)
	}
	return corpus.Pair{}, io.EOF
}

// parseError reports err at the current line.
func (r *Reader) parseError(err error) error {
	return &corpus.ParseError{Format: "ids", Line: r.sc.Line(), Err: err}
}

// ReadAll reads all the remaining links.
func (r *Reader) ReadAll() ([]corpus.Pair, error) { return corpus.ReadAll(r.Read) }

func parseLink(line string) (corpus.Pair, error) {
	var p corpus.Pair
	rest, src, err := parseList(line, "source")
	if err != nil {
		return p, err
	}
	rest, ok := strings.CutPrefix(strings.TrimLeft(rest, " \t"), ":")
	if !ok {
		return p, errors.New(`want ":" between the source and target ids`)
	}
	rest, tgt, err := parseList(strings.TrimLeft(rest, " \t"), "target")
	if err != nil {
		return p, err
	}
	p.SrcIDs, p.TgtIDs = src, tgt
	rest = strings.TrimSpace(rest)
	if rest == "" {
		p.Unscored = true
		return p, nil
	}
	score, ok := strings.CutPrefix(rest, ":")
	if !ok {
		return p, fmt.Errorf("unexpected %q after the target ids", rest)
	}
	p.Score, err = corpus.ParseScore(score)
	return p, err
}

// parseList parses a bracketed, comma-separated list of ids at the start of
// s and returns what follows it.
func parseList(s, side string) (rest string, ids []int, err error) {
	s, ok := strings.CutPrefix(s, "[")
	if !ok {
		return "", nil, fmt.Errorf("want [ to open the %s ids", side)
	}
	body, rest, ok := strings.Cut(s, "]")
	if !ok {
		return "", nil, fmt.Errorf("missing ] after the %s ids", side)
	}
	if strings.TrimSpace(body) == "" {
		return rest, nil, nil
	}
	for f := range strings.SplitSeq(body, ",") {
		f = strings.TrimSpace(f)
		id, err := strconv.Atoi(f)
		if err != nil || strings.TrimLeft(f, "0123456789") != "" {
			return "", nil, fmt.Errorf("bad %s id %q", side, f)
		}
		ids = append(ids, id)
	}
	return rest, ids, nil
}

// A Writer writes links in ids format.
type Writer struct {
	// OmitScore leaves the score out, as in gold files.
	OmitScore bool

	w   *bufio.Writer
	buf []byte
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

// Write writes the ids of one link and its score, rounded to four decimals
// like every export (none for an Unscored pair). Output is buffered: call Flush at the end and check
// Error.
func (w *Writer) Write(p corpus.Pair) error {
	b := AppendLink(w.buf[:0], p.SrcIDs, p.TgtIDs)
	if !w.OmitScore && !p.Unscored {
		b = append(b, ':')
		b = append(b, corpus.FormatScore(p.Score)...)
	}
	b = append(b, '\n')
	w.buf = b
	_, err := w.w.Write(b)
	return err
}

// Flush writes any buffered data to the underlying io.Writer. To check if
// an error occurred during Flush, call Error.
func (w *Writer) Flush() { w.w.Flush() }

// Error reports any error that has occurred during a previous Write or Flush.
func (w *Writer) Error() error {
	_, err := w.w.Write(nil)
	return err
}

// AppendLink appends the ids of a link as a line has them, without the
// score or the line end: "[1, 2]:[3]". TMX's x-position prop holds the
// same notation.
func AppendLink(b []byte, src, tgt []int) []byte {
	b = corpus.AppendIDs(b, src)
	b = append(b, ':')
	return corpus.AppendIDs(b, tgt)
}
