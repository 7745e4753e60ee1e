// Package sidebyside writes aligned pairs for reading on a terminal: the
// two sides in columns wrapped to the width of the screen, each link with
// its number and score, and links scored below a threshold marked with "?"
// so that the doubtful ones catch the eye. It is a view, not a file format:
// nothing reads it back.
package sidebyside

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/paralel/paralel/corpus"
)

// DefaultWidth is the width of a new Writer, in columns.
const DefaultWidth = 80

const (
	prefixWidth = 13 // "%4d ? 0.97  "
	separator   = " │ "
	minColumn   = 10
	empty       = "—" // the empty side of a 1-0 or 0-1 link
)

// A Writer writes pairs side by side.
type Writer struct {
	Width    int     // columns of the screen
	Doubtful float64 // links scored below this are marked; corpus.DefaultDoubtful by default

	// SrcLang and TgtLang, when set before the first Write, head the
	// columns.
	SrcLang, TgtLang string

	// Warn, if not nil, is told of each pair that lost control characters
	// (ESC, BEL...), which never reach the terminal (see
	// corpus.StripControls).
	Warn func(error)
	warn func(error) // Warn, telling of a document's name once

	w       *bufio.Writer
	n       int // links written
	started bool
	err     error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{Width: DefaultWidth, Doubtful: corpus.DefaultDoubtful, w: bufio.NewWriter(w)}
}

// Write writes one link, wrapped over as many lines as its longer side
// needs. Writes are buffered: call Flush.
func (w *Writer) Write(p corpus.Pair) error {
	if w.err != nil {
		return w.err
	}
	col := w.column()
	if !w.started {
		w.started = true
		if w.SrcLang != "" || w.TgtLang != "" {
			w.line(fmt.Sprintf("%4s  %-5s  ", "#", "score"), w.SrcLang, w.TgtLang, col)
			w.line(strings.Repeat(" ", prefixWidth), strings.Repeat("─", col), strings.Repeat("─", col), col)
		}
	}
	w.n++
	p, warnings := corpus.StripPairControls(p, w.n)
	if w.Warn != nil {
		if w.warn == nil {
			w.warn = corpus.OncePerDoc(w.Warn)
		}
		for _, err := range warnings {
			w.warn(err)
		}
	}
	mark := ' '
	if p.Score < w.Doubtful {
		mark = '?'
	}
	src, tgt := wrap(side(p.Src), col), wrap(side(p.Tgt), col)
	for i := range max(len(src), len(tgt)) {
		prefix := strings.Repeat(" ", prefixWidth)
		if i == 0 {
			prefix = fmt.Sprintf("%4d %c %.2f  ", w.n, mark, p.Score)
		}
		w.line(prefix, at(src, i), at(tgt, i), col)
	}
	return w.err
}

func (w *Writer) line(prefix, src, tgt string, col int) {
	w.w.WriteString(prefix)
	w.w.WriteString(src)
	w.w.WriteString(strings.Repeat(" ", col-displayWidth(src)))
	w.w.WriteString(separator)
	w.w.WriteString(tgt)
	if err := w.w.WriteByte('\n'); err != nil && w.err == nil {
		w.err = err
	}
}

// column is the width of each text column.
func (w *Writer) column() int {
	return max((w.Width-prefixWidth-displayWidth(separator))/2, minColumn)
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

func side(text string) string {
	if strings.TrimSpace(text) == "" {
		return empty
	}
	return text
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// wrap breaks text into lines of at most width columns, between words
// where it can and inside a word longer than a line.
func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	curWidth := 0
	for _, word := range strings.FieldsFunc(text, unicode.IsSpace) {
		ww := displayWidth(word)
		if curWidth > 0 && curWidth+1+ww <= width {
			cur.WriteByte(' ')
			cur.WriteString(word)
			curWidth += 1 + ww
			continue
		}
		if curWidth > 0 {
			lines = append(lines, cur.String())
			cur.Reset()
			curWidth = 0
		}
		for _, r := range word {
			rw := runeWidth(r)
			if curWidth+rw > width && curWidth > 0 {
				lines = append(lines, cur.String())
				cur.Reset()
				curWidth = 0
			}
			cur.WriteRune(r)
			curWidth += rw
		}
	}
	if curWidth > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// runeWidth is 2 for the wide characters of East Asian scripts, 0 for
// combining marks and invisible format characters, and 1 for the rest.
func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Cc):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
