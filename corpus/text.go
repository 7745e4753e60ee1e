package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/paralel/paralel/internal/english"
)

// OneLine replaces with a space every character that some line-based tool
// takes for a line or field break, so that a segment fits on one line of a
// TSV or Moses file: tab, CR and LF, and also the vertical tab, form feed,
// file/group/record separators, NEL and the Unicode line and paragraph
// separators, on which Python's str.splitlines breaks.
func OneLine(s string) string {
	if !strings.ContainsFunc(s, isBreak) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBreak(r) {
			return ' '
		}
		return r
	}, s)
}

// isBreak reports whether r breaks a line or a field: the line breaks that
// sentenceText already turns into spaces, and the tab and separators.
func isBreak(r rune) bool {
	return r == '\t' || 0x1c <= r && r <= 0x1e || IsLineBreak(r)
}

// IsLineBreak reports whether r ends a line somewhere: "\n" and "\r",
// which end paragraphs, and the others, which a sentence must not carry
// into line-oriented output.
func IsLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// StripControls is the rule every output follows for control characters,
// so that none reaches a terminal, a file or a program raw: the tab, LF
// and CR are kept (the line formats make them spaces, see OneLine), the
// other breaks (vertical tab, form feed, NEL and the file, group and
// record separators) become spaces, and every other control character
// (ESC, BEL, DEL, the C1 controls...) is removed. It returns the text and
// the characters it removed, for a warning; a clean s comes back as is.
func StripControls(s string) (string, []rune) {
	if !strings.ContainsFunc(s, isStripped) {
		return s, nil
	}
	var removed []rune
	clean := strings.Map(func(r rune) rune {
		switch {
		case !isStripped(r):
			return r
		case isBreak(r):
			return ' '
		}
		removed = append(removed, r)
		return -1
	}, s)
	return clean, removed
}

// isStripped reports whether StripControls changes r.
func isStripped(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// A ControlError says which control characters StripControls removed,
// and from where: the warning of an output that cleaned a text.
type ControlError struct {
	Where   string // such as "pair 7 of rama (sentences [2]:[2]), source"
	Removed []rune
}

func (e *ControlError) Error() string {
	codes := make([]string, len(e.Removed))
	for i, r := range e.Removed {
		codes[i] = fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("%s: removed %d control %s: %s", e.Where,
		len(e.Removed), english.Plural(len(e.Removed), "character"), strings.Join(codes, " "))
}

// AppendIDs appends sentence ids as Python prints a list, "[0, 1]": how
// the ids format and the gold files write them, and how messages name a
// link.
func AppendIDs(b []byte, ids []int) []byte {
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, int64(id), 10)
	}
	return append(b, ']')
}

// StripPairControls applies StripControls to the texts and the document
// name of p, the pair numbered n (from 1) in its output, and returns the
// clean pair and a *ControlError for each text that lost characters, and a
// *DocNameError for a name that did.
func StripPairControls(p Pair, n int) (Pair, []error) {
	clean := p
	var removed [3][]rune
	clean.Src, removed[0] = StripControls(p.Src)
	clean.Tgt, removed[1] = StripControls(p.Tgt)
	clean.Doc, removed[2] = StripControls(p.Doc)
	if removed[0] == nil && removed[1] == nil && removed[2] == nil {
		return p, nil
	}
	where := PairPlace(n, clean.Doc)
	if len(p.SrcIDs) > 0 || len(p.TgtIDs) > 0 {
		where += fmt.Sprintf(" (sentences %s:%s)", AppendIDs(nil, p.SrcIDs), AppendIDs(nil, p.TgtIDs))
	}
	var errs []error
	for i, field := range []string{"source", "target"} {
		if removed[i] != nil {
			errs = append(errs, &ControlError{Where: where + ", " + field, Removed: removed[i]})
		}
	}
	if removed[2] != nil {
		errs = append(errs, &DocNameError{Doc: p.Doc, Err: &ControlError{Where: fmt.Sprintf("document name %q", p.Doc), Removed: removed[2]}})
	}
	return clean, errs
}

// PairPlace names the pair numbered n (from 1) of the document doc in a
// warning: "pair 7 of \"rama\"". The name is quoted, so that no byte of it
// reaches a terminal raw.
func PairPlace(n int, doc string) string {
	if doc == "" {
		return fmt.Sprintf("pair %d", n)
	}
	return fmt.Sprintf("pair %d of %q", n, doc)
}

// A DocNameError is a problem with a document's name, which every pair of
// the document carries: an output warns of it once (see OncePerDoc), not
// at every pair.
type DocNameError struct {
	Doc string // the name, as given
	Err error
}

func (e *DocNameError) Error() string { return e.Err.Error() }

func (e *DocNameError) Unwrap() error { return e.Err }

// OncePerDoc returns a function that passes every warning on to warn
// except a *DocNameError of a name it has already passed on, so that a
// document of many pairs whose name lost characters is named once. It
// returns nil for a nil warn.
func OncePerDoc(warn func(error)) func(error) {
	if warn == nil {
		return nil
	}
	seen := make(map[string]bool)
	return func(err error) {
		var de *DocNameError
		if errors.As(err, &de) {
			if seen[de.Doc] {
				return
			}
			seen[de.Doc] = true
		}
		warn(err)
	}
}
