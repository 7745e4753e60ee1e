package align

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadLexicon(t *testing.T) {
	tests := []struct {
		name, in string
		pairs    [][2]string
		err      string
	}{
		{"pairs in order", LexiconHeader + "\nqever\tgover\n# a comment\n\nzgjed\telect\nqever\tcabin\n", [][2]string{{"qever", "gover"}, {"zgjed", "elect"}, {"qever", "cabin"}}, ""},
		{"CRLF and BOM", "\uFEFF" + LexiconHeader + "\r\nqever\tgover\r\n", [][2]string{{"qever", "gover"}}, ""},
		{"repeated pair once", LexiconHeader + "\na\tb\na\tb\n", [][2]string{{"a", "b"}}, ""},
		{"header only", LexiconHeader + "\n", [][2]string{}, ""},
		{"empty", "", nil, "empty"},
		{"no header", "qever\tgover\n", nil, "line 1: not a paralel lexicon"},
		{"later version", "# paralel lexicon 2\n", nil, "a version this paralel does not read"},
		{"one column", LexiconHeader + "\nqever\n", nil, "line 2: want a source stem and a target stem"},
		{"three columns", LexiconHeader + "\na\tb\tc\n", nil, "line 2: want"},
		{"empty stem", LexiconHeader + "\n\tb\n", nil, "line 2: want"},
		{"not UTF-8", LexiconHeader + "\na\xff\tb\n", nil, "line 2: not UTF-8"},
		{"long line", LexiconHeader + "\n" + strings.Repeat("a", 70000) + "\tb\n", nil, "line 2: longer than 64 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lx, err := ReadLexicon(strings.NewReader(tt.in))
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.pairs, lx.Pairs())
			assert.Equal(t, len(tt.pairs), lx.Len())
		})
	}
}

func TestLexiconRoundTrip(t *testing.T) {
	lx, err := ReadLexicon(strings.NewReader(LexiconHeader + "\nqever\tgover\nzgjed\telect\nqever\tcabin\nshqip\tcabin\n"))
	require.NoError(t, err)
	var b bytes.Buffer
	n, err := lx.WriteTo(&b)
	require.NoError(t, err)
	assert.Equal(t, int64(b.Len()), n)
	back, err := ReadLexicon(&b)
	require.NoError(t, err)
	assert.Equal(t, lx.Pairs(), back.Pairs())
}

// A lexicon learnt from documents is the one AlignAll induces from them,
// and aligning with it keeps the contract of Align.
func TestLearnLexicon(t *testing.T) {
	if testing.Short() {
		t.Skip("aligns ntrex-dev")
	}
	var docs []Bitext
	for _, d := range ntrexDocs(t) {
		docs = append(docs, Bitext{Src: d[0], Tgt: d[1]})
	}
	lx := LearnLexicon(docs, Options{SrcLang: "sq", TgtLang: "en"})
	require.Greater(t, lx.Len(), 100)

	a := newAligner(docs, Options{SrcLang: "sq", TgtLang: "en"})
	a.pass(a.keys())
	a.estimate()
	assert.Equal(t, a.induced, lx.ind)

	var b bytes.Buffer
	_, err := lx.WriteTo(&b)
	require.NoError(t, err)
	back, err := ReadLexicon(&b)
	require.NoError(t, err)
	assert.Equal(t, lx.Pairs(), back.Pairs())
	for _, d := range docs[:5] {
		links := Align(d.Src, d.Tgt, Options{SrcLang: "sq", TgtLang: "en", Lexicon: back})
		requireCover(t, links, len(d.Src), len(d.Tgt))
		assert.Equal(t, links, Align(d.Src, d.Tgt, Options{SrcLang: "sq", TgtLang: "en", Lexicon: lx}))
	}
}

func FuzzReadLexicon(f *testing.F) {
	f.Add(LexiconHeader + "\nqever\tgover\n")
	f.Add(LexiconHeader + "\r\n# c\r\na\tb\r\n\r\n")
	f.Add("# paralel lexicon 2\n")
	f.Fuzz(func(t *testing.T, in string) {
		lx, err := ReadLexicon(strings.NewReader(in))
		if err != nil {
			return
		}
		var b bytes.Buffer
		_, err = lx.WriteTo(&b)
		require.NoError(t, err)
		back, err := ReadLexicon(&b)
		require.NoError(t, err)
		assert.Equal(t, lx.Pairs(), back.Pairs())
	})
}
