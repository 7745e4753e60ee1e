package evalset

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/segment"
)

// TestLexiconFile measures the sharded form of the pooled lexicon: each
// document aligned on its own with a lexicon learnt beforehand from half
// of the set (as paralel lexicon learns one from a sample) against each on
// its own and all pooled. Which half is learnt from moves the result by a
// few uncertain links, so the lexicon is learnt from each half in turn (a
// set of one document has one) and their mean must stay within
// lexiconSlack of each on its own.
func TestLexiconFile(t *testing.T) {
	if testing.Short() {
		t.Skip("aligns the development sets four times")
	}
	dir := shared.Require(t, "eval")
	for _, set := range []struct {
		name string
		opt  align.Options
	}{
		{"ntrex-dev", align.Options{SrcLang: "sq", TgtLang: "en"}},
		{"textberg-dev", align.Options{}},
	} {
		t.Run(set.name, func(t *testing.T) {
			s, err := Load(filepath.Join(dir, set.name))
			require.NoError(t, err)
			f1 := func(opt Options) float64 {
				res, err := Evaluate(s, opt)
				require.NoError(t, err)
				return res.Presplit.Counts.Strict().F1
			}
			pooled := f1(Options{Align: set.opt})
			each := f1(Options{Align: set.opt, Each: true})
			var sum float64
			halves := min(2, len(s.Docs))
			for half := range halves {
				var sample []align.Bitext
				for i, d := range s.Docs {
					if i%2 != half {
						continue
					}
					src, err := segment.ReadFile(d.SrcSent, corpus.ReadOptions{Mode: corpus.Presplit})
					require.NoError(t, err)
					tgt, err := segment.ReadFile(d.TgtSent, corpus.ReadOptions{Mode: corpus.Presplit})
					require.NoError(t, err)
					sample = append(sample, align.Bitext{Name: d.Name, Src: src.Sentences, Tgt: tgt.Sentences})
				}
				withLex := set.opt
				withLex.Lexicon = align.LearnLexicon(sample, set.opt)
				lexicon := f1(Options{Align: withLex, Each: true})
				t.Logf("%s strict F1: pooled %.4f, each alone %.4f, each with a lexicon from half %d of the documents (%d pairs) %.4f",
					set.name, pooled, each, half, withLex.Lexicon.Len(), lexicon)
				sum += lexicon
			}
			assert.GreaterOrEqual(t, sum/float64(halves), each-lexiconSlack)
		})
	}
}

// lexiconSlack is how far the lexicon from half the documents may fall
// behind each document on its own: on ntrex-dev, about four links in a
// thousand.
const lexiconSlack = 0.004
