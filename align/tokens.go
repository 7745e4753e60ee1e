package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tokenKind tells how a token may be matched across languages.
type tokenKind uint8

const (
	wordToken   tokenKind = iota
	numberToken           // digits, compared by value of their digit string
	punctToken            // ? ! : quotes and parentheses, compared as they are
)

type token struct {
	text string // folded: lower case, no diacritics; for numbers the digits only
	kind tokenKind
}

// scan calls emit with the kind and the raw text of every token of s. Words
// are split at anything that is not a letter or mark, so that "d'altitude"
// and "Himalaya-Berge" give two tokens; separators inside a number
// ("8,839.8", "1 000") keep it whole.
func scan(s string, emit func(kind tokenKind, raw string)) {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsDigit(r):
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsDigit(r2) {
					j += w2
					continue
				}
				if (r2 == '.' || r2 == ',' || r2 == '\'') && j+w2 < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+w2:]); unicode.IsDigit(r3) {
						j += w2
						continue
					}
				}
				break
			}
			emit(numberToken, s[i:j])
			i = j
		case unicode.IsLetter(r):
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += w2
			}
			emit(wordToken, s[i:j])
			i = j
		default:
			if p := punctClass(r); p != "" {
				emit(punctToken, p)
			}
			i += w
		}
	}
}

// normalize turns raw token text into the form tokens are compared in:
// folded words and the bare digits of numbers.
func normalize(kind tokenKind, raw string) token {
	switch kind {
	case wordToken:
		return token{fold(raw), kind}
	case numberToken:
		var b strings.Builder
		for _, r := range raw {
			if unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
		d := strings.TrimLeft(b.String(), "0")
		if d == "" {
			d = "0"
		}
		return token{d, kind}
	}
	return token{raw, kind}
}

// punctClass maps the punctuation marks that translations tend to keep to one
// spelling each, so that “ and « match.
func punctClass(r rune) string {
	switch r {
	case '?', '¿':
		return "?"
	case '!', '¡':
		return "!"
	case ':':
		return ":"
	case '(', ')', '[', ']':
		return "()"
	case '"', '“', '”', '„', '«', '»', '‘', '‚', '‹', '›':
		return "\""
	case '%':
		return "%"
	case '$':
		return "$"
	case '€':
		return "€"
	case '£':
		return "£"
	}
	return ""
}

// fold lower-cases a word and strips its diacritics (ë→e, ç→c, é→e), the
// normalisation under which names and cognates are compared.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if r >= foldTableSize {
			return foldNFD(w)
		}
		b.WriteString(foldTable[r])
	}
	return foldSharpS(b.String())
}

// foldNFD is fold done the long way, for any word: its canonical
// decomposition, without combining marks, in lower case.
func foldNFD(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return foldSharpS(b.String())
}

// foldSharpS spells ß as ss in a folded word, as German does where ß is
// not written, so that Strasse and Straße fold alike.
func foldSharpS(f string) string {
	if strings.ContainsRune(f, 'ß') {
		f = strings.ReplaceAll(f, "ß", "ss")
	}
	return f
}

// foldTableSize bounds the runes of foldTable: the Latin, Greek and
// Cyrillic letters and the combining marks.
const foldTableSize = 0x530

// foldTable is fold of each rune alone, worked out once. A word of such
// runes folds rune by rune: its decomposition is theirs put together, with
// the combining marks reordered, and these are dropped. (The letters they
// decompose to are starters, which reordering never moves:
// TestFoldTable checks it.)
var foldTable = func() (t [foldTableSize]string) {
	for r := range rune(foldTableSize) {
		t[r] = foldNFD(string(r))
	}
	return t
}()

// prefix returns the first n runes of s, or s when it is shorter.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
