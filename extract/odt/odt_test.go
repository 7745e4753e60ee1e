package odt

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/extract/internal/extracttest"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.odt")

const manifest = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">` +
	`<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>` +
	`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
	`</manifest:manifest>`

// content wraps office:text XML in a content.xml part.
func content(text string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` +
		`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"` +
		` xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"` +
		` xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">` +
		`<office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="T1" style:family="text"/></office:automatic-styles>` +
		`<office:body><office:text>` + text + `</office:text></office:body></office:document-content>`
}

func withText(t testing.TB, text string) []byte {
	return extracttest.Zip(t, map[string]string{
		"mimetype":              "application/vnd.oasis.opendocument.text",
		"META-INF/manifest.xml": manifest,
		"content.xml":           content(text),
	})
}

func paragraphs(b []byte) ([]string, error) { return extracttest.Bytes(Paragraphs, b) }

// sampleText is the office:text of the fixture testdata/sample.odt: every
// construct the reader must handle, as LibreOffice writes it.
const sampleText = `<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>` +
	`<office:change-info><dc:creator>A</dc:creator></office:change-info><text:p>fshirë</text:p></text:deletion></text:changed-region>` +
	`<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>A</dc:creator></office:change-info></text:insertion></text:changed-region></text:tracked-changes>` +
	`<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Illustration"/></text:sequence-decls>` +
	`<text:table-of-content text:name="TOC"><text:index-body><text:p>Kambanat e Shën Martinit 1</text:p></text:index-body></text:table-of-content>` +
	"<text:h text:outline-level=\"1\"><text:bookmark-start text:name=\"a\"/>Kambanat e Shën\n  Martinit<text:bookmark-end text:name=\"a\"/></text:h>\n" +
	`<text:p>Një fjali e parë<text:span text:style-name="T1"> me </text:span>shënim.<text:note text:id="ftn0" text:note-class="footnote">` +
	`<text:note-citation>1</text:note-citation><text:note-body><text:p>Artikulli është përditësuar.</text:p></text:note-body></text:note>` +
	` Pastaj<text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/> shtuar<text:change-end text:change-id="ct2"/>.</text:p>` +
	`<text:list><text:list-item><text:p>Një<text:tab/>pikë<text:line-break/>e<text:s text:c="3"/>listës</text:p></text:list-item>` +
	`<text:list-item><text:list><text:list-item><text:h>Nën pikë</text:h></text:list-item></text:list></text:list-item></text:list>` +
	`<table:table><table:table-row><table:table-cell><text:p>Qeliza një</text:p></table:table-cell>` +
	`<table:table-cell><text:p>Qeliza dy</text:p><text:p/></table:table-cell></table:table-row></table:table>` +
	`<text:p>Para kutisë<draw:frame><svg:title>titull</svg:title><svg:desc>përshkrim</svg:desc><draw:text-box><text:p>Kuti teksti</text:p></draw:text-box></draw:frame> pas saj` +
	`<office:annotation><dc:creator>A</dc:creator><text:p>koment</text:p></office:annotation>.</text:p>` +
	`<text:section><text:p>Fund.<text:note text:note-class="endnote"><text:note-citation text:label="i">i</text:note-citation>` +
	`<text:note-body><text:p>Burimi: arkivi.</text:p></text:note-body></text:note></text:p></text:section>`

var sampleParagraphs = []string{
	"Kambanat e Shën Martinit",
	"Një fjali e parë me shënim. Pastaj shtuar.",
	"Një pikë e listës",
	"Nën pikë",
	"Qeliza një",
	"Qeliza dy",
	"Kuti teksti",
	"Para kutisë pas saj.",
	"Fund.",
	"Artikulli është përditësuar.",
	"Burimi: arkivi.",
}

// TestSample reads the fixture testdata/sample.odt, written by
// go test ./extract/odt -run TestSample -update.
func TestSample(t *testing.T) {
	path := filepath.Join("testdata", "sample.odt")
	if *update {
		require.NoError(t, os.WriteFile(path, withText(t, sampleText), 0o644))
	}
	got, err := extracttest.File(Paragraphs, path)
	require.NoError(t, err)
	assert.Equal(t, sampleParagraphs, got)
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty paragraphs dropped", `<text:p/><text:p>  a  </text:p><text:p> </text:p>`, []string{"a"}},
		{"spans joined without space", `<text:p>sh<text:span>qip</text:span></text:p>`, []string{"shqip"}},
		{"soft hyphen", "<text:p>për\u00adfundimtare</text:p>", []string{"përfundimtare"}},
		{"hyperlink", `<text:p><text:a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://example.org/">lidhje</text:a></text:p>`, []string{"lidhje"}},
		{"other body ignored", `<text:p>po</text:p><office:forms><text:p>jo</text:p></office:forms>`, []string{"po"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := paragraphs(withText(t, tt.text))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestBadInput(t *testing.T) {
	sample := withText(t, sampleText)
	deep := strings.Repeat("<text:section>", 300) + strings.Repeat("</text:section>", 300)
	encrypted := extracttest.Zip(t, map[string]string{
		"META-INF/manifest.xml": strings.Replace(manifest, `manifest:media-type="text/xml"/>`,
			`manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry>`, 1),
		"content.xml": "\x8f\x12binary",
	})
	extracttest.RequireErrors(t, Paragraphs, []extracttest.BadInput{
		{Name: "empty file", Data: nil, Want: ErrCorrupt},
		{Name: "not a zip", Data: []byte("<html><body>a</body></html>"), Want: ErrCorrupt},
		{Name: "truncated", Data: sample[:len(sample)/2], Want: ErrCorrupt},
		{Name: "zip without content", Data: extracttest.Zip(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"}), Want: ErrCorrupt},
		{Name: "malformed XML", Data: withText(t, `<text:p>a<text:span>b</text:p>`), Want: ErrCorrupt},
		{Name: "no text", Data: withText(t, `<text:p/><text:list><text:list-item><text:p> </text:p></text:list-item></text:list>`), Want: ErrNoText},
		{Name: "deep nesting", Data: withText(t, deep), Want: ErrTooLarge},
		{Name: "encrypted", Data: encrypted, Want: ErrEncrypted},
	})
}

// TestBadInputLarge: inputs that unpack to tens of megabytes are refused
// within bounds. Left out of the short tier.
func TestBadInputLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs are not in the short tier")
	}
	bigAttr := `<text:p text:style-name="` + strings.Repeat("s", 17<<20) + `">a</text:p>`
	extracttest.RequireErrors(t, Paragraphs, []extracttest.BadInput{
		{Name: "huge attribute", Data: withText(t, bigAttr), Want: ErrTooLarge},
		{Name: "zip bomb", Data: withText(t, `<text:p>a</text:p>`+strings.Repeat(" ", 40<<20)), Want: ErrTooLarge},
	})
}

func FuzzParagraphs(f *testing.F) {
	extracttest.Fuzz(f, Paragraphs,
		withText(f, sampleText),
		withText(f, `<text:p>a<text:note><text:note-body><text:p>b</text:p></text:note-body></text:note></text:p>`),
		[]byte("PK\x03\x04"),
	)
}
