package align

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/lexicon_sq_en.tsv
var seedSqEn string

// A lexicon maps words of both languages to shared concept keys: a source
// word and a target word match when they share a key. Lookups forgive
// inflection by trying the word without up to cut trailing runes, keeping at
// least minStem, because both Albanian and English inflect at the end.
type lexicon struct {
	src, tgt       map[string][]string // folded word -> concepts
	srcCut, tgtCut int
}

const minStem = 4

// seedLexicon returns the embedded dictionary for the language pair, or nil
// when there is none. Albanian drops up to four runes of case ending
// (-it, -ës, -ave), English up to three (-s, -ed, -ing).
func seedLexicon(srcLang, tgtLang string) *lexicon {
	switch {
	case srcLang == "sq" && tgtLang == "en":
		return sqEn()
	case srcLang == "en" && tgtLang == "sq":
		return enSq()
	}
	return nil
}

var (
	sqEn = sync.OnceValue(func() *lexicon { return parseLexicon(seedSqEn, false, 4, 3) })
	enSq = sync.OnceValue(func() *lexicon { return parseLexicon(seedSqEn, true, 3, 4) })
)

// parseLexicon reads "word<TAB>translation" lines; # starts a comment. Each
// translation is the concept both words map to.
func parseLexicon(data string, swap bool, srcCut, tgtCut int) *lexicon {
	lx := &lexicon{src: map[string][]string{}, tgt: map[string][]string{}, srcCut: srcCut, tgtCut: tgtCut}
	for _, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		a, b, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			continue
		}
		a, b = fold(strings.TrimSpace(a)), fold(strings.TrimSpace(b))
		if a == "" || b == "" {
			continue
		}
		concept := b
		if swap {
			a, b = b, a
		}
		lx.src[a] = appendNew(lx.src[a], concept)
		lx.tgt[b] = appendNew(lx.tgt[b], concept)
	}
	return lx
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// lookup finds the concepts of a folded word, trying shorter prefixes for
// inflected forms.
func lookup(dict map[string][]string, w string, cut int) []string {
	if c, ok := dict[w]; ok {
		return c
	}
	n := utf8.RuneCountInString(w)
	for k := n - 1; k >= minStem && k >= n-cut; k-- {
		if c, ok := dict[prefix(w, k)]; ok {
			return c
		}
	}
	return nil
}

// A lexiconSide is the side of a seed lexicon whose language a text is in.
type lexiconSide int

const (
	unknownSide lexiconSide = iota // cannot tell
	srcSide                        // the lexicon's source language
	tgtSide                        // its target language
)

// guessSide says whether a text looks like the source or the target
// language of a seed lexicon by counting exact hits of its words. The text
// comes as its distinct tokens and how often each occurs, so that every
// word is looked up once.
func (lx *lexicon) guessSide(toks []token, count []int) lexiconSide {
	var c sideCounts
	for i, tk := range toks {
		if tk.kind == wordToken {
			c.add(lx.countWord(tk.text).times(count[i]))
		}
	}
	return c.side()
}

// sideCounts are the words of a text and how many of them are words of
// either side of a lexicon.
type sideCounts struct{ words, src, tgt int }

// countWord counts one folded word.
func (lx *lexicon) countWord(w string) sideCounts {
	c := sideCounts{words: 1}
	if _, ok := lx.src[w]; ok {
		c.src = 1
	}
	if _, ok := lx.tgt[w]; ok {
		c.tgt = 1
	}
	return c
}

func (c *sideCounts) add(d sideCounts) {
	c.words += d.words
	c.src += d.src
	c.tgt += d.tgt
}

func (c sideCounts) times(n int) sideCounts {
	return sideCounts{c.words * n, c.src * n, c.tgt * n}
}

// side is the side of the lexicon whose language the text is in.
func (c sideCounts) side() lexiconSide {
	// Function words make up a good part of any text, so a language of the
	// lexicon shows in a fifth of the tokens at least.
	s, t, n := c.src, c.tgt, c.words
	switch {
	case s > 2*t && s >= 3 && s*5 >= n:
		return srcSide
	case t > 2*s && t >= 3 && t*5 >= n:
		return tgtSide
	}
	return unknownSide
}
