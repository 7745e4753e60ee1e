package align

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

func sents(texts ...string) []corpus.Sentence {
	out := make([]corpus.Sentence, len(texts))
	for i, t := range texts {
		out[i] = corpus.Sentence{Text: t, Para: i}
	}
	return out
}

// linkString writes links like gold.txt does, one a line.
func linkString(links []Link) string {
	var b strings.Builder
	for _, l := range links {
		fmt.Fprintf(&b, "%v:%v\n", l.Src, l.Tgt)
	}
	return b.String()
}

// requireCoverOnce checks the contract of Align without Options.InOrder:
// every sentence exactly once, the source sentences in order, no empty
// link, scores in [0,1]. A moved pair puts a target sentence out of order.
func requireCoverOnce(t *testing.T, links []Link, n, m int) {
	t.Helper()
	seen := make([]int, m)
	next := 0
	for _, l := range links {
		require.True(t, len(l.Src)+len(l.Tgt) > 0 && l.Score >= 0 && l.Score <= 1, "link %v:%v (score %v) is empty or badly scored", l.Src, l.Tgt, l.Score)
		for _, i := range l.Src {
			require.Equal(t, next, i, "source sentences in order")
			next++
		}
		for _, j := range l.Tgt {
			require.True(t, j >= 0 && j < m, "target sentence %d of %d", j, m)
			seen[j]++
		}
	}
	require.Equal(t, n, next, "source sentences covered")
	for j, c := range seen {
		require.Equal(t, 1, c, "target sentence %d", j)
	}
}

// requireCover checks the contract of Align: links in order, every sentence
// exactly once, scores in [0,1].
func requireCover(t *testing.T, links []Link, n, m int) {
	t.Helper()
	s, g := 0, 0
	for _, l := range links {
		ok := len(l.Src)+len(l.Tgt) > 0 && l.Score >= 0 && l.Score <= 1
		for _, x := range l.Src {
			ok = ok && x == s
			s++
		}
		for _, y := range l.Tgt {
			ok = ok && y == g
			g++
		}
		if !ok {
			t.Fatalf("link %v:%v (score %v) is empty, out of order or badly scored in\n%s", l.Src, l.Tgt, l.Score, linkString(links))
		}
	}
	require.Equal(t, n, s, "source sentences covered")
	require.Equal(t, m, g, "target sentences covered")
}

func TestAlignSmallCases(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt []string
		want     string
	}{
		{
			name: "one to one",
			src:  []string{"Presidenti Trump vizitoi Londrën më 3 qershor 2019.", "Ai takoi mbretëreshën Elizabeth në pallat.", "Protestuesit u mblodhën në sheshin Trafalgar."},
			tgt:  []string{"President Trump visited London on 3 June 2019.", "He met Queen Elizabeth at the palace.", "Protesters gathered in Trafalgar Square."},
			want: "[0]:[0]\n[1]:[1]\n[2]:[2]\n",
		},
		{
			name: "merge 1-2",
			src:  []string{"Kompania Microsoft njoftoi 1200 vende pune të reja në Dublin, ndërsa Google mbylli zyrën e saj në Cork.", "Qeveria irlandeze e mirëpriti lajmin."},
			tgt:  []string{"Microsoft announced 1200 new jobs in Dublin.", "Google closed its office in Cork.", "The Irish government welcomed the news."},
			want: "[0]:[0 1]\n[1]:[2]\n",
		},
		{
			name: "merge 2-1",
			src:  []string{"Zgjedhjet u mbajtën më 12 maj.", "Pjesëmarrja ishte 64 për qind.", "Rezultatet pritet të shpallen të hënën."},
			tgt:  []string{"The elections were held on 12 May and turnout was 64 percent.", "The results are expected on Monday."},
			want: "[0 1]:[0]\n[2]:[1]\n",
		},
		{
			name: "omission",
			src:  []string{"Tirana pret 500 mijë turistë këtë verë.", "Kjo fjali nuk ka përkthim dhe flet për diçka krejt tjetër, si moti i djeshëm në malet e veriut.", "Hotelet në Durrës janë plot që në korrik."},
			tgt:  []string{"Tirana expects 500,000 tourists this summer.", "Hotels in Durrës have been full since July."},
			want: "[0]:[0]\n[1]:[]\n[2]:[1]\n",
		},
		{
			name: "merge 1-3",
			src:  []string{"Në Tiranë ranë 40 mm shi, në Shkodër 65 mm, ndërsa në Vlorë dielli zgjati deri në orën 18.", "Parashikimi për nesër është më i mirë."},
			tgt:  []string{"Tirana had 40 mm of rain.", "Shkodër had 65 mm.", "In Vlorë the sun lasted until 18:00.", "The forecast for tomorrow is better."},
			want: "[0]:[0 1 2]\n[1]:[3]\n",
		},
		{
			name: "two to two",
			src:  []string{"Në vitin 1990 Shqipëria hapi kufijtë dhe 20.000 njerëz nga Durrësi", "u nisën drejt Brindisit më 7 mars 1991.", "Sot ata jetojnë në Romë."},
			tgt:  []string{"In 1990 Albania opened its borders.", "20,000 people from Durrës left for Brindisi on 7 March 1991.", "Today they live in Rome."},
			want: "[0 1]:[0 1]\n[2]:[2]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links := Align(sents(tt.src...), sents(tt.tgt...), Options{SrcLang: "sq", TgtLang: "en"})
			requireCover(t, links, len(tt.src), len(tt.tgt))
			assert.Equal(t, tt.want, linkString(links))
		})
	}
}

func TestAlignEmptySide(t *testing.T) {
	s := sents("Një.", "Dy.", "Tre.")
	links := Align(s, nil, Options{})
	requireCover(t, links, 3, 0)
	assert.Equal(t, "[0]:[]\n[1]:[]\n[2]:[]\n", linkString(links))
	links = Align(nil, s, Options{})
	requireCover(t, links, 0, 3)
	assert.Equal(t, "[]:[0]\n[]:[1]\n[]:[2]\n", linkString(links))
	assert.Empty(t, Align(nil, nil, Options{}))
	assert.NotEmpty(t, Check(s, nil, links, Langs{}))
}

func TestAlignFixed(t *testing.T) {
	src := sents("A 1.", "B 2.", "C 3.", "D 4.")
	tgt := sents("A 1.", "B 2.", "C 3.", "D 4.")
	// The translator says 1 goes with 2 and 2 with 1 crossed: that breaks the
	// order, so only the first fixed link is kept.
	links := Align(src, tgt, Options{Fixed: []Link{{Src: []int{1, 2}, Tgt: []int{1}}, {Src: []int{3}, Tgt: []int{0}}}})
	requireCover(t, links, 4, 4)
	assert.Contains(t, linkString(links), "[1 2]:[1]\n")
	for _, l := range links {
		if fmt.Sprint(l.Src) == "[1 2]" {
			assert.Equal(t, 1.0, l.Score)
		}
	}
}

func TestProgress(t *testing.T) {
	src, tgt := synthetic(3000, 4)
	var calls, last, total int
	Align(sents(src...), sents(tgt...), Options{Progress: func(done, all int) {
		calls++
		assert.GreaterOrEqual(t, done, last, "progress goes forward")
		last, total = done, all
	}})
	assert.Greater(t, calls, 3, "a long text reports more than once a pass")
	assert.Equal(t, total, last, "and ends at the total")
}

func TestAlignFixedUnaligned(t *testing.T) {
	src := sents("Rama mbërriti në Vjenë më 8 janar.", "Ai takoi 57 ministra.", "Takimi zgjati 3 orë.")
	tgt := sents("Rama arrived in Vienna on 8 January.", "He met 57 ministers.", "The meeting lasted 3 hours.")
	// The translator says the second source sentence has no counterpart.
	links := Align(src, tgt, Options{Fixed: []Link{{Src: []int{1}}}})
	requireCover(t, links, 3, 3)
	assert.Contains(t, linkString(links), "[1]:[]\n")
	assert.Contains(t, linkString(links), "[0]:[0]\n")
	assert.Contains(t, linkString(links), "[2]:[2]\n")
	// A fixed omission of two sentences stays one link.
	links = Align(src, tgt, Options{Fixed: []Link{{Src: []int{1, 2}}}})
	requireCover(t, links, 3, 3)
	assert.Contains(t, linkString(links), "[1 2]:[]\n")
	// A fixed pair and a fixed omission together.
	links = Align(src, tgt, Options{Fixed: []Link{{Src: []int{0}, Tgt: []int{0}}, {Tgt: []int{2}}}})
	requireCover(t, links, 3, 3)
	assert.Contains(t, linkString(links), "[]:[2]\n")
}

// TestAlignSwappedSides: English given as the source and Albanian as the
// target, though the languages say otherwise, still align with the seed
// lexicon the right way round.
func TestAlignSwappedSides(t *testing.T) {
	sq := []string{"Qeveria tha se zgjedhjet do të mbahen në tetor.", "Ministri i jashtëm është në Londër.", "Ai do të takojë kryeministrin."}
	en := []string{"The government said the elections will be held in October.", "The foreign minister is in London.", "He will meet the prime minister."}
	a := newAligner([]Bitext{{Src: sents(en...), Tgt: sents(sq...)}}, Options{SrcLang: "sq", TgtLang: "en"})
	assert.Same(t, enSq(), a.seed)
	a = newAligner([]Bitext{{Src: sents(sq...), Tgt: sents(en...)}}, Options{SrcLang: "sq", TgtLang: "en"})
	assert.Same(t, sqEn(), a.seed)
	a = newAligner([]Bitext{{Src: sents(sq...), Tgt: sents(en...)}}, Options{})
	assert.Same(t, sqEn(), a.seed, "guessed")
}

// A region in the language tags ("sq-AL") selects the same seed lexicon
// as the bare language: the aligner, not each caller, strips it. The
// target text is too short to guess its language, so the tag decides.
func TestSeedForRegionalTags(t *testing.T) {
	docs := []Bitext{{Src: sents("Më 8 janar erdhi ai në Tiranë."), Tgt: sents("Zork 8 blim.")}}
	for _, tags := range [][2]string{{"sq", "en"}, {"sq-AL", "en-GB"}, {"SQ_al", "en-us"}} {
		a := newAligner(docs, Options{SrcLang: tags[0], TgtLang: tags[1]})
		assert.NotNil(t, a.seed, "%s-%s", tags[0], tags[1])
	}
	a := newAligner(docs, Options{SrcLang: "de", TgtLang: "fr"})
	assert.Nil(t, a.seed)
}

// TestAlignAgain aligns documents one after the other, then again, two at
// a time: the tables the aligner keeps from one alignment for the next
// must carry nothing over, so the links and warnings are the same.
func TestAlignAgain(t *testing.T) {
	type result struct {
		links []Link
		warns []string
	}
	var docs [][2][]corpus.Sentence
	for i := range 12 {
		src, tgt := synthetic(3+7*i, uint64(i))
		docs = append(docs, [2][]corpus.Sentence{sents(src...), sents(tgt...)})
	}
	run := func(d [2][]corpus.Sentence) result {
		links := Align(d[0], d[1], Options{SrcLang: "sq", TgtLang: "en"})
		return result{links, Check(d[0], d[1], links, Langs{})}
	}
	first := make([]result, len(docs))
	for i, d := range docs {
		first[i] = run(d)
	}
	again := make([]result, len(docs))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := w; i < len(docs); i += 2 {
				again[i] = run(docs[len(docs)-1-i])
			}
		})
	}
	wg.Wait()
	for i := range docs {
		require.Equal(t, first[len(docs)-1-i], again[i], "document %d", len(docs)-1-i)
	}
}
