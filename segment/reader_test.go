package segment

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

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/testio"
)

func TestReadDocument(t *testing.T) {
	tests := []struct {
		name string
		in   string
		mode corpus.Mode
		want []corpus.Sentence
	}{
		{"empty", "", corpus.Lines, nil},
		{"blank lines", "\n \n\t\n", corpus.Lines, nil},
		{"lines", "Ai erdhi. Ajo iku.\n\nTitull\n", corpus.Lines, []corpus.Sentence{
			{Text: "Ai erdhi.", Start: 0, End: 9, Para: 0}, {Text: "Ajo iku.", Start: 10, End: 18, Para: 0}, {Text: "Titull", Start: 20, End: 26, Para: 1}}},
		{"BOM", "\uFEFFPo. Jo.", corpus.Lines, []corpus.Sentence{{Text: "Po.", Start: 3, End: 6, Para: 0}, {Text: "Jo.", Start: 7, End: 10, Para: 0}}},
		{"CRLF", "Po.\r\nJo.\r\n", corpus.Lines, []corpus.Sentence{{Text: "Po.", Start: 0, End: 3, Para: 0}, {Text: "Jo.", Start: 5, End: 8, Para: 1}}},
		{"CR", "Po.\rJo\r", corpus.Lines, []corpus.Sentence{{Text: "Po.", Start: 0, End: 3, Para: 0}, {Text: "Jo", Start: 4, End: 6, Para: 1}}},
		{"no final line break", "Po", corpus.Lines, []corpus.Sentence{{Text: "Po", Start: 0, End: 2, Para: 0}}},
		{"a line is a paragraph", "Ai erdhi dhe\nAjo iku.", corpus.Lines, []corpus.Sentence{
			{Text: "Ai erdhi dhe", Start: 0, End: 12, Para: 0}, {Text: "Ajo iku.", Start: 13, End: 21, Para: 1}}},
		{"wrapped", "Ai erdhi\r\n  dhe iku. Ajo\nmbeti.\n\nTjetër.", corpus.Wrapped, []corpus.Sentence{
			{Text: "Ai erdhi dhe iku.", Start: 0, End: 20, Para: 0}, {Text: "Ajo mbeti.", Start: 21, End: 31, Para: 0}, {Text: "Tjetër.", Start: 33, End: 41, Para: 1}}},
		{"wrapped with BOM and blank lines", "\uFEFF\n\nPo.\n \nJo.", corpus.Wrapped, []corpus.Sentence{
			{Text: "Po.", Start: 5, End: 8, Para: 0}, {Text: "Jo.", Start: 11, End: 14, Para: 1}}},
		{"presplit", " Ai erdhi. Ajo iku. \n\nMirë\r\n", corpus.Presplit, []corpus.Sentence{
			{Text: "Ai erdhi. Ajo iku.", Start: 1, End: 19, Para: 0}, {Text: "Mirë", Start: 22, End: 27, Para: 1}}},
		{"NFC", "Nje\u0308.", corpus.Presplit, []corpus.Sentence{{Text: "Një.", Start: 0, End: 6, Para: 0}}},
		{"line separator is a space", "Po\u2028jo.", corpus.Lines, []corpus.Sentence{{Text: "Po jo.", Start: 0, End: 8, Para: 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument(strings.NewReader(tt.in), corpus.ReadOptions{Lang: "sq", Mode: tt.mode, Name: "t.txt"})
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
	for _, mode := range []corpus.Mode{corpus.Lines, corpus.Wrapped, corpus.Presplit} {
		whole, err := ReadDocument(strings.NewReader(in), corpus.ReadOptions{Lang: "sq", Mode: mode})
		require.NoError(t, err)
		pieces, err := ReadDocument(iotest.OneByteReader(strings.NewReader(in)), corpus.ReadOptions{Lang: "sq", Mode: mode})
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
		{"invalid UTF-8", "Po.\nJo \xff.", "t.txt: invalid UTF-8 at byte 7", corpus.ErrInvalidUTF8},
		{"truncated rune", "Po\n\xc3", "t.txt: invalid UTF-8 at byte 3", corpus.ErrInvalidUTF8},
		{"Latin-1", "Shqip\xebri", "t.txt: invalid UTF-8 at byte 5", corpus.ErrInvalidUTF8},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00", "t.txt: binary data (NUL byte) at byte 7", corpus.ErrBinary},
		{"NUL in UTF-8 text", "Po.\r\nJo\x00", "t.txt: binary data (NUL byte) at byte 7", corpus.ErrBinary},
		{"UTF-16", "\xff\xfeP\x00o\x00", "t.txt: invalid UTF-8 at byte 0", corpus.ErrInvalidUTF8},
	}
	for _, mode := range []corpus.Mode{corpus.Lines, corpus.Wrapped, corpus.Presplit} {
		for _, tt := range tests {
			t.Run(mode.String()+"/"+tt.name, func(t *testing.T) {
				_, err := ReadDocument(strings.NewReader(tt.in), corpus.ReadOptions{Lang: "sq", Mode: mode, Name: "t.txt"})
				require.Error(t, err)
				assert.EqualError(t, err, tt.want)
				assert.ErrorIs(t, err, tt.is)
				var ie *corpus.InputError
				assert.True(t, errors.As(err, &ie))
			})
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	doc, err := ReadFile(empty, corpus.ReadOptions{Lang: "sq"})
	require.NoError(t, err)
	assert.Empty(t, doc.Sentences)
	assert.Equal(t, empty, doc.Name)

	_, err = ReadFile(filepath.Join(dir, "missing.txt"), corpus.ReadOptions{Lang: "sq"})
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.ErrorContains(t, err, "missing.txt")

	_, err = ReadFile(dir, corpus.ReadOptions{Lang: "sq"})
	assert.EqualError(t, err, dir+": is a directory, not a text file")

	bad := filepath.Join(dir, "sq.txt")
	require.NoError(t, os.WriteFile(bad, []byte("Mirë.\nShqip\xebri"), 0o644))
	_, err = ReadFile(bad, corpus.ReadOptions{Lang: "sq"})
	assert.EqualError(t, err, bad+": invalid UTF-8 at byte 12")
}

func TestReadTooLong(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MB")
	}
	in := io.MultiReader(strings.NewReader("Po.\n"), testio.Repeat([]byte("fjalë "), corpus.MaxParagraph/6+10))
	_, err := ReadDocument(in, corpus.ReadOptions{Lang: "sq", Name: "t.txt"})
	assert.ErrorIs(t, err, corpus.ErrTooLong)
	assert.EqualError(t, err, "t.txt: "+corpus.ErrTooLong.Error()+" at byte 4")
}

// TestReaderStops checks that after an error every Read returns it,
// and that sentences before the bad line come out first.
func TestReaderStops(t *testing.T) {
	sr := NewReader(strings.NewReader("Po. Jo.\n\xff\n"), corpus.ReadOptions{Lang: "sq"})
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
func checkDocument(t *testing.T, in []byte, ss []corpus.Sentence) {
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
		m := corpus.Mode(mode % 3)
		doc, err := ReadDocument(bytes.NewReader(in), corpus.ReadOptions{Lang: "sq", Mode: m})
		if err != nil {
			var ie *corpus.InputError
			require.True(t, errors.As(err, &ie), "unexpected error %v", err)
			require.True(t, ie.Offset >= 0 && ie.Offset < int64(len(in)))
			return
		}
		require.True(t, utf8.Valid(in) && bytes.IndexByte(in, 0) < 0, "bad input accepted")
		checkDocument(t, in, doc.Sentences)
		// corpus.Lines may reach the reader in pieces, "\r" and "\n" apart.
		slow, err := ReadDocument(iotest.OneByteReader(bytes.NewReader(in)), corpus.ReadOptions{Lang: "sq", Mode: m})
		require.NoError(t, err)
		require.Equal(t, doc.Sentences, slow.Sentences)
	})
}
