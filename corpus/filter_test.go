package corpus

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFilter(t *testing.T) {
	pairs := []Pair{
		{Src: "Po.", Tgt: "Yes.", Score: 0.9},
		{Src: "Titulli", Tgt: "", Score: 0.8},      // 1-0
		{Src: "", Tgt: "Caption", Score: 0.8},      // 0-1
		{Src: "Jo.", Tgt: "No.", Score: 0.2},       // weak
		{Src: "Po.", Tgt: "Yes.", Score: 0.95},     // repeat
		{Src: "Po.", Tgt: "Yes, sir.", Score: 0.9}, // same source only
	}
	tests := []struct {
		name   string
		filter Filter
		kept   int
		want   Dropped
	}{
		{"zero value drops unaligned", Filter{}, 4, Dropped{Unaligned: 2}},
		{"keep unaligned", Filter{KeepUnaligned: true}, 6, Dropped{}},
		{"min score", Filter{MinScore: 0.5}, 3, Dropped{Unaligned: 2, BelowScore: 1}},
		{"dedupe", Filter{Dedupe: true}, 3, Dropped{Unaligned: 2, Duplicates: 1}},
		{"all", Filter{MinScore: 0.5, Dedupe: true, KeepUnaligned: true}, 4, Dropped{BelowScore: 1, Duplicates: 1}},
		{"score equal to minimum is kept", Filter{MinScore: 0.9}, 3, Dropped{Unaligned: 2, BelowScore: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept := 0
			for _, p := range pairs {
				if tt.filter.Keep(p) {
					kept++
				}
			}
			assert.Equal(t, tt.kept, kept)
			assert.Equal(t, tt.want, tt.filter.Dropped)
			assert.Equal(t, len(pairs)-kept, tt.filter.Dropped.Total())
		})
	}
}

func TestDroppedString(t *testing.T) {
	assert.Equal(t, "", Dropped{}.String())
	assert.Equal(t, "dropped 1 pair: 1 duplicate", Dropped{Duplicates: 1}.String())
	assert.Equal(t, "dropped 5 pairs: 2 unaligned (1-0/0-1), 3 below the minimum score",
		Dropped{Unaligned: 2, BelowScore: 3}.String())
}

func TestPairType(t *testing.T) {
	tests := []struct {
		pair Pair
		want string
	}{
		{Pair{SrcIDs: []int{1, 2}, TgtIDs: []int{3}, Link: "1-1"}, "2-1"},
		{Pair{SrcIDs: []int{4}}, "1-0"},
		{Pair{Src: "a", Tgt: "b", Link: "2-2"}, "2-2"},
		{Pair{Src: "a", Tgt: "b"}, "1-1"},
		{Pair{Src: "", Tgt: "b"}, "0-1"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.pair.Type(), "%+v", tt.pair)
	}
}

func TestFormatScore(t *testing.T) {
	for in, want := range map[float64]string{1: "1", 0: "0", 0.5: "0.5", 0.87346: "0.8735", 0.12344: "0.1234"} {
		assert.Equal(t, want, FormatScore(in))
	}
}

func TestOneLine(t *testing.T) {
	assert.Equal(t, "a b c d e f", OneLine("a\tb\nc\rd\u2028e\u0085f"))
	assert.Equal(t, "plain", OneLine("plain"))
	assert.Equal(t, "a b c d e f g h", OneLine("a\vb\fc\x1cd\x1de\x1ef\u2029g\u0085h"), "every break of Python's str.splitlines")
}

func TestFilterKeepsReviewedAndUnscored(t *testing.T) {
	tests := []struct {
		name   string
		pair   Pair
		filter Filter
		keep   bool
		want   Dropped
	}{
		{"confirmed below the minimum", Pair{Src: "a", Tgt: "b", Score: 0.1, Status: StatusConfirmed}, Filter{MinScore: 0.5}, true, Dropped{}},
		{"edited below the minimum", Pair{Src: "a", Tgt: "b", Score: 0.1, Status: StatusEdited}, Filter{MinScore: 0.5}, true, Dropped{}},
		{"automatic below the minimum", Pair{Src: "a", Tgt: "b", Score: 0.1}, Filter{MinScore: 0.5}, false, Dropped{BelowScore: 1}},
		{"confirmed 1-0", Pair{Src: "a", Status: StatusConfirmed}, Filter{}, true, Dropped{}},
		{"automatic 1-0", Pair{Src: "a"}, Filter{}, false, Dropped{Unaligned: 1}},
		{"unscored with a minimum", Pair{Src: "a", Tgt: "b", Unscored: true}, Filter{MinScore: 0.5}, true, Dropped{Unscored: 1}},
		{"unscored without a minimum", Pair{Src: "a", Tgt: "b", Unscored: true}, Filter{}, true, Dropped{}},
		{"unscored 1-0", Pair{Src: "a", Unscored: true}, Filter{MinScore: 0.5}, false, Dropped{Unaligned: 1}},
		{"scored zero with a minimum", Pair{Src: "a", Tgt: "b"}, Filter{MinScore: 0.5}, false, Dropped{BelowScore: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.keep, tt.filter.Keep(tt.pair))
			assert.Equal(t, tt.want, tt.filter.Dropped)
		})
	}
}

func TestFilterDedupeReviewed(t *testing.T) {
	f := Filter{Dedupe: true}
	auto := Pair{Src: "Po.", Tgt: "Yes.", Score: 0.9}
	confirmed := auto
	confirmed.Status = StatusConfirmed
	assert.True(t, f.Keep(confirmed))
	assert.True(t, f.Keep(confirmed), "a reviewed repeat is kept")
	assert.False(t, f.Keep(auto), "an automatic repeat of a reviewed pair is a duplicate")
	assert.Equal(t, Dropped{Duplicates: 1}, f.Dropped)
}

func TestDroppedStringUnscored(t *testing.T) {
	assert.Equal(t, "kept 2 pairs without a score, which the minimum score cannot judge", Dropped{Unscored: 2}.String())
	assert.Equal(t, "dropped 1 pair: 1 below the minimum score; kept 1 pair without a score, which the minimum score cannot judge",
		Dropped{BelowScore: 1, Unscored: 1}.String())
}
