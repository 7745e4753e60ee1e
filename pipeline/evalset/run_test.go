package evalset

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus/format"
)

// smallSet is a set of two documents, one pre-split with raw text beside
// it and one raw only, that any aligner gets right.
func smallSet(t *testing.T) string {
	return makeSet(t, map[string]string{
		"a/sq.sent":  "Më 12 janar 2020 erdhën 300 veta.\nTë nesërmen, 45 prej tyre ikën në Vjenë.\nNë fund mbetën 255.\n",
		"a/en.sent":  "On 12 January 2020, 300 people came.\nThe next day, 45 of them left for Vienna.\nIn the end 255 remained.\n",
		"a/gold.txt": "[0]:[0]\n[1]:[1]\n[2]:[2]\n",
		"a/sq.txt":   "Më 12 janar 2020 erdhën 300 veta.\nTë nesërmen, 45 prej tyre ikën në Vjenë.\nNë fund mbetën 255.\n",
		"a/en.txt":   "On 12 January 2020, 300 people came.\nThe next day, 45 of them left for Vienna.\nIn the end 255 remained.\n",
	})
}

func TestEvaluate(t *testing.T) {
	set, err := Load(smallSet(t))
	require.NoError(t, err)
	for _, each := range []bool{false, true} {
		pred := t.TempDir()
		var calls int
		res, err := Evaluate(set, Options{
			Align:   align.Options{SrcLang: "sq", TgtLang: "en", Progress: func(done, total int) { calls++ }},
			Each:    each,
			PredDir: pred,
		})
		require.NoError(t, err)
		require.NotNil(t, res.Presplit)
		require.NotNil(t, res.EndToEnd)
		require.Len(t, res.Presplit.Docs, 1)
		d := res.Presplit.Docs[0]
		assert.Equal(t, "a", d.Name)
		assert.Equal(t, Counts{Pred: 3, PredStrict: 3, PredLax: 3, Gold: 3, GoldStrict: 3, GoldLax: 3}, d.Counts)
		assert.Equal(t, d.Counts, res.Presplit.Counts)
		assert.Equal(t, []bool{true, true, true}, d.Right)
		if each {
			assert.Positive(t, calls, "progress reported document by document")
		}

		links, err := ReadLinks(filepath.Join(pred, "a", "pred.txt"))
		require.NoError(t, err)
		require.Len(t, links, len(d.Links))
		for i := range links {
			assert.Equal(t, d.Links[i].Src, links[i].Src)
			assert.Equal(t, d.Links[i].Tgt, links[i].Tgt)
			assert.InDelta(t, d.Links[i].Score, links[i].Score, 5e-5)
		}
		rows, err := format.ReadPairs("tsv", filepath.Join(pred, "a", "pred.tsv"), format.Options{})
		require.NoError(t, err)
		assert.Len(t, rows, len(res.EndToEnd.Docs[0].Links))
		assert.Equal(t, "Më 12 janar 2020 erdhën 300 veta.", rows[0].Src)
	}
}

func TestEvaluateErrors(t *testing.T) {
	// Gold ids count lines, so a pre-split file with an empty line cannot
	// be trusted.
	dir := makeSet(t, map[string]string{
		"a/sq.sent":  "Një.\n\nDy.\n",
		"a/en.sent":  "One.\nTwo.\nThree.\n",
		"a/gold.txt": "[0]:[0]\n[2]:[1, 2]\n",
	})
	set, err := Load(dir)
	require.NoError(t, err)
	_, err = Evaluate(set, Options{})
	assert.ErrorContains(t, err, "read 2 segments from 3 lines")

	// A set of documents of different kinds has no common input.
	dir = makeSet(t, map[string]string{
		"a/sq.sent": "Një.\n", "a/en.sent": "One.\n", "a/gold.txt": "[0]:[0]\n",
		"b/sq.txt": "Një.\n", "b/en.txt": "One.\n", "b/lines.sq": "Një.\n", "b/lines.en": "One.\n", "b/gold.lines": "[0]:[0]\n",
	})
	set, err = Load(dir)
	require.NoError(t, err)
	_, err = Evaluate(set, Options{})
	assert.ErrorContains(t, err, "neither all sq.sent/en.sent/gold.txt nor all sq.txt/en.txt")
}

func TestCompareFiles(t *testing.T) {
	dir := makeSet(t, map[string]string{
		"gold.txt": "[0]:[0]\n[1, 2]:[1]\n[3]:[]\n",
		"pred.txt": "[0]:[0]:0.9\n[1]:[1]:0.3\n[2]:[]:0.2\n[3]:[]:0.8\n",
		"bad.txt":  "[0]:[0]\n[1:[1]\n",
	})
	res, err := CompareFiles(filepath.Join(dir, "gold.txt"), filepath.Join(dir, "pred.txt"))
	require.NoError(t, err)
	assert.Equal(t, Counts{Pred: 4, PredStrict: 2, PredLax: 3, Gold: 2, GoldStrict: 1, GoldLax: 2}, res.Presplit.Counts)
	found, wrong := res.Presplit.WrongInLowest(0.5)
	assert.Equal(t, 2, found)
	assert.Equal(t, 2, wrong)

	_, err = CompareFiles(filepath.Join(dir, "gold.txt"), filepath.Join(dir, "bad.txt"))
	assert.ErrorContains(t, err, "bad.txt: ids: line 2:")
	_, err = CompareFiles(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "pred.txt"))
	assert.Error(t, err)
}

func TestWriteReport(t *testing.T) {
	c := Counts{Pred: 10, PredStrict: 8, PredLax: 9, Gold: 9, GoldStrict: 8, GoldLax: 9, Unmapped: 1}
	res := &Result{
		Presplit: &Run{Counts: c, Docs: []DocResult{{
			Name: "doc", Counts: c,
			Links: []align.Link{{Score: 0.9}, {Score: 0.1}, {Score: 0.5}},
			Right: []bool{true, false, false},
		}}},
		EndToEnd: &Run{Counts: c, Docs: []DocResult{{Name: "doc", Counts: c}}},
	}
	var buf bytes.Buffer
	require.NoError(t, res.WriteReport(&buf, true))
	want := `                    docs  links   gold  precision  recall      F1
pre-split   strict     1     10      9     0.8000  0.8889  0.8421
            lax                            0.9000  1.0000  0.9474
end to end  strict     1     10      9     0.8000  0.8889  0.8421
            lax                            0.9000  1.0000  0.9474
end to end: 1 predicted text(s) not found in the gold lines
confidence: the 10% lowest-scored links hold 0 of the 2 wrong links (0%)

document  input       links  gold  strict F1  lax F1
doc       pre-split   10     9     0.8421     0.9474
doc       end to end  10     9     0.8421     0.9474
`
	assert.Equal(t, want, buf.String())
}
