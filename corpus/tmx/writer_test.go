package tmx

import (
	"bytes"
	"errors"
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

var update = flag.Bool("update", false, "rewrite the golden files")

// created is the creation date of every golden file, so that they stay
// the same from run to run.
var created = time.Date(2026, 1, 8, 9, 30, 0, 0, time.FixedZone("CET", 3600))

// handmade covers what a writer must get right: escaping, several
// sentences a side, unaligned links, a document name and a missing one.
var handmade = []corpus.Pair{
	{Src: "Kërcënimet nga Irani", SrcIDs: []int{0}, Score: 1, Doc: "rama"},
	{Src: "Rama tha: “Kjo është një arritje fantastike e Shqipërisë.”", Tgt: "Rama said: “This is a fantastic achievement for Albania.”",
		SrcIDs: []int{1}, TgtIDs: []int{0}, Score: 0.97314, Doc: "rama"},
	{Src: "Ne kemi bërë shumë punë. Do të bëjmë më të mirën tonë.", Tgt: "We have done a lot of work and we will do our best.",
		SrcIDs: []int{2, 3}, TgtIDs: []int{1}, Score: 0.61, Doc: "rama"},
	{Src: "SHBA & Irani: <tensione> \"të larta\"", Tgt: "US & Iran: <tensions> \"high\"",
		SrcIDs: []int{4}, TgtIDs: []int{2, 3}, Score: 0.4, Doc: "rama & co"},
	{Tgt: "Camp Ashraf 3 Albania", TgtIDs: []int{4}, Score: 0.9},
	{Src: "Rreshti\nmë pas\r\nfundi", Tgt: "Line\nafter\r\nend", Score: 0.5},
}

func writeTMX(t testing.TB, src, tgt string, pairs []corpus.Pair) string {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b)
	w.SrcLang, w.TgtLang = src, tgt
	w.ToolVersion = "1.0.0"
	w.Created = created
	for _, p := range pairs {
		require.NoError(t, w.Write(p))
	}
	require.NoError(t, w.Close())
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden file")
	assert.Equal(t, string(want), got)
}

func TestWriterGolden(t *testing.T) {
	got := writeTMX(t, "sq", "en", handmade)
	golden(t, "handmade.tmx", got)
	assert.Contains(t, got, `creationdate="20260108T083000Z"`, "the date is written in UTC")
	validate(t, got)
}

func TestWriterRegionalTags(t *testing.T) {
	got := writeTMX(t, "sq_al", "EN-gb", handmade[1:2])
	assert.Contains(t, got, `srclang="sq-AL"`)
	assert.Contains(t, got, `<tuv xml:lang="sq-AL">`)
	assert.Contains(t, got, `<tuv xml:lang="en-GB">`)
	validate(t, got)
}

func TestWriterBadLanguage(t *testing.T) {
	w := NewWriter(&bytes.Buffer{})
	w.SrcLang = "Albanian language"
	assert.ErrorContains(t, w.Write(handmade[1]), "not a BCP 47 tag")
	assert.Error(t, w.Close())
}

func TestWriterEmpty(t *testing.T) {
	got := writeTMX(t, "sq", "en", nil)
	assert.Contains(t, got, "<body>\n  </body>\n</tmx>\n")
	validate(t, got)
}

func TestWriterDropsForbiddenCharacters(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Created = created
	var warnings []string
	w.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	require.NoError(t, w.Write(corpus.Pair{Src: "Rama", Tgt: "Rama", SrcIDs: []int{0}, TgtIDs: []int{0}}))
	require.NoError(t, w.Write(corpus.Pair{Src: "Fund\x00i\x1b", Tgt: "End\uffff \xff", SrcIDs: []int{7}, TgtIDs: []int{6}, Doc: "rama"}))
	require.NoError(t, w.Close())

	assert.Contains(t, b.String(), "<seg>Fundi</seg>")
	assert.Contains(t, b.String(), "<seg>End </seg>")
	assert.Equal(t, []string{
		`tmx: pair 2 of "rama" [7]:[6], sq segment: dropped 2 character(s) that XML 1.0 does not allow: U+0000 U+001B`,
		`tmx: pair 2 of "rama" [7]:[6], en segment: dropped 2 character(s) that XML 1.0 does not allow: U+FFFF byte 0xff`,
	}, warnings)
	validate(t, b.String())
}

func TestWriterSkipsEmptyPair(t *testing.T) {
	got := writeTMX(t, "sq", "en", []corpus.Pair{{Score: 1}})
	assert.NotContains(t, got, "<tu>")
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterError(t *testing.T) {
	w := NewWriter(failWriter{})
	require.NoError(t, w.Write(handmade[1])) // buffered
	assert.EqualError(t, w.Close(), "disk full")
	assert.Error(t, w.Write(handmade[1]))
}

// validate checks a TMX document against the TMX 1.4 DTD.
func validate(t *testing.T, doc string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.tmx")
	require.NoError(t, os.WriteFile(path, []byte(doc), 0o644))
	tmxtest.Validate(t, path)
}
