package align

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// movedCaption is a text of 40 sentence pairs with a caption that stands
// after source sentence 10 and after target sentence 14: its translation
// was moved four sentences on.
func movedCaption() (src, tgt []string) {
	s, t := synthetic(40, 5)
	src = slices.Insert(s, 10, "Bild: Porschestrasse 7, Leverkusen, Jahresbericht der Sportartikel-Vertriebs-GmbH 4711.")
	tgt = slices.Insert(t, 14, "Photo : Porschestrasse 7, Leverkusen, rapport annuel de la Sportartikel-Vertriebs-GmbH 4711.")
	return src, tgt
}

// TestMovedPair: a sentence left out on each side whose words match, near
// each other, are linked out of order, unless InOrder keeps the order.
func TestMovedPair(t *testing.T) {
	src, tgt := movedCaption()
	links := Align(sents(src...), sents(tgt...), Options{SrcLang: "sq", TgtLang: "en"})
	requireCoverOnce(t, links, len(src), len(tgt))
	assert.Contains(t, links, Link{Src: []int{10}, Tgt: []int{14}, Score: scoreOf(links, 10)}, "the moved caption")
	for _, l := range links {
		if len(l.Src) == 1 && l.Src[0] != 10 && len(l.Tgt) == 1 {
			want := l.Src[0]
			if want > 10 {
				want--
			}
			if want >= 14 {
				want++
			}
			assert.Equal(t, want, l.Tgt[0], "source sentence %d", l.Src[0])
		}
	}

	links = Align(sents(src...), sents(tgt...), Options{SrcLang: "sq", TgtLang: "en", InOrder: true})
	requireCover(t, links, len(src), len(tgt))
	assert.Contains(t, links, Link{Src: []int{10}, Score: scoreOf(links, 10)})

	// A sentence fixed as left out is no one's partner.
	fixed := []Link{{Src: []int{10}}}
	links = Align(sents(src...), sents(tgt...), Options{SrcLang: "sq", TgtLang: "en", Fixed: fixed})
	requireCover(t, links, len(src), len(tgt))
	assert.Contains(t, links, Link{Src: []int{10}, Score: 1})
}

// scoreOf is the score of the link that holds source sentence i.
func scoreOf(links []Link, i int) float64 {
	for _, l := range links {
		if slices.Contains(l.Src, i) {
			return l.Score
		}
	}
	return -1
}
