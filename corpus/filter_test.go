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
