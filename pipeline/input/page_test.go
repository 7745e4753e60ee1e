package input

import (
	"os"
	"path/filepath"
	"slices"
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

func TestReadPageRestatedTitle(t *testing.T) {
	// The blog prints its title of the post twice (breadcrumb, sidebar)
	// and heads the translation with a rewording of it.
	const title = "Hosting MEK in Albania Humanitarian, Not Political – Now a National Security Issue: Rama"
	body := "At a conference with Albanian journalists in Vienna, Prime Minister Edi Rama spoke about the OSCE chairmanship.\n\n" +
		"Rama said it is a fantastic event to take over the presidency of the organisation.\n\n" +
		"In Albanian\n\n" +
		"Kërcënimet nga Irani, Rama flet për masat e sigurisë kombëtare\n\n" +
		"Në një konferencë me gazetarët shqiptarë në Vjenë, kryeministri Edi Rama foli për kryesimin e OSBE-së.\n\n" +
		"Rama tha se është një ngjarje fantastike marrja e kryesimit të organizatës.\n\n" + title + "\n"
	tests := []struct {
		headline string
		kept     bool
	}{
		{"Rama: US said hosting MEK humanitarian not political – now it’s a national security issue", false},
		// Its own headline, or one that shares only some words with the
		// title, is the text's.
		{"Rama speaks about the OSCE chairmanship and national security", true},
		{"Rama: hosting MEK is now a national security issue for Albania, he told journalists in Vienna", true},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "page.txt")
		text := title + "\n\n" + tt.headline + "\n\n" + body
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		page, err := ReadPage(path, Options{}, "sq", "en")
		require.NoError(t, err)
		en := texts(page.Tgt)
		assert.Equal(t, tt.kept, slices.Contains(en, tt.headline), tt.headline)
		assert.Contains(t, en, "Rama said it is a fantastic event to take over the presidency of the organisation.")
		assert.Equal(t, "Kërcënimet nga Irani, Rama flet për masat e sigurisë kombëtare", page.Src.Sentences[0].Text)
	}
}

func TestMarkRestated(t *testing.T) {
	furniture := []string{"Welsh AMs worried about looking like muppets", "Home", "Also read"}
	tests := []struct {
		text     string
		restated bool
	}{
		{"AMs in Wales worried about looking like muppets", true},
		{"Welsh AMs worried about 'looking like muppets', says Labour", true},
		{"Welsh AMs worried about 'looking like muppets', says a Labour member", false},
		{"Welsh AMs worried", false}, // too few words to tell
		{"Welsh AMs are worried that a new title makes them look like fools", false},
		{"There is consternation among some AMs at a suggestion their title should change to MWPs, and they are worried about looking like muppets.", false},
		{"Home page", false},
	}
	for _, tt := range tests {
		paras := []paragraph{{Paragraph: corpus.Paragraph{Text: tt.text}}}
		got := markRestated(paras, []string{tt.text}, furniture)
		assert.Equal(t, tt.restated, got[0], tt.text)
		assert.Equal(t, tt.restated, paras[0].repeated, tt.text)
	}
}
