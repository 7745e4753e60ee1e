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
		{"mixed line ends", "a\rb\nc\r\nd\n\re", Lines, []Paragraph{{"a", 0}, {"b", 2}, {"c", 4}, {"d", 7}, {"e", 10}}},
		{"CR after a long line", strings.Repeat("x", 1000) + "\ry\r", Lines, []Paragraph{{strings.Repeat("x", 1000), 0}, {"y", 1001}}},
		{"LF after a long line", strings.Repeat("x", 1000) + "\r\ny", Lines, []Paragraph{{strings.Repeat("x", 1000), 0}, {"y", 1002}}},
		{"CR LF across the first window", strings.Repeat("x", 255) + "\r\ny", Lines, []Paragraph{{strings.Repeat("x", 255), 0}, {"y", 257}}},
		{"CR at the window's end", strings.Repeat("x", 256) + "\ry", Lines, []Paragraph{{strings.Repeat("x", 256), 0}, {"y", 257}}},
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

// FuzzParagraphReader checks the reader against a plain split on "\r\n",
// "\r" and "\n": the same non-blank lines at the same offsets, whether the
// input comes whole or a byte at a time.
func FuzzParagraphReader(f *testing.F) {
	for _, s := range []string{
		"Po.\nJo.\n", "a\rb\r\nc\n\rd", "\r\r\n\n", strings.Repeat("x", 300) + "\ry\r\n",
		strings.Repeat("x", 255) + "\r\nz", "\ufeffPo\r", "a\x00b", "\xffa\r",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var want []Paragraph
		off := 0
		for off < len(in) {
			end := strings.IndexAny(in[off:], "\r\n")
			next := len(in)
			if end >= 0 {
				end += off
				next = end + 1
				if in[end] == '\r' && next < len(in) && in[next] == '\n' {
					next++
				}
			} else {
				end = len(in)
			}
			line, start := in[off:end], off
			if off == 0 && strings.HasPrefix(line, "\ufeff") {
				line, start = line[3:], 3
			}
			if strings.TrimSpace(line) != "" {
				want = append(want, Paragraph{line, start})
			}
			off = next
		}
		for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in))} {
			got, err := ReadAll(NewParagraphReader(r, ReadOptions{}).Read)
			if err != nil {
				var ie *InputError
				require.ErrorAs(t, err, &ie)
				require.Less(t, int(ie.Offset), len(in)+1)
				require.LessOrEqual(t, len(got), len(want))
				if len(got) > 0 {
					require.Equal(t, want[:len(got)], got, "the paragraphs before the error")
				}
				continue
			}
			require.Equal(t, want, got)
		}
	})
}

func TestCopyText(t *testing.T) {
	tests := []struct {
		name, in, want, err string
		warnings            []string
	}{
		{"text as it is", "\uFEFFPo.\r\n\n  Jo.\rMirë\n", "\uFEFFPo.\r\n\n  Jo.\rMirë\n", "", nil},
		{"empty", "", "", "", nil},
		{"control characters", "Po.\nHello \x1b[31mred\x1b[0m\tworld.\fMore.\n",
			"Po.\nHello [31mred[0m\tworld. More.\n", "", []string{"t.txt: line 2: removed 2 control characters: U+001B U+001B"}},
		{"NUL", "Po.\nJo\x00.\nMirë\n", "Po.\n", "t.txt: binary data (NUL byte) at byte 6", nil},
		{"invalid UTF-8", "\x1e\xb3:K@\xe1\x13\n", "", "t.txt: invalid UTF-8 at byte 1", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			var warnings []string
			n, err := CopyText(&out, strings.NewReader(tt.in), "t.txt", func(err error) { warnings = append(warnings, err.Error()) })
			if tt.err != "" {
				assert.EqualError(t, err, tt.err)
				var ie *InputError
				assert.ErrorAs(t, err, &ie)
			} else {
				require.NoError(t, err)
				assert.Equal(t, int64(len(tt.in)), n)
			}
			assert.Equal(t, tt.want, out.String())
			assert.Equal(t, tt.warnings, warnings)
		})
	}
}

// FuzzCopyText checks that CopyText takes in what a ParagraphReader takes
// in, failing with the same error where it fails, and writes its input
// without the control characters.
func FuzzCopyText(f *testing.F) {
	for _, s := range []string{
		"Po.\nJo.\n", "a\rb\r\nc\n\rd", "\ufeffPo\r", "a\x00b", "\xffa\r", "x\x1b[2Jy\x85\u0085\n", "\r\r\n\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var out strings.Builder
		_, err := CopyText(&out, strings.NewReader(in), "t", nil)
		_, want := ReadAll(NewParagraphReader(strings.NewReader(in), ReadOptions{Name: "t"}).Read)
		require.Equal(t, want, err)
		if err == nil {
			clean, _ := StripControls(in)
			require.Equal(t, clean, out.String())
		}
	})
}
