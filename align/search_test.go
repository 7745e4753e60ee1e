package align

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

// synthetic makes n sentence pairs of news-like text, each with a few
// names and numbers, the sentences of each side of different lengths.
func synthetic(n int, seed uint64) (src, tgt []string) {
	r := rand.New(rand.NewPCG(seed, 1))
	names := []string{"Rama", "Berisha", "Meta", "Merkel", "Macron", "Trump", "Putin", "Vučić", "Kurti", "Thaçi"}
	cities := [][2]string{{"Tiranë", "Tirana"}, {"Londër", "London"}, {"Romë", "Rome"}, {"Athinë", "Athens"}, {"Prishtinë", "Pristina"}, {"Vjenë", "Vienna"}}
	months := [][2]string{{"janar", "January"}, {"mars", "March"}, {"maj", "May"}, {"korrik", "July"}, {"tetor", "October"}}
	for i := range n {
		a, b := names[r.IntN(len(names))], names[r.IntN(len(names))]
		c, m := cities[r.IntN(len(cities))], months[r.IntN(len(months))]
		x, y := 100+7*i, r.IntN(90)+1
		switch r.IntN(3) {
		case 0:
			src = append(src, fmt.Sprintf("%s takoi %s në %s më %d %s.", a, b, c[0], y, m[0]))
			tgt = append(tgt, fmt.Sprintf("%s met %s in %s on %d %s.", a, b, c[1], y, m[1]))
		case 1:
			src = append(src, fmt.Sprintf("Sipas %s, %d njerëz protestuan në %s kundër qeverisë së %s.", a, x, c[0], b))
			tgt = append(tgt, fmt.Sprintf("According to %s, %d people protested in %s against the government of %s.", a, x, c[1], b))
		default:
			src = append(src, fmt.Sprintf("Ministri %s tha se buxheti i vitit do të rritet me %d përqind.", a, y))
			tgt = append(tgt, fmt.Sprintf("Minister %s said that this year's budget will grow by %d percent.", a, y))
		}
	}
	return src, tgt
}

// diagonal reports whether links pair sentence i with sentence i
// throughout.
func diagonal(links []Link) bool {
	for i, l := range links {
		if len(l.Src) != 1 || len(l.Tgt) != 1 || l.Src[0] != i || l.Tgt[0] != i {
			return false
		}
	}
	return true
}

// TestAlignLong aligns a text long enough to be searched coarse to fine
// and in parallel chunks.
func TestAlignLong(t *testing.T) {
	src, tgt := synthetic(5000, 1)
	links := Align(sents(src...), sents(tgt...), Options{SrcLang: "sq", TgtLang: "en"})
	requireCover(t, links, len(src), len(tgt))
	assert.True(t, diagonal(links), "every sentence should pair with its translation")
}

// TestAlignUnequalSizes: a translation of every tenth sentence still finds
// its originals (hunalign refuses such input).
func TestAlignUnequalSizes(t *testing.T) {
	src, all := synthetic(1000, 2)
	var tgt []string
	for i := 0; i < len(all); i += 10 {
		tgt = append(tgt, all[i])
	}
	links := Align(sents(src...), sents(tgt...), Options{SrcLang: "sq", TgtLang: "en"})
	requireCover(t, links, len(src), len(tgt))
	found := 0
	for _, l := range links {
		if len(l.Src) == 1 && len(l.Tgt) == 1 && l.Src[0] == 10*l.Tgt[0] {
			found++
		}
	}
	assert.GreaterOrEqual(t, found, 95*len(tgt)/100)
}

// diagonalLattice builds the sentence lattice of n synthetic sentence
// pairs (see synthetic) with the first pass's default parameters, searched
// in a band of the given width around the diagonal.
func diagonalLattice(n int, seed uint64, width int) *lattice {
	src, tgt := synthetic(n, seed)
	a := newAligner([]Bitext{{Src: sents(src...), Tgt: sents(tgt...)}}, Options{})
	ks := &keySpace{ids: map[string]keyID{}}
	keys := keyTables{src: typeKeys(ks, &a.srcVocab, true, nil), tgt: typeKeys(ks, &a.tgtVocab, false, nil)}
	keys.count = len(ks.ids)
	lat := &lattice{params: &a.params, delScale: 1, searched: nTypes}
	lat.src, lat.tgt = a.docs[0].level().units(keys)
	lat.srcGain = weigh(lat.src, 0.6, n)
	lat.tgtGain = weigh(lat.tgt, 0.6, n)
	var diag []step
	for i := 1; i <= n; i++ {
		diag = append(diag, step{to: node{i, i}})
	}
	lat.band = projectBand(diag, identity(n), identity(n), n, n, width)
	return lat
}

// TestSearchParallel: cutting the lattice into chunks at sure nodes gives
// the path of the whole search.
func TestSearchParallel(t *testing.T) {
	lat := diagonalLattice(3*minChunk, 3, 4)
	whole := lat.search(true)
	var cuts []node
	for _, s := range whole {
		cuts = append(cuts, s.to)
	}
	parts := lat.searchParallel(cuts, true)
	require.Len(t, parts, len(whole))
	for x := range whole {
		assert.Equal(t, whole[x].to, parts[x].to)
		assert.Equal(t, whole[x].kind, parts[x].kind)
		assert.InDelta(t, whole[x].post, parts[x].post, 0.05)
	}
}

// TestPosteriorsLongLattice: the sums over the paths of a long document
// run to millions of nats; the posteriors of its sure links must still
// come out near 1, as in a short one. (Kept in float32 whole, the sums
// of 20,000 rows gave some sure links 0.82.)
func TestPosteriorsLongLattice(t *testing.T) {
	const n = 20000
	lat := diagonalLattice(n, 3, 2)
	path := lat.search(true)
	require.Len(t, path, n)
	for _, s := range path {
		require.GreaterOrEqual(t, s.post, 0.98, "link to %v", s.to)
	}
}

func TestProjectBand(t *testing.T) {
	// A coarse path over blocks of two: 1-1, 1-0, 1-1 on a 3x2 lattice.
	path := []step{{to: node{1, 1}, kind: oneToOne}, {to: node{2, 1}, kind: srcOnly}, {to: node{3, 2}, kind: oneToOne}}
	srcStart, tgtStart := []int{0, 2, 4, 6}, []int{0, 2, 4}
	for _, w := range []int{0, 1, 4} {
		b := projectBand(path, srcStart, tgtStart, 6, 4, w)
		require.Len(t, b.lo, 7)
		assert.Equal(t, 0, b.lo[0])
		assert.Equal(t, 4, b.hi[6])
		for i := range b.lo {
			assert.LessOrEqual(t, b.lo[i], b.hi[i])
			assert.True(t, b.lo[i] >= 0 && b.hi[i] <= 4)
			if i > 0 {
				assert.LessOrEqual(t, b.lo[i-1], b.lo[i], "lo must not fall")
				assert.GreaterOrEqual(t, b.hi[i-1]+1, b.lo[i], "rows must connect")
			}
		}
		// The projected path itself lies in the band.
		for _, s := range path {
			assert.True(t, b.in(srcStart[s.to.i], tgtStart[s.to.j]))
		}
	}
}

// TestPosteriorRanksDoubtfulLinks: posteriors rank a doubtful link below clear ones.
func TestPosteriorRanksDoubtfulLinks(t *testing.T) {
	src := []string{"Kryeministri Rama mbërriti në Vjenë më 8 janar 2020.", "Ai do të takojë ministrat e 57 vendeve.", "Moti ishte i ftohtë.", "Takimi zgjati tre orë."}
	tgt := []string{"Prime Minister Rama arrived in Vienna on 8 January 2020.", "He will meet the ministers of 57 countries.", "It was a long day for everyone involved.", "The meeting lasted three hours."}
	links := Align(sents(src...), sents(tgt...), Options{SrcLang: "sq", TgtLang: "en"})
	requireCover(t, links, 4, 4)
	byText := map[string]float64{}
	for _, l := range links {
		byText[fmt.Sprint(l.Src, l.Tgt)] = l.Score
	}
	clear := byText["[1] [1]"]
	for k, v := range byText {
		if k != "[0] [0]" && k != "[1] [1]" && k != "[3] [3]" {
			assert.Less(t, v, clear, k)
		}
	}
}

func TestCheck(t *testing.T) {
	sq := []string{"Qeveria tha se do të ketë zgjedhje në tetor.", "Ministri i punëve të jashtme është në Londër për bisedime."}
	en := []string{"The government said there will be elections in October.", "The foreign minister is in London for talks."}
	check := func(src, tgt []string) []string {
		s, g := sents(src...), sents(tgt...)
		return Check(s, g, Align(s, g, Options{}), Langs{})
	}
	assert.Empty(t, check(sq, en))
	assert.Contains(t, fmt.Sprint(check(en, sq)), "swapped")
	assert.Contains(t, fmt.Sprint(check(sq, sq)), "both sides look Albanian")
	assert.Contains(t, fmt.Sprint(check(sq, nil)), "target side is empty")
	long := []string{en[0] + " " + en[1] + " " + en[0] + " " + en[1] + " " + en[0] + " " + en[1]}
	assert.Contains(t, fmt.Sprint(check(sq[:1], long)), "times as long")

	// Given a probe, Check warns on it rather than probing again.
	s, g := sents(sq...), sents(en...)
	links := Align(s, g, Options{})
	assert.Empty(t, Check(s, g, links, ProbeLangs(s, g)))
	assert.Contains(t, fmt.Sprint(Check(s, g, links, ProbeLangs(g, s))), "swapped")
}

func FuzzAlign(f *testing.F) {
	f.Add("Një.\nDy dhe 2.\n\n“Tre”?", "One.\nTwo and 2.\n“Three”?", uint8(0))
	f.Add("", "x", uint8(1))
	f.Add("a\nb\nc\nd", "a b c d", uint8(2))
	f.Add("Një.\nDy.\nFoto: Porschestrasse 7, Leverkusen 4711.\nTre.\nKatër.", "One.\nTwo.\nThree.\nFour.\nPhoto: Porschestrasse 7, Leverkusen 4711.", uint8(4))
	f.Fuzz(func(t *testing.T, a, b string, fixed uint8) {
		src, tgt := fuzzSents(a), fuzzSents(b)
		opt := Options{}
		switch {
		case fixed > 0 && fixed%2 == 0 && len(src) > 0 && len(tgt) > 0:
			opt.Fixed = []Link{{Src: []int{int(fixed) % len(src)}, Tgt: []int{int(fixed) % len(tgt)}}}
		case fixed%2 == 1 && len(src) > 0:
			opt.Fixed = []Link{{Src: []int{int(fixed) % len(src)}}}
		}
		// Moved pairs may put target sentences out of order, unless
		// InOrder keeps them apart.
		opt.InOrder = fixed&4 != 0
		links := Align(src, tgt, opt)
		if opt.InOrder {
			requireCover(t, links, len(src), len(tgt))
		} else {
			requireCoverOnce(t, links, len(src), len(tgt))
		}
		assert.Equal(t, Check(src, tgt, links, ProbeLangs(src, tgt)), Check(src, tgt, links, Langs{}))
	})
}

func fuzzSents(s string) []corpus.Sentence {
	var out []corpus.Sentence
	para := 0
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\n' {
			if i == start {
				para++
			} else {
				out = append(out, corpus.Sentence{Text: s[start:i], Start: start, End: i, Para: para})
			}
			start = i + 1
		}
	}
	return out
}

func TestParagraphEvidence(t *testing.T) {
	withParas := func(paras ...int) []corpus.Sentence {
		out := make([]corpus.Sentence, len(paras))
		for i, p := range paras {
			out[i] = corpus.Sentence{Text: fmt.Sprintf("Fjali numër %d.", i), Para: p}
		}
		return out
	}
	uses := func(src, tgt []corpus.Sentence) bool {
		a := newAligner([]Bitext{{Src: src, Tgt: tgt}}, Options{})
		return a.params.usePara
	}
	assert.False(t, uses(withParas(0, 1, 2, 3, 4, 5), withParas(0, 1, 2, 3, 4, 5)), "one sentence a paragraph tells nothing")
	assert.False(t, uses(withParas(0, 0, 0, 0, 0, 0), withParas(0, 0, 0, 0, 0, 0)), "nor does one paragraph")
	assert.True(t, uses(withParas(0, 0, 1, 1, 2, 2), withParas(0, 0, 0, 1, 1, 2)))

	// A link that holds a paragraph break, or starts a paragraph on one
	// side only, costs what the parameters say.
	weights := params{lengthRatio: 1, lengthVar: 2, srcMatchRate: 0.5, tgtMatchRate: 0.5, lexWeight: 0.5, paraBreak: 3, paraCross: 6, usePara: true}
	units := func(paras ...bool) []unit {
		out := make([]unit, len(paras))
		for i, p := range paras {
			out[i] = unit{chars: 50, para: p}
		}
		return out
	}
	lat := &lattice{src: units(true, false, true), tgt: units(true, true, false), params: &weights, searched: nTypes, delScale: 1}
	lat.srcGain, lat.tgtGain = weigh(lat.src, 0.5, 3), weigh(lat.tgt, 0.5, 3)
	lat.band = fullBand(3, 3)
	lc := newLexCache(lat)
	score := func(i, j, k int) float64 {
		lc.enter(i)
		lc.cell(j)
		weights.usePara = true
		with := lat.score(lc, i, j, k, math.Inf(-1))
		weights.usePara = false
		return with - lat.score(lc, i, j, k, math.Inf(-1))
	}
	assert.Zero(t, score(1, 1, 0), "both start a paragraph")
	assert.Equal(t, -3.0, score(2, 2, 0), "only the target starts one")
	assert.Equal(t, -6.0, score(3, 3, 3), "2-1 across the source break")
	assert.Equal(t, -9.0, score(3, 2, 3), "both")
}

// TestMatchableKeepsUnits: dropping the types that match nothing leaves
// the units of every level as they were.
func TestMatchableKeepsUnits(t *testing.T) {
	src, tgt := synthetic(400, 5)
	a := newAligner([]Bitext{{Src: sents(src...), Tgt: sents(tgt...)}}, Options{SrcLang: "sq", TgtLang: "en"})
	keys := a.keys()
	d := a.docs[0]
	all := d.level()
	kept := all.matchable(keys)
	require.Less(t, lenSum(kept.src.types), lenSum(all.src.types), "some source types match nothing")
	require.Less(t, lenSum(kept.tgt.types), lenSum(all.tgt.types), "some target types match nothing")
	for li := range 3 {
		wantSrc, wantTgt := all.units(keys)
		gotSrc, gotTgt := kept.units(keys)
		assert.Equal(t, wantSrc, gotSrc, "source units of level %d", li)
		assert.Equal(t, wantTgt, gotTgt, "target units of level %d", li)
		all, kept = all.coarser(), kept.coarser()
	}
}

// TestLeftOutSideBySide: a sentence left out on each side at the same
// place can be taken in either order, and both orders are the same links:
// the score of each is the sum over both, not what one order leaves it.
func TestLeftOutSideBySide(t *testing.T) {
	src, tgt := synthetic(60, 3)
	insert := func(s []string, at int, text string) []string {
		return append(s[:at:at], append([]string{text}, s[at:]...)...)
	}
	// Captions on one side teach the aligner that sentences get left out.
	for _, at := range []int{55, 50, 40, 10, 5} {
		tgt = insert(tgt, at, "Photo: Getty Images.")
	}
	for _, at := range []int{45, 35, 30, 15} {
		src = insert(src, at, "Foto: Reuters/Florion Goga.")
	}
	src = insert(src, 25, "Në vitin 1987 në Shkodër u ndërtuan 45 ura të reja mbi lumin Buna, me një kosto prej 3.800.000 lekësh.")
	tgt = insert(tgt, 26, "Photo: Getty Images.")
	links := Align(sents(src...), sents(tgt...), Options{SrcLang: "sq", TgtLang: "en"})
	requireCover(t, links, len(src), len(tgt))
	var side []Link
	for _, l := range links {
		if len(l.Src) == 1 && l.Src[0] == 25 || len(l.Tgt) == 1 && l.Tgt[0] == 26 {
			side = append(side, l)
		}
	}
	require.Len(t, side, 2, linkString(links))
	for _, l := range side {
		assert.Greater(t, l.Score, 0.8, "%v:%v", l.Src, l.Tgt)
	}
}
