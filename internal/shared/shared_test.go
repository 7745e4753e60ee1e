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

// From a module nested in the repository (beam/), the shared folder is the
// one beside the repository, not beside the nested module.
func TestDirFromNestedModule(t *testing.T) {
	t.Setenv("PARALEL_SHARED", "")
	tmp := t.TempDir()
	repo, nested := filepath.Join(tmp, "repo"), filepath.Join(tmp, "repo", "beam", "pipeline")
	require.NoError(t, os.MkdirAll(nested, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(repo, "go.mod"), nil, 0o666))
	require.NoError(t, os.WriteFile(filepath.Join(repo, "beam", "go.mod"), nil, 0o666))
	t.Chdir(nested)
	d, ok := Dir()
	assert.False(t, ok)
	assert.Equal(t, filepath.Join(repo, "shared"), d, "beside the nearest module when there is none")

	require.NoError(t, os.Mkdir(filepath.Join(tmp, "shared"), 0o755))
	d, ok = Dir()
	assert.True(t, ok)
	assert.Equal(t, filepath.Join(tmp, "shared"), d)
}
