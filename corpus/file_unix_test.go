//go:build unix

package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }

// TestCreateFileMode: an output that exists keeps its mode; a new one gets
// 0666 less the umask, as a shell redirection gives it.
func TestCreateFileMode(t *testing.T) {
	tests := []struct {
		name     string
		existing fs.FileMode // 0: no file yet
		umask    int
		want     fs.FileMode
	}{
		{"new, umask 022", 0, 0o022, 0o644},
		{"new, umask 077", 0, 0o077, 0o600},
		{"new, umask 002", 0, 0o002, 0o664},
		{"existing 0600", 0o600, 0o022, 0o600},
		{"existing 0640, umask 077", 0o640, 0o077, 0o640},
		{"existing 0755", 0o755, 0o022, 0o755},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.tsv")
			if tt.existing != 0 {
				require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
				require.NoError(t, os.Chmod(path, tt.existing))
			}
			old := syscall.Umask(tt.umask)
			defer syscall.Umask(old)
			f, err := CreateFile(path)
			require.NoError(t, err)
			defer f.Close()
			_, err = f.Write([]byte("new"))
			require.NoError(t, err)
			require.NoError(t, f.Commit())
			fi, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, tt.want, fi.Mode().Perm())
		})
	}
}
