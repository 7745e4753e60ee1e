package iostreams

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/sidebyside"
)

func TestNotATerminal(t *testing.T) {
	ios, _, _, _ := Test()
	assert.False(t, ios.IsStdoutTTY())
	assert.False(t, ios.IsStderrTTY())
	_, ok := ios.SideBySide()
	assert.False(t, ok, "no view for a file or a pipe")
	assert.Nil(t, ios.ProgressBar("x"), "no bar for a file or a pipe")
	assert.Equal(t, sidebyside.DefaultWidth, ios.TerminalWidth())
}

// TestFakeTerminal: on streams taken for terminals, the view fits the
// terminal's width and the bar draws on the error stream.
func TestFakeTerminal(t *testing.T) {
	ios, _, out, errOut := Test()
	ios.SetStdoutTTY(true)
	ios.SetStderrTTY(true)
	ios.SetTerminalWidth(40)
	assert.Equal(t, 40, ios.TerminalWidth())

	view, ok := ios.SideBySide()
	require.True(t, ok)
	assert.Equal(t, 40, view.Width)
	require.NoError(t, view.Write(corpus.Pair{Src: "Po.", Tgt: "Yes.", Score: 1}))
	view.Flush()
	require.NoError(t, view.Error())
	const line = "   1   1.00  Po.          │ Yes.\n" // columns of (40-13-3)/2
	assert.Equal(t, line, out.String())

	bar := ios.ProgressBar("aligning")
	require.NotNil(t, bar)
	bar.Delay = 0
	bar.Update(1, 2)
	assert.Contains(t, errOut.String(), "\raligning [")
	bar.Finish()
	assert.Equal(t, line, out.String(), "the bar keeps off the output")
}
