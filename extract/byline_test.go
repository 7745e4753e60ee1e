package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/extract/internal/extracttest"
)

func TestIsByline(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"By James Whitfield | October 14, 2018", true},
		{"Nga Anila Berisha, 14 tetor 2018", true},
		{"Von Hans Muster, 14. Oktober 2018", true},
		{"Publié le 14 octobre 2018 à 10:45", true},
		{"Përditësuar: 14.10.2018, 10:45", true},
		{"Published 2018-10-14", true},
		{"Jane Roe, 3 Sept 2019", true},
		// A headline or a sentence that mentions a date says more.
		{"Tërmeti i 26 nëntorit 2019 la 51 të vdekur dhe qindra të plagosur", false},
		{"On 14 October 2018 the assembly voted to change its name.", false},
		{"The vote of 14 October 2018", true}, // short enough to pass for a dateline
		// Without a date, the names of its authors and nothing else.
		{"By James Whitfield", true},
		{"Nga Anila Berisha dhe Arben Hoxha", true},
		{"By the numbers", false},
		{"Nga Tirana në Durrës", false},
		{"By James Whitfield, who covered the vote for us", false},
		{"Anëtarët e Asamblesë së Uellsit të shqetësuar", false},
		// A month's name without a day or a year next to it is a word.
		{"Mars attacks in May", false},
		{"2018", false},
		{"le 6 juillet 1956 J.Hartog et Tom Patey ;", false},
		{"Samedi 10 septembre 1988 :", false},
		{"Au petit matin du 9 septembre 1988", false},
		{"Last updated on 14 October 2018", true},
		{"Publikuar më 14 tetor 2018, ora 10:45", true},
		{"", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, isByline(tt.text), tt.text)
	}
}

func TestDropBylines(t *testing.T) {
	body := []string{"One.", "Two.", "Three.", "Four.", "Five.", "Six."}
	tests := []struct {
		name    string
		paras   []string
		want    []string
		dropped int
	}{
		{"after the headline",
			append([]string{"Headline", "By Jane Roe | October 14, 2018"}, body...),
			append([]string{"Headline"}, body...), 1},
		{"closing the text",
			append(append([]string{}, body...), "Updated 14.10.2018"),
			body, 1},
		{"in the middle of a long text it stays",
			append(append(append([]string{}, body[:4]...), "14 October 2018"), body...),
			append(append(append([]string{}, body[:4]...), "14 October 2018"), body...), 0},
		{"a document of one paragraph keeps it",
			[]string{"14 October 2018"}, []string{"14 October 2018"}, 0},
		{"a document of nothing but bylines keeps them",
			[]string{"14 October 2018", "By Jane Roe, 15 October 2018"},
			[]string{"14 October 2018", "By Jane Roe, 15 October 2018"}, 0},
	}
	for _, tt := range tests {
		got, n := dropBylines(tt.paras)
		assert.Equal(t, tt.want, got, tt.name)
		assert.Equal(t, tt.dropped, n, tt.name)
	}
}

// TestDocumentByline reads a Word file that has a byline under its
// headline, as the documents of formats-dev do: the text leaves it out.
func TestDocumentByline(t *testing.T) {
	var body strings.Builder
	for _, p := range []string{"Welsh AMs worried about looking like muppets", "By James Whitfield | October 14, 2018", "There is consternation among some AMs.", "It has arisen because of plans to change the name."} {
		body.WriteString("<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>")
	}
	doc := extracttest.Zip(t, map[string]string{"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`})
	text, rep, err := read(t, doc, Options{Name: "en.docx"})
	require.NoError(t, err)
	assert.Equal(t, "Welsh AMs worried about looking like muppets\nThere is consternation among some AMs.\nIt has arisen because of plans to change the name.\n", text)
	assert.Equal(t, 3, rep.Paragraphs)
	assert.Equal(t, 1, rep.Dropped)
}
