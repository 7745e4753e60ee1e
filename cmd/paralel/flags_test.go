package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

func TestInputFlagsMode(t *testing.T) {
	tests := []struct {
		presplit, wrapped bool
		want              corpus.Mode
		err               string
	}{
		{false, false, corpus.Lines, ""},
		{true, false, corpus.Presplit, ""},
		{false, true, corpus.Wrapped, ""},
		{true, true, 0, "--presplit and --wrapped exclude each other"},
	}
	for _, tt := range tests {
		in := inputFlags{presplit: tt.presplit, wrapped: tt.wrapped}
		mode, err := in.mode()
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, mode)
	}
}

// TestReadFlags: every command that reads text takes --wrapped, those that
// read files of their own choosing --presplit too, and all refuse both in
// the same words, writing nothing.
func TestReadFlags(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.tsv")
	tests := []struct {
		args     []string
		presplit bool
	}{
		{[]string{"align", "-o", out, ramaSq, ramaEn}, true},
		{[]string{"review", "-o", out, ramaSq, ramaEn}, true},
		{[]string{"split", "--lang", "sq", ramaSq}, true},
		{[]string{"batch", "-o", out, batchList}, true},
		{[]string{"eval", "--set", dir}, false},
	}
	for _, tt := range tests {
		t.Run(tt.args[0], func(t *testing.T) {
			cmd, _, err := newRootCmd(testFactoryQuiet()).Find(tt.args[:1])
			require.NoError(t, err)
			assert.NotNil(t, cmd.Flags().Lookup("wrapped"))
			assert.Equal(t, tt.presplit, cmd.Flags().Lookup("presplit") != nil)
			if !tt.presplit {
				return
			}
			args := append([]string{tt.args[0], "--presplit", "--wrapped"}, tt.args[1:]...)
			_, _, err = runCmd(t, args...)
			assert.EqualError(t, err, "--presplit and --wrapped exclude each other: pre-split text has one segment a line")
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing written")
}

// TestNotes: what the commands say besides their output starts with the
// program's name, as their errors do.
func TestNotes(t *testing.T) {
	dir := t.TempDir()
	tsv := filepath.Join(dir, "pairs.tsv")
	require.NoError(t, os.WriteFile(tsv, []byte("Po.\tYes.\t0.9\nJo.\tNo.\t0.1\n"), 0o644))
	tests := [][]string{
		{"align", "--min-score", "0.99", "-o", filepath.Join(dir, "rama.tsv"), ramaSq, ramaEn},
		{"align", "--allow-swapped", "-o", filepath.Join(dir, "swapped.tsv"), ramaEn, ramaSq},
		{"convert", "--min-score", "0.5", tsv, filepath.Join(dir, "pairs.tmx")},
		{"batch", "-o", filepath.Join(dir, "batch.tsv"), batchList},
	}
	for _, args := range tests {
		t.Run(strings.Join(args[:2], " "), func(t *testing.T) {
			_, stderr, err := runCmd(t, args...)
			require.NoError(t, err)
			require.NotEmpty(t, stderr)
			for line := range strings.Lines(stderr) {
				assert.True(t, strings.HasPrefix(line, "paralel: "), "a note without the program's name: %q", line)
			}
		})
	}
}
