package format

import (
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

func TestNewFilesWriter(t *testing.T) {
	var src, tgt bytes.Buffer
	w, err := NewFilesWriter("moses", []io.Writer{&src, &tgt}, Options{MinScore: 0.5})
	require.NoError(t, err)
	require.NoError(t, w.Write(corpus.Pair{Src: "Po.", Tgt: "Yes.", SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 0.9}))
	require.NoError(t, w.Write(corpus.Pair{Src: "Jo.", Tgt: "No.", SrcIDs: []int{1}, TgtIDs: []int{1}, Score: 0.1}))
	require.NoError(t, w.Close())
	assert.Equal(t, "Po.\n", src.String())
	assert.Equal(t, "Yes.\n", tgt.String())
	assert.Equal(t, 1, w.Dropped().Total())

	for name, want := range map[string]int{"moses": 2, "jsonl": 1, "tsv": 1, "tmx": 1} {
		n, err := FileCount(name)
		require.NoError(t, err)
		assert.Equal(t, want, n, name)
	}
	_, err = NewFilesWriter("moses", []io.Writer{&src}, Options{})
	assert.ErrorContains(t, err, "moses: 1 files to write, want 2")
	_, err = NewFilesWriter("jsonl", []io.Writer{&src}, Options{MinScore: 2})
	assert.Error(t, err)
	_, err = FileCount("docx")
	assert.Error(t, err)
}
