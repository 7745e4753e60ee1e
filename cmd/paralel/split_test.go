package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/internal/testio"
)

func TestSplitCommand(t *testing.T) {
	out, _, err := runCmd(t, "split", "--lang", "sq", ramaSq)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	assert.Len(t, lines, 25)
	assert.Equal(t, "Camp Ashraf 3 Albania .", lines[2])

	out, _, err = runCmd(t, "split", "--lang", "sq", "--format", "jsonl", ramaSq)
	require.NoError(t, err)
	raw, err := os.ReadFile(ramaSq)
	require.NoError(t, err)
	sc := bufio.NewScanner(strings.NewReader(out))
	n := 0
	for sc.Scan() {
		var s struct {
			Text             string
			Start, End, Para int
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &s))
		assert.Equal(t, lines[n], s.Text)
		assert.Equal(t, s.Text, strings.TrimSpace(string(raw[s.Start:s.End])))
		n++
	}
	assert.Equal(t, len(lines), n)
}

func TestSplitCommandModes(t *testing.T) {
	tests := []struct {
		args []string
		in   string
		want string
	}{
		{[]string{"split", "--lang", "sq"}, "Po. Jo.\nMirë\n", "Po.\nJo.\nMirë\n"},
		{[]string{"split", "--lang", "sq", "-"}, "Po. Jo.", "Po.\nJo.\n"},
		{[]string{"split", "--lang", "sq", "--wrapped"}, "Ai erdhi\ndhe iku. Ajo\nmbeti.\n\nFund", "Ai erdhi dhe iku.\nAjo mbeti.\nFund\n"},
		{[]string{"split", "--lang", "en", "--presplit"}, "Mr. X. Y.\r\n\r\nZ\r\n", "Mr. X. Y.\nZ\n"},
		{[]string{"split", "--lang", "en", "--format", "jsonl"}, "\uFEFFHi. Yo.", `{"text":"Hi.","start":3,"end":6,"para":0}` + "\n" +
			`{"text":"Yo.","start":7,"end":10,"para":0}` + "\n"},
		{[]string{"split", "--lang", "sq"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) {
			out, _, err := runIn(t, strings.NewReader(tt.in), tt.args...)
			require.NoError(t, err)
			assert.Equal(t, tt.want, out)
		})
	}
}

func TestSplitCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	// UTF-8 with a stray byte; text with no UTF-8 at all is read as a
	// single-byte encoding.
	require.NoError(t, os.WriteFile(bad, []byte("Po.\nJë\xff"), 0o644))
	bin := filepath.Join(dir, "bin.dat")
	require.NoError(t, os.WriteFile(bin, []byte{0x7f, 'E', 'L', 'F', 0, 0}, 0o644))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"split", "--lang", "sq", filepath.Join(dir, "missing.txt")}, "no such file or directory"},
		{[]string{"split", "--lang", "sq", dir}, "is a directory"},
		{[]string{"split", "--lang", "sq", bad}, bad + ": invalid UTF-8 at byte 7"},
		{[]string{"split", "--lang", "sq", bin}, bin + ": binary data (NUL byte) at byte 4"},
		{[]string{"split", "--lang", "sq", "--wrapped", "--presplit", bad}, "wrapped"},
		{[]string{"split", "--lang", "sq", "--format", "xml", bad}, `unknown sentence format "xml"`},
		{[]string{"split", bad}, `"lang" not set`},
		{[]string{"split", "--lang", "sq", bad, bad}, "accepts at most 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, _, err := runIn(t, strings.NewReader(""), tt.args...)
			require.Error(t, err)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

// TestSplitCommandStreams pipes 100 MB of Albanian news text through
// "paralel split" and checks that the heap never holds more than a small
// fraction of it: the command streams.
func TestSplitCommandStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("splits 100 MB")
	}
	article, err := os.ReadFile(ramaSq)
	require.NoError(t, err)
	const size = 100 << 20
	in := testio.Repeat(article, size/len(article)+1)

	// What the packages hold from their start (the web page extractor's
	// tables) is not the command's: count from there, and collect often
	// enough that the garbage of the run does not grow with that start.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	ios, _, _, _ := iostreams.Test()
	counter := &countWriter{}
	ios.In, ios.Out = in, counter
	cmd := newRootCmd(&Factory{IOStreams: ios})
	cmd.SetArgs([]string{"split", "--lang", "sq", "-"})
	err = cmd.Execute()
	close(done)
	wg.Wait()
	require.NoError(t, err)
	assert.Greater(t, counter.n, int64(size*9/10))
	t.Logf("split %d MB, wrote %d MB; peak heap %.1f MB over %.1f MB at the start", size>>20, counter.n>>20, float64(peak.Load()-base)/(1<<20), float64(base)/(1<<20))
	assert.Less(t, peak.Load()-base, uint64(32<<20), "peak heap")
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}
