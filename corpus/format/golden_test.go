package format

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/tmx/tmxtest"
	"github.com/paralel/paralel/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenOptions make the exports reproducible: a fixed creation date and
// tool version.
var goldenOptions = Options{
	SrcLang: "sq", TgtLang: "en",
	ToolVersion: "golden",
	Created:     time.Date(2026, 1, 8, 9, 0, 0, 0, time.UTC),
	Header:      true,
}

// ramaPairs aligns the sample article pair in testdata/rama with the
// aligner, keeping every link: each format then applies its own filter.
// The golden files therefore follow the aligner's output, and are
// regenerated with -update when it changes.
func ramaPairs(t testing.TB) []corpus.Pair {
	t.Helper()
	sq, err := segment.ReadFile("../../testdata/rama/sq.txt", corpus.ReadOptions{Lang: "sq"})
	require.NoError(t, err)
	en, err := segment.ReadFile("../../testdata/rama/en.txt", corpus.ReadOptions{Lang: "en"})
	require.NoError(t, err)
	links := align.Align(sq.Sentences, en.Sentences, align.Options{SrcLang: "sq", TgtLang: "en"})
	pairs := align.Pairs(sq.Sentences, en.Sentences, links, true)
	for i := range pairs {
		pairs[i].Doc = "rama"
	}
	return pairs
}

// TestGoldenRama writes the sample pair in every format and compares the
// files with those in testdata (go test ./corpus/format -update rewrites
// them).
func TestGoldenRama(t *testing.T) {
	pairs := ramaPairs(t)
	dir := t.TempDir()
	for _, name := range []string{"tmx", "tsv", "moses", "jsonl"} {
		t.Run(name, func(t *testing.T) {
			w, err := Create(name, filepath.Join(dir, "rama."+name), goldenOptions)
			require.NoError(t, err)
			defer w.Close()
			for _, p := range pairs {
				require.NoError(t, w.Write(p))
			}
			require.NoError(t, w.Commit())
			if name == "jsonl" {
				assert.Zero(t, w.Dropped().Total(), "JSON lines keep every link")
			} else {
				assert.Positive(t, w.Dropped().Unaligned, "the title and captions have no counterpart")
			}
			for _, path := range w.Names() {
				got, err := os.ReadFile(path)
				require.NoError(t, err)
				base := filepath.Base(path)
				if name == "moses" {
					base = "rama.moses" + filepath.Ext(path)
				}
				golden := filepath.Join("testdata", base)
				if *update {
					require.NoError(t, os.WriteFile(golden, got, 0o644))
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "run go test ./corpus/format -update to create it")
				assert.Equal(t, string(want), string(got),
					"%s differs from %s. The golden files follow the aligner's output: if it changed on purpose, review and regenerate them with\n\tgo test ./corpus/format -run TestGoldenRama -update", base, golden)
			}
		})
	}
	t.Run("tmx is valid", func(t *testing.T) {
		tmxtest.Validate(t, filepath.Join("testdata", "rama.tmx"))
	})
}
