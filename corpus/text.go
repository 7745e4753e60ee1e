package corpus

import "strings"

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
