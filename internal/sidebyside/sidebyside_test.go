package sidebyside

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.Width = 50 // two columns of 17
	w.SrcLang, w.TgtLang = "sq", "en"
	for _, p := range []corpus.Pair{
		{Src: "Mirëdita.", Tgt: "Good day.", Score: 0.97},
		{Src: "Kryeministri foli me gazetarët në Vjenë.", Tgt: "The prime minister spoke.", Score: 0.42},
		{Src: "Foto: arkiv", Score: 0.1},
	} {
		require.NoError(t, w.Write(p))
	}
	w.Flush()
	require.NoError(t, w.Error())
	want := `   #  score  sq                │ en
             ───────────────── │ ─────────────────
   1   0.97  Mirëdita.         │ Good day.
   2 ? 0.42  Kryeministri foli │ The prime
             me gazetarët në   │ minister spoke.
             Vjenë.            │ 
   3 ? 0.10  Foto: arkiv       │ —
`
	assert.Equal(t, want, buf.String())
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "a b c", 10, []string{"a b c"}},
		{"between words", "one two three", 7, []string{"one two", "three"}},
		{"long word broken", "abcdefghij xy", 4, []string{"abcd", "efgh", "ij", "xy"}},
		{"spaces collapsed", "  a \t b\n", 10, []string{"a b"}},
		{"empty", "", 10, []string{""}},
		{"combining mark takes no column", "e\u0308e\u0308e\u0308 x", 5, []string{"e\u0308e\u0308e\u0308 x"}},
		{"wide characters take two", "日本語 x", 4, []string{"日本", "語 x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.text, tt.width)
			assert.Equal(t, tt.want, got)
			for _, l := range got {
				assert.LessOrEqual(t, displayWidth(l), tt.width)
			}
		})
	}
}

func TestNarrowScreen(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.Width = 5 // narrower than anything: columns keep a minimum width
	require.NoError(t, w.Write(corpus.Pair{Src: strings.Repeat("x", 25), Tgt: "y", Score: 1}))
	w.Flush()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	assert.Len(t, lines, 3)
	assert.Equal(t, "   1   1.00  xxxxxxxxxx │ y", lines[0])
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestWriteError(t *testing.T) {
	w := NewWriter(failingWriter{})
	_ = w.Write(corpus.Pair{Src: "a", Tgt: "b"})
	w.Flush()
	assert.EqualError(t, w.Error(), "broken pipe")
}

// TestControlCharacters: an escape sequence in a segment never reaches the
// terminal; the pair is named in a warning.
func TestControlCharacters(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	var warnings []string
	w.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	require.NoError(t, w.Write(corpus.Pair{Src: "Po\x1b[2J\x1b]0;x\a.", Tgt: "Yes.", Score: 1, Doc: "d"}))
	w.Flush()
	require.NoError(t, w.Error())
	assert.NotContains(t, buf.String(), "\x1b")
	assert.NotContains(t, buf.String(), "\a")
	assert.Contains(t, buf.String(), "Po[2J]0;x.")
	assert.Equal(t, []string{`pair 1 of "d", source: removed 3 control characters: U+001B U+001B U+0007`}, warnings)
}
