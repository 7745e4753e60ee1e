package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeadlineWords bounds the headline that HeadlineEnd looks for.
const maxHeadlineWords = 25

// headWord is one word of the text that HeadlineEnd reads.
type headWord struct {
	start, end int    // byte offsets of the word, punctuation included
	bare       string // without quotes and punctuation around it
	capital    bool   // begins with an upper-case letter
	lower      bool   // begins with a lower-case letter
	ends       bool   // ends with a comma, colon or semicolon
}

// acronym reports whether w is an acronym ("AI", "BBC"): two letters or
// more, all in capitals.
func (w headWord) acronym() bool {
	return utf8.RuneCountInString(w.bare) > 1 && w.bare == strings.ToUpper(w.bare)
}

// HeadlineEnd looks for a headline run into the text after it, as text
// without paragraph breaks (subtitles) has it: "Welsh AMs worried about
// 'looking like muppets' There is consternation ...". It returns the byte
// offset in text where the headline ends, or 0 when there is none. A
// headline ends with no full stop, so its end is otherwise invisible to the
// splitter: it is a run of 3 to 25 words before the first sentence end the
// splitter sees, and it ends before a capitalized word that begins a
// sentence (not after a comma, a word that never ends one, such as "the" or
// "e" of the language's [joins], or a verb of saying) by one of these signs:
//
//   - the language's data lists it as a sentence starter ("There");
//   - it takes up a name of the run, as a lead takes up the subject of its
//     headline ("Sainsbury's plans push into UK beauty market Sainsbury's is
//     taking on ..."), and does not go on a name that it stands in;
//   - it is a common word, one the document writes in lower case elsewhere,
//     in this form or another that the language's endings make (or news
//     does, by the language's data: its [lower] words, and for English the
//     splitter's orthographic data), and a word in lower case follows it,
//     as a sentence goes on ("... on Mexico City Ash spewing from ...");
//   - it opens a quotation that runs on longer than a quoted title, as a
//     lead that opens with what someone said.
//
// A headline in Title Case ("Trump's West Virginia Rally Time, YouTube
// Channel President Donald Trump begins a flurry ...") capitalizes its own
// common words: until a long word in lower case shows the run is not one,
// the sign must also be followed, after the words of a name, by two words
// in lower case. A headline whose first part ends with a full stop ends
// where its second part does, found the same way.
func (s *Splitter) HeadlineEnd(text string) int {
	common := s.commonIn(text)
	if k := s.headlineEnd(text, common, true); k > 0 {
		return k
	}
	// A headline may have two parts, the first ended by a full stop: "Labour
	// is no longer a broad church. It is intolerant of those who speak their
	// minds When Momentum's activists ...". After a first sentence short
	// enough for a headline, the second is read as the rest of one, but for
	// the names it takes up, which a lead takes up as often.
	_, end := s.firstEnd(text, maxTitleSentence+1)
	if end < 0 {
		return 0
	}
	if k := s.headlineEnd(text[end:], common, false); k > 0 {
		return end + k
	}
	return 0
}

// firstEnd returns the first n words of text and where the first sentence
// among them ends, as the splitter sees it, or -1.
func (s *Splitter) firstEnd(text string, n int) ([]headWord, int) {
	words := headWords(text, n)
	if len(words) == 0 {
		return nil, -1
	}
	if c := s.cuts(text[:words[len(words)-1].end], nil); len(c) > 0 {
		return words, c[0]
	}
	return words, -1
}

// maxTitleSentence bounds the first sentence that HeadlineEnd takes for
// the first part of a headline.
const maxTitleSentence = 15

// commonIn returns a test of whether a capitalized word of text is a
// common word: one that text writes in lower case elsewhere, in any form
// the language's endings make, or that the language's data knows as one.
// An acronym is none.
func (s *Splitter) commonIn(text string) func(headWord) bool {
	var lowerForms map[string]bool // made when first needed
	return func(w headWord) bool {
		if w.acronym() {
			return false
		}
		lw := strings.ToLower(w.bare)
		if s.lang.startsSentence(lw, false) || s.lang.lower[lw] {
			return true
		}
		if lowerForms == nil {
			lowerForms = s.lowerStems(text)
		}
		for _, st := range s.stems(lw) {
			if lowerForms[st] {
				return true
			}
		}
		return false
	}
}

// headlineEnd returns where the headline at the start of text ends, or 0;
// names says whether a name of the run that comes back begins a sentence.
func (s *Splitter) headlineEnd(text string, common func(headWord) bool, names bool) int {
	words, end := s.firstEnd(text, maxHeadlineWords+3)
	if len(words) < 4 {
		return 0
	}
	// The run ends at the first sentence end the splitter sees.
	limit := len(words)
	if end >= 0 {
		for limit > 0 && words[limit-1].end > end {
			limit--
		}
	}
	limit = min(limit, maxHeadlineWords+1)
	// pairs holds the pairs of capitalized words of the run, as names.
	seen, pairs := map[string]bool{}, map[[2]string]bool{}
	runLower := map[string]bool{}
	title := true // no word of the run so far is a long word in lower case
	for k := 0; k < limit; k++ {
		w := words[k]
		if k >= 3 && w.capital && !words[k-1].ends && !s.goesOn(words[k-1]) {
			prev := words[k-1]
			var next headWord
			if k+1 < len(words) {
				next = words[k+1]
			}
			// Not inside a name the run holds ("West Virginia") or after a
			// title ("Rep. Maxine").
			inName := pairs[[2]string{prev.bare, w.bare}] || s.lang.title[strings.ToLower(prev.bare)]
			// A word of the run comes back, or a common word in capitals
			// that the sentence goes on from; after a capitalized word, not
			// one that news writes in names ("Harvard University"), and
			// after a capitalized common word, only one that the run holds
			// in lower case ("Mexico City Ash spewing"), not part of a name
			// ("a High Street near you").
			// In a Title Case run every word is capitalized: nameThenLower
			// tells its end.
			lw := strings.ToLower(w.bare)
			capCommon := common(w) && (title ||
				(next.lower || w.ends) && (!prev.capital || !common(prev) && !s.lang.inNames(lw) || runLower[lw]))
			// A word of one letter ("I") or an acronym ("AI") says little.
			short := utf8.RuneCountInString(w.bare) < 2
			lead := s.lang.starters[lw] && !w.acronym() || !inName && !short && (names && seen[w.bare] || capCommon) ||
				quoteOpens(text, words[k:])
			if lead && (!title || s.nameThenLower(words[k+1:], common)) {
				return w.start
			}
		}
		if w.capital {
			seen[w.bare] = true
			if k > 0 && words[k-1].capital && !words[k-1].ends {
				pairs[[2]string{words[k-1].bare, w.bare}] = true
			}
		}
		if w.lower {
			runLower[w.bare] = true
			if utf8.RuneCountInString(w.bare) > 3 {
				title = false
			}
		}
	}
	return 0
}

// goesOn reports whether a sentence goes on after w, a word that never
// ends one (an article, a preposition: "the", "e") or that says who spoke
// and is followed by what was said ("police said Sims lost ...").
func (s *Splitter) goesOn(w headWord) bool {
	lw := strings.ToLower(w.bare)
	return s.lang.joins[lw] || s.lang.speech[lw]
}

// nameThenLower reports whether words go on as a sentence does after its
// first word, unlike a Title Case headline: two words in lower case in a
// row ("of", "as" and "review" stand in headlines too), perhaps after
// capitalized words that are not common (a name) or a comma.
func (s *Splitter) nameThenLower(words []headWord, common func(headWord) bool) bool {
	for i, w := range words {
		switch {
		case w.lower:
			return i+1 < len(words) && words[i+1].lower
		case !w.capital || common(w):
			return false
		case w.ends:
			return true
		}
	}
	return false
}

// maxQuotedTitle bounds the quoted title or phrase that a headline holds
// ("Ylli i “Still Game” duket ..."): a quotation that runs on longer is
// taken for a sentence that a lead opens with.
const maxQuotedTitle = 8

// quoteOpens reports whether the first of words opens a quotation that
// does not close within maxQuotedTitle words.
func quoteOpens(text string, words []headWord) bool {
	if r, _ := utf8.DecodeRuneInString(text[words[0].start:]); !isQuote(r) || len(words) <= maxQuotedTitle {
		return false
	}
	for _, w := range words[:maxQuotedTitle] {
		raw := strings.TrimRight(text[w.start:w.end], ".,;:!?…")
		if r, _ := utf8.DecodeLastRuneInString(raw); isQuote(r) {
			return false
		}
	}
	return true
}

func isQuote(r rune) bool {
	return strings.ContainsRune("\"'“”„«»‘’‚‹›", r)
}

// headWords returns the first n words of text.
func headWords(text string, n int) []headWord {
	var words []headWord
	for i := 0; i < len(text) && len(words) < n; {
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
		w := headWord{start: i, end: j}
		w.bare = bareWord(text[i:j])
		first, _ := utf8.DecodeRuneInString(w.bare)
		w.capital, w.lower = unicode.IsUpper(first), unicode.IsLower(first)
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text[i:j], isCloser))
		w.ends = last == ':' || last == ';' || last == ','
		words = append(words, w)
		i = j
	}
	return words
}

// bareWord returns w without the quotes and punctuation around it.
func bareWord(w string) string {
	w = strings.TrimLeftFunc(w, isOpener)
	return strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// maxLowerText bounds the text whose lower-case words lowerStems collects:
// a long one holds more evidence than needed, and would hold memory.
const maxLowerText = 1 << 20

// lowerStems returns the stems (see stems) of the words that text writes
// in lower case, in its first maxLowerText bytes.
func (s *Splitter) lowerStems(text string) map[string]bool {
	if len(text) > maxLowerText {
		text = text[:maxLowerText] // a word cut in two is one word less
	}
	m := map[string]bool{}
	for f := range strings.FieldsSeq(text) {
		w := bareWord(f)
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			for _, st := range s.stems(w) {
				m[st] = true
			}
		}
	}
	return m
}

// minStem is the fewest letters a stem keeps of a word: shorter ones tell
// too little.
const minStem = 4

// stems returns the lower-case word w and what is left of it without each
// inflectional ending that the language's data lists ([endings]) and that
// leaves at least minStem letters, so that "Heqja" finds "heqjen".
func (s *Splitter) stems(w string) []string {
	out := []string{w}
	for e := range s.lang.endings {
		if st, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(st) >= minStem {
			out = append(out, st+"-")
		}
	}
	return out
}
