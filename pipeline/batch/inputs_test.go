package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/testio"
	"github.com/paralel/paralel/pipeline/input"
)

// TestLoadInputs: "-" alone reads stdin, as a list or as a stream of
// documents; any other input is Load's.
func TestLoadInputs(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "a"), 0o755))
	for _, f := range []string{"a/sq.txt", "a/en.txt", "b.sq", "b.en"} {
		testio.WriteFile(t, dir, f, "Po.\n")
	}
	at := func(f string) string { return filepath.Join(dir, f) }
	list := at("a/sq.txt") + "\t" + at("a/en.txt") + "\tA\n# a comment\n" + at("b.sq") + "\t" + at("b.en") + "\n"
	docs, stream, err := LoadInputs([]string{"-"}, strings.NewReader(list), corpus.Lines)
	require.NoError(t, err)
	assert.Nil(t, stream)
	assert.Equal(t, []Doc{{Name: "A", Src: at("a/sq.txt"), Tgt: at("a/en.txt")}, {Name: at("b.sq"), Src: at("b.sq"), Tgt: at("b.en")}}, docs)

	docs, stream, err = LoadInputs([]string{"-"}, strings.NewReader(`{"doc":"d","src":"Po.","tgt":"Yes."}`+"\n"), corpus.Lines)
	require.NoError(t, err)
	assert.Nil(t, docs)
	require.NotNil(t, stream)
	in, err := stream.Read()
	require.NoError(t, err)
	assert.Equal(t, Input{Name: "d", Src: "Po.", Tgt: "Yes.", Kind: Texts}, in)

	// A text, or a table of sentences, given for a list is not read as
	// one: its first line is not a document, or its lines name no file.
	_, _, err = LoadInputs([]string{"-"}, strings.NewReader("only one field\n"), corpus.Lines)
	assert.ErrorIs(t, err, input.ErrNotList)
	assert.ErrorContains(t, err, "stdin is not a list file or a folder: list: line 1: wrong number of fields: 1")
	_, _, err = LoadInputs([]string{"-"}, strings.NewReader("Po.\tYes.\t0.98\nJo.\tNo.\t0.97\n"), corpus.Lines)
	assert.ErrorIs(t, err, input.ErrNotList)
	assert.EqualError(t, err, `stdin is not a list file or a folder: none of the 4 files it names exists (the first: "Po.")`)

	docs, stream, err = LoadInputs([]string{"../../testdata/batch/list.tsv"}, strings.NewReader("not read"), corpus.Lines)
	require.NoError(t, err)
	assert.Nil(t, stream)
	assert.Len(t, docs, 3)
}
