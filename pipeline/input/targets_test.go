package input

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/pipeline/evalset"
)

// The targets of issue 9, strict F1 end to end as "paralel align -f tsv"
// gives it on each document of formats-dev (links with an empty side left
// out), scored like score.py text.
const (
	formatTarget    = 0.95
	bilingualTarget = 0.93
)

// TestFormatTargets reads every document of formats-dev as the commands do,
// aligns it and scores it against its gold lines.
func TestFormatTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("the evaluation targets run without -short")
	}
	dir := shared.Require(t, "eval/formats-dev")
	variants := []struct {
		name, src, tgt string // file names; tgt empty for a page
		target         float64
	}{
		{"html", "sq.html", "en.html", formatTarget},
		{"enc", "sq.txt", "en.txt", formatTarget},
		{"enc2", "sq.txt", "en.txt", formatTarget},
		{"docx", "sq.docx", "en.docx", formatTarget},
		{"odt", "sq.odt", "en.odt", formatTarget},
		{"pdf", "sq.pdf", "en.pdf", formatTarget},
		{"srt", "sq.srt", "en.srt", formatTarget},
		{"vtt", "sq.vtt", "en.vtt", formatTarget},
		{"bilingual", "page.html", "", bilingualTarget},
		{"bilingual", "page.txt", "", bilingualTarget},
	}
	for _, v := range variants {
		t.Run(v.name+"/"+v.src, func(t *testing.T) {
			set, err := evalset.Load(filepath.Join(dir, v.name))
			require.NoError(t, err)
			checkTarget(t, set, v.target, func(d *evalset.Doc) ([]corpus.Pair, error) {
				folder := filepath.Join(set.Dir, d.Name)
				if v.tgt == "" {
					return alignPage(filepath.Join(folder, v.src))
				}
				return alignFiles(filepath.Join(folder, v.src), filepath.Join(folder, v.tgt))
			})
		})
	}
}

// TestSeedPage aligns the page that testdata/rama was cut from and checks
// that it gives the links of the rama set.
func TestSeedPage(t *testing.T) {
	if testing.Short() {
		t.Skip("the evaluation targets run without -short")
	}
	seed := shared.Require(t, "seed")
	pages, err := filepath.Glob(filepath.Join(seed, "*.txt"))
	require.NoError(t, err)
	require.Len(t, pages, 1)
	set, err := evalset.Load(shared.Require(t, "eval/rama"))
	require.NoError(t, err)
	d := set.Docs[0]
	pairs, err := alignPage(pages[0])
	require.NoError(t, err)
	srcSent, err := evalset.ReadLines(d.SrcSent)
	require.NoError(t, err)
	tgtSent, err := evalset.ReadLines(d.TgtSent)
	require.NoError(t, err)
	c := evalset.CompareText(srcSent, tgtSent, d.Gold, pairs)
	t.Logf("strict F1 %.4f, precision %.4f, recall %.4f", c.Strict().F1, c.Strict().Precision, c.Strict().Recall)
	if c.Strict().F1 < 1 {
		t.Errorf("strict F1 %.4f: the seed page does not give the links of rama", c.Strict().F1)
	}
}

// alignFiles reads and aligns a document pair as paralel align does and
// returns the links that TSV keeps.
func alignFiles(src, tgt string) ([]corpus.Pair, error) {
	s, _, err := ReadFile(src, Options{Lang: "sq"})
	if err != nil {
		return nil, err
	}
	g, _, err := ReadFile(tgt, Options{Lang: "en"})
	if err != nil {
		return nil, err
	}
	return kept(s, g, 0), nil
}

// alignPage reads and aligns a page holding both languages as paralel
// align PAGE does.
func alignPage(path string) ([]corpus.Pair, error) {
	p, err := ReadPage(path, Options{}, "sq", "en")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return kept(p.Src, p.Tgt, PageMinScore), nil
}

func kept(src, tgt *corpus.Document, minScore float64) []corpus.Pair {
	links := align.Align(src.Sentences, tgt.Sentences, align.Options{SrcLang: "sq", TgtLang: "en"})
	var out []corpus.Pair
	for _, p := range align.Pairs(src.Sentences, tgt.Sentences, links, true) {
		if p.Src != "" && p.Tgt != "" && p.Score >= minScore {
			out = append(out, p)
		}
	}
	return out
}

// TestUnknownTemplate reads the web pages of formats-dev with their class
// and id attributes taken out, as pages of a template whose words for its
// menus, ads, comments and bylines the extractor does not know: the
// structure of the page must do, to the same target.
func TestUnknownTemplate(t *testing.T) {
	if testing.Short() {
		t.Skip("the evaluation targets run without -short")
	}
	dir := shared.Require(t, "eval/formats-dev")
	set, err := evalset.Load(filepath.Join(dir, "html"))
	require.NoError(t, err)
	attrs := regexp.MustCompile(` (?:class|id)="[^"]*"`)
	tmp := t.TempDir()
	checkTarget(t, set, formatTarget, func(d *evalset.Doc) ([]corpus.Pair, error) {
		var paths [2]string
		for i, side := range []string{"sq.html", "en.html"} {
			page, err := os.ReadFile(filepath.Join(set.Dir, d.Name, side))
			if err != nil {
				return nil, err
			}
			paths[i] = filepath.Join(tmp, d.Name+"-"+side)
			if err := os.WriteFile(paths[i], attrs.ReplaceAll(page, nil), 0o644); err != nil {
				return nil, err
			}
		}
		return alignFiles(paths[0], paths[1])
	})
}

// checkTarget aligns every document of set with align and fails the test
// when the strict F1 against the gold lines, to four decimals as score.py
// prints it, is below target.
func checkTarget(t *testing.T, set *evalset.Set, target float64, align func(*evalset.Doc) ([]corpus.Pair, error)) {
	t.Helper()
	var total evalset.Counts
	for _, d := range set.Docs {
		pairs, err := align(d)
		require.NoError(t, err)
		total = total.Add(evalset.CompareText(d.SrcLines, d.TgtLines, d.LineGold, pairs))
	}
	f1 := total.Strict().F1
	t.Logf("strict F1 %.4f (target %.2f)", f1, target)
	if f1 < target-5e-5 {
		t.Errorf("strict F1 %.4f, below the target %.2f", f1, target)
	}
}
