package align

import (
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The search's lattice can take a run of sentences left out on both sides
// in any order, and every order is the same links: the sums over paths
// would count such an alignment once for each order, and so make runs of
// sentences left out look likelier than they are and the links around
// them less likely. So the sums take one order only: no target sentence
// is left out right after a source sentence (see insertionsFirst).

// sums are the forward or backward log sums of paths for every node of the
// band: all, and those that may be followed (forward) or preceded
// (backward) by a 0-1 link. A sum over the paths of a long document runs
// to millions of nats, where a float32 is no longer exact to the nat: the
// sums of a row are kept in float32 as differences from the row's first
// finite sum, held whole in base.
type sums struct {
	all, open []float32
	base      []float64 // by row
	has       []bool    // whether the row's base is set
}

func newSums(cells, rows int) *sums {
	return &sums{make([]float32, cells), make([]float32, cells), make([]float64, rows), make([]bool, rows)}
}

// set keeps the sums of cell c of row i from the terms of its links other
// than a 1-0 link and that of a 1-0 link (-Inf for none); start makes it
// the origin of the paths.
func (s *sums) set(i, c int, terms []float64, del float64, start bool) {
	open := logSumExp(terms)
	if start {
		open = 0
	}
	all := logAddExp(open, del)
	if !s.has[i] && !math.IsInf(all, -1) {
		s.base[i], s.has[i] = all, true
	}
	s.open[c] = float32(open - s.base[i])
	s.all[c] = float32(all - s.base[i])
}

// total is the sum of all the paths of cell c of row i.
func (s *sums) total(i, c int) float64 {
	return float64(s.all[c]) + s.base[i]
}

// into is the forward sum of cell c of row i that a link of type k may
// follow.
func (s *sums) into(i, c int, k linkType) float64 {
	if k == tgtOnly {
		return float64(s.open[c]) + s.base[i]
	}
	return s.total(i, c)
}

// from is the backward sum of cell c of row i that may follow a link of
// type k.
func (s *sums) from(i, c int, k linkType) float64 {
	if k == srcOnly {
		return float64(s.open[c]) + s.base[i]
	}
	return s.total(i, c)
}

// insertionsFirst puts the target sentences left out before the source
// sentences left out in every run of sentences left out of path, the one
// order the sums count, where the nodes of that order lie in band b. (At
// the edge of a narrow band they may not: the run keeps its order, and
// its links their share of the other order's paths.)
func insertionsFirst(path []step, b band) {
	for x := 0; x < len(path); {
		if path[x].kind != srcOnly && path[x].kind != tgtOnly {
			x++
			continue
		}
		from := node{}
		if x > 0 {
			from = path[x-1].to
		}
		y, tgt := x, 0
		for ; y < len(path) && (path[y].kind == srcOnly || path[y].kind == tgtOnly); y++ {
			if path[y].kind == tgtOnly {
				tgt++
			}
		}
		run := path[x:y]
		x = y
		// The nodes of the run in that order: along the source's row, then
		// down the target's column. A run in that order already keeps its
		// nodes.
		at := func(z int) node {
			if z < tgt {
				return node{from.i, from.j + z + 1}
			}
			return node{from.i + z - tgt + 1, from.j + tgt}
		}
		inBand := true
		for z := range run {
			inBand = inBand && b.in(at(z).i, at(z).j)
		}
		if !inBand {
			continue
		}
		for z := range run {
			run[z] = step{to: at(z), kind: tgtOnly}
			if z >= tgt {
				run[z].kind = srcOnly
			}
		}
	}
}

// posteriors gives every link of the path its posterior probability from
// the forward sums alpha and the link scores that forward kept: the
// backward pass adds the sums of the paths from each node to the end. A
// sentence left out has the probability that it is left out at all,
// wherever among the sentences the other side leaves out beside it.
func (lat *lattice) posteriors(path []step, off []int, alpha *sums, scores *linkScores) {
	n, m := len(lat.src), len(lat.tgt)
	lo := lat.band.lo
	beta := newSums(off[n+1], n+1)
	lat.backward(off, beta, scores)
	z := alpha.total(n, off[n]+m-lo[n]) // the sum over all paths
	inv := 1 / lat.params.temperature
	// through is the log probability of the paths that take the link of
	// type k from node f to node t.
	through := func(f, t node, k linkType) float64 {
		c := off[t.i] + t.j - lo[t.i]
		return alpha.into(f.i, off[f.i]+f.j-lo[f.i], k) + scores.get(c, int(k), t)*inv + beta.from(t.i, c, k) - z
	}
	var terms []float64
	from := node{}
	for x := range path {
		s := &path[x]
		to := s.to
		v := through(from, to, s.kind)
		if s.kind == srcOnly || s.kind == tgtOnly {
			// The same sentence left out from the other nodes of the band
			// along the other side: a 0-1 link from any row, a 1-0 link
			// from any column.
			lt := linkTypes[s.kind]
			along := node{lt.b, lt.a}
			terms = append(terms[:0], v)
			for _, dir := range [2]int{-1, 1} {
				for f := from; ; {
					f = node{f.i + dir*along.i, f.j + dir*along.j}
					t := node{f.i + lt.a, f.j + lt.b}
					if f.i < 0 || f.j < 0 || t.i > n || t.j > m || !lat.band.in(f.i, f.j) || !lat.band.in(t.i, t.j) {
						break
					}
					terms = append(terms, through(f, t, s.kind))
				}
			}
			v = logSumExp(terms)
		}
		s.post = min(1, math.Exp(v))
		from = to
	}
}

// linkScores keeps the score of every link in the band for the backward
// pass. Those of 1-0 and 0-1 links depend only on their type, or on the
// unit left out where it has a prior of its own, and are not stored: a
// quarter of the scores of the first pass.
type linkScores struct {
	s   []float32 // by cell, then by the index that stored gives the type
	n   int       // stored types
	del [nTypes]float32
	lat *lattice // set when units have leaveOut priors of their own
}

// stored numbers the link types whose scores linkScores stores, and gives
// the others -1.
var stored = func() (x [nTypes]int) {
	n := 0
	for k, t := range linkTypes {
		x[k] = -1
		if t.a > 0 && t.b > 0 {
			x[k] = n
			n++
		}
	}
	return x
}()

func (lat *lattice) newLinkScores(cells int) *linkScores {
	ls := &linkScores{}
	for k := range linkTypes[:lat.searched] {
		if stored[k] < 0 {
			// Stored as float32 like the others, so that forward and
			// backward see the same value.
			ls.del[k] = float32(lat.typeLeaveOutScore(linkType(k)))
		} else {
			ls.n++
		}
	}
	ls.s = make([]float32, cells*ls.n)
	if lat.ownLeaveOut {
		ls.lat = lat
	}
	return ls
}

// set keeps the score of the link of type k that ends in cell c.
func (ls *linkScores) set(c, k int, sc float64) {
	if x := stored[k]; x >= 0 {
		ls.s[c*ls.n+x] = float32(sc)
	}
}

// get is the score of the link of type k that ends in cell c, node to.
func (ls *linkScores) get(c, k int, to node) float64 {
	if x := stored[k]; x >= 0 {
		return float64(ls.s[c*ls.n+x])
	}
	if ls.lat != nil {
		return float64(float32(ls.lat.leaveOutScore(to.i, to.j, linkType(k))))
	}
	return float64(ls.del[k])
}

// backward fills the backward log sums of every node of the band from the
// link scores that forward kept.
func (lat *lattice) backward(off []int, beta *sums, scores *linkScores) {
	n, m := len(lat.src), len(lat.tgt)
	lo, hi := lat.band.lo, lat.band.hi
	inv := 1 / lat.params.temperature
	var terms [nTypes]float64
	var to [nTypes]cols
	for i := n; i >= 0; i-- {
		// The columns of row i whose link of type k ends in the band.
		for k, t := range linkTypes[:lat.searched] {
			to[k] = lat.band.cols(i, t.a, t.b, m)
		}
		for j := hi[i]; j >= lo[i]; j-- {
			nt, ins := 0, math.Inf(-1)
			for k, t := range linkTypes[:lat.searched] {
				if !to[k].has(j) {
					continue
				}
				ni, nj := i+t.a, j+t.b
				c := off[ni] + nj - lo[ni]
				v := beta.from(ni, c, linkType(k)) + scores.get(c, k, node{ni, nj})*inv
				if k == int(tgtOnly) {
					ins = v
				} else {
					terms[nt] = v
					nt++
				}
			}
			beta.set(i, off[i]+j-lo[i], terms[:nt], ins, i == n && j == m)
		}
	}
}

// logAddExp is log(e^a + e^b).
func logAddExp(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(b, -1) {
		return a
	}
	return a + math.Log1p(math.Exp(b-a))
}

func logSumExp(t []float64) float64 {
	if len(t) == 0 {
		return math.Inf(-1)
	}
	mx := t[0]
	for _, v := range t[1:] {
		mx = max(mx, v)
	}
	if math.IsInf(mx, -1) {
		return mx
	}
	var s float64
	for _, v := range t {
		// Terms e^-40 below the largest change nothing in float32 sums;
		// the largest adds e^0, one.
		switch d := v - mx; {
		case d == 0:
			s++
		case d > -40:
			s += math.Exp(d)
		}
	}
	return mx + math.Log(s)
}

// lowerDoubtful lowers the scores of the links of the final path of
// document d (searched in lat) that show signs of error the search does
// not weigh: words that cross a boundary, sentences in crossed order or
// a sentence left out whose translation is near (see lowerCrossed), noise
// joined to a sentence (see noiseLoss), an introducer joined to a sentence
// (see introducerLoss) and a boundary inside brackets (see bracketLoss);
// then the neighbours of the links these signs found wrong
// (see spreadDoubt); and, in a short input, the 1-1 links whose lengths do
// not fit (see misfitFree).
func (a *aligner) lowerDoubtful(d *docState, lat *lattice, path []step, strands []strand) {
	before := make([]float64, len(path))
	for x := range path {
		before[x] = path[x].post
	}
	lat.lowerCrossed(path, strands)
	from := node{}
	for x := range path {
		to := path[x].to
		noisy := to.i-from.i > 1 && slices.ContainsFunc(d.src.types[from.i:to.i], a.srcVocab.isNoise) ||
			to.j-from.j > 1 && slices.ContainsFunc(d.tgt.types[from.j:to.j], a.tgtVocab.isNoise)
		if noisy {
			lowerOdds(&path[x], noiseLoss)
		}
		if misplacedIntroducer(&d.src, &d.tgt, from, to) {
			lowerOdds(&path[x], introducerLoss)
		}
		if x+1 < len(path) && (inBrackets(d.src.bracket, to.i) || inBrackets(d.tgt.bracket, to.j)) {
			lowerOdds(&path[x], bracketLoss)
			lowerOdds(&path[x+1], bracketLoss)
		}
		from = to
	}
	spreadDoubt(path, before)
	lat.lowerMisfits(path, a.sentences)
}

// A document aligned alone, or a few short ones, give the estimates few
// links to learn from: the shares of the link types lean on their defaults
// (see estimate), and the induced lexicon is small or empty, so little but
// the lengths speaks for a link. A 1-1 link whose lengths do not fit then
// owes its posterior to the priors of the other ways of linking its
// sentences (a 2-2 link, or a sentence left out and one joined to its
// neighbour), which cost more whatever the lengths say: the very links
// that cut a group across a boundary, or shift by a sentence whose
// translation is missing. So a 1-1 link loses misfitWeight in log odds
// for each nat of length evidence against it (see lengthLogProb) beyond
// misfitFree, times the weight of the defaults, shortInput/(shortInput+s)
// for an input of s sentences: over a long input the sign fades.
const (
	misfitFree   = 1
	misfitWeight = 2
	shortInput   = 30
)

// lowerMisfits lowers the 1-1 links of path whose lengths do not fit (see
// misfitFree), for an input of the given number of sentences.
func (lat *lattice) lowerMisfits(path []step, sentences int) {
	w := misfitWeight * shortInput / float64(shortInput+sentences)
	p := lat.params
	from := node{}
	for x := range path {
		to := path[x].to
		if path[x].kind == oneToOne {
			lp := lengthLogProb(lat.src[from.i].chars, lat.tgt[from.j].chars, p.lengthRatio, p.lengthVar)
			if lp < -misfitFree {
				lowerOdds(&path[x], w*(-lp-misfitFree))
			}
		}
		from = to
	}
}

// A wrong link has a wrong boundary, and it shares each of its boundaries
// with a neighbour. The posterior spreads its own doubt about a link to
// the links around it; the signs of error, weighed after it, do not. So a
// link next to one that the signs took from a likely score to a sure
// error (below sureWrong) loses neighbourLoss in log odds, once.
const (
	sureWrong     = 0.02
	neighbourLoss = 3
)

// spreadDoubt lowers the links of path next to one whose score fell from
// at least sureWrong (its score in before) to below it.
func spreadDoubt(path []step, before []float64) {
	fell := func(y int) bool {
		return y >= 0 && y < len(path) && before[y] >= sureWrong && path[y].post < sureWrong
	}
	var next []int
	for x := range path {
		if fell(x-1) || fell(x+1) {
			next = append(next, x)
		}
	}
	for _, x := range next {
		lowerOdds(&path[x], neighbourLoss)
	}
}

// An introducer is a short sentence that ends in a colon ("Literatur :",
// "Les autres membres étaient :"): it opens what follows it. It has too
// few words for the search to place it by, and translators often fold it
// into the sentence before, or drop it. So a link that joins one to other
// sentences of its side, while its two sides end different numbers of
// sentences in a colon, loses introducerLoss in log odds: the introducer's
// colon found no counterpart in the link, and may belong to the next or
// the last one. On the held-out Text+Berg documents a third of such links
// are wrong, against one in twelve of all.
const (
	introducerLoss     = 1
	maxIntroducerWords = 5
)

// isIntroducer tells whether a sentence that ends in a colon is short
// enough to be an introducer: at most maxIntroducerWords words, a word
// being a run of text with a letter or a digit.
func isIntroducer(text string) bool {
	n := 0
	for _, w := range strings.Fields(text) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n <= maxIntroducerWords
}

// misplacedIntroducer tells whether the link from node from to node to
// joins an introducer to other sentences of its side while its sides end
// different numbers of sentences in a colon.
func misplacedIntroducer(src, tgt *sideText, from, to node) bool {
	if src.intro == nil && tgt.intro == nil || from.i == to.i || from.j == to.j {
		return false
	}
	joined := func(s *sideText, lo, hi int) bool {
		return hi-lo > 1 && s.intro != nil && slices.Contains(s.intro[lo:hi], true)
	}
	if !joined(src, from.i, to.i) && !joined(tgt, from.j, to.j) {
		return false
	}
	colons := func(s *sideText, lo, hi int) int {
		n := 0
		for _, e := range s.end[lo:hi] {
			if e == endColon {
				n++
			}
		}
		return n
	}
	return colons(src, from.i, to.i) != colons(tgt, from.j, to.j)
}

// bracketLoss is what the links on either side of a boundary lose in log
// odds when on one side the sentence before the boundary opens a bracket
// that the sentence after it closes. The splitter cut inside the bracket,
// most often at an abbreviation ("Nov .", "S . 340"), and the translation
// seldom cuts where the splitter did: the two sentences belong to one
// link.
const bracketLoss = 6

// inBrackets tells whether the boundary before sentence i of a side with
// the given bracketSigns falls inside a bracket.
func inBrackets(sign []int8, i int) bool {
	return i > 0 && i < len(sign) && sign[i-1] > 0 && sign[i] < 0
}

// bracketSign is the sign of the number of brackets (round or square) a
// text opens less the number it closes.
func bracketSign(text string) int8 {
	n := strings.Count(text, "(") + strings.Count(text, "[") - strings.Count(text, ")") - strings.Count(text, "]")
	return int8(max(min(n, 1), -1))
}

// noiseLoss is what a link loses in log odds when one of its sides joins
// a sentence of noise (see isNoise) to others. A scan of a book leaves
// debris ("- _-", ".....", "h * \"") as sentences of their own, which a
// link absorbs at little cost; a reader leaves it out.
const noiseLoss = 5

// isNoise tells whether a sentence of the given types has no word of
// three letters or more. A sentence of nothing but question or
// exclamation marks, quotes and brackets ("!", "» .") is no noise: it is
// the end of the sentence before it, which the scan put on a line of its
// own, and belongs to that sentence's link.
func (v *vocab) isNoise(types []typeID) bool {
	closing := len(types) > 0
	for _, id := range types {
		t := v.toks[id]
		if t.kind == wordToken && utf8.RuneCountInString(t.text) >= 3 {
			return false
		}
		if t.kind != punctToken || !closingMark(t.text) {
			closing = false
		}
	}
	return !closing
}

// closingMark tells whether a punctuation token (see punctClass) can end a
// sentence or close what it quotes.
func closingMark(p string) bool {
	switch p {
	case "?", "!", "\"", "()":
		return true
	}
	return false
}

// lowerOdds takes loss from the log odds of the score of s.
func lowerOdds(s *step, loss float64) {
	p := min(max(s.post, 1e-9), 1-1e-9)
	s.post = 1 / (1 + math.Exp(loss-math.Log(p/(1-p))))
}

// Words that cross a link boundary. When a long sentence is told in
// several of the other language and the search cuts the group in two, or
// draws a boundary one sentence off, each part is still a fair link on its
// own and the posterior can be near one: the other ways of linking the
// group lose on the link type prior, whatever their words say. What gives
// such a cut away is its orphans: words that match nothing in their own
// link but match an orphan of the link next to it, a rare name or number
// on one side of the boundary whose translation is on the other. They
// cross a misplaced boundary one way, from the part cut off towards the
// rest of its group; a translator who reorders clauses moves words across
// a true boundary both ways, and those cancel out.
const (
	// crossFree is how much orphan evidence a boundary carries before it
	// counts against the links on either side, in nats of information
	// (see slotInfo): a rare word moved across a true boundary now and
	// then is no sign of a wrong one.
	crossFree = 9
	// crossWeight is what a nat of orphan evidence beyond crossFree takes
	// from a link's log odds.
	crossWeight = 1
)

// lowerCrossed lowers the scores of the links of a final path next to a
// boundary that orphans cross (see crossFree): a link's log odds lose
// crossWeight for each nat beyond crossFree of the larger orphan evidence
// of its two boundaries, that of one way less that of the other. It also
// lowers the links whose sentences match in crossed order (see
// reorderLoss), and the sentences left out whose words match a sentence
// near them with the links that hold those (see strandFree). The path is
// not changed.
func (lat *lattice) lowerCrossed(path []step, strands []strand) {
	if len(path) == 0 {
		return
	}
	n, m := len(lat.src), len(lat.tgt)
	o := newOrphans(lat)
	defer o.mt.release()
	o.own = make([]uint64, n+m)
	start := func(x int) node {
		if x == 0 {
			return node{}
		}
		return path[x-1].to
	}
	// The matches inside the links, then the orphan evidence of the
	// boundaries, are worked out in parts of the path at once, each part
	// with a matcher of its own.
	inParts(len(path), func(lo, hi int) {
		var mt matcher
		defer mt.release()
		for x := lo; x < hi; x++ {
			from, to := start(x), path[x].to
			for i := from.i; i < to.i; i++ {
				mt.mark(lat.src[i].keys)
				for j := from.j; j < to.j; j++ {
					a, b := mt.probe(lat.tgt[j].keys)
					o.own[i] |= a
					o.own[n+j] |= b
				}
				mt.unmark(lat.src[i].keys)
			}
		}
	})
	// cross[x] is the orphan evidence of the boundary after link x.
	cross := make([]float64, len(path)-1)
	inParts(len(cross), func(lo, hi int) {
		part := &orphans{lat: lat, own: o.own, logs: o.logs}
		defer part.mt.release()
		for x := lo; x < hi; x++ {
			prev, mid, end := start(x), path[x].to, path[x+1].to
			cross[x] = math.Abs(part.info(prev.i, mid.i, mid.j, end.j) - part.info(mid.i, end.i, prev.j, mid.j))
		}
	})
	// held[y] is the largest loss of a sentence left out whose best match
	// link y holds.
	var held []float64
	from := node{}
	for x := range path {
		var c float64
		if x > 0 {
			c = cross[x-1]
		}
		if x < len(cross) {
			c = max(c, cross[x])
		}
		if c > crossFree {
			lowerOdds(&path[x], crossWeight*(c-crossFree))
		}
		to := path[x].to
		if st := strands[x]; st.match >= 0 && st.info > strandFree {
			loss := strandWeight * (st.info - strandFree)
			lowerOdds(&path[x], loss)
			if held == nil {
				held = make([]float64, len(path))
			}
			y := holder(path, st.match, path[x].kind == srcOnly)
			held[y] = max(held[y], loss)
		}
		if to.i-from.i > 1 && to.j-from.j > 1 && o.reordered(from, to) {
			lowerOdds(&path[x], reorderLoss)
		}
		from = to
	}
	for y, loss := range held {
		if loss > 0 {
			lowerOdds(&path[y], loss)
		}
	}
}

// holder is the index of the link of path that holds unit k of the
// target side when tgt is set, of the source side otherwise.
func holder(path []step, k int, tgt bool) int {
	return sort.Search(len(path), func(x int) bool {
		if tgt {
			return path[x].to.j > k
		}
		return path[x].to.i > k
	})
}

// A sentence left out (a 1-0 or 0-1 link) whose words match a sentence
// near it on the other side was most likely not left out by the
// translator: its translation is there, but out of the order the search
// keeps (a caption moved in a scanned page, a clause told elsewhere), and
// the search dropped both rather than cross. A sentence truly left
// untranslated matches nothing near it but common words, which carry
// little information. The link that holds the sentence it matches is as
// doubtful: that sentence is linked with what is not its translation, or
// its translation left out of its link.
const (
	// strandFree is how much information (see slotInfo) a sentence left
	// out may share with a sentence near it before that counts against
	// its link.
	strandFree = 11
	// strandWeight is what a nat beyond strandFree takes from the log
	// odds of the link, and of the link that holds the match.
	strandWeight = 0.5
	// strandReach is how far on the other side, in sentences either way
	// from where the sentence left out stands, its translation is sought.
	strandReach = 8
)

// stranded is the largest information that u, a unit left out, shares
// with one of the units of the other side within strandReach of position
// at, and that unit's index. u's side has nOwn units.
func (o *orphans) stranded(u *unit, other []unit, at, nOwn int) (most float64, best int) {
	mt := &o.mt
	mt.mark(u.keys)
	best = -1
	for j := max(0, at-strandReach); j < min(len(other), at+strandReach); j++ {
		v := &other[j]
		su, sv := mt.probe(v.keys)
		if info := o.slotInfo(u, su, len(other)) + o.slotInfo(v, sv, nOwn); info > most {
			most, best = info, j
		}
	}
	mt.unmark(u.keys)
	return most, best
}

// A strand is what a link of a final path that leaves out one sentence
// shares with the sentences near it on the other side (see stranded): the
// most information, and with which sentence. Other links have match -1.
type strand struct {
	info  float64
	match int
}

// strands works out the strand of every link of path.
func (lat *lattice) strands(path []step) []strand {
	o := newOrphans(lat)
	defer o.mt.release()
	n, m := len(lat.src), len(lat.tgt)
	out := make([]strand, len(path))
	from := node{}
	for x, s := range path {
		out[x].match = -1
		switch s.kind {
		case srcOnly:
			out[x].info, out[x].match = o.stranded(&lat.src[from.i], lat.tgt, from.j, n)
		case tgtOnly:
			out[x].info, out[x].match = o.stranded(&lat.tgt[from.j], lat.src, from.i, m)
		}
		from = s.to
	}
	return out
}

// reorderLoss is what a link of several sentences on both sides loses in
// log odds when its sentences match in crossed order: the first source
// sentence the later target ones and the later source sentences the first
// target one. The search aligns in order, so it can only join sentences
// that a translator swapped into one link, where a reader would link each
// with its own.
const reorderLoss = 8

// reordered tells whether the sentences of the link from node from to
// node to match more in crossed order than in order. Each pair of matches
// of two source sentences counts, by the geometric mean of their
// information (see slotInfo), as in order when the target sentences are
// in the same order and as crossed when they are the other way round.
func (o *orphans) reordered(from, to node) bool {
	lat, mt := o.lat, &o.mt
	n, m := len(lat.src), len(lat.tgt)
	a, b := to.i-from.i, to.j-from.j
	w := make([]float64, a*b) // w[x*b+y]: the information of the matches of source x and target y
	for x := range a {
		u := &lat.src[from.i+x]
		mt.mark(u.keys)
		for y := range b {
			v := &lat.tgt[from.j+y]
			su, sv := mt.probe(v.keys)
			w[x*b+y] = o.slotInfo(u, su, m) + o.slotInfo(v, sv, n)
		}
		mt.unmark(u.keys)
	}
	var inOrder, crossed float64
	for x1 := range a {
		for x2 := x1 + 1; x2 < a; x2++ {
			for y1 := range b {
				for y2 := range b {
					p := math.Sqrt(w[x1*b+y1] * w[x2*b+y2])
					switch {
					case y1 < y2:
						inOrder += p
					case y1 > y2:
						crossed += p
					}
				}
			}
		}
	}
	return crossed > inOrder
}

// orphans finds the orphans of the links of a path.
type orphans struct {
	lat *lattice
	mt  matcher
	// own[i] are the slots of source unit i that match in its link,
	// own[n+j] those of target unit j: the others are orphans.
	own  []uint64
	buf  []keyTok  // the orphan keys of a source unit
	vbuf []keyTok  // and of a target unit
	logs []float64 // logs[x] = log x, for slotInfo
}

// newOrphans readies the orphan evidence of lat's units; own is left to
// the caller.
func newOrphans(lat *lattice) *orphans {
	o := &orphans{lat: lat, logs: make([]float64, max(len(lat.src), len(lat.tgt))+2)}
	for x := 1; x < len(o.logs); x++ {
		o.logs[x] = math.Log(float64(x))
	}
	return o
}

// info is the evidence of the orphans of source units i0..i1-1 that
// match orphans of target units j0..j1-1: the information of each such
// slot on either side (see slotInfo).
func (o *orphans) info(i0, i1, j0, j1 int) float64 {
	lat, mt, own := o.lat, &o.mt, o.own
	n, m := len(lat.src), len(lat.tgt)
	var info float64
	for i := i0; i < i1; i++ {
		u := &lat.src[i]
		o.buf = orphanKeys(o.buf[:0], u.keys, own[i])
		if len(o.buf) == 0 {
			continue
		}
		mt.mark(o.buf)
		for j := j0; j < j1; j++ {
			v := &lat.tgt[j]
			o.vbuf = orphanKeys(o.vbuf[:0], v.keys, own[n+j])
			if len(o.vbuf) == 0 {
				continue
			}
			su, sv := mt.probe(o.vbuf)
			info += o.slotInfo(u, su, m) + o.slotInfo(v, sv, n)
		}
		mt.unmark(o.buf)
	}
	return info
}

// orphanKeys appends to buf the keys of the slots of keys that are not
// in own.
func orphanKeys(buf, keys []keyTok, own uint64) []keyTok {
	for _, kt := range keys {
		if own&(1<<kt.slot()) == 0 {
			buf = append(buf, kt)
		}
	}
	return buf
}

// slotInfo sums the information of the given slots of u, whose other
// side has nOther units: log((nOther+1)/(df+1)) for a token whose keys
// occur in df of them, smoothed so that a token in every unit still
// carries a little.
func (o *orphans) slotInfo(u *unit, slots uint64, nOther int) float64 {
	var info float64
	for slots != 0 {
		info += o.logs[nOther+1] - o.logs[u.df[bits.TrailingZeros64(slots)]+1]
		slots &= slots - 1
	}
	return info
}
