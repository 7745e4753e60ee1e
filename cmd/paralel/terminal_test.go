package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
