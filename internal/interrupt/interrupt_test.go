//go:build unix

package interrupt

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExitCode(t *testing.T) {
	assert.Equal(t, 130, ExitCode(os.Interrupt))
	assert.Equal(t, 143, ExitCode(syscall.SIGTERM))
}

// TestNotify sends this process real signals: the first cancels the
// context; then the run either ends in time, or is stopped after the grace
// period or at a second signal, with the cleanup done first.
func TestNotify(t *testing.T) {
	tests := []struct {
		name     string
		signals  []syscall.Signal
		grace    time.Duration
		stopped  bool // the run ends (calls stop) after the first signal
		wantExit int  // 0: the process is not made to exit
	}{
		{"the run ends in time", []syscall.Signal{syscall.SIGINT}, time.Minute, true, 0},
		{"SIGINT, grace over", []syscall.Signal{syscall.SIGINT}, 50 * time.Millisecond, false, 130},
		{"SIGTERM, grace over", []syscall.Signal{syscall.SIGTERM}, 50 * time.Millisecond, false, 143},
		{"a second signal", []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}, time.Minute, false, 143},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exited := make(chan int, 1)
			cleaned := make(chan bool, 1)
			var stderr bytes.Buffer // written before exit, read after
			ctx, stop := notify(context.Background(), tt.grace, &stderr, func() { cleaned <- true }, func(code int) { exited <- code })
			defer stop()
			require.NoError(t, syscall.Kill(os.Getpid(), tt.signals[0]))
			select {
			case <-ctx.Done():
			case <-time.After(10 * time.Second):
				t.Fatal("the signal did not cancel the context")
			}
			sig, ok := Cause(ctx)
			require.True(t, ok)
			assert.Equal(t, tt.signals[0], sig)
			for _, s := range tt.signals[1:] {
				require.NoError(t, syscall.Kill(os.Getpid(), s))
			}
			if tt.stopped {
				stop()
			}
			if tt.wantExit == 0 {
				select {
				case code := <-exited:
					t.Fatalf("exit(%d) after the run ended", code)
				case <-time.After(200 * time.Millisecond):
				}
				assert.Empty(t, stderr.String())
				return
			}
			select {
			case code := <-exited:
				assert.Equal(t, tt.wantExit, code)
				assert.True(t, <-cleaned, "cleanup before exit")
				last := tt.signals[len(tt.signals)-1]
				assert.Equal(t, filepath.Base(os.Args[0])+": interrupted ("+last.String()+")\n", stderr.String(), "one line says why the run stopped")
			case <-time.After(10 * time.Second):
				t.Fatal("no exit")
			}
		})
	}
	_, ok := Cause(context.Background())
	assert.False(t, ok)
}
