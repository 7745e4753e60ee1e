package pair

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Languages are told apart by their commonest words, with no language data:
// the hundred words found in most documents of a side are mostly its
// function words, which a translation does not share. Two sides whose
// common words are common on both are in one language; a document that
// holds more of the other side's own common words than of its own side's
// is in the other language.
const commonWords = 100

// ErrOneLanguage is wrapped by the error of Pair when the two sides look
// like one language.
var ErrOneLanguage = errors.New("the two sides look like one language")

// common returns the commonest words of each side that are its own (in at
// least three times the share of documents that they are in on the other
// side, so that a few documents of the wrong language on a side do not
// make the other side's words its own), how many of the commonest words
// of the two sides are common on both, and how many each side has.
func (c *collection) common() (own [2]map[int32]bool, shared int, n [2]int) {
	var df [2]map[int32]int
	var docs [2]int
	for side := range 2 {
		df[side] = map[int32]int{}
		for i, p := range c.prof[side] {
			if !c.ok[side][i] {
				continue
			}
			docs[side]++
			for _, kc := range p.keys {
				if c.ks.tag(kc.key) == '=' {
					df[side][kc.key]++
				}
			}
		}
	}
	share := func(side int, k int32) float64 { return float64(df[side][k]) / float64(max(docs[side], 1)) }
	var top [2][]int32
	for side := range 2 {
		words := make([]int32, 0, len(df[side]))
		for k := range df[side] {
			words = append(words, k)
		}
		slices.SortFunc(words, func(a, b int32) int {
			return cmp.Or(cmp.Compare(df[side][b], df[side][a]), cmp.Compare(c.ks.names[a], c.ks.names[b]))
		})
		top[side] = words[:min(len(words), commonWords)]
		n[side] = len(top[side])
	}
	for side := range 2 {
		own[side] = map[int32]bool{}
		for _, k := range top[side] {
			here, there := share(side, k), share(1-side, k)
			switch {
			case here > 3*there:
				own[side][k] = true
			case side == int(Src) && there <= 3*here && slices.Contains(top[Tgt], k):
				shared++
			}
		}
	}
	return own, shared, n
}

// languages fails when most of the commonest words of the two sides are
// the same (a folder in one language only, or one folder given twice), and
// otherwise takes out the documents of either side that hold more of the
// other side's common words than of their own.
func (c *collection) languages() ([]Problem, error) {
	own, shared, n := c.common()
	if least := min(n[Src], n[Tgt]); least >= 20 && 2*shared >= least {
		return nil, fmt.Errorf("%w: %d of the %d commonest words of each are the same (is one side in the wrong language, or given twice?)", ErrOneLanguage, shared, least)
	}
	var out []Problem
	for side := range Side(2) {
		for i, p := range c.prof[side] {
			if !c.ok[side][i] {
				continue
			}
			var mine, theirs int32
			for _, kc := range p.keys {
				switch {
				case own[side][kc.key]:
					mine += kc.n
				case own[1-side][kc.key]:
					theirs += kc.n
				}
			}
			if theirs > mine && theirs >= 3 {
				c.ok[side][i] = false
				out = append(out, Problem{Side: side, Doc: i,
					Reason: fmt.Sprintf("looks like the %s language: %d of its words are common there, %d common on its own side", 1-side, theirs, mine)})
			}
		}
	}
	return out, nil
}
