package pdf

import (
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/paralel/paralel/extract/internal/extracttest"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.pdf")

// A text is a line of text placed on a page.
type text struct {
	x, y, size float64
	s          string
}

// A doc describes a PDF for writePDF: its pages of text, in Helvetica
// with the Windows-1252 encoding, and what else to put in.
type doc struct {
	title    string
	pages    [][]text
	image    bool     // draw an image on each page
	compress bool     // deflate the content streams
	raw      []string // content streams used as they are, one a page, instead of pages
	loop     bool     // the page tree lists itself among its kids
	widths   bool     // give the font widths: half the size for every character
	form     string   // the content of a form XObject drawn as /Im1 instead of the image
	cid      bool     // add /F2, a composite font whose two-byte codes are Unicode, 500 wide
}

// writePDF writes d as a PDF 1.4 file: catalog 1, page tree 2, font 3,
// info 4, image 5, then a page and its content for each page.
func writePDF(t testing.TB, d doc) []byte {
	t.Helper()
	contents := d.raw
	for _, p := range d.pages {
		var c strings.Builder
		if d.image {
			c.WriteString("q 400 0 0 500 50 50 cm /Im1 Do Q\n")
		}
		for _, l := range p {
			s, err := charmap.Windows1252.NewEncoder().String(l.s)
			require.NoError(t, err)
			s = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
			fmt.Fprintf(&c, "BT /F1 %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n", l.size, l.x, l.y, s)
		}
		contents = append(contents, c.String())
	}
	var objs []string
	first, fonts := 6, "/F1 3 0 R" // the first page's object; the fonts
	if d.cid {
		first, fonts = 9, "/F1 3 0 R /F2 6 0 R"
	}
	kids := ""
	for i := range contents {
		kids += fmt.Sprintf("%d 0 R ", first+2*i)
	}
	if d.loop {
		kids += "2 0 R"
	}
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	if d.widths {
		font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 0 /LastChar 255 /Widths [" +
			strings.Repeat("500 ", 256) + "] >>"
	}
	objs = append(objs,
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(contents)),
		font,
		fmt.Sprintf("<< /Title <%s> /Producer (paralel test) >>", utf16Hex(d.title)),
		"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream",
	)
	if d.cid {
		cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange <0000> <FFFF> endcodespacerange" +
			" 1 beginbfrange <0020> <00FF> <0020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"
		objs = append(objs,
			"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [ 7 0 R ] /ToUnicode 8 0 R >>",
			"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 /W [ 32 [ 250 ] 33 255 500 ] >>",
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap))
	}
	if d.form != "" {
		objs[4] = fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 420 595] /Matrix [1 0 0 1 0 -100]"+
			" /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(d.form), d.form)
	}
	for i, c := range contents {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Resources << /Font << %s >> /XObject << /Im1 5 0 R >> >> /Contents %d 0 R >>", fonts, first+1+2*i))
		filter := ""
		if d.compress {
			var b bytes.Buffer
			w := zlib.NewWriter(&b)
			_, err := w.Write([]byte(c))
			require.NoError(t, err)
			require.NoError(t, w.Close())
			c, filter = b.String(), " /Filter /FlateDecode"
		}
		objs = append(objs, fmt.Sprintf("<< /Length %d%s >>\nstream\n%s\nendstream", len(c), filter, c))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// utf16Hex is s as a PDF text string: UTF-16 with a byte order mark, in hex.
func utf16Hex(s string) string {
	h := "FEFF"
	for _, u := range utf16.Encode([]rune(s)) {
		h += fmt.Sprintf("%04X", u)
	}
	return h
}

// printed lays out paragraphs as a browser prints them: 12-point lines
// 17 points apart, 26 between paragraphs, the date and title on top of
// each page and the address and page number at the bottom, in 8 points.
func printed(title string, pages [][]string) doc {
	d := doc{title: title}
	for i, lines := range pages {
		p := []text{
			{24, 572, 8, "11/29/26, 8:24 PM"}, {150, 572, 8, title},
			{24, 17, 8, "https://example.org/lajme/2018/kambanat"}, {380, 17, 8, fmt.Sprintf("%d/%d", i+1, len(pages))},
		}
		y := 540.0
		for _, l := range lines {
			switch {
			case l == "":
				y -= 9 // a paragraph break
			case strings.HasPrefix(l, "# "):
				p = append(p, text{43, y, 18, l[2:]})
				y -= 22
			case strings.HasPrefix(l, "^"):
				p = append(p, text{300, y + 17 + 4, 7, l[1:]}) // a footnote mark raised after the last line
			default:
				p = append(p, text{43, y, 12, l})
				y -= 17
			}
		}
		d.pages = append(d.pages, p)
	}
	return d
}

var sample = printed("Kambanat e Shën Martinit", [][]string{{
	"# Kambanat e Shën Martinit bien",
	"# në heshtje",
	"Kambanat e kishës ranë në heshtje pas zjarrit të",
	"vitit 1939, por famullitarët bënë plane për rikon-",
	"struksionin e saj dhe porositën një karijon të ri.",
	"",
	"Eksperti u shpreh se karijoni është një thesar",
	"kulturor dhe një instrument historik i rrallë, që",
	"nuk ka të dytë në gjithë qytetin e Nju Jorkut.",
	"",
	"Ai ishte një muzikant i njohur (well-",
	"known) në lagje. Për rikonstruksionin u deshën tre",
	"vjet, dhe kambanat u dëgjuan përsëri në vitin 1942",
	"^1",
}, {
	"kur kongregacioni u mblodh për herë të parë.",
	"",
	"Sot kisha, e well-known në lagje, ka më pak",
	"besimtarë se kurrë.",
}})

var sampleParagraphs = []string{
	"Kambanat e Shën Martinit bien në heshtje",
	"Kambanat e kishës ranë në heshtje pas zjarrit të vitit 1939, por famullitarët bënë plane për rikonstruksionin e saj dhe porositën një karijon të ri.",
	"Eksperti u shpreh se karijoni është një thesar kulturor dhe një instrument historik i rrallë, që nuk ka të dytë në gjithë qytetin e Nju Jorkut.",
	"Ai ishte një muzikant i njohur (well-known) në lagje. Për rikonstruksionin u deshën tre vjet, dhe kambanat u dëgjuan përsëri në vitin 1942 kur kongregacioni u mblodh për herë të parë.",
	"Sot kisha, e well-known në lagje, ka më pak besimtarë se kurrë.",
}

func paragraphs(b []byte) ([]string, error) { return extracttest.Bytes(Paragraphs, b) }

// TestSample reads the fixture testdata/sample.pdf, written by
// go test ./extract/pdf -run TestSample -update.
func TestSample(t *testing.T) {
	path := filepath.Join("testdata", "sample.pdf")
	if *update {
		d := sample
		d.compress = true
		require.NoError(t, os.WriteFile(path, writePDF(t, d), 0o644))
	}
	got, err := extracttest.File(Paragraphs, path)
	require.NoError(t, err)
	assert.Equal(t, sampleParagraphs, got)
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name  string
		pages [][]string
		want  []string
	}{
		{"one page", [][]string{{"Një rresht i vetëm."}}, []string{"Një rresht i vetëm."}},
		{"hyphen dropped", [][]string{{"Ky është një para-", "lajmërim i shkurtër."}}, []string{"Ky është një paralajmërim i shkurtër."}},
		{"hyphen before a capital kept", [][]string{{"Rrjeti C-", "SPAN e transmetoi."}}, []string{"Rrjeti C-SPAN e transmetoi."}},
		{"compound of two words kept", [][]string{{"Ai është i mirë dhe i njohur, një shkrimtar i mirë-", "njohur në vend."}}, []string{"Ai është i mirë dhe i njohur, një shkrimtar i mirë-njohur në vend."}},
		{"short line ends a paragraph", [][]string{{
			"Një rresht i plotë që mbush gjerësinë e faqes",
			"deri në fund.",
			"Një paragraf tjetër që fillon pa hapësirë mes",
			"tyre dhe mbaron këtu.",
		}}, []string{
			"Një rresht i plotë që mbush gjerësinë e faqes deri në fund.",
			"Një paragraf tjetër që fillon pa hapësirë mes tyre dhe mbaron këtu.",
		}},
		{"a sentence across pages", [][]string{{"Fjalia fillon në një faqe dhe"}, {"mbaron në tjetrën."}}, []string{"Fjalia fillon në një faqe dhe mbaron në tjetrën."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := paragraphs(writePDF(t, printed("Titulli", tt.pages)))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestWordSpacing reads justified text, whose spaces are widened by the
// word spacing (Tw): the next run starts where the widened spaces end, so
// a word split between two runs stays whole, and runs placed apart without
// a space character are words apart.
func TestWordSpacing(t *testing.T) {
	// 12 characters of 6 points and two spaces widened by 20: "ches" starts at 50+72+40.
	content := "BT /F1 12 Tf 20 Tw 1 0 0 1 50 500 Tm (Fjala e Chur) Tj ET\n" +
		"BT /F1 12 Tf 0 Tw 1 0 0 1 162 500 Tm (ches) Tj ET\n" +
		"BT /F1 12 Tf 1 0 0 1 50 483 Tm [(ndaj) -300 (\\373ijve) 50 (,)] TJ ET\n" +
		"BT /F1 12 Tf 1 0 0 1 50 466 Tm (Faqe e) Tj 1 0 0 1 100 466 Tm (dyta) Tj ET\n"
	got, err := paragraphs(writePDF(t, doc{widths: true, raw: []string{content}}))
	require.NoError(t, err)
	assert.Equal(t, []string{"Fjala e Churches ndaj ûijve, Faqe e dyta"}, got)
}

// TestForms reads text drawn inside a form XObject, moved by its matrix, and
// stops following a form that draws itself.
func TestForms(t *testing.T) {
	text := "BT /F1 12 Tf 1 0 0 1 50 600 Tm (Teksti i formes.) Tj ET"
	got, err := paragraphs(writePDF(t, doc{form: text, raw: []string{"BT /F1 12 Tf 1 0 0 1 50 520 Tm (Para formes.) Tj ET q /Im1 Do Q"}}))
	require.NoError(t, err)
	assert.Equal(t, []string{"Para formes.", "Teksti i formes."}, got)

	got, err = paragraphs(writePDF(t, doc{form: text + " /Im1 Do /Im1 Do /Im1 Do", raw: []string{"/Im1 Do"}}))
	require.NoError(t, err)
	assert.Equal(t, maxForms, strings.Count(strings.Join(got, " "), "Teksti i formes."))
}

// TestCompositeFont reads two-byte codes of a composite font, placed by the
// widths of its descendant font: a gap between runs is a space, none is not.
func TestCompositeFont(t *testing.T) {
	hex := func(s string) string {
		h := ""
		for _, r := range s {
			h += fmt.Sprintf("%04X", r)
		}
		return "<" + h + ">"
	}
	// "Fjala" is 5 codes of 6 points from 50, "e" one from 86, "Chur" 4 from 98.
	content := "BT /F2 12 Tf 1 0 0 1 50 500 Tm " + hex("Fjala") + " Tj 1 0 0 1 86 500 Tm " + hex("e") + " Tj " +
		"1 0 0 1 98 500 Tm " + hex("Chur") + " Tj 1 0 0 1 122 500 Tm " + hex("ches të ") + " Tj (x) Tj ET"
	got, err := paragraphs(writePDF(t, doc{cid: true, raw: []string{content}}))
	require.NoError(t, err)
	assert.Equal(t, []string{"Fjala e Churches të"}, got)
}

func TestLigatures(t *testing.T) {
	got := lines(0, page{glyphs: []glyph{{x: 10, y: 10, size: 10, s: "\ufb01nal \ufb02ow"}}})
	require.Len(t, got, 1)
	assert.Equal(t, "final flow", got[0].text)
}

func TestMargins(t *testing.T) {
	// Without a browser's header: a running title in body type recurs on
	// every page and goes, as do page numbers; a body line that differs
	// from page to page only in its numbers stays.
	var d doc
	for i := range 3 {
		d.pages = append(d.pages, []text{
			{43, 560, 12, "Raporti vjetor"},
			{43, 520, 12, "Rreshti i parë i faqes " + []string{"një.", "dy.", "tre."}[i]},
			{43, 500, 12, fmt.Sprintf("%d mijë banorë u larguan nga faqja %d.", 10+i, i)},
			{43, 480, 12, "Rreshti i fundit i faqes " + []string{"një.", "dy.", "tre."}[i]},
			{200, 30, 12, []string{"- 1 -", "Raporti, faqe 2", "Page 3 of 3"}[i]},
		})
	}
	got, err := paragraphs(writePDF(t, d))
	require.NoError(t, err)
	var want []string
	for i := range 3 {
		want = append(want, "Rreshti i parë i faqes "+[]string{"një.", "dy.", "tre."}[i], fmt.Sprintf("%d mijë banorë u larguan nga faqja %d.", 10+i, i), "Rreshti i fundit i faqes "+[]string{"një.", "dy.", "tre."}[i])
	}
	assert.Equal(t, strings.Join(want, " "), strings.Join(got, " "))
}

func TestBadInput(t *testing.T) {
	pdf := writePDF(t, sample)
	many := doc{}
	for range MaxPages + 1 {
		many.raw = append(many.raw, "")
	}
	bomb := doc{compress: true, raw: []string{"BT /F1 12 Tf 50 500 Td (a) Tj ET" + strings.Repeat(" ", MaxPageContent)}}
	extracttest.RequireErrors(t, Paragraphs, []extracttest.BadInput{
		{Name: "empty file", Data: nil, Want: ErrCorrupt},
		{Name: "not a PDF", Data: []byte("Hello, world.\n"), Want: ErrCorrupt},
		{Name: "truncated", Data: pdf[:len(pdf)/2], Want: ErrCorrupt},
		{Name: "garbled cross-reference", Data: bytes.Replace(pdf, []byte("xref\n0 "), []byte("xref\nx "), 1), Want: ErrCorrupt},
		{Name: "image only", Data: writePDF(t, doc{image: true, pages: [][]text{{}, {}}}), Want: ErrNoText},
		{Name: "only a browser's header and footer", Data: writePDF(t, printed("Titulli", [][]string{{}})), Want: ErrNoText},
		{Name: "page tree loops", Data: writePDF(t, doc{loop: true, pages: [][]text{{{50, 500, 12, "a"}}}}), Want: ErrCorrupt},
		{Name: "too many pages", Data: writePDF(t, many), Want: ErrTooLarge},
		{Name: "content bomb", Data: writePDF(t, bomb), Want: ErrTooLarge},
	})
}

// TestCutShort: a PDF whose end is missing, as after a broken download, is
// said to be cut short, not "not a PDF file: missing %%EOF".
func TestCutShort(t *testing.T) {
	pdf := writePDF(t, sample)
	_, err := paragraphs(pdf[:len(pdf)-10])
	require.ErrorIs(t, err, ErrCorrupt)
	assert.EqualError(t, err, "corrupt or unreadable PDF: cut short: it does not end with the %%EOF marker of a PDF (an incomplete download?)")
}

// TestEncrypted reads the fixtures made from sample.pdf by qpdf (see
// testdata/README): one needs a password, the other opens with the empty
// one and is read.
func TestEncrypted(t *testing.T) {
	_, err := extracttest.File(Paragraphs, filepath.Join("testdata", "password.pdf"))
	assert.ErrorIs(t, err, ErrEncrypted)
	got, err := extracttest.File(Paragraphs, filepath.Join("testdata", "no-copy.pdf"))
	require.NoError(t, err)
	assert.Equal(t, sampleParagraphs, got)
}

func FuzzParagraphs(f *testing.F) {
	extracttest.Fuzz(f, Paragraphs,
		writePDF(f, sample),
		writePDF(f, printed("T", [][]string{{"a-", "b"}, {"c"}})),
		[]byte("%PDF-1.4\n%%EOF\n"),
	)
}
