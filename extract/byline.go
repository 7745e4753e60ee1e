package extract

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bylines. An article's line of author and date ("By Jane Roe | October
// 14, 2018", "Nga Anila Berisha, 14 tetor 2018") is furniture, not text to
// translate, and the two sides' bylines, which share a date, make a link
// that a translation memory has no use for. A web page's template marks
// its byline (see boilerplateClass); a Word, OpenDocument or PDF file does
// not. So near either end of such a document a paragraph that holds a
// date, few other words and no end of a sentence is left out as a byline,
// and so is one that names its authors and nothing else ("By Jane Roe and
// John Doe").
const (
	// bylineReach is how many paragraphs from either end of a document
	// are looked at: a byline follows the headline or closes the text.
	bylineReach = 4
	// bylineWords is the most words besides its dates a byline holds: a
	// name, a place, a word such as "by" or "updated". A headline or a
	// sentence that mentions a date says more.
	bylineWords = 6
)

//go:embed data/months.txt
var monthsData string

//go:embed data/byline_words.txt
var bylineWordsData string

// months holds the month names of data/months.txt; byWords and andWords
// the words of data/byline_words.txt that open a byline and that join two
// names in it.
var (
	months            = wordColumns(monthsData, 1)[0]
	byWords, andWords = func() (by, and map[string]bool) {
		c := wordColumns(bylineWordsData, 2)
		return c[0], c[1]
	}()
)

// wordColumns reads a list of words by language: one language a line, its
// subtag and then n columns, separated by tabs, of words separated by
// spaces; lines that start with # are comments. It returns the words of
// each column, of all the languages.
func wordColumns(data string, n int) []map[string]bool {
	cols := make([]map[string]bool, n)
	for i := range cols {
		cols[i] = map[string]bool{}
	}
	for line := range strings.Lines(data) {
		f := strings.Split(strings.TrimRight(line, "\n"), "\t")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if len(f) != n+1 {
			panic(fmt.Sprintf("extract: a list of words wants a language and %d columns: %q", n, line))
		}
		for i, col := range f[1:] {
			for _, w := range strings.Fields(col) {
				cols[i][w] = true
			}
		}
	}
	return cols
}

// numericDate matches a date or a time of day in digits: 14.10.2018,
// 14/10/18, 2018-10-14, 10:45.
var numericDate = regexp.MustCompile(`\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2})\b`)

// dropBylines leaves out the bylines among the first and last bylineReach
// paragraphs of paras, and tells how many it left out. A document of one
// paragraph keeps it.
func dropBylines(paras []string) ([]string, int) {
	if len(paras) < 2 {
		return paras, 0
	}
	out := paras[:0:0]
	for i, p := range paras {
		if (i < bylineReach || i >= len(paras)-bylineReach) && isByline(p) {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return paras, 0
	}
	return out, len(paras) - len(out)
}

// isByline tells whether paragraph p reads as a byline: it holds a date
// and at most bylineWords other words (or it names its authors, see
// namesAuthors), and it does not end as a sentence or a clause does, or
// open what follows.
func isByline(p string) bool {
	p = strings.TrimSpace(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	if p == "" || strings.ContainsRune(".!?…;:", last) {
		return false
	}
	dated := numericDate.MatchString(p)
	words := wordsOf(numericDate.ReplaceAllString(p, " "))
	// inDate marks the words of a date: a month and the day or the year
	// beside it, or both after it (14 tetor 2018, October 14, 2018).
	inDate := make([]bool, len(words))
	for i, w := range words {
		if !months[strings.ToLower(w)] {
			continue
		}
		lo, hi := i, i
		if lo > 0 && dayOrYear(words[lo-1]) {
			lo--
		}
		for hi+1 < len(words) && hi < i+2 && dayOrYear(words[hi+1]) {
			hi++
		}
		if lo == hi {
			continue // a month's name alone is a word ("May", "mars")
		}
		for x := lo; x <= hi; x++ {
			inDate[x] = true
		}
		dated = true
	}
	if !dated {
		return namesAuthors(words)
	}
	// Besides the date, names and a word or two such as "by", "updated"
	// or "më": words in lower case of four letters or more are a
	// sentence's ("Au petit matin du 9 septembre 1988").
	other, content := 0, 0
	for i, w := range words {
		if inDate[i] {
			continue
		}
		other++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && utf8.RuneCountInString(w) >= 4 {
			content++
		}
	}
	return other <= bylineWords && content <= 1
}

// namesAuthors tells whether words are those of a byline without a date:
// a word that opens one ("By", "Nga"), then names, capitalized words that
// a word such as "and" may join, no more than bylineWords in all.
func namesAuthors(words []string) bool {
	if len(words) < 2 || len(words) > bylineWords || !byWords[strings.ToLower(words[0])] {
		return false
	}
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !andWords[w] {
			return false
		}
	}
	return true
}

// wordsOf returns the words of s, runs of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// dayOrYear tells whether w is a day of the month or a year.
func dayOrYear(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && (n >= 1 && n <= 31 && len(w) <= 2 || n >= 1800 && n <= 2100)
}
