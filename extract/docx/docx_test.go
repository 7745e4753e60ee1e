package docx

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/extract/internal/extracttest"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.docx")

const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// wdoc wraps body XML in a WordprocessingML document.
func wdoc(body string) string {
	return head + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>` +
		body + `</w:body></w:document>`
}

// notes wraps note XML in a footnotes or endnotes part.
func notes(kind, body string) string {
	return head + `<w:` + kind + `s xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:` + kind + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + kind + `>` +
		`<w:` + kind + ` w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:` + kind + `>` +
		body + `</w:` + kind + `s>`
}

const rootRels = head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`

const docRels = head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
	`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>` +
	`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>` +
	`</Relationships>`

// withBody is a document with the given body and the standard parts.
func withBody(t testing.TB, body string) []byte {
	return extracttest.Zip(t, map[string]string{"_rels/.rels": rootRels, "word/document.xml": wdoc(body)})
}

func paragraphs(b []byte) ([]string, error) { return extracttest.Bytes(Paragraphs, b) }

// sampleParts is the fixture testdata/sample.docx: every construct the
// reader must handle, as Word writes it.
var sampleParts = map[string]string{
	"[Content_Types].xml": head + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>` +
		`<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>` +
		`</Types>`,
	"_rels/.rels":                  rootRels,
	"word/_rels/document.xml.rels": docRels,
	"word/document.xml": wdoc(
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>Kambanat e Shën Martinit</w:t></w:r></w:p>` +
			`<w:p><w:r><w:t xml:space="preserve">Një fjali e parë</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> me </w:t></w:r>` +
			`<w:r><w:t>shënim.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>` +
			`<w:r><w:t xml:space="preserve"> Pastaj</w:t></w:r><w:del w:id="3" w:author="A"><w:r><w:delText> fshirë</w:delText></w:r></w:del>` +
			`<w:ins w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> shtuar</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>` +
			`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
			`<w:r><w:t>Një</w:t></w:r><w:r><w:tab/><w:t>pikë</w:t><w:br/><w:t>e listës</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>fshehur</w:t></w:r></w:p>` +
			`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Qeliza një</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Qeliza dy</w:t></w:r></w:p><w:p/></w:tc></w:tr></w:tbl>` +
			`<w:p><w:r><w:t>Faqe </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
			`<w:r><w:t xml:space="preserve"> e dyzet</w:t></w:r><w:r><w:noBreakHyphen/><w:t>tre, për</w:t></w:r><w:r><w:t>&#xAD;fundimtare</w:t></w:r><w:moveFrom w:id="5" w:author="A"><w:r><w:t>lëvizur</w:t></w:r></w:moveFrom></w:p>` +
			`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Kuti teksti</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Kuti teksti</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
			`<w:r><w:t>Fund.</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>` +
			`<w:sectPr/>`),
	"word/footnotes.xml": notes("footnote", `<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`+
		`<w:r><w:t xml:space="preserve"> Artikulli është përditësuar.</w:t></w:r></w:p></w:footnote>`),
	"word/endnotes.xml": notes("endnote", `<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>Burimi: arkivi.</w:t></w:r></w:p></w:endnote>`),
}

var sampleText = []string{
	"Kambanat e Shën Martinit",
	"Një fjali e parë me shënim. Pastaj shtuar.",
	"Një pikë e listës",
	"Qeliza një",
	"Qeliza dy",
	"Faqe 3 e dyzet-tre, përfundimtare",
	"Kuti teksti",
	"Fund.",
	"Artikulli është përditësuar.",
	"Burimi: arkivi.",
}

// TestSample reads the fixture testdata/sample.docx, written by
// go test ./extract/docx -run TestSample -update.
func TestSample(t *testing.T) {
	path := filepath.Join("testdata", "sample.docx")
	if *update {
		require.NoError(t, os.WriteFile(path, extracttest.Zip(t, sampleParts), 0o644))
	}
	got, err := extracttest.File(Paragraphs, path)
	require.NoError(t, err)
	assert.Equal(t, sampleText, got)
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"empty paragraphs dropped", `<w:p/><w:p><w:r><w:t>  a  </w:t></w:r></w:p><w:p><w:r><w:t> </w:t></w:r></w:p>`, []string{"a"}},
		{"runs joined without space", `<w:p><w:r><w:t>sh</w:t></w:r><w:r><w:t>qip</w:t></w:r></w:p>`, []string{"shqip"}},
		{"hidden run turned off", `<w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shfaqur</w:t></w:r></w:p>`, []string{"shfaqur"}},
		{"carriage return and tab", `<w:p><w:r><w:t>a</w:t><w:cr/><w:t>b</w:t><w:ptab/><w:t>c</w:t></w:r></w:p>`, []string{"a b c"}},
		{"line breaks inside text", `<w:p><w:r><w:t>a&#10;b&#13;&#10;c&#9;d</w:t></w:r></w:p>`, []string{"a b c d"}},
		{"content control", `<w:sdt><w:sdtContent><w:p><w:r><w:t>në kontroll</w:t></w:r></w:p></w:sdtContent></w:sdt>`, []string{"në kontroll"}},
		{"hyperlink", `<w:p><w:hyperlink r:id="rId5" xmlns:r="r"><w:r><w:t>lidhje</w:t></w:r></w:hyperlink></w:p>`, []string{"lidhje"}},
		{"deleted paragraph", `<w:p><w:r><w:t>mbetet</w:t></w:r></w:p><w:del><w:p><w:r><w:delText>hiqet</w:delText></w:r></w:p></w:del>`, []string{"mbetet"}},
		{"control characters", "<w:p><w:r><w:t>a\u200bb\ufeffc</w:t></w:r></w:p>", []string{"abc"}},
		{"other namespace ignored", `<w:p><w:r><x:t xmlns:x="urn:x">jo</x:t><w:t>po</w:t></w:r></w:p>`, []string{"po"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := paragraphs(withBody(t, tt.body))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestStrictNamespaceAndNoRels(t *testing.T) {
	doc := head + `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>strikt</w:t></w:r></w:p></w:body></w:document>`
	got, err := paragraphs(extracttest.Zip(t, map[string]string{"word/document.xml": doc}))
	require.NoError(t, err)
	assert.Equal(t, []string{"strikt"}, got)
}

func TestBadInput(t *testing.T) {
	sample := extracttest.Zip(t, sampleParts)
	deep := strings.Repeat("<w:sdt>", 300) + strings.Repeat("</w:sdt>", 300)
	many := map[string]string{"word/document.xml": wdoc(`<w:p><w:r><w:t>a</w:t></w:r></w:p>`)}
	for i := range 10001 {
		many["media/"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+"/"+strconv.Itoa(i)] = ""
	}
	extracttest.RequireErrors(t, Paragraphs, []extracttest.BadInput{
		{Name: "empty file", Data: nil, Want: ErrCorrupt},
		{Name: "not a zip", Data: []byte("Hello, world.\n"), Want: ErrCorrupt},
		{Name: "truncated", Data: sample[:len(sample)/2], Want: ErrCorrupt},
		{Name: "zip without document", Data: extracttest.Zip(t, map[string]string{"a.txt": "a"}), Want: ErrCorrupt},
		{Name: "malformed XML", Data: withBody(t, `<w:p><w:r><w:t>a</w:r></w:p>`), Want: ErrCorrupt},
		{Name: "XML cut short", Data: extracttest.Zip(t, map[string]string{"word/document.xml": wdoc("<w:p>")[:200]}), Want: ErrCorrupt},
		{Name: "no text", Data: withBody(t, `<w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`), Want: ErrNoText},
		{Name: "deep nesting", Data: withBody(t, deep), Want: ErrTooLarge},
		{Name: "too many entries", Data: extracttest.Zip(t, many), Want: ErrTooLarge},
		{Name: "encrypted", Data: ole("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00"), Want: ErrEncrypted},
		{Name: "old binary doc", Data: ole("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00"), Want: ErrCorrupt},
	})
}

// TestBadInputLarge: inputs that unpack to tens of megabytes are refused
// within bounds. Left out of the short tier.
func TestBadInputLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs are not in the short tier")
	}
	bigAttr := `<w:p w:rsidR="` + strings.Repeat("0", 17<<20) + `"><w:r><w:t>a</w:t></w:r></w:p>`
	extracttest.RequireErrors(t, Paragraphs, []extracttest.BadInput{
		{Name: "huge attribute", Data: withBody(t, bigAttr), Want: ErrTooLarge},
		{Name: "zip bomb", Data: withBody(t, `<w:p><w:r><w:t>a</w:t></w:r></w:p>`+strings.Repeat(" ", 40<<20)), Want: ErrTooLarge},
	})
}

// ole returns the start of an OLE compound file whose directory names the
// given UTF-16 stream.
func ole(stream string) []byte {
	b := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	b = append(b, make([]byte, 1024)...)
	return append(b, stream...)
}

func FuzzParagraphs(f *testing.F) {
	extracttest.Fuzz(f, Paragraphs,
		extracttest.Zip(f, sampleParts),
		withBody(f, `<w:p><w:r><w:t>a</w:t></w:r></w:p>`),
		[]byte("PK\x03\x04"),
	)
}
