package pair

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Languages are told apart by their commonest words, with no language data:
// the hundred words that occur most on a side are mostly its function
// words, which a translation does not share. Two sides whose common words
// are the same are in one language; a document that holds more of the
// other side's common words than of its own is in the other language.
const commonWords = 100

// ErrOneLanguage is wrapped by the error of Pair when the two sides look
// like one language.
var ErrOneLanguage = errors.New("the two sides look like one language")

// common returns the commonest words of each side, by key, over the
// usable documents, and which of them are the side's own (not common on
// the other side).
func (c *collection) common() (own [2]map[int32]bool, shared int, n [2]int) {
	for side := range 2 {
		count := map[int32]int{}
		for i, p := range c.prof[side] {
			if !c.ok[side][i] {
				continue
			}
			for _, kc := range p.keys {
				if c.ks.tag(kc.key) == '=' {
					count[kc.key] += int(kc.n)
				}
			}
		}
		words := make([]int32, 0, len(count))
		for k := range count {
			words = append(words, k)
		}
		slices.SortFunc(words, func(a, b int32) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
		own[side] = map[int32]bool{}
		for _, k := range words[:min(len(words), commonWords)] {
			own[side][k] = true
		}
		n[side] = len(own[side])
	}
	for k := range own[Src] {
		if own[Tgt][k] {
			shared++
			delete(own[Src], k)
			delete(own[Tgt], k)
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
