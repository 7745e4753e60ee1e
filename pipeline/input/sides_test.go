package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
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
		msg      string
	}{
		{"a text and its translation", sq, en, false, nil, ""},
		{"empty source", nil, en, false, ErrEmpty, "sq.txt: no text: a document needs both sides"},
		{"empty target", sq, nil, false, ErrEmpty, "en.txt: no text"},
		{"both empty", nil, nil, false, ErrEmpty, "sq.txt and en.txt: no text"},
		{"the same text", sq, copied, false, ErrSameText, "sq.txt and en.txt are the same text: give a text and its translation"},
		{"the same text, swaps allowed", sq, sq, true, ErrSameText, ""},
		{"swapped", en, sq, false, align.ErrSwapped, "sq.txt, en.txt: the sides are swapped"},
		{"swapped, allowed", en, sq, true, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckSides(Sides{SrcName: "sq.txt", TgtName: "en.txt", Src: tt.src, Tgt: tt.tgt, SrcLang: "sq", TgtLang: "en"}, tt.allow)
			if tt.err == nil {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, tt.err)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
}
