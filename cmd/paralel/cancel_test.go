package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cancelOnWrite is a standard output that cancels the run at its first
// write, as Ctrl+C pressed once the output has begun.
type cancelOnWrite struct {
	bytes.Buffer
	cancel context.CancelFunc
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.cancel()
	return w.Buffer.Write(p)
}

// TestCancelWhileWriting: a run cancelled (Ctrl+C) while it writes its
// output stops writing and ends with the context's error, which the
// program turns into the exit status of the signal, rather than going on
// to the end of the output and succeeding. Without a timing: the output
// itself cancels the run at its first write.
func TestCancelWhileWriting(t *testing.T) {
	dir := t.TempDir()
	// Long enough that the writers flush before the end: 8 copies of the
	// sample pair.
	var list strings.Builder
	for _, side := range []string{"sq", "en"} {
		text, err := os.ReadFile("../../testdata/rama/" + side + ".txt")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, side+".txt"), bytes.Repeat(append(text, '\n'), 8), 0o644))
	}
	list.WriteString("sq.txt\ten.txt\tlong\n")
	listFile := filepath.Join(dir, "list.tsv")
	require.NoError(t, os.WriteFile(listFile, []byte(list.String()), 0o644))
	sq, en := filepath.Join(dir, "sq.txt"), filepath.Join(dir, "en.txt")

	for _, args := range [][]string{
		{"align", "-f", "tsv", sq, en},
		{"align", "-f", "tmx", sq, en},
		{"batch", "-f", "tsv", listFile},
		{"batch", "--each", "-f", "jsonl", listFile},
	} {
		t.Run(strings.Join(args[:3], " "), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			f, _, stderr := testFactory(strings.NewReader(""))
			out := &cancelOnWrite{cancel: cancel}
			f.IOStreams.Out = out
			root := newRootCmd(f)
			root.SetArgs(append(args, "-o", "-"))
			err := root.ExecuteContext(ctx)
			require.ErrorIs(t, err, context.Canceled)
			assert.Less(t, out.Len(), 8192, "writing stopped at the first flush or the next")
			assert.NotContains(t, stderr.String(), "kept", "no summary claims the pairs written")
		})
	}
}

// TestCancelledBatchNoSummary: a batch cancelled (Ctrl+C) before it
// aligned anything, or streaming its input, writes nothing and prints no
// summary, which would say what was aligned and kept.
func TestCancelledBatchNoSummary(t *testing.T) {
	list := "../../testdata/rama/sq.txt\t../../testdata/rama/en.txt\trama\n"
	stream := `{"doc": "rama", "src_path": "../../testdata/rama/sq.txt", "tgt_path": "../../testdata/rama/en.txt"}` + "\n"
	for _, tt := range []struct {
		name, stdin string
		args        []string
	}{
		{"pooled", list, []string{"batch", "-"}},
		{"each", list, []string{"batch", "--each", "-"}},
		{"stream", stream, []string{"batch", "-"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			f, stdout, stderr := testFactory(strings.NewReader(tt.stdin))
			root := newRootCmd(f)
			root.SetArgs(tt.args)
			err := root.ExecuteContext(ctx)
			require.ErrorIs(t, err, context.Canceled)
			assert.Empty(t, stdout.String())
			assert.Empty(t, stderr.String(), "no summary")
		})
	}
}
