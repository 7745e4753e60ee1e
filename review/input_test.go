package review

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/pipeline/input"
	"github.com/paralel/paralel/segment"
)

func TestReadInput(t *testing.T) {
	const path = "../testdata/rama/sq.txt"
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	want, err := segment.ReadFile(path, corpus.ReadOptions{Lang: "sq"})
	require.NoError(t, err)

	in, _, err := ReadInput(path, input.Options{Lang: "sq"})
	require.NoError(t, err)
	sum := sha256.Sum256(data)
	assert.Equal(t, hex.EncodeToString(sum[:]), in.SHA256)
	assert.True(t, filepath.IsAbs(in.Path))
	assert.Equal(t, "sq", in.Lang)
	assert.Equal(t, want.Sentences, in.Sentences)

	for _, bad := range []string{filepath.Join(t.TempDir(), "missing.txt"), t.TempDir()} {
		_, _, err := ReadInput(bad, input.Options{Lang: "sq"})
		assert.Error(t, err, bad)
	}
}
