package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

// TestAlignOnTerminal runs paralel align on a fake terminal: with no -f
// or -o the links are shown side by side, fitted to its width; with
// either, the output is a format that can be read back, terminal or not.
func TestAlignOnTerminal(t *testing.T) {
	tests := []struct {
		name string
		args []string
		view bool
	}{
		{"view", nil, true},
		{"-f", []string{"-f", "tsv"}, false},
		{"-o -", []string{"-o", "-"}, true},
		{"-o file", []string{"-o", filepath.Join(t.TempDir(), "out.tsv")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, out, errOut := testFactory(strings.NewReader(""))
			ios := f.IOStreams
			ios.SetStdoutTTY(true)
			ios.SetStderrTTY(true)
			ios.SetTerminalWidth(72)
			args := append(append([]string{"align"}, tt.args...), ramaSq, ramaEn)
			stdout, stderr, err := runWith(f, out, errOut, args...)
			require.NoError(t, err)
			assert.NotContains(t, stderr, "\r", "the sample aligns before the bar would show")
			if !tt.view {
				assert.NotContains(t, stdout, " │ ")
				return
			}
			lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
			require.Greater(t, len(lines), 20)
			assert.Regexp(t, `^ +# +score +sq +│ en$`, lines[0])
			assert.Regexp(t, `^   1 [ ?] [01]\.\d\d  `, lines[2])
			for _, l := range lines {
				assert.LessOrEqual(t, utf8.RuneCountInString(l), 72, "fits the terminal: %q", l)
				assert.Contains(t, l, " │ ")
			}
		})
	}
}

// linkLine is the first line of a link in the side-by-side view: its
// number, its mark and its score.
var linkLine = regexp.MustCompile(`(?m)^ +\d+ ([ ?]) ([01]\.\d\d)  `)

// TestAlignDoubtfulOnTerminal: --doubtful says which links the view marks.
func TestAlignDoubtfulOnTerminal(t *testing.T) {
	for _, doubtful := range []string{"", "0.01", "0.5", "0.99", "1"} {
		t.Run(doubtful, func(t *testing.T) {
			f, out, errOut := testFactory(strings.NewReader(""))
			f.IOStreams.SetStdoutTTY(true)
			args := []string{"align", ramaSq, ramaEn}
			threshold := corpus.DefaultDoubtful
			if doubtful != "" {
				args = append(args, "--doubtful", doubtful)
				var err error
				threshold, err = strconv.ParseFloat(doubtful, 64)
				require.NoError(t, err)
			}
			stdout, _, err := runWith(f, out, errOut, args...)
			require.NoError(t, err)
			links := linkLine.FindAllStringSubmatch(stdout, -1)
			require.Greater(t, len(links), 20)
			for _, m := range links {
				score, err := strconv.ParseFloat(m[2], 64)
				require.NoError(t, err)
				// The score shown is rounded to two places.
				if m[1] == "?" {
					assert.LessOrEqual(t, score, threshold+0.005, m[0])
				} else {
					assert.GreaterOrEqual(t, score, threshold-0.005, m[0])
				}
			}
		})
	}
}
