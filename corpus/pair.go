package corpus

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pair is one aligned unit as it is exported: the text of each side and
// where it came from. A side with no sentences is empty (a 1-0 or 0-1 link).
type Pair struct {
	Src, Tgt       string  // several sentences of a side are joined by a space
	SrcIDs, TgtIDs []int   // sentence indices within the document, from 0
	Score          float64 // confidence of the link, in [0,1]; meaningless when Unscored
	Doc            string  // document name, may be empty

	// Unscored says the pair came without a score, as from a Moses corpus,
	// a two-column TSV or another tool's TMX: it is written with no score
	// (no x-score prop, an empty TSV column, null in JSON lines), and a
	// minimum score keeps it, having nothing to compare.
	Unscored bool

	// Status is what a translator made of the link; a reviewed link
	// (confirmed or edited) keeps its Score beside the status, and no
	// filter drops it.
	Status Status

	// Link is the link type as read from a file that records the type but
	// not the sentence indices (a TSV column, a TMX prop). Type prefers the
	// indices when there are any.
	Link string
}

// Status is what a translator made of a link.
type Status string

const (
	StatusAuto      Status = ""          // as the aligner left it
	StatusConfirmed Status = "confirmed" // a translator confirmed the link as it was
	StatusEdited    Status = "edited"    // a translator made the link (joined, split, moved)
)

// Reviewed reports whether a translator confirmed or edited the link.
func (s Status) Reviewed() bool { return s == StatusConfirmed || s == StatusEdited }

// ParseStatus reads a status as the formats write it: "", "confirmed" or
// "edited".
func ParseStatus(s string) (Status, error) {
	switch st := Status(s); st {
	case StatusAuto, StatusConfirmed, StatusEdited:
		return st, nil
	}
	return "", fmt.Errorf("status %q: want confirmed, edited or none", Clip(s, 40))
}

// Clip shortens s to at most n bytes, on a rune boundary, marking the cut
// with "…": for a message that quotes input, which may hold anything.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// Type is the link type of the pair, such as "1-1" or "2-1". Without
// sentence indices it is Link, or failing that one segment for each side
// that has text, as in a plain bitext.
func (p Pair) Type() string {
	if len(p.SrcIDs) > 0 || len(p.TgtIDs) > 0 {
		return strconv.Itoa(len(p.SrcIDs)) + "-" + strconv.Itoa(len(p.TgtIDs))
	}
	if p.Link != "" {
		return p.Link
	}
	side := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "0"
		}
		return "1"
	}
	return side(p.Src) + "-" + side(p.Tgt)
}

// Unaligned reports whether one side of the pair is empty.
func (p Pair) Unaligned() bool {
	return strings.TrimSpace(p.Src) == "" || strings.TrimSpace(p.Tgt) == ""
}

// FormatScore writes a score the way every export does: rounded to four
// decimals, without trailing zeros ("0.9731", "1"), so that a score survives
// a round trip through any of the formats unchanged.
func FormatScore(score float64) string {
	return strconv.FormatFloat(math.Round(score*1e4)/1e4, 'f', -1, 64)
}

// ErrScore is wrapped by the error of a score that is not a number from 0
// to 1, which every score is: the readers of the formats refuse the others
// rather than pass on a figure nothing can compare.
var ErrScore = errors.New("want a number from 0 to 1")

// ParseScore reads a score as the formats write it (see FormatScore),
// failing with ErrScore for anything but a number from 0 to 1.
func ParseScore(s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || CheckScore(f) != nil {
		return 0, fmt.Errorf("score %q: %w", Clip(s, 40), ErrScore)
	}
	return f, nil
}

// CheckScore reports, wrapping ErrScore, a score that is not a number from
// 0 to 1: NaN, an infinity, or out of range.
func CheckScore(f float64) error {
	if f >= 0 && f <= 1 { // false for NaN
		return nil
	}
	return fmt.Errorf("score %v: %w", f, ErrScore)
}

// DocName is the document name that the exports of one text and its
// translation carry when the user gives none (Pair.Doc, TMX's x-document):
// the name of the source file without its extension, since the extension
// says how the file is kept (rama.txt and rama.sent are one document), or,
// for a file named after its language (BaseLang of lang) as in the layout
// of the evaluation sets and of paralel batch (rama/sq.txt), the name of
// its folder. The standard input ("-") has no name.
func DocName(path, lang string) string {
	if path == "" || path == "-" {
		return ""
	}
	base := filepath.Base(path)
	name := strings.TrimSuffix(base, filepath.Ext(base))
	if name == "" {
		name = base // a dot file, such as ".sq"
	}
	if lang == "" || !strings.EqualFold(name, BaseLang(lang)) {
		return name
	}
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if d := filepath.Base(dir); d != string(filepath.Separator) && d != "." {
		return d
	}
	return name
}
