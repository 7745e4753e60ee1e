package align

import (
	_ "embed"
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
	if len(text) > 4*maxCreditRunes || utf8.RuneCountInString(text) > maxCreditRunes {
		return false
	}
	t := strings.TrimSpace(text)
	bracket := strings.HasPrefix(t, "(") || strings.HasPrefix(t, "[")
	t = strings.TrimLeft(t, "([ ")
	first, _ := utf8.DecodeRuneInString(t)
	first = unicode.ToLower(first)
	curly := strings.Contains(t, "’")
	for _, op := range creditOpeners() {
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

// markCredits has the final pass leave a translator's credit (see
// isCredit) unaligned, when only one side of a document has credits: the
// side that is the translation. Credits on both sides may well translate
// each other. The first pass aligns them as any sentence, so that the
// estimates it makes do not change.
func markCredits(src, tgt *sideText, srcSents, tgtSents []corpus.Sentence) {
	cs, ct := credits(srcSents), credits(tgtSents)
	if len(cs) > 0 && len(ct) > 0 {
		return
	}
	src.credits, tgt.credits = cs, ct
}

func credits(sents []corpus.Sentence) []int {
	var at []int
	for i, s := range sents {
		if isCredit(s.Text) {
			at = append(at, i)
		}
	}
	return at
}
