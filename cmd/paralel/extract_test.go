package main

import (
	"os"
	"path/filepath"
	"strings"
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

// TestBrokenCueWarning: a subtitle cue whose timing is broken is left out
// of the text, with a warning naming the file and the line, by extract and
// by the commands that split, and by batch naming the document.
func TestBrokenCueWarning(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(formatFixtures, "en.srt"))
	require.NoError(t, err)
	broken := strings.Replace(string(data), "00:00:03,000 --> 00:00:06,000", "00:00:03,000 - -> 00:00:06,000", 1)
	path := testio.WriteFile(t, t.TempDir(), "en.srt", broken)
	warning := "paralel: warning: " + path + `: srt: line 7: cue timing not understood, left out with the cue's number: "00:00:03,000 - -> 00:00:06,000"` + "\n"

	out, errOut, err := runCmd(t, "extract", path)
	require.NoError(t, err)
	assert.Contains(t, out, "Edi Rama spoke about Albania")
	assert.Contains(t, errOut, warning)

	out, errOut, err = runCmd(t, "split", "--lang", "en", path)
	require.NoError(t, err)
	assert.NotContains(t, out, "-->")
	assert.Contains(t, errOut, warning)

	// batch and lexicon name the document too.
	sq, err := filepath.Abs(filepath.Join(formatFixtures, "sq-windows1250.txt"))
	require.NoError(t, err)
	list := testio.WriteFile(t, t.TempDir(), "docs.list", sq+"\t"+path+"\trama\n")
	docWarning := strings.Replace(warning, "warning: ", `warning: "rama": `, 1)
	for _, args := range [][]string{{"batch", list}, {"batch", "--each", list}, {"lexicon", "-o", filepath.Join(t.TempDir(), "x.lex"), list}} {
		out, errOut, err = runCmd(t, args...)
		require.NoError(t, err, args)
		assert.NotContains(t, out, "-->", args)
		assert.Contains(t, errOut, docWarning, args)
	}

	// pair names the file, its name in the pairing.
	sqText, err := os.ReadFile(sq)
	require.NoError(t, err)
	sqDir := t.TempDir()
	testio.WriteFile(t, sqDir, "rama.txt", sqText)
	_, errOut, err = runCmd(t, "pair", sqDir, filepath.Dir(path))
	require.NoError(t, err)
	assert.Contains(t, errOut, warning)
}
