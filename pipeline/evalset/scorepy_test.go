package evalset

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/ids"
	"github.com/paralel/paralel/internal/shared"
)

// The figures are checked against score.py, the reference scorer of the
// shared evaluation sets, twice: on the aligner's real predictions for the
// shared sets (TestTargets), and here on random predictions, which reach
// the cases an aligner rarely makes (merges across 1-0 links, split
// sentences, texts not in the document).

// scorePy runs the reference scorer in mode ("ids" or "text") on the
// predictions in pred for the set in set, and returns its figures. The
// test is skipped when python3 is not installed or the shared folder is
// absent: without the reference there is nothing to check against.
func scorePy(t *testing.T, mode, set, pred string) map[string]float64 {
	t.Helper()
	script := shared.Require(t, "eval/score.py")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed: figures not checked with score.py")
	}
	out, err := exec.Command(python, script, mode, set, pred).Output()
	require.NoError(t, err, "score.py %s", mode)
	var figures map[string]float64
	require.NoError(t, json.Unmarshal(out, &figures))
	return figures
}

// checkScorePy checks, in a subtest of its own that is skipped without
// python3, that c gives the figures score.py gives for the predictions in
// pred, as it prints them (to four decimals).
func checkScorePy(t *testing.T, mode, set, pred string, c Counts) {
	t.Helper()
	t.Run("score.py "+mode, func(t *testing.T) {
		ref := scorePy(t, mode, set, pred)
		s, l := c.Strict(), c.Lax()
		for k, v := range map[string]float64{
			"precision_strict": s.Precision, "recall_strict": s.Recall, "f1_strict": s.F1,
			"precision_lax": l.Precision, "recall_lax": l.Recall, "f1_lax": l.F1,
		} {
			assert.InDelta(t, ref[k], v, 5e-5, "score.py %s: %s", mode, k)
		}
		if mode == "text" {
			assert.Equal(t, int(ref["unmapped_texts"]), c.Unmapped, "score.py text: unmapped_texts")
		}
	})
}

// TestCompareMatchesScorePy checks align.Compare and align.CompareText
// against score.py on random predictions, written as eval --write-pred
// writes them.
func TestCompareMatchesScorePy(t *testing.T) {
	if testing.Short() {
		t.Skip("the cross-check with score.py is not in the short tier")
	}
	shared.Require(t, "eval/score.py")
	rng := rand.New(rand.NewPCG(1, 2))
	set, pred := t.TempDir(), t.TempDir()
	var idsCounts, textCounts Counts
	for d := range 8 {
		doc := randomDoc(rng, 20+rng.IntN(30))
		name := fmt.Sprintf("doc%d", d)
		makeFiles(t, set, map[string]string{
			name + "/sq.sent":  strings.Join(doc.src, "\n") + "\n",
			name + "/en.sent":  strings.Join(doc.tgt, "\n") + "\n",
			name + "/gold.txt": linkLines(doc.gold),
		})
		p := perturb(rng, doc.gold)
		require.NoError(t, writePred(pred, name, "pred.txt", "ids", linkPairs(p)))
		idsCounts = idsCounts.Add(Compare(doc.gold, p))

		rows := textRows(rng, doc, p)
		require.NoError(t, writePred(pred, name, "pred.tsv", "tsv", rows))
		textCounts = textCounts.Add(CompareText(doc.src, doc.tgt, doc.gold, rows))
	}
	// Cases that make the check worth its while.
	assert.Less(t, idsCounts.Strict().F1, 1.0, "the perturbed predictions must not be perfect")
	assert.Less(t, textCounts.Strict().F1, 1.0, "the perturbed predictions must not be perfect")
	assert.Positive(t, textCounts.Unmapped, "some texts are not in the document")

	checkScorePy(t, "ids", set, pred, idsCounts)
	checkScorePy(t, "text", set, pred, textCounts)
}

type randDoc struct {
	src, tgt []string
	gold     []align.Link
}

// randomDoc makes a document of n gold links of the usual types over
// made-up sentences.
func randomDoc(rng *rand.Rand, n int) randDoc {
	var d randDoc
	sizes := [][2]int{{1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {1, 0}, {0, 1}}
	for range n {
		sz := sizes[rng.IntN(len(sizes))]
		var lk align.Link
		for range sz[0] {
			lk.Src = append(lk.Src, len(d.src))
			d.src = append(d.src, fmt.Sprintf("Fjalia %d e %d.", len(d.src), rng.IntN(1000)))
		}
		for range sz[1] {
			lk.Tgt = append(lk.Tgt, len(d.tgt))
			d.tgt = append(d.tgt, fmt.Sprintf("Sentence %d of %d.", len(d.tgt), rng.IntN(1000)))
		}
		d.gold = append(d.gold, lk)
	}
	return d
}

// perturb returns a monotone cover of the same sentences with some links
// merged, split or unaligned, as an aligner gets them wrong.
func perturb(rng *rand.Rand, gold []align.Link) []align.Link {
	var out []align.Link
	for i := 0; i < len(gold); i++ {
		g := gold[i]
		switch r := rng.IntN(10); {
		case r == 0 && i+1 < len(gold): // merge with the next link
			n := gold[i+1]
			out = append(out, align.Link{Src: concat(g.Src, n.Src), Tgt: concat(g.Tgt, n.Tgt)})
			i++
		case r == 1 && len(g.Src) > 1: // split off the last source sentence
			out = append(out, align.Link{Src: g.Src[:len(g.Src)-1], Tgt: g.Tgt}, align.Link{Src: g.Src[len(g.Src)-1:]})
		case r == 2 && len(g.Src) > 0 && len(g.Tgt) > 0: // unalign both sides
			out = append(out, align.Link{Src: g.Src}, align.Link{Tgt: g.Tgt})
		default:
			out = append(out, g)
		}
	}
	return out
}

// textRows gives the predicted links as text, with some sentences cut in
// two and, now and then, a text that is not in the document.
func textRows(rng *rand.Rand, d randDoc, pred []align.Link) []corpus.Pair {
	var rows []corpus.Pair
	for _, p := range pred {
		src, tgt := joinLines(d.src, p.Src), joinLines(d.tgt, p.Tgt)
		switch rng.IntN(12) {
		case 0:
			if a, b, ok := strings.Cut(src, " e "); ok {
				rows = append(rows, corpus.Pair{Src: a, Tgt: tgt, Score: 0.5}, corpus.Pair{Src: "e " + b, Score: 0.5})
				continue
			}
		case 1:
			src += " (shtuar)"
		}
		rows = append(rows, corpus.Pair{Src: src, Tgt: tgt, Score: 0.5})
	}
	return rows
}

func joinLines(lines []string, ids []int) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = lines[id]
	}
	return strings.Join(parts, " ")
}

func concat(a, b []int) []int { return append(append([]int{}, a...), b...) }

// linkPairs gives links as the pairs the ids format writes.
func linkPairs(links []align.Link) []corpus.Pair {
	pairs := make([]corpus.Pair, len(links))
	for i, l := range links {
		pairs[i] = corpus.Pair{SrcIDs: l.Src, TgtIDs: l.Tgt, Score: 0.5}
	}
	return pairs
}

// linkLines writes links as a gold file does.
func linkLines(links []align.Link) string {
	var b strings.Builder
	w := ids.NewWriter(&b)
	w.OmitScore = true
	for _, p := range linkPairs(links) {
		w.Write(p)
	}
	w.Flush()
	return b.String()
}
