package align

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/paralel/paralel/corpus"
)

//go:embed data/credits.tsv
var creditsData string

// A creditOpener is a line of data/credits.tsv: head, then, when gap,
// a few words and tail ("Translated from … by").
type creditOpener struct {
	head, tail   string
	headN, tailN int // in runes
	gap          bool
	first        rune // of head, in lower case
}

// creditOpeners are the openers of data/credits.tsv.
var creditOpeners = sync.OnceValue(func() []creditOpener {
	var out []creditOpener
	for line := range strings.Lines(creditsData) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		_, opener, ok := strings.Cut(line, "\t")
		if !ok || opener == "" {
			panic("align: data/credits.tsv wants a language and an opener: " + line)
		}
		var op creditOpener
		op.head, op.tail, op.gap = strings.Cut(opener, " … ")
		op.headN, op.tailN = utf8.RuneCountInString(op.head), utf8.RuneCountInString(op.tail)
		r, _ := utf8.DecodeRuneInString(op.head)
		op.first = unicode.ToLower(r)
		out = append(out, op)
	}
	return out
})

// maxCreditRunes and maxCreditNames bound a translator's credit: a few
// names, perhaps a place.
const (
	maxCreditRunes = 100
	maxCreditNames = 8
)

// isCredit tells whether a sentence is a translator's credit and nothing
// else: an opener of data/credits.tsv, then a few words of which the first
// is a name, perhaps in brackets, with nothing after them. A translation
// adds such a line; its original has no counterpart.
func isCredit(text string) bool {
	if len(text) > 4*maxCreditRunes {
		return false
	}
	t := strings.TrimSpace(text)
	bracket := strings.HasPrefix(t, "(") || strings.HasPrefix(t, "[")
	t = strings.TrimLeft(t, "([ ")
	first, _ := utf8.DecodeRuneInString(t)
	first = unicode.ToLower(first)
	// Most sentences begin with a letter no opener begins with: that is
	// told before the text is read through.
	openers := creditOpeners()
	if !slices.ContainsFunc(openers, func(op creditOpener) bool { return op.first == first }) ||
		utf8.RuneCountInString(text) > maxCreditRunes {
		return false
	}
	curly := strings.Contains(t, "’")
	for _, op := range openers {
		if op.first != first {
			continue
		}
		if curly {
			t, curly = strings.ReplaceAll(t, "’", "'"), false
		}
		if rest, ok := afterOpener(t, op); ok && creditNames(rest, bracket) {
			return true
		}
	}
	return false
}

// maxCreditGap is how many words (a language's name) an opener's "…" may
// stand for: "Translated from the Albanian by".
const maxCreditGap = 3

// afterOpener returns what follows opener op at the start of t, if it is
// there: the same letters but for case, then a space or a colon unless op
// ends in an apostrophe or a colon.
func afterOpener(t string, op creditOpener) (string, bool) {
	h, rest := runesCut(t, op.headN)
	if !strings.EqualFold(h, op.head) || !wordEnds(op.head, rest) {
		return "", false
	}
	if !op.gap {
		return rest, true
	}
	for range maxCreditGap {
		rest = strings.TrimLeft(rest, " ")
		_, next, ok := strings.Cut(rest, " ")
		if !ok {
			return "", false
		}
		rest = next
		w, after := runesCut(rest, op.tailN)
		if strings.EqualFold(w, op.tail) && wordEnds(op.tail, after) {
			return after, true
		}
	}
	return "", false
}

// wordEnds tells whether a match of word ends a word of the text, rest
// being the text after it.
func wordEnds(word, rest string) bool {
	if strings.HasSuffix(word, "'") || strings.HasSuffix(word, ":") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || unicode.IsSpace(r) || r == ':'
}

// runesCut cuts s after n runes.
func runesCut(s string, n int) (head, tail string) {
	for i := range s {
		if n == 0 {
			return s[:i], s[i:]
		}
		n--
	}
	return s, ""
}

// creditNames tells whether what follows a credit's opener is a few words,
// the first a name, closed by the bracket that opened the credit if any,
// and then at most a full stop.
func creditNames(rest string, bracket bool) bool {
	rest = strings.TrimLeft(rest, ": ")
	if bracket {
		end := strings.IndexAny(rest, ")]")
		if end < 0 || strings.Trim(rest[end+1:], " .") != "" {
			return false
		}
		rest = rest[:end]
	}
	rest = strings.TrimRight(rest, " .")
	if strings.ContainsAny(rest, "?!;()[]") {
		return false
	}
	words := strings.FieldsFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	if len(words) == 0 || len(words) > maxCreditNames {
		return false
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	return unicode.IsUpper(first)
}

// oneSidedCredits keeps the translator's credits (see isCredit) of a
// document's sides, which the final pass leaves unaligned, only when one
// side has them: the side that is the translation. Credits on both sides
// may well translate each other. The first pass aligns them as any
// sentence, so that the estimates it makes do not change.
func oneSidedCredits(src, tgt *sideText) {
	if len(src.credits) > 0 && len(tgt.credits) > 0 {
		src.credits, tgt.credits = nil, nil
	}
}

// credits are the indices of the sentences that are translator's credits.
func credits(sents []corpus.Sentence) []int {
	var at []int
	for i, s := range sents {
		if isCredit(s.Text) {
			at = append(at, i)
		}
	}
	return at
}
