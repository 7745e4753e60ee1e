package review

import (
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func listening(t *testing.T) string {
	t.Helper()
	ln, err := Listen(0)
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().String()
}

func TestLockRefusesASecondReview(t *testing.T) {
	export := filepath.Join(t.TempDir(), "out.tmx")
	first := listening(t)
	l, err := LockExport(export, first)
	require.NoError(t, err)
	assert.FileExists(t, export+LockExt)

	_, err = LockExport(export, listening(t))
	var locked *LockedError
	require.ErrorAs(t, err, &locked)
	assert.Equal(t, os.Getpid(), locked.PID)
	assert.Equal(t, first, locked.Addr)
	assert.Contains(t, err.Error(), "out.tmx is under review by process ")
	assert.Contains(t, err.Error(), "at http://"+first+"/")

	require.NoError(t, l.Release())
	assert.NoFileExists(t, export+LockExt)
	l, err = LockExport(export, listening(t))
	require.NoError(t, err, "free again once released")
	require.NoError(t, l.Release())
}

// TestLockTakesOverStale: the lock of a review that is gone (its process
// dead, or nothing at its address) is taken over.
func TestLockTakesOverStale(t *testing.T) {
	dead := exec.Command(os.Args[0], "-test.run=^$")
	require.NoError(t, dead.Run())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := ln.Addr().String()
	ln.Close()

	for name, owner := range map[string]lockOwner{
		"dead process":          {PID: dead.Process.Pid, Addr: listening(t)},
		"nobody at the address": {PID: os.Getpid(), Addr: closed},
		"garbled":               {},
	} {
		t.Run(name, func(t *testing.T) {
			export := filepath.Join(t.TempDir(), "out.tmx")
			data, err := json.Marshal(owner)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(export+LockExt, data, 0o600))
			addr := listening(t)
			l, err := LockExport(export, addr)
			require.NoError(t, err)
			got, ok := readLock(l.File())
			assert.True(t, ok)
			assert.Equal(t, lockOwner{PID: os.Getpid(), Addr: addr}, got)
			entries, err := os.ReadDir(filepath.Dir(export))
			require.NoError(t, err)
			assert.Len(t, entries, 1, "only the lock file, no temporary file")
		})
	}
}
