package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/segment"
)

// paragraphSentences splits the sample's paragraphs with the given
// indexes, as the page reader must.
func paragraphSentences(t *testing.T, lang string, idx ...int) []string {
	t.Helper()
	doc, err := segment.ReadFile("../../testdata/rama/"+lang+".txt", corpus.ReadOptions{Lang: lang})
	require.NoError(t, err)
	var out []string
	for _, i := range idx {
		for _, s := range doc.Sentences {
			if s.Para == i {
				out = append(out, s.Text)
			}
		}
	}
	return out
}

func TestReadPage(t *testing.T) {
	page, err := ReadPage(filepath.Join(fixtures, "page.txt"), Options{}, "sq", "en")
	require.NoError(t, err)
	// The Albanian photo caption, the teaser, the labels, the address and
	// the other article are left out; the caption in English among the
	// Albanian paragraphs, which says too little to tell, goes with them
	// (as in testdata/rama), and so do the menu and the blog's tagline
	// with the English text.
	assert.Equal(t, paragraphSentences(t, "sq", 0, 1, 2, 3, 4), texts(page.Src))
	en := paragraphSentences(t, "en", 0, 1, 2)
	tgt := texts(page.Tgt)
	assert.Equal(t, []string{"News from the region, in English", "Home", "Politics", "Culture", "About",
		"Posted on 9 January 2020 by the editors"}, tgt[:len(tgt)-len(en)])
	assert.Equal(t, en, tgt[len(tgt)-len(en):])
	assert.Equal(t, 5, page.Src.Sentences[len(page.Src.Sentences)-1].Para+1)
	assert.Equal(t, 5+9, page.Report.Paragraphs)
	assert.Equal(t, 25-5-9, page.Other)

	// Offsets refer to the page.
	text, err := readAllFile(filepath.Join(fixtures, "page.txt"))
	require.NoError(t, err)
	for _, s := range append(page.Src.Sentences, page.Tgt.Sentences...) {
		assert.Equal(t, s.Text, strings.Join(strings.Fields(text[s.Start:s.End]), " "))
	}
}

func TestReadPageErrors(t *testing.T) {
	_, err := ReadPage(filepath.Join(fixtures, "en.html"), Options{}, "sq", "en")
	assert.EqualError(t, err, filepath.Join(fixtures, "en.html")+": found no sq paragraph on the page")

	_, err = ReadPage(filepath.Join(fixtures, "page.txt"), Options{}, "de", "fr")
	assert.EqualError(t, err, filepath.Join(fixtures, "page.txt")+": cannot tell de from fr paragraphs: there is no language data for them and they share a script")
}

func TestFillUnknown(t *testing.T) {
	langs := []string{"", "en", "", "", "en", "", "sq", "", "en", ""}
	fillUnknown(langs)
	assert.Equal(t, []string{"", "en", "en", "en", "en", "", "sq", "", "en", ""}, langs)
}

func TestGluedTitle(t *testing.T) {
	tests := []struct{ text, title string }{
		{"Hosting MEK in Albania a National Security IssueMEK terror festival in Albania", "Hosting MEK in Albania a National Security Issue"},
		{"Hosting MEK in Albania a National Security IssueFax Web, Albania:… The Prime Minister", "Hosting MEK in Albania a National Security Issue"},
		// A capital inside a word's first letters, too short a title, none.
		{"He watched it on YouTube yesterday", "He watched it on You"},
		{"Big NewsRead more", ""},
		{"iPhone sales fell in March", ""},
		{"Rama said it is a fantastic event.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.title, gluedTitle(tt.text), tt.text)
	}
}

func TestReadPageTeasers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "page.txt")
	text := "Hosting MEK in Albania a National Security IssueFax Web, Albania: The Prime Minister responded.\n\n" +
		"Hosting MEK in Albania a National Security IssueMEK terror festival in Albania\n\n" +
		"At a conference with Albanian journalists in Vienna, Prime Minister Edi Rama spoke about the OSCE chairmanship.\n\n" +
		"Rama said it is a fantastic event to take over the presidency of the organisation.\n\n" +
		"Në një konferencë me gazetarët shqiptarë në Vjenë, kryeministri Edi Rama foli për kryesimin e OSBE-së.\n\n" +
		"Rama tha se është një ngjarje fantastike marrja e kryesimit të organizatës.\n"
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	page, err := ReadPage(path, Options{}, "sq", "en")
	require.NoError(t, err)
	require.Len(t, page.Tgt.Sentences, 2)
	assert.True(t, strings.HasPrefix(page.Tgt.Sentences[0].Text, "At a conference"))
	assert.Len(t, page.Src.Sentences, 2)
}
