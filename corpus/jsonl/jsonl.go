// Package jsonl reads and writes aligned pairs as JSON lines, one object a
// link:
//
//	{"src_ids":[2,3],"tgt_ids":[1],"src":"Po. Jo.","tgt":"Yes, no.","score":0.5,"link":"2-1","doc":"rama"}
//
// A link a translator checked says so, beside its score
// ("status":"confirmed" or "edited"); a link without a score has
// "score":null.
// It is the complete record of an alignment: sentence indices (from 0)
// and 1-0 and 0-1 links included, for scripts in any language to filter.
// When the Writer is given languages, each object also names them
// ("src_lang":"sq","tgt_lang":"en").
// Text is written as is, without HTML escaping; the score is rounded to
// four decimals like every export. The reader ignores fields it does not
// know, and takes a missing link type from the indices.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// record is the JSON shape of a pair; the field order is the output's.
type record struct {
	SrcIDs  []int        `json:"src_ids"`
	TgtIDs  []int        `json:"tgt_ids"`
	Src     string       `json:"src"`
	Tgt     string       `json:"tgt"`
	Score   *json.Number `json:"score"`
	Link    string       `json:"link"`
	Doc     string       `json:"doc,omitempty"`
	Status  string       `json:"status,omitempty"`
	SrcLang string       `json:"src_lang,omitempty"`
	TgtLang string       `json:"tgt_lang,omitempty"`
}

// A Writer writes pairs as JSON lines.
type Writer struct {
	// SrcLang and TgtLang, when set, are written in every record, so that
	// a line keeps its languages wherever it goes.
	SrcLang, TgtLang string

	w   *bufio.Writer
	enc *json.Encoder
	err error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // "<" in a segment stays readable
	return &Writer{w: bw, enc: enc}
}

// Write writes one pair as a line. Writes are buffered: call Flush.
func (w *Writer) Write(p corpus.Pair) error {
	if w.err != nil {
		return w.err
	}
	rec := record{
		SrcIDs:  orEmpty(p.SrcIDs),
		TgtIDs:  orEmpty(p.TgtIDs),
		Src:     p.Src,
		Tgt:     p.Tgt,
		Link:    p.Type(),
		Doc:     p.Doc,
		Status:  string(p.Status),
		SrcLang: w.SrcLang,
		TgtLang: w.TgtLang,
	}
	if !p.Unscored {
		n := json.Number(corpus.FormatScore(p.Score))
		rec.Score = &n
	}
	w.err = w.enc.Encode(rec)
	return w.err
}

// orEmpty makes a side without sentences "[]" rather than "null".
func orEmpty(ids []int) []int {
	if ids == nil {
		return []int{}
	}
	return ids
}

// Flush writes any buffered data to the underlying io.Writer.
func (w *Writer) Flush() {
	if err := w.w.Flush(); err != nil && w.err == nil {
		w.err = err
	}
}

// Error reports any error from a previous Write or Flush.
func (w *Writer) Error() error { return w.err }

// A Reader reads pairs from JSON lines.
type Reader struct {
	// SrcLang and TgtLang are the languages of the first record that
	// names them.
	SrcLang, TgtLang string

	sc *corpus.LineScanner
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{sc: corpus.NewLineScanner(r)}
}

// Read returns the next pair, or io.EOF at the end of the input. Blank
// lines are skipped; a line that is not a JSON object of a link, or whose
// score is not a number from 0 to 1, is a *corpus.ParseError naming the
// line and what is wrong with it.
func (r *Reader) Read() (corpus.Pair, error) {
	for r.sc.Scan() {
		line := bytes.TrimSpace(r.sc.Bytes())
		if len(line) == 0 {
			continue
		}
		return r.parse(line)
	}
	if err := r.sc.Err(); err != nil {
		return corpus.Pair{}, r.parseError(err)
	}
	return corpus.Pair{}, io.EOF
}

func (r *Reader) parse(line []byte) (corpus.Pair, error) {
	var rec struct {
		record
		Score *float64 `json:"score"`
	}
	if line[0] != '{' {
		// Unmarshal takes null for an empty object, and names Go's types
		// for the rest.
		return corpus.Pair{}, r.parseError(errors.New("not a JSON object"))
	}
	if err := json.Unmarshal(line, &rec); err != nil {
		return corpus.Pair{}, r.parseError(jsonError(err))
	}
	if rec.Score != nil {
		if err := corpus.CheckScore(*rec.Score); err != nil {
			return corpus.Pair{}, r.parseError(err)
		}
	}
	for _, ids := range [][]int{rec.SrcIDs, rec.TgtIDs} {
		for _, id := range ids {
			if id < 0 {
				return corpus.Pair{}, r.parseError(fmt.Errorf("negative sentence index %d", id))
			}
		}
	}
	status, err := corpus.ParseStatus(rec.Status)
	if err != nil {
		return corpus.Pair{}, r.parseError(err)
	}
	if r.SrcLang == "" && r.TgtLang == "" {
		r.SrcLang, r.TgtLang = rec.SrcLang, rec.TgtLang
	}
	p := corpus.Pair{
		Src: rec.Src, Tgt: rec.Tgt,
		SrcIDs: nilIfEmpty(rec.SrcIDs), TgtIDs: nilIfEmpty(rec.TgtIDs),
		Link:   rec.Link,
		Doc:    rec.Doc,
		Status: status,
	}
	if rec.Score != nil {
		p.Score = *rec.Score
	} else {
		p.Unscored = true
	}
	return p, nil
}

// wants says what each field of a record holds, for the message of a
// record that holds something else.
var wants = map[string]string{
	"src_ids": "a list of sentence indices", "tgt_ids": "a list of sentence indices",
	"score": "a number",
	"src":   "a string", "tgt": "a string", "link": "a string", "doc": "a string",
	"status": "a string", "src_lang": "a string", "tgt_lang": "a string",
}

// jsonError says what is wrong with a line that json.Unmarshal refused in
// the format's terms, not in Go's ("cannot unmarshal string into Go
// struct field .record.src of type int").
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field[strings.LastIndexByte(te.Field, '.')+1:]
		if n, ok := strings.CutPrefix(te.Value, "number "); ok && field == "score" {
			return fmt.Errorf("score %s: %w", corpus.Clip(n, 40), corpus.ErrScore) // such as 1e999
		}
		if want, ok := wants[field]; ok {
			return fmt.Errorf("%s: want %s", field, want)
		}
		return errors.New("not a JSON object of a link")
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("not valid JSON: %s", se.Error())
	}
	return err
}

// parseError reports err at the current line.
func (r *Reader) parseError(err error) error {
	return &corpus.ParseError{Format: "jsonl", Line: r.sc.Line(), Err: err}
}

func nilIfEmpty(ids []int) []int {
	if len(ids) == 0 {
		return nil
	}
	return ids
}
