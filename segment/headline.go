package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeadlineWords bounds the headline that HeadlineEnd looks for.
const maxHeadlineWords = 25

// HeadlineEnd looks for a headline run into the text after it, as text
// without paragraph breaks (subtitles) has it: "Welsh AMs worried about
// 'looking like muppets' There is consternation ...". It returns the byte
// offset in text where the headline ends, or 0 when there is none: a run of
// 3 to 25 words, none ending a sentence, followed by a capitalized word that
// the language's data lists as a sentence starter or that the run already
// holds, as a lead takes up the subject of its headline ("Sainsbury's plans
// push into UK beauty market Sainsbury's is taking on ..."). A headline ends
// with no full stop, so its end is otherwise invisible to the splitter.
func (s *Splitter) HeadlineEnd(text string) int {
	n := 0
	prevEnds := false
	seen := map[string]bool{} // the capitalized words of the run
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
		w, capital := capitalized(text[i:j])
		if n >= 3 && !prevEnds && capital && (seen[w] || s.lang.starters[strings.ToLower(w)]) {
			return i
		}
		if capital {
			seen[w] = true
		}
		n++
		if n > maxHeadlineWords {
			return 0
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text[i:j], isCloser))
		if isTerminal(last) {
			return 0 // the first sentence ends where the splitter sees it
		}
		prevEnds = last == ':' || last == ';' || last == ','
		i = j
	}
	return 0
}

// capitalized returns the word w without surrounding quotes and
// punctuation, and whether it begins with a capital letter.
func capitalized(w string) (string, bool) {
	w = strings.TrimLeftFunc(w, isOpener)
	w = strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	r, _ := utf8.DecodeRuneInString(w)
	return w, unicode.IsUpper(r)
}
