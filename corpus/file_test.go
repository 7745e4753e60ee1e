package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreateFileCommit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.tsv")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))

	f, err := CreateFile(path)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.Write([]byte("new"))
	require.NoError(t, err)

	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "old", string(got), "the target changes only on Commit")

	require.NoError(t, f.Commit())
	require.NoError(t, f.Close())
	got, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new", string(got))
	assert.Equal(t, []string{"out.tsv"}, dirNames(t, dir), "no temporary file is left")
	_, err = f.Write([]byte("late"))
	assert.Error(t, err)
}

func TestCreateFileFailedRunLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.tmx")
	f, err := CreateFile(path)
	require.NoError(t, err)
	_, err = f.Write([]byte("<tmx>half"))
	require.NoError(t, err)
	require.Len(t, dirNames(t, dir), 1, "the temporary file sits beside the target")

	require.NoError(t, f.Close()) // the run failed: no Commit
	assert.Empty(t, dirNames(t, dir))
}

func TestCreateFileMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "out.tsv")
	_, err := CreateFile(path)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.EqualError(t, err, "create "+path+": no such file or directory", "names the file asked for, not the temporary one")
}

func TestCreateFileOverDirectory(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.tsv")
	require.NoError(t, os.Mkdir(out, 0o755))
	_, err := CreateFile(out)
	assert.EqualError(t, err, out+": is a directory")
	assert.Equal(t, []string{"out.tsv"}, dirNames(t, dir), "no temporary file is left")
}

func TestCreateFileStdout(t *testing.T) {
	f, err := CreateFile("-")
	require.NoError(t, err)
	assert.Equal(t, "-", f.Name())
	require.NoError(t, f.Commit())
	require.NoError(t, f.Close())
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
