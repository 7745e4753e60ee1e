package corpus

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte("text"), 0o644))
	parse := func(r io.Reader) (string, error) {
		b, err := io.ReadAll(r)
		if string(b) != "text" {
			return "", errors.New("not text")
		}
		return string(b), err
	}

	got, err := ParseFile(good, parse)
	require.NoError(t, err)
	assert.Equal(t, "text", got)

	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("other"), 0o644))
	_, err = ParseFile(bad, parse)
	assert.EqualError(t, err, bad+": not text")

	_, err = ParseFile(filepath.Join(dir, "missing.txt"), parse)
	assert.ErrorIs(t, err, fs.ErrNotExist)

	_, err = ParseFile(dir, parse)
	assert.ErrorContains(t, err, "is a directory")
}
