package review

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/tmx"
	"github.com/paralel/paralel/corpus/tmx/tmxtest"
)

// batchTMX is a TMX of two documents, as paralel batch writes them, that a
// CAT tool has since touched: another language, notes, props of its own,
// creation data, a unit without the pair, and inline codes.
const batchTMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="paralel" creationtoolversion="1.0" segtype="sentence" o-tmf="paralel" adminlang="en" srclang="sq" datatype="plaintext" creationdate="20260108T083000Z"><note>Batch of two articles.</note></header>
  <body>
    <tu creationdate="20260109T101500Z" creationid="anna">
      <note>Checked against the print edition.</note>
      <prop type="x-score">0.9731</prop>
      <prop type="x-link">2-1</prop>
      <prop type="x-document">rama</prop>
      <prop type="x-position">[0, 1]:[0]</prop>
      <prop type="x-client">Fax</prop>
      <tuv xml:lang="sq"><seg>Rama foli. Ai <bpt i="1">&lt;b&gt;</bpt>tha<ept i="1">&lt;/b&gt;</ept> po.</seg></tuv>
      <tuv xml:lang="de"><seg>Rama sprach und sagte ja.</seg></tuv>
      <tuv xml:lang="en"><seg>Rama spoke and said yes.</seg></tuv>
    </tu>
    <tu>
      <prop type="x-score">0.41</prop>
      <prop type="x-link">1-1</prop>
      <prop type="x-document">rama</prop>
      <prop type="x-position">[2]:[1]</prop>
      <tuv xml:lang="sq"><seg>Në Vjenë.</seg></tuv>
      <tuv xml:lang="en"><seg>In Vienna.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="de"><seg>Nur auf Deutsch.</seg></tuv>
      <tuv xml:lang="fr"><seg>Seulement en français.</seg></tuv>
    </tu>
    <tu>
      <prop type="x-score">0.88</prop>
      <prop type="x-link">1-1</prop>
      <prop type="x-document">vjena</prop>
      <prop type="x-position">[0]:[0]</prop>
      <tuv xml:lang="sq"><seg>OSBE.</seg></tuv>
      <tuv xml:lang="en"><seg>OSCE.</seg></tuv>
    </tu>
    <tu>
      <prop type="x-score">0.2</prop>
      <prop type="x-status">edited</prop>
      <prop type="x-link">1-2</prop>
      <prop type="x-document">vjena</prop>
      <prop type="x-position">[1]:[1, 2]</prop>
      <tuv xml:lang="sq"><seg>Takimi.</seg></tuv>
      <tuv xml:lang="en"><seg>The meeting. It ended.</seg></tuv>
    </tu>
  </body>
</tmx>
`

// units reads the units of a TMX as written, and its header.
func units(t *testing.T, path string) (xml []string, pairs []corpus.Pair, header string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r := tmx.NewReader(f)
	r.KeepXML, r.SrcLang, r.TgtLang = true, "sq", "en"
	r.Warn = func(error) {}
	for {
		u, err := r.ReadUnit()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		xml = append(xml, u.XML)
		pairs = append(pairs, u.Pair)
	}
	return xml, pairs, r.Header()
}

// TestReviewTMXKeepsUnits: a TMX opened for review and saved without a fix
// keeps every unit as it was written, and the header; fixes change only the
// units they touch.
func TestReviewTMXKeepsUnits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "batch.tmx")
	require.NoError(t, os.WriteFile(path, []byte(batchTMX), 0o644))
	before, _, header := units(t, path)
	require.Len(t, before, 5)

	s, resumed, err := Open(path)
	require.NoError(t, err)
	assert.False(t, resumed)
	rows, _ := s.Rows()
	require.Len(t, rows, 4, "the de/fr unit is no row")
	assert.Equal(t, []string{path + ": 1 of 5 units lack the sq and en pair: they are not shown, and Save keeps them as they are"}, s.Warnings)
	assert.True(t, rows[3].Edited, "x-status is read back")
	res, err := s.Save()
	require.NoError(t, err)
	assert.Equal(t, 4, res.Pairs)
	after, _, h := units(t, path)
	assert.Equal(t, before, after, "saving without a fix changes no unit")
	assert.Equal(t, header, h)
	tmxtest.Validate(t, path)

	// Confirm the first row, and join the second (rama) with the third
	// (vjena), across the unit without the pair.
	s.Align = nil
	require.NoError(t, s.Apply(Op{Name: "confirm", Row: 0, Rev: 0}))
	require.NoError(t, s.Apply(Op{Name: "join", Row: 1, Rev: 1}))
	_, err = s.Save()
	require.NoError(t, err)
	after, pairs, h := units(t, path)
	assert.Equal(t, header, h)
	require.Len(t, after, 4)
	wantFirst, err := tmx.SetProp(before[0], "x-status", "confirmed")
	require.NoError(t, err)
	assert.Equal(t, wantFirst, after[0], "a confirmed unit changes only by its status")
	assert.Contains(t, after[0], `<tuv xml:lang="de">`)
	assert.Equal(t, before[2], after[2], "the unit without the pair stays among its neighbours")
	assert.Equal(t, before[4], after[3], "an untouched unit is kept as written")
	assert.Equal(t, corpus.Pair{Src: "Në Vjenë. OSBE.", Tgt: "In Vienna. OSCE.", Score: 0.41, Doc: "rama", Link: "2-2",
		Status: corpus.StatusEdited}, pairs[1], "a joined row names its first unit's document and sums the link types")
	tmxtest.Validate(t, path)

	// The session keeps the units: resumed and saved, the file is the same.
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	again, resumed, err := Open(path)
	require.NoError(t, err)
	assert.True(t, resumed)
	_, err = again.Save()
	require.NoError(t, err)
	resaved, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, strings.Count(string(saved), "<tu"), strings.Count(string(resaved), "<tu"))
	got, _, _ := units(t, path)
	assert.Equal(t, after, got)
}

// TestReviewTMXMadeRows: rows the review made carry the link type and the
// positions of their sentences' units, when those are of one document.
func TestReviewTMXMadeRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "batch.tmx")
	require.NoError(t, os.WriteFile(path, []byte(batchTMX), 0o644))
	s, _, err := Open(path)
	require.NoError(t, err)
	s.Align = nil
	require.NoError(t, s.Apply(Op{Name: "join", Row: 0, Rev: 0})) // rama's 2-1 and 1-1
	_, err = s.Save()
	require.NoError(t, err)
	_, pairs, _ := units(t, path)
	require.Len(t, pairs, 4)
	assert.Equal(t, corpus.Pair{Src: "Rama foli. Ai tha po. Në Vjenë.", Tgt: "Rama spoke and said yes. In Vienna.",
		SrcIDs: []int{0, 1, 2}, TgtIDs: []int{0, 1}, Score: 0.41, Doc: "rama", Link: "3-2", Status: corpus.StatusEdited}, pairs[0])
}

// TestReviewRealignsWithinDocument: after a fix in one document of a batch,
// re-alignment leaves the other documents' rows alone.
func TestReviewRealignsWithinDocument(t *testing.T) {
	path := filepath.Join(t.TempDir(), "batch.tmx")
	require.NoError(t, os.WriteFile(path, []byte(batchTMX), 0o644))
	s, _, err := Open(path)
	require.NoError(t, err)
	// An aligner that marks every row it makes.
	s.Align = func(src, tgt []corpus.Sentence, fixed []Row) []Row {
		out := diagonal(src, tgt, fixed)
		for i := range out {
			if !out[i].Fixed() {
				out[i].Score = 0.123
			}
		}
		return out
	}
	before, _ := s.Rows()
	require.NoError(t, s.Apply(Op{Name: "detach", Row: 3, Side: "tgt", Rev: 0})) // in vjena
	after, _ := s.Rows()
	assert.Equal(t, before[:2], after[:2], "rama's rows are not re-aligned")
	assert.Equal(t, 0.123, after[2].Score, "vjena's are")
}
