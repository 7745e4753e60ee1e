package align

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An ending tells how a sentence ends. Translations keep a question a
// question and, more often than not, a colon a colon; and a sentence that
// ends in a semicolon or a colon where its counterpart goes on is likely
// one of several that translate one. How much each pair of endings says
// is learnt from the first pass (see endModel).
type ending uint8

const (
	endOther ending = iota
	endStop
	endColon
	endSemicolon
	endQuestion
	endExclaim
	endComma
	nEndings
)

// endingOf tells how s ends, looking past closing quotes and brackets.
func endingOf(s string) ending {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'»«”“’)]", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '…':
		return endStop
	case ':':
		return endColon
	case ';':
		return endSemicolon
	case '?':
		return endQuestion
	case '!':
		return endExclaim
	case ',':
		return endComma
	}
	return endOther
}

// endModel holds log-likelihood ratios, in nats, of how the sentences of
// a link end: last, of the endings of the last sentence on either side
// against the two ending independently; inner, by side, of the ending of
// a sentence that is not the last of its side in the link against one
// that is.
type endModel struct {
	last  [nEndings][nEndings]float64
	inner [2][nEndings]float64
}

// minEndLinks is the fewest links of the first pass that the ratios are
// learnt from: below that the final pass goes without them.
const minEndLinks = 20

// learnEndings estimates the ratios from the links of the first pass. Each
// count is smoothed with one pseudo-count a class, and the joint counts
// with two spread by the marginals, so that rare endings say little.
func (a *aligner) learnEndings() *endModel {
	var joint [nEndings][nEndings]float64
	var inner, last [2][nEndings]float64
	var n float64
	for _, d := range a.docs {
		prev := node{}
		for _, s := range d.path {
			if s.kind != srcOnly && s.kind != tgtOnly {
				es, et := d.src.end[s.to.i-1], d.tgt.end[s.to.j-1]
				joint[es][et]++
				last[0][es]++
				last[1][et]++
				n++
				for i := prev.i; i < s.to.i-1; i++ {
					inner[0][d.src.end[i]]++
				}
				for j := prev.j; j < s.to.j-1; j++ {
					inner[1][d.tgt.end[j]]++
				}
			}
			prev = s.to
		}
	}
	if n < minEndLinks {
		return nil
	}
	const jointPrior = 2
	share := func(c, total float64) float64 { return (c + 1) / (total + float64(nEndings)) }
	e := &endModel{}
	for es := range nEndings {
		for et := range nEndings {
			ps, pt := share(last[0][es], n), share(last[1][et], n)
			pj := (joint[es][et] + jointPrior*ps*pt) / (n + jointPrior)
			e.last[es][et] = math.Log(pj / (ps * pt))
		}
	}
	for side := range 2 {
		var ni float64
		for _, c := range inner[side] {
			ni += c
		}
		for c := range nEndings {
			e.inner[side][c] = math.Log(share(inner[side][c], ni) / share(last[side][c], n))
		}
	}
	return e
}

// score is the evidence of the endings of a link's units.
func (e *endModel) score(src, tgt []unit) float64 {
	sc := e.last[src[len(src)-1].end][tgt[len(tgt)-1].end]
	for _, u := range src[:len(src)-1] {
		sc += e.inner[0][u.end]
	}
	for _, u := range tgt[:len(tgt)-1] {
		sc += e.inner[1][u.end]
	}
	return sc
}
