package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
)

func writePairs(t *testing.T, name, path string, pairs []corpus.Pair) {
	t.Helper()
	w, err := format.Create(name, path, format.Options{SrcLang: "sq", TgtLang: "en"})
	require.NoError(t, err)
	defer w.Close()
	for _, p := range pairs {
		require.NoError(t, w.Write(p))
	}
	require.NoError(t, w.Commit())
}

func TestOpenExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	writePairs(t, "jsonl", path, []corpus.Pair{
		{Src: "Një. Dy.", Tgt: "One and two.", SrcIDs: ids(0, 1), TgtIDs: ids(0), Score: 0.8},
		{Src: "Tre.", SrcIDs: ids(2), Score: 0.1},
		{Src: "Katër.", Tgt: "Four.", SrcIDs: ids(3), TgtIDs: ids(1), Score: 0.95},
	})

	s, err := Open(path)
	require.NoError(t, err)
	rows, _ := s.Rows()
	assert.Equal(t, []Row{{Src: ids(0), Tgt: ids(0), Score: 0.8}, {Src: ids(1), Score: 0.1}, {Src: ids(2), Tgt: ids(1), Score: 0.95}}, rows)
	assert.Equal(t, "Një. Dy.", s.Src.Sentences[0].Text)
	assert.Equal(t, Export{Path: path, Format: "jsonl"}, s.Export)
	assert.Equal(t, path+SessionExt, s.File)

	// A fix and a save: the export and its session file are rewritten, and
	// reopening the export now resumes the session exactly.
	require.NoError(t, s.Apply(Op{Name: "confirm", Row: 1}))
	res, err := s.Save()
	require.NoError(t, err)
	assert.Equal(t, SaveResult{Export: path, Pairs: 3}, res)
	again, err := Open(path)
	require.NoError(t, err)
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
			_, err := Open(tt.path)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}
