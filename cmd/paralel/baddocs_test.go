package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/testio"
)

// testPDF returns a PDF of pages pages, each drawing content, which may
// paint the image /Im1 (a grey pixel) but has no font.
func testPDF(pages int, content string) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, pages)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 5+i)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages))
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	obj("<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
	for range pages {
		obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R /Resources << /XObject << /Im1 4 0 R >> >> >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// testZip returns a zip archive of the parts, deflated.
func testZip(t *testing.T, parts ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		require.NoError(t, err)
		_, err = w.Write([]byte(p[1]))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// docxOf and odtOf are documents of the body given, in their markup.
func docxOf(t *testing.T, body string) []byte {
	return testZip(t, [2]string{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`})
}

func odtOf(t *testing.T, body string) []byte {
	return testZip(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"},
		[2]string{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`})
}

// TestBadDocuments runs the commands on documents that cannot be read, as
// issue 9 lists them: each is an error naming the file and the reason,
// and nothing is written.
func TestBadDocuments(t *testing.T) {
	in := t.TempDir()
	fixture := func(path string) []byte {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		return data
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	sample := fixture("../../extract/docx/testdata/sample.docx")
	deep := "<html><body>" + strings.Repeat("<div>", 600) + "Po." + strings.Repeat("</div>", 600) + "</body></html>"
	sq, err := filepath.Abs(filepath.Join(formatFixtures, "sq-windows1250.txt"))
	require.NoError(t, err)
	var (
		png       = testio.WriteFile(t, in, "scan.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
		rtf       = testio.WriteFile(t, in, "letter.rtf", `{\rtf1\ansi Mirë}`)
		legacy    = testio.WriteFile(t, in, "old.doc", fixture(filepath.Join(formatFixtures, "legacy.doc")))
		locked    = testio.WriteFile(t, in, "locked.docx", fixture(filepath.Join(formatFixtures, "encrypted.docx")))
		password  = testio.WriteFile(t, in, "password.pdf", fixture("../../extract/pdf/testdata/password.pdf"))
		scan      = testio.WriteFile(t, in, "scan.pdf", testPDF(2, "q 180 0 0 180 10 10 cm /Im1 Do Q"))
		corrupt   = testio.WriteFile(t, in, "cut.docx", sample[:len(sample)/2])
		noBody    = testio.WriteFile(t, in, "empty.docx", docxOf(t, "<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"))
		menu      = testio.WriteFile(t, in, "menu.html", "<!DOCTYPE html><html><body><nav><a href='/'>Kreu</a> <a href='/bota'>Bota</a></nav></body></html>")
		nested    = testio.WriteFile(t, in, "deep.html", deep)
		manyPages = testio.WriteFile(t, in, "book.pdf", testPDF(3001, "q 180 0 0 180 10 10 cm /Im1 Do Q"))
	)
	runBadInputs(t, []badInput{
		{"align: an image", []string{"align", "-o", "OUT.tsv", sq, png}, "scan.png: unsupported format: a PNG image", ""},
		{"align: RTF", []string{"align", "-o", "OUT.tsv", rtf, png}, "letter.rtf: unsupported format: RTF; save it as DOCX", ""},
		{"align: a Word 97 file", []string{"align", "-o", "OUT.tsv", legacy, sq}, "old.doc: unsupported format: a Word 97-2003 (.doc) or other OLE file; save it as DOCX", ""},
		{"align: a password-protected DOCX", []string{"align", "-o", "OUT.tsv", sq, locked}, "locked.docx: document is encrypted (password-protected): save it without a password first", ""},
		{"align: an encrypted PDF", []string{"align", "-o", "OUT.tsv", sq, password}, "password.pdf: pdf: PDF is encrypted (password-protected): save it without a password first", ""},
		{"align: an image-only PDF", []string{"align", "-o", "OUT.tsv", sq, scan}, "scan.pdf: pdf: no text layer: a scanned PDF? Run OCR on it first", ""},
		{"align: a corrupt DOCX", []string{"align", "-o", "OUT.tsv", sq, corrupt}, "cut.docx: corrupt file: a damaged ZIP archive", ""},
		{"align: a DOCX without text", []string{"align", "-o", "OUT.tsv", sq, noBody}, "empty.docx: docx: document has no text", ""},
		{"align: a page with no main text", []string{"align", "-o", "OUT.tsv", sq, menu}, "menu.html: html: no text found: no main text on the page", ""},
		{"align: deeply nested HTML", []string{"align", "-o", "OUT.tsv", sq, nested}, "deep.html: html: HTML nested too deep", ""},
		{"align: a PDF of too many pages", []string{"align", "-o", "OUT.tsv", sq, manyPages}, "book.pdf: pdf: PDF too large", ""},
		{"align: an address answering an error", []string{"align", "-o", "OUT.tsv", sq, srv.URL + "/gone"}, srv.URL + "/gone: the server answered 410 Gone", ""},
		{"align: an address timing out", []string{"align", "--timeout", "100ms", "-o", "OUT.tsv", sq, srv.URL + "/slow"}, srv.URL + "/slow: no answer within 100ms", ""},
		{"align: a page of two languages that is an image", []string{"align", "-o", "OUT.tsv", png}, "scan.png: unsupported format: a PNG image", ""},
		{"split: an encrypted PDF", []string{"split", "--lang", "en", password}, "password.pdf: pdf: PDF is encrypted", ""},
		{"review: a corrupt DOCX", []string{"review", "-o", "OUT.tmx", sq, corrupt}, "cut.docx: corrupt file: a damaged ZIP archive", ""},
		{"batch --strict: an image-only PDF", []string{"batch", "--strict", "-o", "OUT.tsv", testio.WriteFile(t, in, "docs.list", sq+"\t"+scan+"\tscan\n")}, `"scan": ` + scan + ": pdf: no text layer", `failed: "scan": `},
	})
}

// TestBadDocumentsLarge: zip bombs and a huge PDF are refused within
// bounds, reading a small part of what they would unpack to. Left out of
// the short tier.
func TestBadDocumentsLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs are not in the short tier")
	}
	in := t.TempDir()
	sq := filepath.Join(formatFixtures, "sq-windows1250.txt")
	// 200 MB of spaces deflate to about 200 KB.
	pad := strings.Repeat(" ", 200<<20)
	docxBomb := testio.WriteFile(t, in, "bomb.docx", docxOf(t, "<w:p><w:r><w:t>Mirë.</w:t></w:r></w:p>"+pad))
	odtBomb := testio.WriteFile(t, in, "bomb.odt", odtOf(t, "<text:p>Mirë.</text:p>"+pad))
	pad = ""
	// A PDF over the 64 MB read whole, sparse on disk.
	huge := filepath.Join(in, "huge.pdf")
	f, err := os.Create(huge)
	require.NoError(t, err)
	_, err = f.Write(testPDF(1, "BT ET"))
	require.NoError(t, err)
	require.NoError(t, f.Truncate(100<<20))
	require.NoError(t, f.Close())

	for _, tt := range []struct {
		badInput
		maxAlloc uint64 // bytes allocated at most by the run
	}{
		// Unpacked whole, either would take more than 200 MB.
		{badInput{"align: a zip bomb in a DOCX", []string{"align", "-o", "OUT.tsv", sq, docxBomb}, "bomb.docx: docx: document too large", ""}, 128 << 20},
		{badInput{"align: a zip bomb in an ODT", []string{"align", "-o", "OUT.tsv", sq, odtBomb}, "bomb.odt: odt: document too large", ""}, 128 << 20},
		{badInput{"align: a huge PDF", []string{"align", "-o", "OUT.tsv", sq, huge}, "huge.pdf: pdf: input too large: 100 MB (at most 64 MB)", ""}, 16 << 20},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		runBadInputs(t, []badInput{tt.badInput})
		runtime.ReadMemStats(&after)
		t.Logf("%s: %d MB allocated", tt.name, (after.TotalAlloc-before.TotalAlloc)>>20)
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, tt.maxAlloc, "%s: allocated %d MB", tt.name, (after.TotalAlloc-before.TotalAlloc)>>20)
	}

	// A PDF of a gigabyte on the standard input, whose size is not known,
	// is read up to the limit only.
	pdf := io.MultiReader(bytes.NewReader(testPDF(1, "BT ET")), testio.Repeat([]byte("% padding\n"), 100<<20))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, _, err := runIn(t, pdf, "split", "--lang", "en", "-")
	runtime.ReadMemStats(&after)
	assert.EqualError(t, err, "stdin: pdf: input too large: more than 64 MB")
	assert.Empty(t, out)
	t.Logf("a huge PDF on the standard input: %d MB allocated", (after.TotalAlloc-before.TotalAlloc)>>20)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(512<<20))
}
