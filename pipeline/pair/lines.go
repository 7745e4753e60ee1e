package pair

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// A Line is one line of a pairing as it is written: the names of a source
// document and of its translation, and the score of the pair. One name is
// empty for a document left unpaired.
type Line struct {
	Src, Tgt string
	Score    float64
}

// Lines are the lines of a result: its pairs in the order of the source
// documents, then with keepUnpaired the unpaired documents of each side,
// each with an empty partner and a score of 0.
func (r *Result) Lines(src, tgt []Doc, keepUnpaired bool) []Line {
	out := make([]Line, 0, len(r.Pairs))
	for _, m := range r.Pairs {
		out = append(out, Line{Src: src[m.Src].Name, Tgt: tgt[m.Tgt].Name, Score: m.Score})
	}
	if keepUnpaired {
		for _, i := range r.Unpaired[Src] {
			out = append(out, Line{Src: src[i].Name})
		}
		for _, i := range r.Unpaired[Tgt] {
			out = append(out, Line{Tgt: tgt[i].Name})
		}
	}
	return out
}

// Relative makes the names of the lines that are files relative to the
// folder dir, where a list file of them is written, so that the list reads
// the same wherever it is read from (paralel batch reads the paths of a
// list relative to the list's folder). Other names stay as they are.
func Relative(lines []Line, dir string) {
	base, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	rel := func(name string) string {
		if name == "" {
			return name
		}
		if _, err := os.Stat(name); err != nil {
			return name
		}
		abs, err := filepath.Abs(name)
		if err != nil {
			return name
		}
		if r, err := filepath.Rel(base, abs); err == nil {
			return r
		}
		return name
	}
	for i := range lines {
		lines[i].Src, lines[i].Tgt = rel(lines[i].Src), rel(lines[i].Tgt)
	}
}

// A Writer writes the lines of a pairing as TSV, SRC<TAB>TGT<TAB>SCORE, or
// as JSON lines, {"src":…,"tgt":…,"score":…}: both are list files that
// paralel batch reads.
type Writer struct {
	w     *bufio.Writer
	jsonl bool
	err   error
}

// NewWriter returns a Writer of the format "tsv" or "jsonl".
func NewWriter(w io.Writer, format string) (*Writer, error) {
	switch format {
	case "tsv", "":
		return &Writer{w: bufio.NewWriter(w)}, nil
	case "jsonl":
		return &Writer{w: bufio.NewWriter(w), jsonl: true}, nil
	}
	return nil, fmt.Errorf("unknown pairing format %q: want tsv or jsonl", format)
}

type jsonLine struct {
	Src   string  `json:"src"`
	Tgt   string  `json:"tgt"`
	Score float64 `json:"score"`
}

// Write writes one line. A name holding a tab or a line break cannot be
// written as TSV.
func (w *Writer) Write(l Line) error {
	if w.err != nil {
		return w.err
	}
	score, _ := strconv.ParseFloat(corpus.FormatScore(l.Score), 64)
	if w.jsonl {
		b, err := json.Marshal(jsonLine{l.Src, l.Tgt, score})
		if err != nil {
			w.err = err
			return err
		}
		w.w.Write(b)
		w.w.WriteByte('\n')
		return nil
	}
	if strings.ContainsAny(l.Src+l.Tgt, "\t\r\n") {
		w.err = fmt.Errorf("%q: a name with a tab or a line break cannot be written as TSV (use jsonl)", l.Src+l.Tgt)
		return w.err
	}
	_, w.err = fmt.Fprintf(w.w, "%s\t%s\t%s\n", l.Src, l.Tgt, corpus.FormatScore(l.Score))
	return w.err
}

// Flush writes any buffered data.
func (w *Writer) Flush() {
	if err := w.w.Flush(); err != nil && w.err == nil {
		w.err = err
	}
}

// Error reports any error of a Write or Flush.
func (w *Writer) Error() error { return w.err }

// WriteAll writes lines and flushes, as csv.Writer.WriteAll does.
func (w *Writer) WriteAll(lines []Line) error {
	for _, l := range lines {
		if err := w.Write(l); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// ReadLines reads a pairing: TSV lines of two names and an optional score
// (a gold file such as docpair-dev's gold.tsv, or what Writer writes), or
// JSON lines. Blank lines and lines starting with # are skipped.
func ReadLines(r io.Reader) ([]Line, error) {
	sc := corpus.NewLineScanner(r)
	var out []Line
	for sc.Scan() {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		l, err := parseLine(text)
		if err != nil {
			return nil, &corpus.ParseError{Format: "pairs", Line: sc.Line(), Err: err}
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, &corpus.ParseError{Format: "pairs", Line: sc.Line(), Err: err}
	}
	return out, nil
}

func parseLine(text string) (Line, error) {
	if strings.HasPrefix(strings.TrimSpace(text), "{") {
		var j jsonLine
		err := json.Unmarshal([]byte(text), &j)
		return Line(j), err
	}
	f := strings.Split(text, "\t")
	if len(f) < 2 || len(f) > 3 {
		return Line{}, fmt.Errorf("%d fields, want SRC<TAB>TGT[<TAB>SCORE]", len(f))
	}
	l := Line{Src: strings.TrimSpace(f[0]), Tgt: strings.TrimSpace(f[1]), Score: 1}
	if len(f) == 3 && strings.TrimSpace(f[2]) != "" {
		s, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
		if err != nil {
			return Line{}, fmt.Errorf("score %q: not a number", f[2])
		}
		l.Score = s
	}
	if l.Src == "" && l.Tgt == "" {
		return Line{}, errors.New("both names are empty")
	}
	return l, nil
}

// Scores measure a pairing against a gold one.
type Scores struct {
	Pred, Gold, Correct   int // pairs predicted, in the gold, and in both
	Precision, Recall, F1 float64
}

// Compare scores the pairs of pred (lines with both names) against those
// of gold. Names match when they are equal or when one is the other with
// leading folders, so that a gold file naming d1.txt matches a pairing
// naming set/sq/d1.txt.
func Compare(gold, pred []Line) Scores {
	var s Scores
	want := map[string]string{} // gold source -> gold target
	for _, l := range gold {
		if l.Src != "" && l.Tgt != "" {
			want[l.Src] = l.Tgt
			s.Gold++
		}
	}
	srcNames, tgtNames := map[string]bool{}, map[string]bool{}
	for src, tgt := range want {
		srcNames[src], tgtNames[tgt] = true, true
	}
	for _, l := range pred {
		if l.Src == "" || l.Tgt == "" {
			continue
		}
		s.Pred++
		if t, ok := want[known(l.Src, srcNames)]; ok && t == known(l.Tgt, tgtNames) {
			s.Correct++
		}
	}
	if s.Pred > 0 {
		s.Precision = float64(s.Correct) / float64(s.Pred)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Correct) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// known is the name of the set that path is, itself or without some of its
// leading folders, or path when there is none.
func known(path string, names map[string]bool) string {
	p := filepath.ToSlash(path)
	for {
		if names[p] {
			return p
		}
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return path
		}
		p = p[i+1:]
	}
}
