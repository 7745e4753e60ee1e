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

// A beginning tells how a sentence begins: a sentence that begins in
// lower case most often goes on the one before it, split off by a colon,
// a semicolon, an abbreviation or a line of OCR.
type beginning uint8

const (
	beginOther beginning = iota
	beginUpper
	beginLower
	nBeginnings
)

// beginningOf tells how s begins, looking past opening quotes, brackets
// and dashes.
func beginningOf(s string) beginning {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'«»“”‘’„([-–—", r)
	})
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsLower(r):
		return beginLower
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return beginUpper
	}
	return beginOther
}

// endModel holds log-likelihood ratios, in nats, of how the sentences of
// a link end and begin: last, of the endings of the last sentence on
// either side against the two ending independently; inner, by side, of
// the ending of a sentence that is not the last of its side in the link
// against one that is; first, of the beginnings of the first sentence on
// either side against the two beginning independently; later, by side
// and by the ending of the sentence before, of the beginning of a
// sentence that is not the first of its side in the link against one
// that is. The ending before counts because it says much the same (a
// sentence after a semicolon begins in lower case): later is what the
// beginning adds to it.
type endModel struct {
	last  [nEndings][nEndings]float64
	inner [2][nEndings]float64
	first [nBeginnings][nBeginnings]float64
	later [2][nEndings][nBeginnings]float64
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
	var firstJoint [nBeginnings][nBeginnings]float64
	var first [2][nBeginnings]float64
	// By side, the ending before and the beginning of sentences that begin
	// a link (not counting a document's first) and of the others.
	var begins, goesOn [2][nEndings][nBeginnings]float64
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
				bs, bt := d.src.begin[prev.i], d.tgt.begin[prev.j]
				firstJoint[bs][bt]++
				first[0][bs]++
				first[1][bt]++
				countBegins(&begins[0], &goesOn[0], d.src, prev.i, s.to.i)
				countBegins(&begins[1], &goesOn[1], d.tgt, prev.j, s.to.j)
			}
			prev = s.to
		}
	}
	if n < minEndLinks {
		return nil
	}
	e := &endModel{}
	for es := range nEndings {
		for et := range nEndings {
			e.last[es][et] = jointRatio(joint[es][et], share(last[0][es], n, nEndings), share(last[1][et], n, nEndings), n)
		}
	}
	for side := range 2 {
		var ni float64
		for _, c := range inner[side] {
			ni += c
		}
		for c := range nEndings {
			e.inner[side][c] = math.Log(share(inner[side][c], ni, nEndings) / share(last[side][c], n, nEndings))
		}
		e.later[side] = laterRatios(&begins[side], &goesOn[side])
	}
	for bs := range nBeginnings {
		for bt := range nBeginnings {
			e.first[bs][bt] = jointRatio(firstJoint[bs][bt], share(first[0][bs], n, nBeginnings), share(first[1][bt], n, nBeginnings), n)
		}
	}
	return e
}

// share is the smoothed share of c among total counts spread over that
// many classes.
func share[C ending | beginning](c, total float64, classes C) float64 {
	return (c + 1) / (total + float64(classes))
}

// jointRatio is the log ratio of the share of joint among n counts of
// pairs to the product ps*pt of the shares of its two classes: the joint
// count is smoothed with two counts spread by that product.
func jointRatio(joint, ps, pt, n float64) float64 {
	const prior = 2
	pj := (joint + prior*ps*pt) / (n + prior)
	return math.Log(pj / (ps * pt))
}

// countBegins adds the beginnings of the sentences from to to of a side,
// a link's, to begins (the first, but for a document's first sentence)
// and goesOn (the others), by the ending of the sentence before.
func countBegins(begins, goesOn *[nEndings][nBeginnings]float64, side sideText, from, to int) {
	if from > 0 {
		begins[side.end[from-1]][side.begin[from]]++
	}
	for x := from + 1; x < to; x++ {
		goesOn[side.end[x-1]][side.begin[x]]++
	}
}

// laterRatios works out endModel.later of a side from the counts of
// countBegins. The shares after each ending are smoothed towards those
// after any ending, so that an ending seen rarely says little more than
// the beginning alone.
func laterRatios(begins, goesOn *[nEndings][nBeginnings]float64) (r [nEndings][nBeginnings]float64) {
	const prior = 2
	shares := func(counts *[nEndings][nBeginnings]float64) (out [nEndings][nBeginnings]float64) {
		var all [nBeginnings]float64
		var total float64
		for e := range nEndings {
			for c := range nBeginnings {
				all[c] += counts[e][c]
				total += counts[e][c]
			}
		}
		for pe := range nEndings {
			var n float64
			for c := range nBeginnings {
				n += counts[pe][c]
			}
			for c := range nBeginnings {
				out[pe][c] = (counts[pe][c] + prior*share(all[c], total, nBeginnings)) / (n + prior)
			}
		}
		return out
	}
	b, g := shares(begins), shares(goesOn)
	for pe := range nEndings {
		for c := range nBeginnings {
			r[pe][c] = math.Log(g[pe][c] / b[pe][c])
		}
	}
	return r
}

// score is the evidence of the endings and beginnings of a link's units.
func (e *endModel) score(src, tgt []unit) float64 {
	sc := e.last[src[len(src)-1].end][tgt[len(tgt)-1].end] + e.first[src[0].begin][tgt[0].begin]
	for _, u := range src[:len(src)-1] {
		sc += e.inner[0][u.end]
	}
	for _, u := range tgt[:len(tgt)-1] {
		sc += e.inner[1][u.end]
	}
	for x := 1; x < len(src); x++ {
		sc += e.later[0][src[x-1].end][src[x].begin]
	}
	for y := 1; y < len(tgt); y++ {
		sc += e.later[1][tgt[y-1].end][tgt[y].begin]
	}
	return sc
}
