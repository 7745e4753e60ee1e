package align

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

// paragraphs reads a text file of the repository as sentences, a
// paragraph each: enough for a language probe.
func paragraphs(t *testing.T, path string) []corpus.Sentence {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var lines []string
	for l := range strings.SplitSeq(string(data), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return sents(lines...)
}

func TestCheckSides(t *testing.T) {
	sq := paragraphs(t, "../testdata/rama/sq.txt")
	en := paragraphs(t, "../testdata/rama/en.txt")
	short := sents("Rama foli në Vjenë.", "Po.")
	tests := []struct {
		name             string
		src, tgt         []corpus.Sentence
		srcLang, tgtLang string
		err              string
	}{
		{"right way round", sq, en, "sq", "en", ""},
		{"swapped", en, sq, "sq", "en", "the sides are swapped: the source (sq) reads as English and the target (en) as Albanian"},
		{"swapped, regions", en, sq, "sq-AL", "en-GB", "the source (sq-AL) reads as English"},
		{"English to Albanian, as given", en, sq, "en", "sq", ""},
		{"English to Albanian, swapped", sq, en, "en", "sq", "the source (en) reads as Albanian and the target (sq) as English"},
		{"both Albanian", sq, sq, "sq", "en", ""},
		{"too short to judge", short, en, "en", "sq", ""},
		{"another pair", en, sq, "de", "fr", ""},
		{"an empty side", nil, sq, "sq", "en", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckSides(ProbeLangs(tt.src, tt.tgt), tt.srcLang, tt.tgtLang)
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, ErrSwapped)
			assert.ErrorContains(t, err, tt.err)
		})
	}
	assert.NoError(t, CheckSides(Langs{}, "sq", "en"), "nothing probed")
}
