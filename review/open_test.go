package review

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
)

func writePairs(t *testing.T, name, path string, pairs []corpus.Pair) {
	t.Helper()
	_, err := format.WritePairs(name, path, pairs, format.Options{SrcLang: "sq", TgtLang: "en"})
	require.NoError(t, err)
}

func readPairs(t *testing.T, name, path string) []corpus.Pair {
	t.Helper()
	pairs, err := format.ReadPairs(name, path, format.Options{})
	require.NoError(t, err)
	return pairs
}

func TestOpenExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	writePairs(t, "jsonl", path, []corpus.Pair{
		{Src: "Një. Dy.", Tgt: "One and two.", SrcIDs: ids(0, 1), TgtIDs: ids(0), Score: 0.8, Doc: "numbers"},
		{Src: "Tre.", SrcIDs: ids(2), Score: 0.1, Doc: "numbers"},
		{Src: "Katër.", Tgt: "Four.", SrcIDs: ids(3), TgtIDs: ids(1), Score: 0.95, Doc: "numbers"},
	})

	s, resumed, err := Open(path)
	require.NoError(t, err)
	assert.False(t, resumed, "an export without a session begins a review")
	rows, _ := s.Rows()
	assert.Equal(t, []Row{{Src: ids(0), Tgt: ids(0), Score: 0.8}, {Src: ids(1), Score: 0.1}, {Src: ids(2), Tgt: ids(1), Score: 0.95}}, rows)
	assert.Equal(t, "Një. Dy.", s.Src.Sentences[0].Text)
	assert.Equal(t, Export{Path: path, Format: "jsonl", Doc: "numbers"}, s.Export, "the pairs' document name is kept")
	assert.Equal(t, path+SessionExt, s.File)

	// A fix and a save: the export and its session file are rewritten, and
	// reopening the export now resumes the session exactly.
	require.NoError(t, s.Apply(Op{Name: "confirm", Row: 1}))
	res, err := s.Save()
	require.NoError(t, err)
	assert.Equal(t, SaveResult{Export: path, Pairs: 3}, res)
	again, resumed, err := Open(path)
	require.NoError(t, err)
	assert.True(t, resumed)
	assert.Equal(t, "numbers", again.Export.Doc)
	got, _ := again.Rows()
	want, _ := s.Rows()
	assert.Equal(t, want, got)
	assert.True(t, got[1].Confirmed)
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(txt, []byte("hello\n"), 0o644))
	bad := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(bad, []byte("{not json\n"), 0o644))
	tests := []struct{ name, path, want string }{
		{"unknown extension", txt, "cannot tell the format"},
		{"missing", filepath.Join(dir, "missing.tsv"), "no such file"},
		{"malformed", bad, "bad.jsonl"},
		{"missing session", filepath.Join(dir, "x"+SessionExt), "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Open(tt.path)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

// TestSessionFileCannotRedirectExport: a session file from elsewhere names
// no path to write; the export is always the session file's own name
// without the extension.
func TestSessionFileCannotRedirectExport(t *testing.T) {
	dir := t.TempDir()
	evil := filepath.Join(dir, "evil.txt")
	data := `{"paralel_review": 1, "format": "tsv", "export": {"path": "` + evil + `"},
		"src": {"path": "` + evil + `", "sentences": [{"text": "a"}]}, "tgt": {"sentences": [{"text": "b"}]},
		"rows": [{"src": [0], "tgt": [0], "score": 0.5}]}`
	file := filepath.Join(dir, "out.tsv"+SessionExt)
	require.NoError(t, os.WriteFile(file, []byte(data), 0o644))
	s, resumed, err := Open(file)
	require.NoError(t, err)
	assert.True(t, resumed)
	assert.Equal(t, Export{Path: filepath.Join(dir, "out.tsv"), Format: "tsv"}, s.Export)
	_, err = s.Save()
	require.NoError(t, err)
	assert.NoFileExists(t, evil)
	assert.FileExists(t, filepath.Join(dir, "out.tsv"))

	other := filepath.Join(dir, "session.json")
	require.NoError(t, os.WriteFile(other, []byte(data), 0o644))
	s, err = OpenSession(other)
	require.NoError(t, err)
	assert.Empty(t, s.Export.Path, "no export without a name to derive it from")
}

func FuzzReadSession(f *testing.F) {
	f.Add([]byte(`{"paralel_review": 1, "src": {"sentences": [{"text": "a"}]}, "tgt": {"sentences": [{"text": "b"}]}, "rows": [{"src": [0], "tgt": [0], "score": 0.5}]}`))
	f.Add([]byte(`{"paralel_review": 1, "src": {"sentences": [{"text": "a"}]}, "tgt": {"sentences": []}, "rows": [{"src": [0], "tgt": [-1], "score": 0.5}]}`))
	f.Add([]byte(`{"paralel_review": 1, "rows": [{"src": [], "tgt": []}]}`))
	f.Add([]byte(`{"paralel_review": 1, "src": {"sentences": [{"text": "a"}, {"text": "c"}]}, "tgt": {"sentences": [{"text": "b"}]}, "rows": [{"src": [0], "tgt": [0], "score": 0.5}, {"src": [1]}],` +
		`"origin": {"units": [{"xml": "<tu><tuv xml:lang=\"sq\"><seg>a</seg></tuv></tu>", "link": "2-1", "src_ids": [4, 5]}, {"doc": "d"}], "src_unit": [0, 1], "tgt_unit": [0]}}`))
	f.Add([]byte(`{"paralel_review": 1, "src": {"sentences": [{"text": "a"}]}, "tgt": {"sentences": [{"text": "b"}]}, "rows": [{"src": [0], "tgt": [0]}], "origin": {"units": [], "src_unit": [3], "tgt_unit": [-1]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadSession(data)
		if err != nil {
			return
		}
		// Whatever loads must be safe to fix and to show.
		rows, _ := s.Rows()
		require.NoError(t, Validate(rows, len(s.Src.Sentences), len(s.Tgt.Sentences)))
		s.Align = diagonal
		for i := range rows {
			s.Apply(Op{Name: "join", Row: i, Rev: s.rev})
		}
		rows, _ = s.Rows()
		require.NoError(t, Validate(rows, len(s.Src.Sentences), len(s.Tgt.Sentences)))
		Pairs(s.Src.Sentences, s.Tgt.Sentences, rows, "")
		if s.Origin != nil {
			s.Origin.items(s.Src.Sentences, s.Tgt.Sentences, rows, "")
		}
	})
}

// TestOpenOtherFormats reopens a TMX and a TSV: the translation formats
// hold aligned pairs only, and their scores and languages come back.
func TestOpenOtherFormats(t *testing.T) {
	pairs := []corpus.Pair{
		{Src: "Një.", Tgt: "One.", Score: 0.9},
		{Src: "Dy. Tre.", Tgt: "Two, three.", Score: 0.4},
	}
	for _, name := range []string{"tmx", "tsv"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out."+name)
			writePairs(t, name, path, pairs)
			s, _, err := Open(path)
			require.NoError(t, err)
			rows, _ := s.Rows()
			assert.Equal(t, []Row{{Src: ids(0), Tgt: ids(0), Score: 0.9}, {Src: ids(1), Tgt: ids(1), Score: 0.4}}, rows)
			assert.Equal(t, "Dy. Tre.", s.Src.Sentences[1].Text)
			assert.Equal(t, []string{"sq", "en"}, []string{s.Src.Lang, s.Tgt.Lang})
			assert.Equal(t, name, s.Export.Format)
		})
	}
}

func TestBegin(t *testing.T) {
	dir := t.TempDir()
	sq, en := filepath.Join(dir, "sq.txt"), filepath.Join(dir, "en.txt")
	require.NoError(t, os.WriteFile(sq, []byte("Një.\nDy.\n"), 0o644))
	require.NoError(t, os.WriteFile(en, []byte("One.\nTwo.\n"), 0o644))
	inputs := func() (Input, Input) {
		src, err := NewInput(sq, "sq", sentences("Një.", "Dy."))
		require.NoError(t, err)
		tgt, err := NewInput(en, "en", sentences("One.", "Two."))
		require.NoError(t, err)
		return src, tgt
	}
	exp := Export{Path: filepath.Join(dir, "out.tsv"), Format: "tsv"}

	src, tgt := inputs()
	s, resumed, err := Begin(src, tgt, align.Langs{}, exp, align.Options{}, false)
	require.NoError(t, err)
	assert.False(t, resumed)
	assert.FileExists(t, SessionFile(exp.Path), "a new review is on disk at once")
	require.NoError(t, s.Apply(Op{Name: "confirm", Row: 0}))

	s, resumed, err = Begin(src, tgt, align.Langs{}, exp, align.Options{}, false)
	require.NoError(t, err)
	assert.True(t, resumed)
	rows, _ := s.Rows()
	assert.True(t, rows[0].Confirmed)

	require.NoError(t, os.WriteFile(en, []byte("One.\nTwo!\n"), 0o644))
	src, tgt = inputs()
	_, _, err = Begin(src, tgt, align.Langs{}, exp, align.Options{}, false)
	assert.ErrorContains(t, err, "--restart")

	s, resumed, err = Begin(src, tgt, align.Langs{}, exp, align.Options{}, true)
	require.NoError(t, err)
	assert.False(t, resumed)
	rows, _ = s.Rows()
	assert.False(t, rows[0].Confirmed)
}

// TestSessionKeepsTSVColumns: a review exporting TSV with the link and
// document columns writes them again after being reopened.
func TestSessionKeepsTSVColumns(t *testing.T) {
	dir := t.TempDir()
	sq := filepath.Join(dir, "sq.txt")
	require.NoError(t, os.WriteFile(sq, []byte("Një.\n"), 0o644))
	src, err := NewInput(sq, "sq", sentences("Një."))
	require.NoError(t, err)
	tgt, err := NewInput(sq, "en", sentences("One."))
	require.NoError(t, err)
	exp := Export{Path: filepath.Join(dir, "out.tsv"), Format: "tsv", TSVMeta: true}
	_, _, err = Begin(src, tgt, align.Langs{}, exp, align.Options{}, false)
	require.NoError(t, err)

	s, _, err := Open(exp.Path)
	require.NoError(t, err)
	assert.Equal(t, exp, s.Export)
	_, err = s.Save()
	require.NoError(t, err)
	got, err := os.ReadFile(exp.Path)
	require.NoError(t, err)
	// sq.txt is named after its language: the document is its folder.
	assert.Regexp(t, "^Një.\tOne.\t[0-9.]+\t1-1\t"+regexp.QuoteMeta(filepath.Base(dir))+"\t\n$", string(got))
}

// TestStartWarns: a review starts with the aligner's warnings, which the
// command prints and the page shows.
func TestStartWarns(t *testing.T) {
	en := sentences("He came home on Monday with his friends.", "They said that the government will meet the president.")
	sq := sentences("Ai erdhi në shtëpi të hënën me miqtë e tij.", "Ata thanë se qeveria do të takojë presidentin.")
	tests := []struct {
		name     string
		src, tgt []corpus.Sentence
		want     string
	}{
		{"empty target", sentences("Një.", "Dy."), nil, "the target side is empty"},
		{"swapped", en, sq, "swapped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Start(Input{Lang: "sq", Sentences: tt.src}, Input{Lang: "en", Sentences: tt.tgt}, align.Langs{}, align.Options{})
			require.NoError(t, err)
			assert.Contains(t, strings.Join(s.Warnings, "\n"), tt.want)
		})
	}
	s, err := Start(Input{Lang: "sq", Sentences: sentences("Një.")}, Input{Lang: "en", Sentences: sentences("One.")}, align.Langs{}, align.Options{})
	require.NoError(t, err)
	assert.Empty(t, s.Warnings)

	// Given the languages as input.CheckSides probed them, Start warns on
	// those rather than probing again.
	s, err = Start(Input{Lang: "sq", Sentences: sq}, Input{Lang: "en", Sentences: en}, align.ProbeLangs(en, sq), align.Options{})
	require.NoError(t, err)
	assert.Contains(t, strings.Join(s.Warnings, "\n"), "swapped")
}

// TestExportDoc: the pairs saved name their document as paralel align
// names them by default, or as Export.Doc says, which the session keeps;
// an export whose pairs name several documents keeps each pair's.
func TestExportDoc(t *testing.T) {
	dir := t.TempDir()
	sq := filepath.Join(dir, "rama", "sq.txt")
	require.NoError(t, os.MkdirAll(filepath.Dir(sq), 0o755))
	require.NoError(t, os.WriteFile(sq, []byte("Një.\n"), 0o644))
	src, err := NewInput(sq, "sq", sentences("Një."))
	require.NoError(t, err)
	tgt, err := NewInput(sq, "en", sentences("One."))
	require.NoError(t, err)
	docs := func(path string) []string {
		var names []string
		for _, p := range readPairs(t, "jsonl", path) {
			names = append(names, p.Doc)
		}
		return names
	}

	exp := Export{Path: filepath.Join(dir, "default.jsonl"), Format: "jsonl"}
	s, _, err := Begin(src, tgt, align.Langs{}, exp, align.Options{}, false)
	require.NoError(t, err)
	_, err = s.Save()
	require.NoError(t, err)
	assert.Equal(t, []string{corpus.DocName(sq, "sq")}, docs(exp.Path))
	assert.Equal(t, []string{"rama"}, docs(exp.Path))

	exp = Export{Path: filepath.Join(dir, "named.jsonl"), Format: "jsonl", Doc: "Rama in Vienna"}
	_, _, err = Begin(src, tgt, align.Langs{}, exp, align.Options{}, false)
	require.NoError(t, err)
	s, resumed, err := Open(exp.Path)
	require.NoError(t, err)
	assert.True(t, resumed)
	assert.Equal(t, "Rama in Vienna", s.Export.Doc, "the session keeps the name")
	_, err = s.Save()
	require.NoError(t, err)
	assert.Equal(t, []string{"Rama in Vienna"}, docs(exp.Path))

	mixed := filepath.Join(dir, "batch.jsonl")
	writePairs(t, "jsonl", mixed, []corpus.Pair{
		{Src: "Një.", Tgt: "One.", Score: 0.9, Doc: "a"},
		{Src: "Dy.", Tgt: "Two.", Score: 0.9, Doc: "b"},
	})
	s, _, err = Open(mixed)
	require.NoError(t, err)
	assert.Empty(t, s.Export.Doc)
	_, err = s.Save()
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, docs(mixed))
}

// TestSessionFileIsPrivate: a session file holds the whole texts, so it is
// its owner's alone, even where it replaces a file others could read.
func TestSessionFileIsPrivate(t *testing.T) {
	dir := t.TempDir()
	src := Input{Lang: "sq", Sentences: sentences("Një.", "Dy.")}
	tgt := Input{Lang: "en", Sentences: sentences("One.", "Two.")}
	exp := Export{Path: filepath.Join(dir, "out.tsv"), Format: "tsv"}
	file := SessionFile(exp.Path)
	require.NoError(t, os.WriteFile(file, []byte("old"), 0o644))
	s, _, err := Begin(src, tgt, align.Langs{}, exp, align.Options{}, true)
	require.NoError(t, err)
	mode := func() os.FileMode {
		fi, err := os.Stat(file)
		require.NoError(t, err)
		return fi.Mode().Perm()
	}
	assert.Equal(t, os.FileMode(0o600), mode())
	require.NoError(t, s.Apply(Op{Name: "confirm", Row: 0}))
	assert.Equal(t, os.FileMode(0o600), mode())
	_, err = s.Save()
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), mode())
}

func TestDefaultExport(t *testing.T) {
	tests := []struct{ src, doc, want, err string }{
		{"testdata/rama/sq.txt", "", "rama.tmx", ""},
		{"news/article.sq", "", "article.tmx", ""},
		{"testdata/rama/sq.txt", "Vjena", "Vjena.tmx", ""},
		{"testdata/rama/sq.txt", "../elsewhere/x", "rama.tmx", ""}, // not a file name
		{"-", "", "", "standard input"},
	}
	for _, tt := range tests {
		got, err := DefaultExport(tt.src, "sq", tt.doc)
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, tt.src+" "+tt.doc)
	}
}

// TestStartInOrder: a caption whose translation was moved four sentences
// on, which align.Align links out of order, stays left out on both sides
// in a review, whose rows are in order; fixing a row keeps that so.
func TestStartInOrder(t *testing.T) {
	names := []string{"Rama", "Berisha", "Meta", "Kurti", "Thaçi"}
	var sq, en []string
	for i := range 30 {
		sq = append(sq, fmt.Sprintf("Ministri %s tha se buxheti i vitit %d do të rritet me %d përqind.", names[i%5], 1990+i, 3+i))
		en = append(en, fmt.Sprintf("Minister %s said that the budget of %d will grow by %d percent.", names[i%5], 1990+i, 3+i))
	}
	sq = slices.Insert(sq, 10, "Foto: Porschestrasse 7, Leverkusen, Sportartikel-Vertriebs-GmbH 4711.")
	en = slices.Insert(en, 14, "Photo: Porschestrasse 7, Leverkusen, Sportartikel-Vertriebs-GmbH 4711.")
	src, tgt := sentences(sq...), sentences(en...)
	moved := slices.ContainsFunc(align.Align(src, tgt, align.Options{SrcLang: "sq", TgtLang: "en"}), func(l align.Link) bool {
		return slices.Equal(l.Src, []int{10}) && slices.Equal(l.Tgt, []int{14})
	})
	require.True(t, moved, "align.Align links the moved pair, which the review must not")

	s, err := Start(Input{Lang: "sq", Sentences: src}, Input{Lang: "en", Sentences: tgt}, align.Langs{}, align.Options{})
	require.NoError(t, err)
	rows, _ := s.Rows()
	require.NoError(t, Validate(rows, len(src), len(tgt)))
	assert.Contains(t, rows, Row{Src: []int{10}, Score: rows[10].Score})
}
