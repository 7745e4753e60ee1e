package tmx

import (
	"encoding/xml"
	"io"
	"slices"
	"strings"

	"github.com/paralel/paralel/corpus"
)

// maxLangs bounds the languages a count keeps apart; a file with more is
// not a translation memory of a language pair, and those met later are
// not counted.
const maxLangs = 64

// A langCount counts, over a whole document, the units that hold each
// language and each two languages together, so that the Reader can choose
// the pair to read from the file as a whole rather than from its first
// unit. Languages are counted by their base (en for en-GB), in the order
// they are first met.
type langCount struct {
	header string         // the header's srclang, unless *all*
	units  int            // units with at least one language
	order  []string       // languages as first met
	in     map[string]int // units holding each language
	with   map[string]map[string]int
}

// countLangs reads a document through and counts its languages. It stops
// at the first error, keeping what it counted: the Reader reports the error
// when it gets there.
func countLangs(r io.Reader) *langCount {
	c := &langCount{in: map[string]int{}, with: map[string]map[string]int{}}
	d := newDecoder(r, false)
	var langs []string // of the unit being read
	depth, tu := 0, 0  // element depth, and that of the open <tu> or 0
	for {
		start := d.InputOffset()
		d.lim.setLimit(start, 0)
		tok, err := d.RawToken()
		if err != nil {
			return c
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "header":
				c.header = headerLang(t)
			case "tu":
				tu, langs = depth, langs[:0]
			case "tuv":
				if l := corpus.BaseLang(langAttr(t, "lang")); tu > 0 && l != "" && !slices.Contains(langs, l) && len(langs) < maxLangs {
					langs = append(langs, l)
				}
			}
		case xml.EndElement:
			if depth == tu {
				c.add(langs)
				tu = 0
			}
			depth--
		}
	}
}

// maxLangTag bounds a language tag: a longer xml:lang or srclang is taken
// for none (BCP 47 tags in use are far shorter).
const maxLangTag = 64

// langAttr returns the language tag in the attribute name of t, or "" if
// it is too long to be one.
func langAttr(t xml.StartElement, name string) string {
	l := strings.TrimSpace(attr(t, name))
	if len(l) > maxLangTag {
		return ""
	}
	return l
}

// headerLang returns the source language of a <header>, or "" when it
// names none or "*all*".
func headerLang(t xml.StartElement) string {
	if l := langAttr(t, "srclang"); !strings.EqualFold(l, "*all*") {
		return l
	}
	return ""
}

// add counts the languages of one unit.
func (c *langCount) add(langs []string) {
	langs = slices.DeleteFunc(langs, func(l string) bool {
		if _, ok := c.in[l]; ok {
			return false
		}
		if len(c.order) == maxLangs {
			return true
		}
		c.order = append(c.order, l)
		c.in[l], c.with[l] = 0, map[string]int{}
		return false
	})
	if len(langs) == 0 {
		return
	}
	c.units++
	for _, a := range langs {
		c.in[a]++
		for _, b := range langs {
			if a != b {
				c.with[a][b]++
			}
		}
	}
}

// most returns the language held by the most units, or with counts given
// the language with the highest count there; ties go to the language met
// first. It is empty when no language has a count.
func (c *langCount) most(counts map[string]int) string {
	if counts == nil {
		counts = c.in
	}
	best, n := "", 0
	for _, l := range c.order {
		if counts[l] > n {
			best, n = l, counts[l]
		}
	}
	return best
}
