package batch

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/internal/testio"
	"github.com/paralel/paralel/pipeline/evalset"
)

// TestReadDocuments reads sides that are not UTF-8 text: a text in
// windows-1250 and a web page, told by their content.
func TestReadDocuments(t *testing.T) {
	opt := Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}}
	b, _, _, err := Read(Input{Name: "rama", Src: "../../testdata/formats/sq-windows1250.txt", Tgt: "../../testdata/formats/en.html"}, opt)
	require.NoError(t, err)
	require.NotEmpty(t, b.Src)
	require.NotEmpty(t, b.Tgt)
	assert.Contains(t, b.Src[0].Text, "Kërcënimet nga Irani")
	assert.Equal(t, "Rama: US said hosting MEK humanitarian not political – now it’s a national security issue", b.Tgt[0].Text)

	// A forced format reads the page as plain text, markup and all.
	opt.Read.Format = "text"
	b, _, _, err = Read(Input{Name: "rama", Src: "../../testdata/formats/sq-windows1250.txt", Tgt: "../../testdata/formats/en.html"}, opt)
	require.NoError(t, err)
	assert.Equal(t, "<!DOCTYPE html>", b.Tgt[0].Text)
}

// formatFolders writes a set of two document folders whose sides are in
// other formats than UTF-8 text: a web page and a hand-made one, a text in
// windows-1250 and SRT subtitles, all cut from the sample pair.
func formatFolders(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	rama, err := os.ReadFile("../../testdata/rama/sq.txt")
	require.NoError(t, err)
	var page strings.Builder
	page.WriteString("<!DOCTYPE html><html><head><title>Lajme</title></head><body>\n<nav><a href=\"/\">Kreu</a> <a href=\"/bota\">Bota</a></nav>\n<article>\n")
	n := 0
	for line := range strings.Lines(string(rama)) {
		if line = strings.TrimSpace(line); line != "" && n < 5 {
			tag := map[bool]string{true: "h1", false: "p"}[n == 0]
			fmt.Fprintf(&page, "<%s>%s</%s>\n", tag, html.EscapeString(line), tag)
			n++
		}
	}
	page.WriteString("</article>\n<footer>© Lajme</footer></body></html>\n")
	files := map[string]string{
		"web/sq.htm":  page.String(),
		"web/en.html": "en.html",
		"subs/sq.txt": "sq-windows1250.txt",
		"subs/en.srt": "en.srt",
	}
	for name, content := range files {
		if !strings.HasPrefix(content, "<") {
			data, err := os.ReadFile(filepath.Join("../../testdata/formats", content))
			require.NoError(t, err)
			content = string(data)
		}
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	return dir
}

// TestLoadFormats: document folders whose files are named after their side
// in any format are found and read through pipeline/input.
func TestLoadFormats(t *testing.T) {
	dir := formatFolders(t)
	docs, err := Load([]string{dir}, corpus.Lines)
	require.NoError(t, err)
	assert.Equal(t, []Doc{
		{"subs", filepath.Join(dir, "subs/sq.txt"), filepath.Join(dir, "subs/en.srt")},
		{"web", filepath.Join(dir, "web/sq.htm"), filepath.Join(dir, "web/en.html")},
	}, docs)

	w := &collector{}
	s, err := Run(t.Context(), docs, w, Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}})
	require.NoError(t, err)
	assert.Equal(t, 2, s.Aligned)
	assert.Empty(t, s.Failed)
	names, byName := byDoc(w.pairs)
	assert.Equal(t, []string{"subs", "web"}, names)
	for _, p := range w.pairs {
		for _, text := range []string{p.Src, p.Tgt} {
			assert.NotContains(t, text, "<", "markup in %s", p.Doc)
			assert.NotContains(t, text, "-->", "a subtitle timing in %s", p.Doc)
			assert.NotContains(t, text, "Kreu", "the menu in %s", p.Doc)
		}
	}
	// Both read the same first paragraph, and link it to its translation.
	for _, doc := range names {
		linked := slices.ContainsFunc(byName[doc], func(p corpus.Pair) bool {
			return strings.Contains(p.Src, "nga Vjena kryeministri Edi Rama") && strings.Contains(p.Tgt, "journalists in Vienna")
		})
		assert.True(t, linked, "%s: the first paragraph is not linked to its translation", doc)
	}
}

// TestLoadFormatsErrors: the hints for a missing file hold in a folder of
// other formats, and two files of one side are an error naming them.
func TestLoadFormatsErrors(t *testing.T) {
	dir := formatFolders(t)
	require.NoError(t, os.Remove(filepath.Join(dir, "web/en.html")))
	docs, err := Load([]string{dir}, corpus.Lines)
	require.NoError(t, err)
	require.Len(t, docs, 2)
	_, _, _, err = Read(docs[1].Input(), Options{})
	assert.ErrorContains(t, err, filepath.Join(dir, "web/en.txt")+": no such file")

	// sq.sent is pre-split input: a hint, not the file read.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "web/en.sent"), []byte("Po.\n"), 0o644))
	docs, err = Load([]string{dir}, corpus.Lines)
	require.NoError(t, err)
	_, _, _, err = Read(docs[1].Input(), Options{})
	assert.ErrorContains(t, err, "(the folder has en.sent: is it pre-split input?)")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "web/sq.pdf"), []byte("%PDF-1.4\n"), 0o644))
	_, err = Load([]string{dir}, corpus.Lines)
	assert.EqualError(t, err, filepath.Join(dir, "web")+": 2 files of one side (sq.htm, sq.pdf): keep one")
}

// TestFormatsDevBatch: every variant of formats-dev is a set of document
// folders that batch reads whole, each in its own format, and aligns
// pooled as well as the targets of issue 9 ask of align on each document
// (strict F1 0.95, links with an empty side left out).
func TestFormatsDevBatch(t *testing.T) {
	dev := shared.Require(t, "eval/formats-dev")
	for variant, ext := range map[string]string{"html": ".html", "docx": ".docx", "odt": ".odt", "pdf": ".pdf", "srt": ".srt", "vtt": ".vtt", "enc": ".txt", "enc2": ".txt"} {
		t.Run(variant, func(t *testing.T) {
			docs, err := Load([]string{filepath.Join(dev, variant)}, corpus.Lines)
			require.NoError(t, err)
			assert.Len(t, docs, 60)
			for _, d := range docs {
				assert.Equal(t, "sq"+ext, filepath.Base(d.Src))
				assert.Equal(t, "en"+ext, filepath.Base(d.Tgt))
			}
			if testing.Short() {
				return // the targets run without -short
			}
			w := &collector{}
			_, err = Run(t.Context(), docs, w, Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}})
			require.NoError(t, err)
			set, err := evalset.Load(filepath.Join(dev, variant))
			require.NoError(t, err)
			_, byName := byDoc(w.pairs)
			var total evalset.Counts
			for _, d := range set.Docs {
				total = total.Add(evalset.CompareText(d.SrcLines, d.TgtLines, d.LineGold, byName[d.Name]))
			}
			f1 := total.Strict().F1
			t.Logf("strict F1 %.4f", f1)
			assert.GreaterOrEqual(t, f1, 0.95)
		})
	}
}

// TestReadWarnings: a problem met in reading a side that did not stop the
// reading (a subtitle cue whose timing line is broken) is a warning of its
// document in the Summary, naming the file and the line as paralel align
// does, whether the documents are aligned together, each on its own,
// streamed or learnt a lexicon from; a side with many lists a few and
// counts the others, so that a big batch does not print thousands.
func TestReadWarnings(t *testing.T) {
	data, err := os.ReadFile("../../testdata/formats/en.srt")
	require.NoError(t, err)
	dir := t.TempDir()
	one := testio.WriteFile(t, dir, "one.srt", strings.Replace(string(data), "00:00:03,000 --> 00:00:06,000", "00:00:03,000 - -> 00:00:06,000", 1))
	// All but the first, which tells the file for subtitles.
	all := testio.WriteFile(t, dir, "all.srt", strings.Replace(strings.ReplaceAll(string(data), " --> ", " - -> "), " - -> ", " --> ", 1))
	require.Equal(t, 5, strings.Count(string(data), " --> "))
	sq := "../../testdata/formats/sq-windows1250.txt"
	docs := []Doc{{Name: "one", Src: sq, Tgt: one}, {Name: "all", Src: sq, Tgt: all}}
	cue := func(path string, line int, timing string) string {
		return fmt.Sprintf("%s: srt: line %d: cue timing not understood, left out with the cue's number: %q", path, line, timing)
	}
	want := []Warning{
		{"one", cue(one, 7, "00:00:03,000 - -> 00:00:06,000")},
		{"all", cue(all, 7, "00:00:03,000 - -> 00:00:06,000")},
		{"all", cue(all, 12, "00:00:06,000 - -> 00:00:09,000")},
		{"all", cue(all, 17, "00:00:09,000 - -> 00:00:12,000")},
		{"all", all + ": 1 more warning of reading it"},
	}
	// Only the warnings of reading: align.Check may add its own.
	read := func(ws []Warning) []Warning {
		var out []Warning
		for _, w := range ws {
			if strings.Contains(w.Text, ".srt: ") {
				out = append(out, w)
			}
		}
		return out
	}

	opt := Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}}
	for _, each := range []bool{false, true} {
		opt := opt
		opt.Each = each
		s, err := Run(t.Context(), docs, &collector{}, opt)
		require.NoError(t, err)
		assert.Equal(t, want, read(s.Warnings), "each: %v", each)
	}
	s, err := Stream(t.Context(), NewDocList(docs), &collector{}, opt)
	require.NoError(t, err)
	assert.Equal(t, want, read(s.Warnings), "streamed")
	var inputs []Input
	for _, d := range docs {
		inputs = append(inputs, d.Input())
	}
	_, s, err = LearnLexicon(t.Context(), inputs, opt)
	require.NoError(t, err)
	assert.Equal(t, want, read(s.Warnings), "lexicon")
	assert.Contains(t, s.String(), `warning: "all": `+all+": 1 more warning of reading it")
}
