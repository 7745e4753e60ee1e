package batch

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

// TestLoadInputs: "-" alone reads stdin, as a list or as a stream of
// documents; any other input is Load's.
func TestLoadInputs(t *testing.T) {
	docs, stream, err := LoadInputs([]string{"-"}, strings.NewReader("a/sq.txt\ta/en.txt\tA\n# a comment\nb.sq\tb.en\n"), corpus.Lines)
	require.NoError(t, err)
	assert.Nil(t, stream)
	assert.Equal(t, []Doc{{Name: "A", Src: "a/sq.txt", Tgt: "a/en.txt"}, {Name: "b.sq", Src: "b.sq", Tgt: "b.en"}}, docs)

	docs, stream, err = LoadInputs([]string{"-"}, strings.NewReader(`{"doc":"d","src":"Po.","tgt":"Yes."}`+"\n"), corpus.Lines)
	require.NoError(t, err)
	assert.Nil(t, docs)
	require.NotNil(t, stream)
	in, err := stream.Read()
	require.NoError(t, err)
	assert.Equal(t, Input{Name: "d", Src: "Po.", Tgt: "Yes.", Kind: Texts}, in)

	_, _, err = LoadInputs([]string{"-"}, strings.NewReader("only one field\n"), corpus.Lines)
	assert.ErrorContains(t, err, "stdin")

	docs, stream, err = LoadInputs([]string{"../../testdata/batch/list.tsv"}, strings.NewReader("not read"), corpus.Lines)
	require.NoError(t, err)
	assert.Nil(t, stream)
	assert.Len(t, docs, 3)
}
