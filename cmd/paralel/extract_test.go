package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/testio"
)

// TestExtractChecksText: extract takes in the text that split does,
// refusing binary data and invalid UTF-8 with split's very error, and
// writes no control character.
func TestExtractChecksText(t *testing.T) {
	in := t.TempDir()
	for _, tt := range []struct{ name, data, err string }{
		{"nul.bin", "Mirë.\nPo\x00\x01\x02\n", "nul.bin: binary data (NUL byte) at byte 9"},
		{"bad.txt", "Mirë. Po.\n\xb3\xe1\x13 Jo.\n", "bad.txt: invalid UTF-8 at byte 11"},
		{"bad.srt", "1\n00:00:00,000 --> 00:00:01,000\nMirë \xff\n", "bad.srt: invalid UTF-8 at byte 38"},
	} {
		path := testio.WriteFile(t, in, tt.name, tt.data)
		_, _, splitErr := runCmd(t, "split", "--lang", "sq", path)
		require.Error(t, splitErr, tt.name)
		_, _, err := runCmd(t, "extract", path)
		assert.EqualError(t, err, filepath.Join(in, tt.err), tt.name)
		assert.Equal(t, splitErr, err, "%s: split's error", tt.name)
	}

	esc := testio.WriteFile(t, in, "esc.txt", "Po.\nHello \x1b[31mred\x1b[0m world.\n")
	out, errOut, err := runCmd(t, "extract", esc)
	require.NoError(t, err)
	assert.Equal(t, "Po.\nHello [31mred[0m world.\n", out)
	assert.Contains(t, errOut, "paralel: warning: "+esc+": line 2: removed 2 control characters: U+001B U+001B\n")
	assert.Contains(t, errOut, "paralel: read "+esc+": text, utf-8, 30 bytes\n")
}
