package input

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/testio"
)

func TestCheckPaths(t *testing.T) {
	for _, tt := range []struct {
		src, tgt string
		err      error
	}{
		{"-", "-", ErrStdinTwice},
		{"-", "en.txt", nil},
		{"sq.txt", "-", nil},
		{"sq.txt", "en.txt", nil},
		{"page.html", "", nil},
	} {
		assert.Equal(t, tt.err, CheckPaths(tt.src, tt.tgt), "%s %s", tt.src, tt.tgt)
	}
}

func TestCheckSides(t *testing.T) {
	read := func(path, lang string) []corpus.Sentence {
		doc, _, err := ReadFile(path, Options{Lang: lang})
		require.NoError(t, err)
		return doc.Sentences
	}
	sq, en := read("../../testdata/rama/sq.txt", "sq"), read("../../testdata/rama/en.txt", "en")
	copied := append([]corpus.Sentence(nil), sq...)
	for _, tt := range []struct {
		name     string
		src, tgt []corpus.Sentence
		allow    bool
		err      error
		msg      string // of the error, or else of align.Check's warnings
	}{
		{"a text and its translation", sq, en, false, nil, ""},
		{"empty source", nil, en, false, ErrEmpty, "sq.txt: no text: a document needs both sides"},
		{"empty target", sq, nil, false, ErrEmpty, "en.txt: no text"},
		{"both empty", nil, nil, false, ErrEmpty, "sq.txt and en.txt: no text"},
		{"the same text", sq, copied, false, ErrSameText, "sq.txt and en.txt are the same text: give a text and its translation"},
		{"the same text, swaps allowed", sq, sq, true, ErrSameText, ""},
		{"swapped", en, sq, false, align.ErrSwapped, "sq.txt, en.txt: the sides are swapped"},
		{"swapped, allowed", en, sq, true, nil, "are the sides swapped?"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			langs, err := CheckSides(Sides{SrcName: "sq.txt", TgtName: "en.txt", Src: tt.src, Tgt: tt.tgt, SrcLang: "sq", TgtLang: "en"}, tt.allow)
			if tt.err == nil {
				require.NoError(t, err)
				// The probe is handed on to align.Check, which warns on it.
				warnings := align.Check(tt.src, tt.tgt, nil, langs)
				if tt.msg == "" {
					assert.Empty(t, warnings)
				} else {
					assert.Contains(t, strings.Join(warnings, "\n"), tt.msg)
				}
				return
			}
			assert.ErrorIs(t, err, tt.err)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
}

func TestCheckListed(t *testing.T) {
	dir := t.TempDir()
	testio.WriteFile(t, dir, "a.txt", "Po.\n")
	long := strings.Repeat("Kërcënimet e Iranit ", 10)
	for _, tt := range []struct {
		name  string
		paths []string
		msg   string // empty: a list
	}{
		{"a file that exists, relative", []string{"missing.txt", "a.txt"}, ""},
		{"a file that exists, absolute", []string{filepath.Join(dir, "a.txt")}, ""},
		{"a web address", []string{"https://example.com/a"}, ""},
		{"nothing listed", nil, ""},
		{"none exists", []string{"b.txt", "c.txt"}, `list.txt is not a list file or a folder: none of the 2 files it names exists (the first: "b.txt")`},
		{"lines of a text", []string{long}, `list.txt is not a list file or a folder: none of the 1 files it names exists (the first: "` + long[:60] + `…")`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckListed("list.txt", dir, tt.paths)
			if tt.msg == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, ErrNotList)
			assert.EqualError(t, err, tt.msg)
		})
	}
}
