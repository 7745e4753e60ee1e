package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/paralel/paralel/corpus"
)

// A Splitter cuts paragraphs into sentences.
//
// It looks only at the places where a sentence can end (., !, ?, …, and a
// colon before reported speech) and decides each one from the word before
// it and the word after it: abbreviations, initials, numbers, dates and
// ellipses are told apart with the language's data file (data/<lang>.txt)
// and, for English, with the abbreviations, sentence starters and
// orthographic statistics of the Punkt model shipped with
// github.com/neurosnap/sentences. Punkt's own tokenizer is not used: on
// English news it runs over ten times slower than this single pass, below the
// project's 10 MB/s target, missed more of the English edge cases, and it
// has no Albanian model. Its knowledge is used and its algorithm is not.
//
// A Splitter is safe for concurrent use.
type Splitter struct {
	lang *language
}

// NewSplitter returns a splitter for the language code lang ("sq", "en").
// A language without data gets the generic punctuation rules.
func NewSplitter(lang string) (*Splitter, error) {
	l, err := loadLanguage(lang)
	if err != nil {
		return nil, err
	}
	return &Splitter{lang: l}, nil
}

// Split cuts one paragraph into sentences. Start and End are byte offsets
// into paragraph and Para is 0. Text is the NFC form of
// paragraph[Start:End], which has no surrounding space; a line break inside
// it, with the space around it, reads as one space. Every character of the
// paragraph that is not space belongs to exactly one sentence, and the end
// of the paragraph always ends a sentence.
func (s *Splitter) Split(paragraph string) []corpus.Sentence {
	return s.appendSentences(nil, paragraph, 0, 0)
}

// appendSentences splits text and appends its sentences to dst, with
// offsets shifted by base and paragraph index para.
func (s *Splitter) appendSentences(dst []corpus.Sentence, text string, base, para int) []corpus.Sentence {
	var buf [32]int
	cuts := append(s.cuts(text, buf[:0]), len(text))
	first := len(dst)
	carry := -1 // start of a leading segment with no words, kept for the next
	prev := 0
	for _, c := range cuts {
		a, b := trimSpan(text, prev, c)
		prev = c
		if a == b {
			continue
		}
		if !hasWord(text[a:b]) {
			// A lone closing quote or stray punctuation is never a sentence:
			// it goes with the sentence before it (or after, at the start).
			if len(dst) > first {
				last := &dst[len(dst)-1]
				last.End = base + b
				last.Text = sentenceText(text[last.Start-base : b])
			} else if carry < 0 {
				carry = a
			}
			continue
		}
		if carry >= 0 {
			a, carry = carry, -1
		}
		dst = append(dst, corpus.Sentence{Text: sentenceText(text[a:b]), Start: base + a, End: base + b, Para: para})
	}
	if carry >= 0 { // nothing but punctuation in the whole paragraph
		a, b := trimSpan(text, carry, len(text))
		dst = append(dst, corpus.Sentence{Text: sentenceText(text[a:b]), Start: base + a, End: base + b, Para: para})
	}
	return dst
}

// trimSpan narrows text[a:b] to exclude surrounding space.
func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// sentenceText is the Text of a sentence whose raw bytes are raw: line
// breaks (with the space around them) become one space, then NFC. So a
// sentence is always one line of output.
func sentenceText(raw string) string {
	if hasLineBreak(raw) {
		var b strings.Builder
		b.Grow(len(raw))
		for i := 0; i < len(raw); {
			j := i
			brk := false
			for j < len(raw) {
				r, n := utf8.DecodeRuneInString(raw[j:])
				if !unicode.IsSpace(r) {
					break
				}
				brk = brk || corpus.IsLineBreak(r)
				j += n
			}
			if j > i {
				if brk {
					b.WriteByte(' ')
				} else {
					b.WriteString(raw[i:j])
				}
				i = j
				continue
			}
			_, n := utf8.DecodeRuneInString(raw[i:])
			b.WriteString(raw[i : i+n])
			i += n
		}
		raw = b.String()
	}
	return norm.NFC.String(raw)
}

// hasLineBreak reports whether s holds a line break. It runs on every
// sentence, so it looks at bytes: the runes beyond ASCII start with 0xC2
// or 0xE2.
func hasLineBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '\v', '\f':
			return true
		case 0xC2, 0xE2:
			if corpus.IsLineBreak(runeAt(s, i)) {
				return true
			}
		}
	}
	return false
}

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// candidate marks the bytes that can begin a sentence ending: ASCII
// terminal punctuation and colon, and 0xE2, the lead byte of … ‼ ⁇ ⁈ ⁉.
var candidate = [256]bool{'.': true, '!': true, '?': true, ':': true, 0xE2: true}

// cuts appends to dst the offsets in text where one sentence ends and the
// next begins, in increasing order.
func (s *Splitter) cuts(text string, dst []int) []int {
	list := listCuts(text)
	first := wordStart(text, 0) // first word of the current sentence
	last := 0                   // start of the current sentence
	for i := 0; i < len(text); {
		if len(list) > 0 && list[0] <= i {
			if list[0] > last {
				dst = append(dst, list[0])
				first, last = wordStart(text, list[0]), list[0]
			}
			list = list[1:]
			continue
		}
		if !candidate[text[i]] {
			i++
			continue
		}
		var next, cut int
		if text[i] == ':' {
			next, cut = i+1, s.colonCut(text, i)
		} else if text[i] == 0xE2 && !isTerminal(runeAt(text, i)) {
			i++
			continue
		} else {
			next, cut = s.decide(text, i, last, first)
		}
		if cut > last && cut < len(text) {
			dst = append(dst, cut)
			first, last = wordStart(text, cut), cut
		}
		i = next
	}
	return dst
}

func runeAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isCloser reports whether r can follow a sentence's final punctuation and
// still belong to it. Albanian print often closes a quote with “ or «.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '«', '“', '›', '‹', ')', ']', '}':
		return true
	}
	return false
}

// isOpener reports whether r can come before a sentence's first word:
// quotes, brackets, dialogue dashes and list bullets.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '„', '«', '»', '‘', '‚', '‹', '›', '(', '[', '{',
		'–', '—', '-', '―', '•', '⁃', '▪', '‣', '◦', '·', '*':
		return true
	}
	return false
}

// wordStart returns the offset of the first letter or digit at or after i,
// skipping space and openers, or len(text) if another character comes first.
func wordStart(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return i
		}
		if !unicode.IsSpace(r) && !isOpener(r) {
			return len(text)
		}
		i += n
	}
	return i
}

// decide looks at the terminal punctuation that starts at text[i] and
// returns where to continue scanning and the offset of the cut after it, or
// -1 if it does not end a sentence. The current sentence starts at start,
// its first word at first.
func (s *Splitter) decide(text string, i, start, first int) (next, cut int) {
	// The run of terminal marks: "?!", "...", ". . ." (a spaced ellipsis).
	j, dots, bang := i, 0, false
marks:
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch r {
		case '.':
			dots++
		case '…':
			dots += 3
		case '!', '?', '‼', '⁇', '⁈', '⁉':
			bang = true
		default:
			break marks
		}
		j += n
		if dots > 0 && j+1 < len(text) && text[j] == ' ' && text[j+1] == '.' &&
			(j+2 == len(text) || text[j+2] == ' ' || text[j+2] == '.') {
			j++ // ". . .": the space belongs to the run
		}
	}
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !isCloser(r) {
			break
		}
		k += n
	}
	if k == len(text) {
		return k, -1 // the paragraph's end ends the sentence anyway
	}
	if r, _ := utf8.DecodeRuneInString(text[k:]); !unicode.IsSpace(r) {
		if k == j && dots+boolInt(bang) == 1 && noSpaceBoundary(text, i, k) {
			return k, k
		}
		return j, -1
	}

	ws := wordStart(text, k)
	if ws == len(text) {
		return k, -1 // only punctuation follows: "basis. “"
	}
	nr, _ := utf8.DecodeRuneInString(text[ws:])
	if unicode.IsLower(nr) {
		return k, -1 // "co. at the party", "“Po?” pyeti ai"
	}
	nextWord := wordAt(text, ws)
	acronym := len(nextWord) > 1 && strings.ToUpper(nextWord) == nextWord
	nextWord = strings.ToLower(nextWord)
	digit := unicode.IsDigit(nr)

	// The word before the marks, without the quotes around it.
	wb := i
	for wb > start {
		r, n := utf8.DecodeLastRuneInString(text[:wb])
		if unicode.IsSpace(r) {
			break
		}
		wb -= n
	}
	word := text[wb:i]
	for word != "" {
		r, n := utf8.DecodeRuneInString(word)
		if !isOpener(r) {
			break
		}
		word, wb = word[n:], wb+n
	}
	for word != "" {
		r, n := utf8.DecodeLastRuneInString(word)
		if !isCloser(r) {
			break
		}
		word = word[:len(word)-n]
	}

	l := s.lang
	if k > j && dots <= 1 && quoted(text[j:k]) && s.speechFollows(text, ws) {
		return k, -1 // "“Is it?” Smith asked.", "“Po!” tha Rama."
	}
	switch {
	case bang:
		return k, k
	case dots > 1:
		if i > 0 && (text[i-1] == '[' || text[i-1] == '(') {
			return k, -1 // "[...]" marks an omission
		}
		if digit || !l.usuallyLower(nextWord) {
			return k, -1 // "the thing is . . . I didn’t"
		}
		if k == j && text[i] == '.' && i+1 < len(text) && text[i+1] == ' ' && word != "" {
			return k, i + 1 // "compounds. . . . The": a period, then an ellipsis
		}
		return k, k
	}
	if word == "" {
		return k, k // "Albania . MEK"
	}
	lw := strings.ToLower(word)
	if isNumber(word) {
		if wb == first || l.months[nextWord] {
			return k, -1 // "1. The first item", "1. Janar"
		}
		return k, k
	}
	if l.title[lw] {
		return k, -1 // "z. Rama", "Mr. Smith", "nr. 5"
	}
	wr, wn := utf8.DecodeRuneInString(word)
	single := wn == len(word) && unicode.IsLetter(wr) // an initial
	if digit {
		last, _ := utf8.DecodeLastRuneInString(word)
		if single || l.number[lw] || l.abbrev[lw] || l.final[lw] || !(unicode.IsLetter(last) || unicode.IsDigit(last)) {
			return k, -1 // "p. 55", "N°. 1026"
		}
		return k, k
	}
	if l.final[lw] {
		return k, k // "dardha etj. Rama", though "etj" is an abbreviation too
	}
	if single || l.abbrev[lw] || isInitials(word) {
		if single && wb == first {
			return k, -1 // "a. The first item"
		}
		if l.startsSentence(nextWord, acronym) {
			return k, k // "the U.S. How", "you and I. Did"
		}
		return k, -1 // "Jonas E. Smith", "the U.S. Government"
	}
	return k, k
}

// quoted reports whether closers holds a quotation mark.
func quoted(closers string) bool {
	return strings.ContainsAny(closers, "\"'”’»«“›‹")
}

// speechFollows reports whether the words from text[i] are a short clause
// that says who spoke, ended by punctuation: "Smith asked.", "tha ai,".
// Such a clause belongs to the quotation before it. A longer one ("He said
// the bars were gone.") is a sentence of its own.
func (s *Splitter) speechFollows(text string, i int) bool {
	verb := false
	for n := 0; n < 4 && i < len(text); n++ {
		w := wordAt(text, i)
		if w == "" {
			return false
		}
		verb = verb || s.lang.speech[strings.ToLower(w)]
		i += len(w)
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if i == len(text) || strings.IndexByte(".,;!?", text[i]) >= 0 {
			return verb
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// wordAt returns the word (letters, digits, apostrophes) that starts at i.
func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’') {
			break
		}
		j += n
	}
	return text[i:j]
}

// isNumber reports whether w is a number, such as 2019, 1,000, 8.1.2020 or
// $100.00.
func isNumber(w string) bool {
	w = strings.TrimLeft(w, "$€£+-−")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && !strings.ContainsRune(".,:/-%", r) {
			return false
		}
	}
	return unicode.IsDigit(rune(w[0]))
}

// isInitials reports whether w is letters joined by periods, one or two at
// a time: "U.S", "a.m", "p.sh", "Ph.D".
func isInitials(w string) bool {
	parts := 0
	for p := range strings.SplitSeq(w, ".") {
		n := 0
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
		}
		if n == 0 || n > 2 {
			return false
		}
		parts++
	}
	return parts > 1
}

// maxWord bounds how far the splitter looks for the ends of a word.
const maxWord = 64

// noSpaceBoundary reports whether the mark at text[i], followed directly by
// text[k:], ends a sentence although no space follows: "world.Today",
// "1,000.That", but not "Jane.Doe@example.com" or "Ph.D".
func noSpaceBoundary(text string, i, k int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	if !(unicode.IsLower(before) || unicode.IsDigit(before)) {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[k:])
	r2, _ := utf8.DecodeRuneInString(text[k+n:])
	if !unicode.IsUpper(r) || !unicode.IsLower(r2) {
		return false
	}
	// Neither side may look like part of an address or a file name. A
	// "word" longer than maxWord is no word: leave it alone, and keep the
	// scan short.
	lb := max(0, i-maxWord)
	left := text[lb:i]
	if sp := strings.LastIndexFunc(left, unicode.IsSpace); sp >= 0 {
		left = left[sp+1:]
	} else if lb > 0 {
		return false
	}
	if strings.ContainsAny(left, ".@/:_\\") {
		return false
	}
	right := text[k:min(len(text), k+maxWord)]
	if sp := strings.IndexFunc(right, unicode.IsSpace); sp >= 0 {
		right = right[:sp]
	} else if k+maxWord < len(text) {
		return false
	}
	if strings.ContainsAny(right, "@/_\\") {
		return false
	}
	for d := strings.IndexByte(right, '.'); d >= 0 && d+1 < len(right); d = strings.IndexByte(right[d+1:], '.') + d + 1 {
		if r, _ := utf8.DecodeRuneInString(right[d+1:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
		if strings.IndexByte(right[d+1:], '.') < 0 {
			break
		}
	}
	return true
}

// colonCut returns the offset after the colon at text[i] when it introduces
// a sentence of its own, or -1. That is dialogue ("thashë: – Çka ...") and,
// in languages with a list of verbs of saying, reported speech that starts
// with a capital ("e pyet: Kush je ti?"). A quotation after a colon stays in
// its sentence, as news style has it.
func (s *Splitter) colonCut(text string, i int) int {
	j := i + 1
	if j >= len(text) || !unicode.IsSpace(runeAt(text, j)) {
		return -1
	}
	for j < len(text) && unicode.IsSpace(runeAt(text, j)) {
		_, n := utf8.DecodeRuneInString(text[j:])
		j += n
	}
	if j == len(text) {
		return -1
	}
	r, n := utf8.DecodeRuneInString(text[j:])
	if r == '–' || r == '—' || r == '-' {
		ws := wordStart(text, j+n)
		if ws < len(text) && unicode.IsUpper(runeAt(text, ws)) {
			return i + 1
		}
		return -1
	}
	if !unicode.IsUpper(r) || len(s.lang.speech) == 0 {
		return -1
	}
	// A verb of saying among the last few words before the colon.
	words := strings.Fields(text[max(0, i-60):i])
	if len(words) > 0 && i-60 > 0 {
		words = words[1:] // the first may be cut in the middle
	}
	for n := 0; n < 4 && n < len(words); n++ {
		w := strings.ToLower(strings.Trim(words[len(words)-1-n], ",;\"'“”«»()"))
		if s.lang.speech[w] {
			return i + 1
		}
	}
	return -1
}

// listCuts returns where the items of an inline list begin when a
// paragraph starts with one: "1. The first item 2. The second item",
// "a) ... b) ...", "• ... • ...". Each item then is a sentence.
func listCuts(text string) []int {
	i := 0
	for i < len(text) && unicode.IsSpace(runeAt(text, i)) {
		i++
	}
	start := i
	r, n := utf8.DecodeRuneInString(text[i:])
	bullet := false
	switch r {
	case '•', '⁃', '▪', '‣', '◦':
		bullet = true
		i += n
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	// The item marker: a number or a letter, then ".", ")" or ".)".
	m := i
	num, letter := 0, rune(0)
	for m < len(text) && m-i < 3 && text[m] >= '0' && text[m] <= '9' {
		num = num*10 + int(text[m]-'0')
		m++
	}
	if m == i && m < len(text) && (text[m] >= 'a' && text[m] <= 'z' || text[m] >= 'A' && text[m] <= 'Z') {
		letter = rune(text[m])
		m++
	}
	style := ""
	for _, st := range []string{".)", ")", "."} {
		if strings.HasPrefix(text[m:], st) {
			style = st
			break
		}
	}
	e := m + len(style)
	marker := m > i && style != "" && e < len(text) && text[e] == ' ' &&
		!(letter >= 'A' && letter <= 'Z' && style == ".") // "A. Smith" is a name
	if !marker && !bullet {
		return nil
	}
	prefix := text[start:i] // the bullet and its space
	var cuts []int
	for pos := e; ; {
		needle := prefix
		if marker {
			if letter != 0 {
				letter++
				needle += string(letter) + style
			} else {
				num++
				needle += strconv.Itoa(num) + style
			}
		}
		found := -1
		for p := pos; p < len(text); {
			q := strings.Index(text[p:], needle)
			if q < 0 {
				break
			}
			q += p
			after := q + len(needle)
			if q > 0 && unicode.IsSpace(rune(text[q-1])) && (after == len(text) || text[after] == ' ' || !marker) {
				found = q
				break
			}
			p = q + 1
		}
		if found < 0 {
			return cuts
		}
		cuts = append(cuts, found)
		pos = found + len(needle)
	}
}
