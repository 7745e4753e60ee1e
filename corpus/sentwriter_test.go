package corpus

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSentenceWriter(t *testing.T) {
	sentences := []Sentence{
		{Text: "Po.", Start: 0, End: 3, Para: 0},
		{Text: "A <b> & c?", Start: 4, End: 14, Para: 1},
	}
	tests := []struct {
		format, want string
	}{
		{"text", "Po.\nA <b> & c?\n"},
		{"jsonl", `{"text":"Po.","start":0,"end":3,"para":0}` + "\n" +
			`{"text":"A <b> & c?","start":4,"end":14,"para":1}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			w, err := NewSentenceWriter(&b, tt.format)
			require.NoError(t, err)
			for _, s := range sentences {
				require.NoError(t, w.Write(s))
			}
			assert.Empty(t, b.String(), "writes are buffered")
			w.Flush()
			require.NoError(t, w.Error())
			assert.Equal(t, tt.want, b.String())
		})
	}
	_, err := NewSentenceWriter(&bytes.Buffer{}, "xml")
	assert.EqualError(t, err, `unknown sentence format "xml" (want text or jsonl)`)
}

func TestSentenceWriterControls(t *testing.T) {
	for _, format := range SentenceFormats {
		var b bytes.Buffer
		w, err := NewSentenceWriter(&b, format)
		require.NoError(t, err)
		var warnings []string
		w.Warn = func(err error) { warnings = append(warnings, err.Error()) }
		require.NoError(t, w.Write(Sentence{Text: "Po."}))
		require.NoError(t, w.Write(Sentence{Text: "Jo\x1b[8m.\a", Start: 4, End: 13}))
		w.Flush()
		require.NoError(t, w.Error())
		assert.NotContains(t, b.String(), "\x1b", format)
		assert.NotContains(t, b.String(), `\u001b`, format)
		assert.Contains(t, b.String(), "Jo[8m.", format)
		assert.Equal(t, []string{"sentence 2: removed 2 control characters: U+001B U+0007"}, warnings, format)
	}
}
