package corpus

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParagraphReader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		mode Mode
		want []Paragraph
	}{
		{"empty", "", Lines, nil},
		{"blank lines", "\n \n\t\n", Lines, nil},
		{"lines", "Ai erdhi.\n\nTitull\n", Lines, []Paragraph{{"Ai erdhi.", 0}, {"Titull", 11}}},
		{"BOM", "\uFEFFPo.\nJo.", Lines, []Paragraph{{"Po.", 3}, {"Jo.", 7}}},
		{"CRLF and CR", "Po.\r\nJo.\rMirë", Presplit, []Paragraph{{"Po.", 0}, {"Jo.", 5}, {"Mirë", 9}}},
		{"wrapped keeps its line breaks", "Ai\r\n dhe\n\n\nTjetër.", Wrapped, []Paragraph{{"Ai\r\n dhe\n", 0}, {"Tjetër.", 11}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []io.Reader{strings.NewReader(tt.in), iotest.OneByteReader(strings.NewReader(tt.in))} {
				got, err := ReadAll(NewParagraphReader(r, ReadOptions{Mode: tt.mode}).Read)
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
			}
		})
	}
}

// TestParagraphReaderStops checks that the paragraph before a bad line
// comes out first, and then the error on every call.
func TestParagraphReaderStops(t *testing.T) {
	pr := NewParagraphReader(strings.NewReader("Po.\nJo\n\xff\n"), ReadOptions{Mode: Wrapped, Name: "t.txt"})
	p, err := pr.Read()
	require.NoError(t, err)
	assert.Equal(t, Paragraph{"Po.\nJo\n", 0}, p)
	_, err = pr.Read()
	assert.EqualError(t, err, "t.txt: invalid UTF-8 at byte 7")
	_, err2 := pr.Read()
	assert.Equal(t, err, err2)
}

func TestReadAll(t *testing.T) {
	stream := func(end error) func() (int, error) {
		n := 0
		return func() (int, error) {
			if n == 2 {
				return 0, end
			}
			n++
			return n, nil
		}
	}
	got, err := ReadAll(stream(io.EOF))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2}, got)

	bad := errors.New("line 3: bad")
	got, err = ReadAll(stream(bad))
	assert.ErrorIs(t, err, bad)
	assert.Equal(t, []int{1, 2}, got, "what was read before the error")

	got, err = ReadAll(func() (int, error) { return 0, io.EOF })
	require.NoError(t, err)
	assert.Empty(t, got)
}
