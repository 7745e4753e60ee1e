package format

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/tmx/tmxtest"
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

// fixturePairs are the pairs the golden files are written from: fixed
// here rather than taken from the aligner, so that an aligner change never
// rewrites them (cmd/paralel's end-to-end golden test follows the
// aligner). They hold each kind of link an export meets: 1-1, 2-1, 1-2,
// 1-0 and 0-1, characters XML and TSV must escape or replace, a repeated
// pair, scores at both ends, and two documents.
func fixturePairs() []corpus.Pair {
	return []corpus.Pair{
		{Src: "Rama foli në Vjenë.", Tgt: "Rama spoke in Vienna.", SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 0.9987, Doc: "rama"},
		{Src: "Titull pa përkthim", SrcIDs: []int{1}, Score: 0.71, Doc: "rama"},
		{Src: "Ai erdhi. Ajo iku.", Tgt: "He came and she left.", SrcIDs: []int{2, 3}, TgtIDs: []int{1}, Score: 0.9, Doc: "rama"},
		{Src: "Çmimi: 5 < 7 & \"mirë\" 'po'", Tgt: "Price: 5 < 7 & \"good\" 'yes'", SrcIDs: []int{4}, TgtIDs: []int{2, 3}, Score: 0.5, Doc: "rama"},
		{Tgt: "Read also: a caption", TgtIDs: []int{4}, Score: 0.42, Doc: "rama"},
		{Src: "Një\tskedë", Tgt: "A\ttab", SrcIDs: []int{5}, TgtIDs: []int{5}, Score: 0.0001, Doc: "rama"},
		{Src: "Bashkia vendosi.", Tgt: "The municipality decided.", SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 1, Doc: "bashkia"},
		{Src: "Bashkia vendosi.", Tgt: "The municipality decided.", SrcIDs: []int{1}, TgtIDs: []int{1}, Score: 0.97, Doc: "bashkia"},
	}
}

// TestGoldenFixture writes the fixture in every format and compares the
// files with those in testdata (go test ./corpus/format -update rewrites
// them).
func TestGoldenFixture(t *testing.T) {
	pairs := fixturePairs()
	dir := t.TempDir()
	for _, name := range []string{"tmx", "tsv", "moses", "jsonl"} {
		t.Run(name, func(t *testing.T) {
			w, err := Create(name, filepath.Join(dir, "fixture."+name), goldenOptions)
			require.NoError(t, err)
			defer w.Close()
			for _, p := range pairs {
				require.NoError(t, w.Write(p))
			}
			require.NoError(t, w.Commit())
			if name == "jsonl" {
				assert.Zero(t, w.Dropped().Total(), "JSON lines keep every link")
			} else {
				assert.Equal(t, 2, w.Dropped().Unaligned, "the 1-0 and 0-1 links")
			}
			for _, path := range w.Names() {
				got, err := os.ReadFile(path)
				require.NoError(t, err)
				base := filepath.Base(path)
				if name == "moses" {
					base = "fixture.moses" + filepath.Ext(path)
				}
				golden := filepath.Join("testdata", base)
				if *update {
					require.NoError(t, os.WriteFile(golden, got, 0o644))
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "run go test ./corpus/format -update to create it")
				assert.Equal(t, string(want), string(got),
					"%s differs from %s: if the format changed on purpose, review and regenerate the golden files with\n\tgo test ./corpus/format -run TestGoldenFixture -update", base, golden)
			}
		})
	}
	t.Run("tmx is valid", func(t *testing.T) {
		tmxtest.Validate(t, filepath.Join("testdata", "fixture.tmx"))
	})
}
