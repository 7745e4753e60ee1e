package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeadlineWords bounds the headline that HeadlineEnd looks for.
const maxHeadlineWords = 15

// HeadlineEnd looks for a headline run into the text after it, as text
// without paragraph breaks (subtitles) has it: "Welsh AMs worried about
// 'looking like muppets' There is consternation ...". It returns the byte
// offset in text where the headline ends, or 0 when there is none: a run of
// 3 to 15 words, none ending a sentence, followed by a capitalized word that
// the language's data lists as a sentence starter. A headline ends with no
// full stop, so its end is otherwise invisible to the splitter.
func (s *Splitter) HeadlineEnd(text string) int {
	n := 0
	prevEnds := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		w := text[i:j]
		if n >= 3 && !prevEnds && s.startsHeadlessSentence(w) {
			return i
		}
		n++
		if n > maxHeadlineWords {
			return 0
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(w, isCloser))
		if isTerminal(last) {
			return 0 // the first sentence ends where the splitter sees it
		}
		prevEnds = last == ':' || last == ';' || last == ','
		i = j
	}
	return 0
}

// startsHeadlessSentence reports whether the word w, with any opening
// quotes, is capitalized and a listed sentence starter.
func (s *Splitter) startsHeadlessSentence(w string) bool {
	w = strings.TrimLeftFunc(w, isOpener)
	w = strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 1 {
		return false
	}
	return s.lang.starters[strings.ToLower(w)]
}
