package evalset

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
)

// Counts holds what precision and recall are computed from when predicted
// links are compared with gold links. Counts of several documents are added
// up before dividing, as the sentence-alignment literature (and score.py of
// the evaluation sets) does, so long documents weigh more than short ones.
type Counts struct {
	// Pred is the number of distinct predicted links, 1-0 and 0-1 included
	// (links empty on both sides are ignored). PredStrict of them are in the
	// gold links; PredLax link at least one source sentence to a target
	// sentence that gold links it to.
	Pred, PredStrict, PredLax int

	// Gold is the number of distinct gold links with two non-empty sides,
	// and GoldStrict and GoldLax count them the same way against the
	// predicted links that have two non-empty sides.
	Gold, GoldStrict, GoldLax int

	// Unmapped counts the texts of an end-to-end prediction that were not
	// found in the gold lines (see CompareText).
	Unmapped int
}

// Scores are precision, recall and their harmonic mean, each in [0,1].
type Scores struct {
	Precision, Recall, F1 float64
}

// Add returns the sum of c and d.
func (c Counts) Add(d Counts) Counts {
	return Counts{
		Pred: c.Pred + d.Pred, PredStrict: c.PredStrict + d.PredStrict, PredLax: c.PredLax + d.PredLax,
		Gold: c.Gold + d.Gold, GoldStrict: c.GoldStrict + d.GoldStrict, GoldLax: c.GoldLax + d.GoldLax,
		Unmapped: c.Unmapped + d.Unmapped,
	}
}

// Strict returns the scores where a link counts only if it is exactly right.
func (c Counts) Strict() Scores { return newScores(c.PredStrict, c.Pred, c.GoldStrict, c.Gold) }

// Lax returns the scores where a link counts if it overlaps a right one.
func (c Counts) Lax() Scores { return newScores(c.PredLax, c.Pred, c.GoldLax, c.Gold) }

func newScores(predHits, pred, goldHits, gold int) Scores {
	var s Scores
	if pred > 0 {
		s.Precision = float64(predHits) / float64(pred)
	}
	if gold > 0 {
		s.Recall = float64(goldHits) / float64(gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Compare counts how many of the predicted links are right and how many of
// the gold links were found. Precision is over all predicted links, so a
// wrong 1-0 or 0-1 link costs; recall leaves out links with an empty side on
// both lists, because an omission cannot be found "partly".
func Compare(gold, pred []align.Link) Counts {
	var c Counts
	c.Pred, c.PredStrict, c.PredLax = countHits(gold, pred)
	c.Gold, c.GoldStrict, c.GoldLax = countHits(withBothSides(pred), withBothSides(gold))
	return c
}

// countHits counts the distinct non-empty links of test, and those of them that
// are in ref (strict) or link a source id to a target id that ref links it
// to (lax).
func countHits(ref, test []align.Link) (n, strict, lax int) {
	refKeys := make(map[string]bool, len(ref))
	refTgt := make(map[int]map[int]bool)
	for _, l := range ref {
		if len(l.Src) == 0 && len(l.Tgt) == 0 {
			continue
		}
		refKeys[linkKey(l)] = true
		for _, s := range l.Src {
			if refTgt[s] == nil {
				refTgt[s] = make(map[int]bool)
			}
			for _, t := range l.Tgt {
				refTgt[s][t] = true
			}
		}
	}
	seen := make(map[string]bool, len(test))
	for _, l := range test {
		k := linkKey(l)
		if len(l.Src) == 0 && len(l.Tgt) == 0 || seen[k] {
			continue
		}
		seen[k] = true
		n++
		switch {
		case refKeys[k]:
			strict++
			lax++
		case laxHit(refTgt, l):
			lax++
		}
	}
	return n, strict, lax
}

func laxHit(refTgt map[int]map[int]bool, l align.Link) bool {
	for _, s := range l.Src {
		for _, t := range l.Tgt {
			if refTgt[s][t] {
				return true
			}
		}
	}
	return false
}

// linkKey identifies a link by its ids in the order given, as gold files write
// them.
func linkKey(l align.Link) string {
	b := make([]byte, 0, 16)
	for _, id := range l.Src {
		b = strconv.AppendInt(b, int64(id), 10)
		b = append(b, ',')
	}
	b = append(b, ':')
	for _, id := range l.Tgt {
		b = strconv.AppendInt(b, int64(id), 10)
		b = append(b, ',')
	}
	return string(b)
}

func withBothSides(links []align.Link) []align.Link {
	var out []align.Link
	for _, l := range links {
		if len(l.Src) > 0 && len(l.Tgt) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// Right reports for each predicted link whether gold has exactly that link.
func Right(gold, pred []align.Link) []bool {
	keys := make(map[string]bool, len(gold))
	for _, l := range gold {
		keys[linkKey(l)] = true
	}
	right := make([]bool, len(pred))
	for i, l := range pred {
		right[i] = keys[linkKey(l)]
	}
	return right
}

// WrongInLowest measures how well scores rank the wrong links first: of the
// wrong links (right[i] false), it returns how many are among the fraction
// frac of links with the lowest scores, and how many there are in all. A
// reviewer who checks links from the lowest score up finds that many errors
// after reading frac of the links. Ties keep the order of the links.
func WrongInLowest(links []align.Link, right []bool, frac float64) (found, wrong int) {
	order := make([]int, len(links))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(links[a].Score, links[b].Score) })
	n := int(math.Round(frac * float64(len(links))))
	for rank, i := range order {
		if !right[i] {
			wrong++
			if rank < n {
				found++
			}
		}
	}
	return found, wrong
}

// CompareText scores an end-to-end prediction, where the aligner split the
// raw text itself, so its sentences need not be the gold ones. Each predicted
// pair is given by its text (Src, Tgt; several sentences joined by a space,
// an empty side for a 1-0 or 0-1 link). Each text is located in the gold
// lines of its side, in order, after normalising Unicode (NFC) and white
// space; predicted links that cover a common gold line are merged, and the
// merged links are compared with gold. So a sentence boundary the splitter
// missed costs the links around it, and a pair whose text is not found
// verbatim counts as a wrong link (and in Counts.Unmapped, once per side).
func CompareText(srcLines, tgtLines []string, gold []align.Link, pred []corpus.Pair) Counts {
	srcTexts := make([]string, len(pred))
	tgtTexts := make([]string, len(pred))
	for i, p := range pred {
		srcTexts[i], tgtTexts[i] = p.Src, p.Tgt
	}
	src, srcMissed := locateTexts(srcLines, srcTexts)
	tgt, tgtMissed := locateTexts(tgtLines, tgtTexts)
	var links []align.Link
	wrong := 0
	for i := range pred {
		if src[i] == nil || tgt[i] == nil {
			wrong++
			continue
		}
		links = append(links, align.Link{Src: src[i], Tgt: tgt[i]})
	}
	c := Compare(gold, mergeSharing(links))
	c.Pred += wrong // distinct links that no gold link can match
	c.Unmapped = srcMissed + tgtMissed
	return c
}

// locateTexts returns the ids of the lines each text covers: an empty, non-nil
// slice for an empty text and nil for a text not found. The search goes on
// from the end of the previous match, and falls back to the whole text so
// that a link out of order is still found.
func locateTexts(lines, texts []string) (covered [][]int, missed int) {
	type span struct{ start, end int }
	offs := make([]span, len(lines))
	var full strings.Builder
	for i, l := range lines {
		l = normalizeText(l)
		if i > 0 {
			full.WriteByte(' ')
		}
		offs[i] = span{full.Len(), full.Len() + len(l)}
		full.WriteString(l)
	}
	all := full.String()
	covered = make([][]int, len(texts))
	cur := 0
	for i, t := range texts {
		t = normalizeText(t)
		if t == "" {
			covered[i] = []int{}
			continue
		}
		p := strings.Index(all[cur:], t)
		if p >= 0 {
			p += cur
		} else if p = strings.Index(all, t); p < 0 {
			missed++
			continue
		}
		cur = p + len(t)
		ids := []int{}
		for k, o := range offs {
			if o.start < p+len(t) && p < o.end {
				ids = append(ids, k)
			}
		}
		covered[i] = ids
	}
	return covered, missed
}

// mergeSharing unites links that share a line on either side, with their ids
// sorted.
func mergeSharing(links []align.Link) []align.Link {
	parent := make([]int, len(links))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	srcOwner, tgtOwner := map[int]int{}, map[int]int{}
	unite := func(owner map[int]int, ids []int, i int) {
		for _, id := range ids {
			if o, ok := owner[id]; ok {
				parent[find(i)] = find(o)
			} else {
				owner[id] = i
			}
		}
	}
	for i, l := range links {
		unite(srcOwner, l.Src, i)
		unite(tgtOwner, l.Tgt, i)
	}
	type group struct{ src, tgt map[int]bool }
	groups := map[int]*group{}
	var order []int
	for i, l := range links {
		r := find(i)
		g := groups[r]
		if g == nil {
			g = &group{map[int]bool{}, map[int]bool{}}
			groups[r] = g
			order = append(order, r)
		}
		for _, id := range l.Src {
			g.src[id] = true
		}
		for _, id := range l.Tgt {
			g.tgt[id] = true
		}
	}
	out := make([]align.Link, 0, len(order))
	for _, r := range order {
		out = append(out, align.Link{Src: sortedIDs(groups[r].src), Tgt: sortedIDs(groups[r].tgt)})
	}
	return out
}

func sortedIDs(m map[int]bool) []int {
	ids := make([]int, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// normalizeText puts text in NFC with each run of white space made one space
// and none at either end, so that texts compare whatever their spacing.
func normalizeText(s string) string {
	s = norm.NFC.String(s)
	return strings.Join(strings.FieldsFunc(s, isPySpace), " ")
}

// isPySpace is white space as Python's str.isspace defines it (score.py's \s):
// Unicode white space plus the ASCII separators U+001C..U+001F.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}
