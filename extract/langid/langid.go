// Package langid tells the language of a paragraph, cheaply and reliably
// even on a headline or a caption, for a page that holds a text and its
// translation.
//
// For the languages it has data for (data/<lang>.txt: the frequent
// function words of the language) a paragraph is scored by the words it
// shares with each list and by the letters only one of the languages
// writes (ë and ç for Albanian); a paragraph with too little evidence is
// left unknown. For other languages it falls back on the script: Latin,
// Cyrillic, Greek and the others of Script.
package langid

import (
	"embed"
	"strings"
	"sync"
	"unicode"

	"github.com/paralel/paralel/corpus"
)

//go:embed data/*.txt
var dataFiles embed.FS

var (
	loadOnce sync.Once
	words    map[string]map[string]bool // language → its frequent words
)

func load() {
	words = map[string]map[string]bool{}
	entries, err := dataFiles.ReadDir("data")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		lang := strings.TrimSuffix(e.Name(), ".txt")
		b, err := dataFiles.ReadFile("data/" + e.Name())
		if err != nil {
			panic(err)
		}
		set := map[string]bool{}
		for line := range strings.Lines(string(b)) {
			if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
				set[w] = true
			}
		}
		words[lang] = set
	}
}

// Known reports whether the identifier has word data for lang (by its base
// language: sq-AL is sq).
func Known(lang string) bool {
	loadOnce.Do(load)
	return words[corpus.BaseLang(lang)] != nil
}

// letters are letters that, among the languages known, only one writes,
// with that language.
var letters = map[rune]string{'ë': "sq", 'Ë': "sq", 'ç': "sq", 'Ç': "sq"}

// Identify returns which of langs the text is written in, or "" when it
// cannot tell: too few words, or as much evidence for two of them. Each of
// langs is a language tag; the one returned is as given.
func Identify(text string, langs ...string) string {
	loadOnce.Do(load)
	allKnown := true
	for _, l := range langs {
		allKnown = allKnown && Known(l)
	}
	if !allKnown {
		return byScript(text, langs)
	}
	score := make([]int, len(langs))
	for _, r := range dropAddresses(text) {
		if l, ok := letters[r]; ok {
			for i, want := range langs {
				if corpus.BaseLang(want) == l {
					score[i]++
				}
			}
		}
	}
	for w := range strings.FieldsFuncSeq(strings.ToLower(dropAddresses(text)), notWordRune) {
		for i, l := range langs {
			if words[corpus.BaseLang(l)][w] {
				score[i] += 2
			}
		}
	}
	best, second := -1, 0
	for i, s := range score {
		switch {
		case best < 0 || s > score[best]:
			if best >= 0 {
				second = score[best]
			}
			best = i
		case s > second:
			second = s
		}
	}
	// One function word is enough in a headline; the winner must have
	// twice the evidence of the runner-up.
	if best < 0 || score[best] < 2 || score[best] < 2*second {
		return ""
	}
	return langs[best]
}

// dropAddresses returns text without its web and mail addresses.
func dropAddresses(text string) string {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") && !strings.Contains(text, "@") {
		return text
	}
	var kept []string
	for f := range strings.FieldsSeq(text) {
		if !strings.Contains(f, "://") && !strings.HasPrefix(f, "www.") && !strings.Contains(f, "@") {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && r != '\''
}

// scripts are the scripts that tell languages apart without word data.
var scripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew,
	unicode.Armenian, unicode.Georgian, unicode.Han, unicode.Hangul, unicode.Devanagari, unicode.Thai,
}

// langScript names the script of languages that are not written in Latin.
var langScript = map[string]*unicode.RangeTable{
	"ru": unicode.Cyrillic, "uk": unicode.Cyrillic, "bg": unicode.Cyrillic, "mk": unicode.Cyrillic,
	"be": unicode.Cyrillic, "kk": unicode.Cyrillic, "mn": unicode.Cyrillic, "sr": unicode.Cyrillic,
	"el": unicode.Greek, "ar": unicode.Arabic, "fa": unicode.Arabic, "ur": unicode.Arabic,
	"he": unicode.Hebrew, "yi": unicode.Hebrew, "hy": unicode.Armenian, "ka": unicode.Georgian,
	"zh": unicode.Han, "ja": unicode.Han, "ko": unicode.Hangul, "hi": unicode.Devanagari,
	"mr": unicode.Devanagari, "ne": unicode.Devanagari, "th": unicode.Thai,
}

// Script returns the script of a language: Latin unless listed otherwise.
func Script(lang string) *unicode.RangeTable {
	if s, ok := langScript[corpus.BaseLang(lang)]; ok {
		return s
	}
	return unicode.Latin
}

// byScript identifies text by its script, when the languages are written
// in different ones.
func byScript(text string, langs []string) string {
	counts := map[*unicode.RangeTable]int{}
	total := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		total++
		for _, s := range scripts {
			if unicode.Is(s, r) {
				counts[s]++
				break
			}
		}
	}
	if total == 0 {
		return ""
	}
	found := ""
	for _, l := range langs {
		if counts[Script(l)]*10 >= total*7 {
			if found != "" {
				return "" // two languages of one script
			}
			found = l
		}
	}
	return found
}

// CanTell reports whether Identify can tell the languages apart: all have
// word data, or their scripts differ.
func CanTell(langs ...string) bool {
	if all := func() bool {
		for _, l := range langs {
			if !Known(l) {
				return false
			}
		}
		return true
	}(); all {
		return true
	}
	seen := map[*unicode.RangeTable]bool{}
	for _, l := range langs {
		if seen[Script(l)] {
			return false
		}
		seen[Script(l)] = true
	}
	return true
}
