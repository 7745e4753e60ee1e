package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenAlign is the one golden test of the aligner's output: the
// sample pair, end to end (read, split, align, export), as JSON lines,
// which keep every link with its sentence ids and score. The export
// formats have golden files of their own in corpus/format, written from a
// fixed fixture, so an aligner change rewrites only this one.
func TestGoldenAlign(t *testing.T) {
	out, _, err := runCmd(t, "align", "-f", "jsonl", ramaSq, ramaEn)
	require.NoError(t, err)
	golden := filepath.Join("testdata", "rama.jsonl")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./cmd/paralel -run TestGoldenAlign -update to create it")
	assert.Equal(t, string(want), out,
		"the alignment of the sample pair changed: if the aligner changed on purpose, check the links and regenerate with\n\tgo test ./cmd/paralel -run TestGoldenAlign -update")
}
