package evalset

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
)

func mkLink(src, tgt []int) align.Link { return align.Link{Src: src, Tgt: tgt} }

func idv(v ...int) []int { return v }

func TestCompare(t *testing.T) {
	gold := []align.Link{
		mkLink(idv(0), idv(0)),
		mkLink(idv(1, 2), idv(1)),
		mkLink(idv(3), idv()),
		mkLink(idv(), idv(2)),
		mkLink(idv(4), idv(3, 4)),
	}
	tests := []struct {
		name string
		pred []align.Link
		want Counts
	}{
		{"perfect", gold, Counts{Pred: 5, PredStrict: 5, PredLax: 5, Gold: 3, GoldStrict: 3, GoldLax: 3}},
		{
			"merge split in two",
			[]align.Link{mkLink(idv(0), idv(0)), mkLink(idv(1), idv(1)), mkLink(idv(2), idv()), mkLink(idv(3), idv()), mkLink(idv(), idv(2)), mkLink(idv(4), idv(3, 4))},
			// [1]:[1] is a lax hit, [2]:[] a miss; gold [1,2]:[1] is found laxly.
			Counts{Pred: 6, PredStrict: 4, PredLax: 5, Gold: 3, GoldStrict: 2, GoldLax: 3},
		},
		{
			"omissions linked instead",
			[]align.Link{mkLink(idv(0), idv(0)), mkLink(idv(1, 2), idv(1)), mkLink(idv(3), idv(2)), mkLink(idv(4), idv(3, 4))},
			// 1-0 and 0-1 gold links do not enter recall.
			Counts{Pred: 4, PredStrict: 3, PredLax: 3, Gold: 3, GoldStrict: 3, GoldLax: 3},
		},
		{
			"everything unaligned",
			[]align.Link{mkLink(idv(0, 1, 2, 3, 4), idv()), mkLink(idv(), idv(0, 1, 2, 3, 4))},
			Counts{Pred: 2, Gold: 3},
		},
		{
			"duplicates and empty links ignored",
			[]align.Link{mkLink(idv(0), idv(0)), mkLink(idv(0), idv(0)), mkLink(idv(), idv())},
			Counts{Pred: 1, PredStrict: 1, PredLax: 1, Gold: 3, GoldStrict: 1, GoldLax: 1},
		},
		{"nothing predicted", nil, Counts{Gold: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Compare(gold, tt.pred))
		})
	}
}

func TestScores(t *testing.T) {
	c := Counts{Pred: 10, PredStrict: 8, PredLax: 9, Gold: 8, GoldStrict: 6, GoldLax: 8}
	s := c.Strict()
	assert.InDelta(t, 0.8, s.Precision, 1e-12)
	assert.InDelta(t, 0.75, s.Recall, 1e-12)
	assert.InDelta(t, 2*0.8*0.75/1.55, s.F1, 1e-12)
	x := c.Lax()
	assert.InDelta(t, 0.9, x.Precision, 1e-12)
	assert.InDelta(t, 1.0, x.Recall, 1e-12)

	assert.Equal(t, Scores{}, Counts{}.Strict(), "no links: zeros, not NaN")

	// Summed before dividing: a long document weighs more.
	sum := Counts{Pred: 1, PredStrict: 0, Gold: 1}.Add(Counts{Pred: 9, PredStrict: 9, Gold: 9, GoldStrict: 9})
	assert.InDelta(t, 0.9, sum.Strict().Precision, 1e-12)
}

func TestCompareText(t *testing.T) {
	srcLines := []string{"Një.", "Dy  tre.", "Katër.", "Pesë."}
	tgtLines := []string{"One.", "Two three.", "Four.", "Five."}
	gold := []align.Link{mkLink(idv(0), idv(0)), mkLink(idv(1), idv(1)), mkLink(idv(2), idv(2)), mkLink(idv(3), idv())}
	tests := []struct {
		name string
		pred []corpus.Pair
		want Counts
	}{
		{
			"same segments, spacing and NFC differ",
			[]corpus.Pair{{Src: "Nje\u0308.", Tgt: "One."}, {Src: "Dy tre.", Tgt: "Two\u00a0three."}, {Src: "Katër.", Tgt: "Four."}, {Src: "Pesë."}},
			Counts{Pred: 4, PredStrict: 4, PredLax: 4, Gold: 3, GoldStrict: 3, GoldLax: 3},
		},
		{
			"a missed boundary merges links",
			[]corpus.Pair{{Src: "Një. Dy tre.", Tgt: "One. Two three."}, {Src: "Katër.", Tgt: "Four."}, {Src: "Pesë."}},
			Counts{Pred: 3, PredStrict: 2, PredLax: 3, Gold: 3, GoldStrict: 1, GoldLax: 3},
		},
		{
			"a sentence split in two is merged back",
			[]corpus.Pair{{Src: "Një.", Tgt: "One."}, {Src: "Dy", Tgt: "Two"}, {Src: "tre.", Tgt: "three."}, {Src: "Katër.", Tgt: "Four."}, {Src: "Pesë."}},
			Counts{Pred: 4, PredStrict: 4, PredLax: 4, Gold: 3, GoldStrict: 3, GoldLax: 3},
		},
		{
			"text not found is a wrong link",
			[]corpus.Pair{{Src: "Një.", Tgt: "One."}, {Src: "Dy tre!", Tgt: "Two three."}, {Src: "Katër.", Tgt: "Four."}},
			Counts{Pred: 3, PredStrict: 2, PredLax: 2, Gold: 3, GoldStrict: 2, GoldLax: 2, Unmapped: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, CompareText(srcLines, tgtLines, gold, tt.pred))
		})
	}
}

func TestPairs(t *testing.T) {
	src := []corpus.Sentence{{Text: "A."}, {Text: "B."}, {Text: "C."}}
	tgt := []corpus.Sentence{{Text: "X."}, {Text: "Y."}}
	links := []align.Link{{Src: idv(0, 1), Tgt: idv(0), Score: 0.9}, {Src: idv(2), Score: 0.2}, {Tgt: idv(1), Score: 0.3}}
	assert.Equal(t, []corpus.Pair{{Src: "A. B.", Tgt: "X.", SrcIDs: idv(0, 1), TgtIDs: idv(0), Score: 0.9}},
		align.Pairs(src, tgt, links, false))
	all := align.Pairs(src, tgt, links, true)
	require.Len(t, all, 3)
	assert.Equal(t, corpus.Pair{Src: "C.", SrcIDs: idv(2), Score: 0.2}, all[1])
	assert.Equal(t, corpus.Pair{Tgt: "Y.", TgtIDs: idv(1), Score: 0.3}, all[2])
}

func TestRight(t *testing.T) {
	gold := []align.Link{mkLink(idv(0), idv(0)), mkLink(idv(1, 2), idv(1)), mkLink(idv(3), idv())}
	pred := []align.Link{mkLink(idv(0), idv(0)), mkLink(idv(1), idv(1)), mkLink(idv(2), idv()), mkLink(idv(3), idv())}
	assert.Equal(t, []bool{true, false, false, true}, Right(gold, pred))
}

func TestWrongInLowest(t *testing.T) {
	score := func(s ...float64) []align.Link {
		links := make([]align.Link, len(s))
		for i := range s {
			links[i].Score = s[i]
		}
		return links
	}
	tests := []struct {
		name        string
		links       []align.Link
		right       []bool
		frac        float64
		found, want int
	}{
		{"wrong links scored lowest", score(0.9, 0.1, 0.8, 0.2, 0.7, 0.95, 0.85, 0.75, 0.65, 0.6),
			[]bool{true, false, true, false, true, true, true, true, true, true}, 0.2, 2, 2},
		{"wrong links scored highest", score(0.9, 0.1, 0.8, 0.2),
			[]bool{false, true, true, true}, 0.25, 0, 1},
		{"ten percent of twelve rounds to one", score(0.5, 0.4, 0.3, 0.2, 0.1, 0.6, 0.7, 0.8, 0.9, 0.95, 0.96, 0.97),
			[]bool{true, true, true, false, false, true, true, true, true, true, true, true}, 0.1, 1, 2},
		{"no links", nil, nil, 0.1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, wrong := WrongInLowest(tt.links, tt.right, tt.frac)
			assert.Equal(t, tt.found, found)
			assert.Equal(t, tt.want, wrong)
		})
	}
}
