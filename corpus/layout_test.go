package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDocFolders(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"b", "a", "a/nested"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, sub), 0o755))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", SrcTextFile), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644))
	hasSrc := func(d string) bool {
		_, err := os.Stat(filepath.Join(d, SrcTextFile))
		return err == nil
	}

	got, err := DocFolders(dir, hasSrc)
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}, got, "the folders in it, by name; files left out")

	got, err = DocFolders(filepath.Join(dir, "a"), hasSrc)
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "a")}, got, "a document folder is itself")

	_, err = DocFolders(filepath.Join(dir, "notes.txt"), hasSrc)
	assert.ErrorContains(t, err, "not a folder")
	_, err = DocFolders(filepath.Join(dir, "missing"), hasSrc)
	assert.ErrorIs(t, err, os.ErrNotExist)
}
