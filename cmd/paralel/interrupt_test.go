//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain runs the program itself when a test asks for it, so that a
// test can send the real process a signal.
func TestMain(m *testing.M) {
	if os.Getenv("PARALEL_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestInterrupt: Ctrl+C or SIGTERM during paralel align -o leaves neither
// the output nor its temporary file, and the exit status is the shell's
// for the signal.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the program on a long input")
	}
	in := t.TempDir()
	for _, side := range []string{"sq", "en"} {
		text, err := os.ReadFile("../../testdata/rama/" + side + ".txt")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(in, side+".txt"), bytes.Repeat(append(text, '\n'), 300), 0o644))
	}
	tests := []struct {
		sig  syscall.Signal
		code int
	}{
		{syscall.SIGINT, 130},
		{syscall.SIGTERM, 143},
	}
	for _, tt := range tests {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.tmx")
			cmd := exec.Command(os.Args[0], "align", "-o", out, filepath.Join(in, "sq.txt"), filepath.Join(in, "en.txt"))
			cmd.Env = append(os.Environ(), "PARALEL_TEST_MAIN=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Start())
			deadline := time.Now().Add(30 * time.Second)
			for !hasTemp(t, dir) {
				require.True(t, time.Now().Before(deadline), "no temporary file appeared")
				time.Sleep(5 * time.Millisecond)
			}
			require.NoError(t, cmd.Process.Signal(tt.sig))
			err := cmd.Wait()
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "the run was not stopped: %v (it may have ended first)", err)
			assert.Equal(t, tt.code, exit.ExitCode())
			assert.Contains(t, stderr.String(), "paralel: interrupted")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, entries, "neither the output nor a temporary file is left")
		})
	}
}

func hasTemp(t *testing.T, dir string) bool {
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			return true
		}
	}
	return false
}
