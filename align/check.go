package align

import (
	"errors"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/paralel/paralel/corpus"
)

// Check looks at an input and its alignment for signs that something is off
// and returns one human-readable warning per sign: a side is empty, the
// lengths of the two sides are far apart, many sentences found no
// counterpart, or the lexical evidence says that the sides are swapped or
// not in the languages of the seed lexicon. langs is what ProbeLangs read
// src and tgt as; with the zero Langs Check probes them itself.
func Check(src, tgt []corpus.Sentence, links []Link, langs Langs) []string {
	var warns []string
	switch {
	case len(src) == 0 && len(tgt) == 0:
		return []string{"both sides are empty"}
	case len(src) == 0:
		return []string{"the source side is empty: every target sentence is left unaligned"}
	case len(tgt) == 0:
		return []string{"the target side is empty: every source sentence is left unaligned"}
	}
	ls, lt := chars(src), chars(tgt)
	if r := lt / ls; r > 2.5 || r < 0.4 {
		warns = append(warns, fmt.Sprintf("the target text is %.1f times as long as the source: is it the translation of this text?", r))
	}
	if r := float64(len(tgt)) / float64(len(src)); r > 3 || r < 1.0/3 {
		warns = append(warns, fmt.Sprintf("%d source and %d target sentences: the texts may not cover the same content", len(src), len(tgt)))
	}
	var unaligned, total int
	for _, l := range links {
		total += len(l.Src) + len(l.Tgt)
		if len(l.Src) == 0 || len(l.Tgt) == 0 {
			unaligned += len(l.Src) + len(l.Tgt)
		}
	}
	if total > 0 && unaligned*3 > total {
		warns = append(warns, fmt.Sprintf("%d of %d sentences have no counterpart: the texts may not be translations of each other", unaligned, total))
	}
	// With the seed lexicon as a language probe: does the source look like
	// the target language and the other way round?
	if !langs.probed {
		langs = ProbeLangs(src, tgt)
	}
	switch {
	case langs.src == tgtSide && langs.tgt == srcSide:
		warns = append(warns, "the source looks English and the target Albanian: are the sides swapped?")
	case langs.src != unknownSide && langs.src == langs.tgt:
		lang := map[lexiconSide]string{srcSide: "Albanian", tgtSide: "English"}[langs.src]
		warns = append(warns, fmt.Sprintf("both sides look %s: is one of them the wrong file?", lang))
	}
	return warns
}

func chars(ss []corpus.Sentence) float64 {
	n := 0
	for _, s := range ss {
		n += utf8.RuneCountInString(s.Text)
	}
	return math.Max(float64(n), 1)
}

// Langs is what the seed lexicon, as a language probe, reads the two sides
// of a text as. ProbeLangs takes it once for both checks of the text:
// CheckSides, which refuses swapped sides before they are aligned, and
// Check, which warns after. The zero Langs has probed nothing.
type Langs struct {
	probed             bool
	src, tgt           lexiconSide
	srcWords, tgtWords int
}

// ProbeLangs reads src and tgt with the seed lexicon as a language probe.
func ProbeLangs(src, tgt []corpus.Sentence) Langs {
	probe := sqEn()
	l := Langs{probed: true}
	l.src, l.srcWords = probeSide(probe, src)
	l.tgt, l.tgtWords = probeSide(probe, tgt)
	return l
}

// probeSide says which side of the language probe ss reads as, and how
// many words it has.
func probeSide(probe *lexicon, ss []corpus.Sentence) (side lexiconSide, words int) {
	// Each distinct spelling is folded and looked up once.
	known := probePool.get(8 * len(ss))
	defer probePool.put(known)
	var c sideCounts
	for _, s := range ss {
		scan(s.Text, func(kind tokenKind, raw string) {
			if kind != wordToken {
				return
			}
			k, ok := known[raw]
			if !ok {
				k = probe.countWord(fold(raw))
				known[raw] = k
			}
			c.add(k)
		})
	}
	return c.side(), c.words
}

// ErrSwapped is wrapped by the error of CheckSides for sides that are
// surely swapped.
var ErrSwapped = errors.New("the sides are swapped")

// minProbeWords is the fewest words a side needs for CheckSides to judge
// its language: in a shorter text a handful of names can mislead.
const minProbeWords = 30

// CheckSides looks at what ProbeLangs read the texts as before they are
// aligned and returns an error wrapping ErrSwapped when each surely reads
// as the other's language: the source as the target language and the
// target as the source language. Only Albanian and English, which the
// seed lexicon knows, are judged, in either order; other pairs pass.
func CheckSides(langs Langs, srcLang, tgtLang string) error {
	s, t := corpus.BaseLang(srcLang), corpus.BaseLang(tgtLang)
	if !(s == "sq" && t == "en" || s == "en" && t == "sq") {
		return nil
	}
	sure := func(side lexiconSide, words int) lexiconSide {
		if words < minProbeWords {
			return unknownSide
		}
		return side
	}
	asSrc, asTgt := srcSide, tgtSide // the lexicon's sides: Albanian, English
	if s == "en" {
		asSrc, asTgt = tgtSide, srcSide
	}
	if sure(langs.src, langs.srcWords) == asTgt && sure(langs.tgt, langs.tgtWords) == asSrc {
		name := map[string]string{"sq": "Albanian", "en": "English"}
		return fmt.Errorf("%w: the source (%s) reads as %s and the target (%s) as %s",
			ErrSwapped, srcLang, name[t], tgtLang, name[s])
	}
	return nil
}
