package corpus

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/testio"
)

func TestParseFile(t *testing.T) {
	dir := t.TempDir()
	good := testio.WriteFile(t, dir, "good.txt", "text")
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

	bad := testio.WriteFile(t, dir, "bad.txt", "other")
	_, err = ParseFile(bad, parse)
	assert.EqualError(t, err, bad+": not text")

	_, err = ParseFile(filepath.Join(dir, "missing.txt"), parse)
	assert.ErrorIs(t, err, fs.ErrNotExist)

	_, err = ParseFile(dir, parse)
	assert.ErrorContains(t, err, "is a directory")
}
