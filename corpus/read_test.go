package corpus

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/testio"
)

func TestReadDocument(t *testing.T) {
	tests := []struct {
		name string
		in   string
		mode Mode
		want []Sentence
	}{
		{"empty", "", Lines, nil},
		{"blank lines", "\n \n\t\n", Lines, nil},
		{"lines", "Ai erdhi. Ajo iku.\n\nTitull\n", Lines, []Sentence{
			{"Ai erdhi.", 0, 9, 0}, {"Ajo iku.", 10, 18, 0}, {"Titull", 20, 26, 1}}},
		{"BOM", "\uFEFFPo. Jo.", Lines, []Sentence{{"Po.", 3, 6, 0}, {"Jo.", 7, 10, 0}}},
		{"CRLF", "Po.\r\nJo.\r\n", Lines, []Sentence{{"Po.", 0, 3, 0}, {"Jo.", 5, 8, 1}}},
		{"CR", "Po.\rJo\r", Lines, []Sentence{{"Po.", 0, 3, 0}, {"Jo", 4, 6, 1}}},
		{"no final line break", "Po", Lines, []Sentence{{"Po", 0, 2, 0}}},
		{"a line is a paragraph", "Ai erdhi dhe\nAjo iku.", Lines, []Sentence{
			{"Ai erdhi dhe", 0, 12, 0}, {"Ajo iku.", 13, 21, 1}}},
		{"wrapped", "Ai erdhi\r\n  dhe iku. Ajo\nmbeti.\n\nTjetër.", Wrapped, []Sentence{
			{"Ai erdhi dhe iku.", 0, 20, 0}, {"Ajo mbeti.", 21, 31, 0}, {"Tjetër.", 33, 41, 1}}},
		{"wrapped with BOM and blank lines", "\uFEFF\n\nPo.\n \nJo.", Wrapped, []Sentence{
			{"Po.", 5, 8, 0}, {"Jo.", 11, 14, 1}}},
		{"presplit", " Ai erdhi. Ajo iku. \n\nMirë\r\n", Presplit, []Sentence{
			{"Ai erdhi. Ajo iku.", 1, 19, 0}, {"Mirë", 22, 27, 1}}},
		{"NFC", "Nje\u0308.", Presplit, []Sentence{{"Një.", 0, 6, 0}}},
		{"line separator is a space", "Po\u2028jo.", Lines, []Sentence{{"Po jo.", 0, 8, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument(strings.NewReader(tt.in), ReadOptions{Lang: "sq", Mode: tt.mode, Name: "t.txt"})
			require.NoError(t, err)
			assert.Equal(t, "t.txt", doc.Name)
			assert.Equal(t, "sq", doc.Lang)
			assert.Equal(t, tt.want, doc.Sentences)
			checkDocument(t, []byte(tt.in), doc.Sentences)
		})
	}
}

// TestReadInPieces feeds the reader one byte at a time, so that a "\r\n"
// is split across reads.
func TestReadInPieces(t *testing.T) {
	in := "\uFEFFPo.\r\nJo.\rMirë.\r\n\r\nFund\r"
	for _, mode := range []Mode{Lines, Wrapped, Presplit} {
		whole, err := ReadDocument(strings.NewReader(in), ReadOptions{Lang: "sq", Mode: mode})
		require.NoError(t, err)
		pieces, err := ReadDocument(iotest.OneByteReader(strings.NewReader(in)), ReadOptions{Lang: "sq", Mode: mode})
		require.NoError(t, err)
		assert.Equal(t, whole.Sentences, pieces.Sentences, mode.String())
		assert.Len(t, whole.Sentences, 4, mode.String())
	}
}

func TestReadBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		is   error
	}{
		{"invalid UTF-8", "Po.\nJo \xff.", "t.txt: invalid UTF-8 at byte 7", ErrInvalidUTF8},
		{"truncated rune", "Po\n\xc3", "t.txt: invalid UTF-8 at byte 3", ErrInvalidUTF8},
		{"Latin-1", "Shqip\xebri", "t.txt: invalid UTF-8 at byte 5", ErrInvalidUTF8},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00", "t.txt: binary data (NUL byte) at byte 7", ErrBinary},
		{"NUL in UTF-8 text", "Po.\r\nJo\x00", "t.txt: binary data (NUL byte) at byte 7", ErrBinary},
		{"UTF-16", "\xff\xfeP\x00o\x00", "t.txt: invalid UTF-8 at byte 0", ErrInvalidUTF8},
	}
	for _, mode := range []Mode{Lines, Wrapped, Presplit} {
		for _, tt := range tests {
			t.Run(mode.String()+"/"+tt.name, func(t *testing.T) {
				_, err := ReadDocument(strings.NewReader(tt.in), ReadOptions{Lang: "sq", Mode: mode, Name: "t.txt"})
				require.Error(t, err)
				assert.EqualError(t, err, tt.want)
				assert.ErrorIs(t, err, tt.is)
				var ie *InputError
				assert.True(t, errors.As(err, &ie))
			})
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	doc, err := ReadFile(empty, ReadOptions{Lang: "sq"})
	require.NoError(t, err)
	assert.Empty(t, doc.Sentences)
	assert.Equal(t, empty, doc.Name)

	_, err = ReadFile(filepath.Join(dir, "missing.txt"), ReadOptions{Lang: "sq"})
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.ErrorContains(t, err, "missing.txt")

	_, err = ReadFile(dir, ReadOptions{Lang: "sq"})
	assert.EqualError(t, err, dir+": is a directory, not a text file")

	bad := filepath.Join(dir, "sq.txt")
	require.NoError(t, os.WriteFile(bad, []byte("Mirë.\nShqip\xebri"), 0o644))
	_, err = ReadFile(bad, ReadOptions{Lang: "sq"})
	assert.EqualError(t, err, bad+": invalid UTF-8 at byte 12")
}

func TestReadTooLong(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MB")
	}
	in := io.MultiReader(strings.NewReader("Po.\n"), testio.Repeat([]byte("fjalë "), MaxParagraph/6+10))
	_, err := ReadDocument(in, ReadOptions{Lang: "sq", Name: "t.txt"})
	assert.ErrorIs(t, err, ErrTooLong)
	assert.EqualError(t, err, "t.txt: "+ErrTooLong.Error()+" at byte 4")
}

// TestSentenceReaderStops checks that after an error every Read returns it,
// and that sentences before the bad line come out first.
func TestSentenceReaderStops(t *testing.T) {
	sr := NewSentenceReader(strings.NewReader("Po. Jo.\n\xff\n"), ReadOptions{Lang: "sq"})
	s, err := sr.Read()
	require.NoError(t, err)
	assert.Equal(t, "Po.", s.Text)
	s, err = sr.Read()
	require.NoError(t, err)
	assert.Equal(t, "Jo.", s.Text)
	_, err = sr.Read()
	assert.EqualError(t, err, "input: invalid UTF-8 at byte 8")
	_, err2 := sr.Read()
	assert.Equal(t, err, err2)
}

// checkDocument asserts the reader's invariants: those of a split
// (checkInvariants) over the whole input, where a leading BOM counts as
// space, and paragraphs numbered in order.
func checkDocument(t *testing.T, in []byte, ss []Sentence) {
	t.Helper()
	text := string(in)
	if rest, ok := strings.CutPrefix(text, "\uFEFF"); ok {
		text = "   " + rest // as many bytes, so that the offsets stay
	}
	checkInvariants(t, text, ss)
	para := 0
	for _, s := range ss {
		assert.True(t, s.Para == para || s.Para == para+1, "paragraph %d after %d", s.Para, para)
		para = s.Para
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Ai erdhi. Ajo iku.", "z. Rama tha: – Po.", "U.S. How? I. Did...", "“Po.” «Jo!» . “",
		"1. a 2. b", "• x • y", "a.b.C", "world.Today", "Nje\u0308. Dy.", "x . . . . Y", "[...] (...) A",
	} {
		f.Add(s)
	}
	sq, _ := NewSplitter("sq")
	en, _ := NewSplitter("en")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip()
		}
		checkInvariants(t, text, sq.Split(text))
		checkInvariants(t, text, en.Split(text))
	})
}

func FuzzReadDocument(f *testing.F) {
	for _, s := range []string{
		"Po. Jo.\n\nMirë", "\uFEFFPo.\r\nJo.\r", "a\rb\r\nc\n\n\nd", "\xff", "x\x00", "\n\n", " \u00a0\n",
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		m := Mode(mode % 3)
		doc, err := ReadDocument(bytes.NewReader(in), ReadOptions{Lang: "sq", Mode: m})
		if err != nil {
			var ie *InputError
			require.True(t, errors.As(err, &ie), "unexpected error %v", err)
			require.True(t, ie.Offset >= 0 && ie.Offset < int64(len(in)))
			return
		}
		require.True(t, utf8.Valid(in) && bytes.IndexByte(in, 0) < 0, "bad input accepted")
		checkDocument(t, in, doc.Sentences)
		// Lines may reach the reader in pieces, "\r" and "\n" apart.
		slow, err := ReadDocument(iotest.OneByteReader(bytes.NewReader(in)), ReadOptions{Lang: "sq", Mode: m})
		require.NoError(t, err)
		require.Equal(t, doc.Sentences, slow.Sentences)
	})
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
