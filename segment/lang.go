package segment

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/neurosnap/sentences"
	punktdata "github.com/neurosnap/sentences/data"

	"github.com/paralel/paralel/corpus"
)

// The splitter's knowledge of a language lives in data/<lang>.txt, not in
// code, so that a linguist can extend it without touching the rules.
//
//go:embed data/*.txt
var langFiles embed.FS

// language is what the splitter knows about one language. All words are
// lower case; abbreviations are stored without their final period.
type language struct {
	title    set // never end a sentence: "z.", "Mr."
	number   set // do not end one before a number: "nr. 5", "No. 5"
	abbrev   set // end one only before a sentence starter
	final    set // end one before any capitalized word: "etj.", "etc."
	starters set // words that usually begin a sentence
	months   set // "1. janar" is a date
	speech   set // "tha:" introduces a sentence of reported speech
	lower    set // common words written in lower case inside a sentence
	endings  set // inflectional endings: "presidenti" is "president" + "i"
	joins    set // words a sentence never ends with: "the", "of", "e"

	// ortho holds Punkt's orthographic context for English words: how often
	// a word was seen upper or lower case at the start or inside sentences.
	ortho map[string]int
}

type set map[string]bool

// Punkt's orthographic context flags (see neurosnap/sentences, ortho.go).
const (
	orthoMidUc = 1 << 2
	orthoLc    = 1<<4 | 1<<5 | 1<<6
)

var (
	langMu    sync.Mutex
	langCache = map[string]*language{}
)

// loadLanguage returns the data for lang, or the generic rules (no
// abbreviations, no starters) when there is no data file for it. The data
// is by language: a regional tag such as sq-AL reads that of sq.
func loadLanguage(lang string) (*language, error) {
	lang = corpus.BaseLang(strings.TrimSpace(lang))
	langMu.Lock()
	defer langMu.Unlock()
	if l, ok := langCache[lang]; ok {
		return l, nil
	}
	l := &language{title: set{}, number: set{}, abbrev: set{}, final: set{},
		starters: set{}, months: set{}, speech: set{}, lower: set{}, endings: set{}, joins: set{}}
	if lang != "" && !strings.ContainsAny(lang, "/\\.") {
		if b, err := langFiles.ReadFile("data/" + lang + ".txt"); err == nil {
			words, err := parseLangFile(l, string(b))
			if err != nil {
				return nil, fmt.Errorf("corpus: data/%s.txt: %w", lang, err)
			}
			if lang == "en" {
				if err := addPunkt(l, words); err != nil {
					return nil, err
				}
			}
		}
	}
	langCache[lang] = l
	return l, nil
}

// parseLangFile fills l from a data file of [section] headers and one entry
// a line. It returns the [words] section, which only filters Punkt's list.
func parseLangFile(l *language, text string) (set, error) {
	words := set{}
	sections := map[string]set{
		"title": l.title, "number": l.number, "abbrev": l.abbrev, "final": l.final,
		"starters": l.starters, "months": l.months, "speech": l.speech,
		"lower": l.lower, "endings": l.endings, "joins": l.joins, "words": words,
	}
	var cur set
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.ToLower(strings.TrimSpace(line))
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			s, ok := sections[line[1:len(line)-1]]
			if !ok {
				return nil, fmt.Errorf("line %d: unknown section %s", n, line)
			}
			cur = s
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("line %d: entry before the first section", n)
		}
		cur[strings.TrimSuffix(line, ".")] = true
	}
	return words, sc.Err()
}

// addPunkt adds what the English Punkt model of neurosnap/sentences learned
// from news text: its abbreviations (less those that are more often plain
// words), its sentence starters and its orthographic context.
func addPunkt(l *language, words set) error {
	b, err := punktdata.Asset("data/english.json")
	if err != nil {
		return fmt.Errorf("corpus: punkt english model: %w", err)
	}
	st, err := sentences.LoadTraining(b)
	if err != nil {
		return fmt.Errorf("corpus: punkt english model: %w", err)
	}
	for a := range st.AbbrevTypes {
		if !words[a] && !l.title[a] && !l.number[a] && !l.final[a] && !strings.ContainsAny(a, " ") {
			l.abbrev[a] = true
		}
	}
	for s := range st.SentStarters {
		if s != "i" { // "I" is capitalized everywhere: no evidence of a start
			l.starters[s] = true
		}
	}
	l.ortho = st.OrthoContext
	return nil
}

// startsSentence reports whether the capitalized word w (lower-cased) is
// evidence of a new sentence: a known starter, or (Punkt's orthographic
// heuristic) a word seen in lower case but never capitalized mid-sentence.
// An acronym (allCaps) says nothing about its case elsewhere: "7 p.m. ET".
func (l *language) startsSentence(w string, allCaps bool) bool {
	if l.starters[w] {
		return true
	}
	if allCaps {
		return false
	}
	o, ok := l.ortho[w]
	return ok && o&orthoLc != 0 && o&orthoMidUc == 0
}

// inNames reports whether news capitalizes the common word w inside
// sentences, as part of names ("the Labour Party", "Harvard University"),
// by the orthographic data (English only).
func (l *language) inNames(w string) bool {
	return l.ortho[w]&orthoMidUc != 0
}

// usuallyLower reports whether w is a common word that is written in lower
// case inside sentences, so that a capitalized w after an ellipsis starts a
// new sentence. Without orthographic data every word counts as one.
func (l *language) usuallyLower(w string) bool {
	if l.ortho == nil {
		return true
	}
	if l.starters[w] {
		return true
	}
	return l.ortho[w]&orthoLc != 0
}
