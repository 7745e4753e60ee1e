package shared

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDirFromEnv(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("PARALEL_SHARED", tmp)
	d, ok := Dir()
	assert.True(t, ok)
	assert.Equal(t, tmp, d)

	t.Setenv("PARALEL_SHARED", filepath.Join(tmp, "missing"))
	_, ok = Dir()
	assert.False(t, ok)
}

func TestRequireSkipsWhenAbsent(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("PARALEL_SHARED", tmp)
	require.NoError(t, os.Mkdir(filepath.Join(tmp, "eval"), 0o755))
	assert.Equal(t, filepath.Join(tmp, "eval"), Require(t, "eval"))

	var skipped bool
	t.Run("absent", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Require(t, "nothing-here")
	})
	assert.True(t, skipped)
}
