package extract

import (
	"archive/zip"
	"bytes"
	"golang.org/x/net/html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/paralel/paralel/corpus"
)

const fixtures = "../testdata/formats"

// read extracts data and returns the text and the report.
func read(t *testing.T, data []byte, opt Options) (string, *Report, error) {
	t.Helper()
	r, rep, err := NewReader(bytes.NewReader(data), opt)
	if err != nil {
		return "", nil, err
	}
	text, err := io.ReadAll(r)
	return string(text), rep, err
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	require.NoError(t, err)
	return data
}

// ramaLines returns the first n paragraphs of the sample in lang.
func ramaLines(t *testing.T, lang string, n int) []string {
	t.Helper()
	var out []string
	for l := range strings.Lines(string(fixture(t, "../rama/"+lang+".txt"))) {
		if l = strings.TrimSpace(l); l != "" && len(out) < n {
			out = append(out, l)
		}
	}
	return out
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data, format, err string
	}{
		{"plain text", "Ai erdhi.\nIkën.\n", Text, ""},
		{"text with a BOM", "\uFEFFAi erdhi.\n", Text, ""},
		{"HTML with a doctype", "<!DOCTYPE html><html><body><p>Po.</p></body></html>", HTML, ""},
		{"HTML after a comment and BOM", "\uFEFF<!-- saved --> \n<html><p>Po.</p></html>", HTML, ""},
		{"a .txt that is an HTML fragment", strings.Repeat("<p>Një paragraf.</p>\n", 12), HTML, ""},
		{"text that mentions a tag", "Write <p> to start a paragraph.\n", Text, ""},
		{"SRT", "1\n00:00:01,000 --> 00:00:02,000\nPo.\n", SRT, ""},
		{"SRT with CRLF and a BOM", "\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nPo.\r\n", SRT, ""},
		{"WebVTT", "WEBVTT\n\n00:01.000 --> 00:02.000\nPo.\n", VTT, ""},
		{"PDF", "%PDF-1.7\n...", PDF, ""},
		{"a ZIP archive", "PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", zipFormat, ""},
		{"an OLE file", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", oleFormat, ""},
		{"RTF", `{\rtf1\ansi Hello}`, "", "unsupported format: RTF; save it as DOCX"},
		{"PNG", "\x89PNG\r\n\x1a\n\x00\x00", "", "unsupported format: a PNG image"},
		{"gzip", "\x1f\x8b\x08\x00", "", "unsupported format: gzip-compressed data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := detect([]byte(tt.data), Options{})
			if tt.err != "" {
				assert.EqualError(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.format, f)
		})
	}
}

func TestDetectUTF16Markup(t *testing.T) {
	vtt, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder().String("WEBVTT\n\n00:01.000 --> 00:02.000\nPo.\n")
	require.NoError(t, err)
	f, err := detect([]byte(vtt), Options{})
	require.NoError(t, err)
	assert.Equal(t, VTT, f)
}

func TestForcedFormat(t *testing.T) {
	text, rep, err := read(t, []byte("<p>Po.</p>\n"), Options{Format: Text})
	require.NoError(t, err)
	assert.Equal(t, Text, rep.Format)
	assert.Equal(t, "<p>Po.</p>\n", text)

	_, _, err = read(t, []byte("Po.\n"), Options{Format: "rtf", Name: "a.rtf"})
	assert.EqualError(t, err, `a.rtf: unsupported format "rtf": want one of text, html, srt, vtt, docx, odt, pdf`)
}

func TestEncodings(t *testing.T) {
	sq := strings.Join(ramaLines(t, "sq", 2), "\n\n") + "\n"
	en := strings.Join(ramaLines(t, "en", 2), "\n\n") + "\n"
	tests := []struct {
		file, lang, encoding string
		want                 string
	}{
		{"sq-windows1250.txt", "sq", "windows-1250", sq},
		// ISO-8859-2 and windows-1250 decode this text alike; the Albanian
		// Windows code page names it.
		{"sq-iso88592.txt", "sq", "windows-1250", strings.NewReplacer("“", "", "”", "").Replace(sq)},
		{"en-utf16le.txt", "en", "utf-16le", en},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			text, rep, err := read(t, fixture(t, tt.file), Options{Lang: tt.lang, Name: tt.file})
			require.NoError(t, err)
			assert.Equal(t, Text, rep.Format)
			assert.Equal(t, tt.encoding, rep.Encoding)
			assert.Equal(t, tt.want, text)
		})
	}
}

func TestSingleByteGuess(t *testing.T) {
	enc := func(name, s string) []byte {
		_, e, err := lookupEncoding(name)
		require.NoError(t, err)
		b, err := e.NewEncoder().Bytes([]byte(s))
		require.NoError(t, err)
		return b
	}
	tests := []struct {
		name, lang, encoding, text string
	}{
		{"English with curly quotes in windows-1252", "en", "windows-1252", "He said “café” – twice…\n"},
		{"English in ISO-8859-1", "en", "windows-1252", "Café au lait, señor.\n"},
		{"Albanian in windows-1250", "sq", "windows-1250", "Kryeministri tha: „Është një arritje.”\n"},
		{"Albanian without a hint", "", "windows-1252", "Ajo është në shtëpi çdo ditë.\n"},
		{"Czech in windows-1250", "", "windows-1250", "Příliš žluťoučký kůň úpěl ďábelské ódy.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := enc(tt.encoding, tt.text)
			if tt.encoding == "windows-1252" && strings.Contains(tt.name, "ISO") {
				data = enc("iso-8859-1", tt.text)
			}
			text, rep, err := read(t, data, Options{Lang: tt.lang})
			require.NoError(t, err)
			assert.Equal(t, tt.text, text)
			if !strings.Contains(tt.name, "Czech") {
				assert.Equal(t, tt.encoding, rep.Encoding)
			}
		})
	}
}

func TestUTF16WithoutBOM(t *testing.T) {
	for _, tt := range []struct {
		order    xunicode.Endianness
		encoding string
	}{{xunicode.LittleEndian, "utf-16le"}, {xunicode.BigEndian, "utf-16be"}} {
		s := "Ai erdhi më 5 maj.\r\nAta ikën.\r\n"
		b, err := xunicode.UTF16(tt.order, xunicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
		require.NoError(t, err)
		text, rep, err := read(t, b, Options{})
		require.NoError(t, err)
		assert.Equal(t, tt.encoding, rep.Encoding)
		assert.Equal(t, s, text)
	}
}

func TestForcedEncoding(t *testing.T) {
	text, rep, err := read(t, []byte("Shqip\xebri\n"), Options{Encoding: "ISO-8859-2"})
	require.NoError(t, err)
	assert.Equal(t, "iso-8859-2", rep.Encoding)
	assert.Equal(t, "Shqipëri\n", text)

	_, _, err = read(t, []byte("Po\n"), Options{Encoding: "klingon", Name: "a.txt"})
	assert.EqualError(t, err, `a.txt: unknown encoding "klingon"`)
}

func TestUTF8Untouched(t *testing.T) {
	// UTF-8 is passed through byte for byte, so offsets refer to the file;
	// a stray bad byte is left for the splitter to report with its offset.
	for _, s := range []string{"\uFEFFPo.\r\nJo.\r\n", "Mirë.\n\xff\xfe", "a\x00b\n"} {
		text, rep, err := read(t, []byte(s), Options{})
		require.NoError(t, err)
		assert.Equal(t, "utf-8", rep.Encoding)
		assert.Equal(t, s, text)
	}
}

func TestWrapped(t *testing.T) {
	text, rep, err := read(t, fixture(t, "en-wrapped.txt"), Options{})
	require.NoError(t, err)
	assert.True(t, rep.Wrapped, "fmt -w 72 output")
	assert.Equal(t, string(fixture(t, "en-wrapped.txt")), text)

	for _, name := range []string{"../rama/en.txt", "../rama/sq.txt"} {
		_, rep, err := read(t, fixture(t, name), Options{})
		require.NoError(t, err)
		assert.False(t, rep.Wrapped, name)
	}
	short := "Title\nA line.\nAnother line.\nShort.\nYes.\nNo.\nMaybe.\n"
	assert.False(t, isWrapped(short), "short lines of their own")
}

func TestSubtitles(t *testing.T) {
	want := strings.Join(ramaLines(t, "en", 2), " ") + "\n"
	for _, name := range []string{"en.srt", "en.vtt"} {
		t.Run(name, func(t *testing.T) {
			text, rep, err := read(t, fixture(t, name), Options{Name: name})
			require.NoError(t, err)
			assert.Equal(t, strings.TrimPrefix(filepath.Ext(name), "."), rep.Format)
			assert.Equal(t, want, text)
			assert.Equal(t, 1, rep.Paragraphs)
			assert.Positive(t, rep.Dropped)
		})
	}
}

func TestSubtitleMarkup(t *testing.T) {
	tests := []struct {
		name, format, in, want string
	}{
		{"SRT tags and SSA codes", SRT, "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Ai</i> <b>erdhi</b>\n<font color=\"red\">sot.</font>\n\n2\n00:00:02,000 --> 00:00:03,000\nIkën.\n", "Ai erdhi sot. Ikën.\n"},
		{"SRT entities", SRT, "1\n00:00:01,000 --> 00:00:02,000\nTom &amp; Jerry\n", "Tom & Jerry\n"},
		{"a sentence across cues", SRT, "1\n00:00:01,000 --> 00:00:02,000\nThe vote\n\n2\n00:00:02,500 --> 00:00:03,000\nwas close.\n", "The vote was close.\n"},
		{"SRT without cue numbers", SRT, "00:00:01,000 --> 00:00:02,000\nPo.\n\n00:00:02,000 --> 00:00:03,000\nJo.\n", "Po. Jo.\n"},
		{"WebVTT header, NOTE, STYLE, REGION", VTT, "WEBVTT - a title\nKind: captions\n\nNOTE a comment\nover lines\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\n00:01.000 --> 00:02.000\nPo.\n", "Po.\n"},
		{"WebVTT voices, classes, timestamps, ruby", VTT, "WEBVTT\n\nid-1\n00:00:01.000 --> 00:00:02.000 line:0 align:start\n<v Anna>Hello <c.loud>there</c>,<00:00:01.500> <ruby>漢<rt>kan</rt></ruby> &lt;3 &nbsp;you&lrm;\n", "Hello there, 漢 <3 you\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, rep, err := read(t, []byte(tt.in), Options{})
			require.NoError(t, err)
			assert.Equal(t, tt.format, rep.Format)
			assert.Equal(t, tt.want, text)
		})
	}
}

// TestBrokenCues: a cue whose timing line is broken loses its number and
// timing with a warning naming the line, rather than leaking them into the
// text; lines of text, digits and arrows or not, are all kept.
func TestBrokenCues(t *testing.T) {
	want := strings.Join(ramaLines(t, "en", 2), " ") + "\n"
	for _, tt := range []struct{ name, from, to, warning string }{
		{"en.srt", "00:00:03,000 --> 00:00:06,000", "00:00:03.000 - -> 00:00:06,000",
			`srt: line 7: cue timing not understood, left out with the cue's number: "00:00:03.000 - -> 00:00:06,000"`},
		{"en.srt", "00:00:03,000 --> 00:00:06,000", "00:00:0X,000 --> 00:00:06,000",
			`srt: line 7: cue timing not understood, left out with the cue's number: "00:00:0X,000 --> 00:00:06,000"`},
		{"en.srt", "00:00:03,000 --> 00:00:06,000", "00:00:03,000 -> 00:00:06,000",
			`srt: line 7: cue timing not understood, left out with the cue's number: "00:00:03,000 -> 00:00:06,000"`},
		{"en.vtt", "00:00:03.000 --> 00:00:06.000", "00:00:03.000 --> garbage",
			`vtt: line 12: cue timing not understood, left out with the cue's number: "00:00:03.000 --> garbage"`},
		{"en.vtt", "00:00:06.000 --> 00:00:09.000 align:start", "00:06.000 → 00:09.000 align:start",
			`vtt: line 16: cue timing not understood, left out with the cue's number: "00:06.000 → 00:09.000 align:start position:10%"`},
	} {
		t.Run(tt.to, func(t *testing.T) {
			data := string(fixture(t, tt.name))
			require.Contains(t, data, tt.from)
			text, rep, err := read(t, []byte(strings.Replace(data, tt.from, tt.to, 1)), Options{Name: tt.name})
			require.NoError(t, err)
			assert.Equal(t, want, text)
			require.Len(t, rep.Warnings, 1)
			assert.EqualError(t, rep.Warnings[0], tt.warning)
		})
	}

	for _, tt := range []struct{ name, in, want string }{
		{"digits and arrows in a cue", "1\n00:00:01,000 --> 00:00:02,000\n3 -> 4 goals,\n10:30 --> 11:00 train,\n00:00:01,000 --> 00:00:02,000\n",
			"3 -> 4 goals, 10:30 --> 11:00 train, 00:00:01,000 --> 00:00:02,000\n"},
		{"a blank line in a cue", "1\n00:00:01,000 --> 00:00:02,000\nThe train\n\n10:30 -> 11:00 leaves.\n\n2\n00:00:03,000 --> 00:00:04,000\n42\nThe answer -> yes\n\n7\n3 -> 4\n",
			"The train 10:30 -> 11:00 leaves. 42 The answer -> yes 7 3 -> 4\n"},
		{"a time in text", "1\n00:00:01,000 --> 00:00:02,000\nIt ends\n\nat 10:30.5 -> 11:00.5 sharp.\n",
			"It ends at 10:30.5 -> 11:00.5 sharp.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text, rep, err := read(t, []byte(tt.in), Options{})
			require.NoError(t, err)
			assert.Equal(t, SRT, rep.Format)
			assert.Equal(t, tt.want, text)
			assert.Empty(t, rep.Warnings)
		})
	}
}

// FuzzCueText checks that no line of a cue's text is dropped, whatever it
// holds: digits, arrows, what looks like a timing.
func FuzzCueText(f *testing.F) {
	f.Add("3 -> 4 goals\n10:30 --> 11:00\n00:00:0X,000 --> 00:00:01,000")
	f.Add("2\n00:00:03.000 - -> 00:00:06,000\nHello")
	f.Add("→ 00:02.000\n=> 1:00:00,0")
	f.Fuzz(func(t *testing.T, text string) {
		var lines []string
		for l := range strings.SplitSeq(text, "\n") {
			if strings.TrimSpace(l) == "" || !utf8.ValidString(l) || strings.ContainsAny(l, "<>{}&\r\u200e\u200f\u00a0\x00") {
				continue // blank lines end a cue; markup is not text
			}
			lines = append(lines, l)
		}
		if len(lines) == 0 {
			return
		}
		in := "1\n00:00:01,000 --> 00:00:02,000\nPo.\n\n2\n00:00:02,000 --> 00:00:03,000\n" + strings.Join(lines, "\n") + "\n"
		got, rep, err := read(t, []byte(in), Options{Format: SRT})
		require.NoError(t, err)
		assert.Equal(t, strings.Fields("Po. "+strings.Join(lines, " ")), strings.Fields(got))
		assert.Empty(t, rep.Warnings)
	})
}

func TestHTML(t *testing.T) {
	en := ramaLines(t, "en", 4)
	text, rep, err := read(t, fixture(t, "en.html"), Options{Name: "en.html"})
	require.NoError(t, err)
	title := "Rama: US said hosting MEK humanitarian not political – now it’s a national security issue"
	assert.Equal(t, Join(append([]string{title}, en...)), text)
	assert.Equal(t, HTML, rep.Format)
	assert.Equal(t, "utf-8", rep.Encoding)
	assert.Equal(t, 5, rep.Paragraphs)
	assert.Positive(t, rep.Dropped)
	assert.Equal(t, "en.html: html, utf-8, 5 paragraphs, "+plural(rep.Dropped, "block")+" dropped", rep.String())
}

func TestHTMLParagraphs(t *testing.T) {
	long := strings.Repeat("This sentence is part of a long article text. ", 8)
	page := func(body string) []byte {
		return []byte("<html><head><title>T</title></head><body><article>" + body + "</article></body></html>")
	}
	tests := []struct {
		name, body string
		want       []string
	}{
		{"double br ends a paragraph", "<p>" + long + "<br><br>" + long + "<br>" + long + "</p>",
			[]string{oneLine(long), oneLine(long + " " + long)}},
		{"headings and list items", "<h2>Part one</h2><p>" + long + "</p><ul><li>" + long + "</li><li>" + long + "</li></ul>",
			[]string{"Part one", oneLine(long), oneLine(long), oneLine(long)}},
		{"scripts and styles dropped", "<p>" + long + "<script>var x = 1;</script></p><style>p{}</style><p>" + long + "</p>",
			[]string{oneLine(long), oneLine(long)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _, err := read(t, page(tt.body), Options{})
			require.NoError(t, err)
			assert.Equal(t, Join(tt.want), text)
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	long := strings.Repeat("Kjo është një fjali e gjatë e një artikulli në gjuhën shqipe. ", 6)
	_, enc, err := lookupEncoding("iso-8859-2")
	require.NoError(t, err)
	b, err := enc.NewEncoder().Bytes([]byte(`<html><head><meta charset="iso-8859-2"></head><body><article><h1>Çështja</h1><p>` + long + `</p></article></body></html>`))
	require.NoError(t, err)
	text, rep, err := read(t, b, Options{})
	require.NoError(t, err)
	assert.Equal(t, "iso-8859-2", rep.Encoding)
	assert.Contains(t, text, oneLine(long))
}

func TestBadInput(t *testing.T) {
	deep := "<html><body>" + strings.Repeat("<div>", MaxDepth+10) + "Po." + strings.Repeat("</div>", MaxDepth+10) + "</body></html>"
	tests := []struct {
		name string
		data string
		opt  Options
		err  string
		is   error
	}{
		{"a page with no main text", "<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>", Options{}, "x: html: no text found: no main text on the page", ErrNoText},
		{"deeply nested HTML", deep, Options{}, "x: html: HTML nested too deep: elements nested 525 deep (at most 512)", ErrTooDeep},
		{"too large", "<html><body>" + strings.Repeat("<p>Po.</p>", 200) + "</body></html>", Options{MaxSize: 1000}, "x: html: input too large: more than 0 MB", ErrTooLarge},
		{"empty subtitles", "WEBVTT\n\nNOTE nothing\n", Options{}, "x: vtt: no text found", ErrNoText},
		{"subtitles with invalid UTF-8", "1\n00:00:01,000 --> 00:00:02,000\nMirë\xff\n", Options{}, "x: invalid UTF-8 at byte 37", corpus.ErrInvalidUTF8},
		{"another ZIP", zipOf(t, "data.csv"), Options{}, "x: unsupported format: a ZIP archive that is neither DOCX nor ODT", ErrUnsupported},
		{"a spreadsheet", zipOf(t, "mimetype", "content.xml"), Options{}, "x: unsupported format: an OpenDocument file of type application/vnd.oasis.opendocument.spreadsheet, not a text", ErrUnsupported},
		{"a damaged ZIP", "PK\x03\x04\x14\x00", Options{}, "x: corrupt file: a damaged ZIP archive: zip: not a valid zip file", ErrCorrupt},
		{"a Word 97 file", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Options{}, "x: unsupported format: a Word 97-2003 (.doc) or other OLE file; save it as DOCX", ErrUnsupported},
		{"a Word 97 file, made by a tool", string(fixture(t, "legacy.doc")), Options{}, "x: unsupported format: a Word 97-2003 (.doc) or other OLE file; save it as DOCX", ErrUnsupported},
		{"a password-protected DOCX", string(fixture(t, "encrypted.docx")), Options{}, "x: document is encrypted (password-protected): save it without a password first", ErrEncrypted},
		{"a password-protected DOCX read as DOCX", string(fixture(t, "encrypted.docx")), Options{Format: DOCX}, "x: docx: document is encrypted (password-protected): save it without a password first", ErrEncrypted},
		{"a password-protected document too large to read", string(fixture(t, "encrypted.docx")), Options{MaxSize: 1000}, "x: input too large: more than 0 MB", ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Name = "x"
			_, _, err := read(t, []byte(tt.data), tt.opt)
			assert.EqualError(t, err, tt.err)
			assert.ErrorIs(t, err, tt.is)
		})
	}
}

// TestFileTooLarge: a file over the limit is refused by its size, before
// it is read; one under it is read into a buffer of its size.
func TestFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.html")
	page := "<html><body>" + strings.Repeat("<p>Po, mirë.</p>\n", 150000) + "</body></html>" // 2.6 MB
	require.NoError(t, os.WriteFile(path, []byte(page), 0o644))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	_, _, err = NewReader(f, Options{Name: "big.html", MaxSize: 1 << 20})
	assert.EqualError(t, err, "big.html: html: input too large: 2 MB (at most 1 MB)")
	assert.ErrorIs(t, err, ErrTooLarge)

	f, err = os.Open(filepath.Join(fixtures, "en.html"))
	require.NoError(t, err)
	defer f.Close()
	r, rep, err := NewReader(f, Options{Name: "en.html"})
	require.NoError(t, err)
	text, err := io.ReadAll(r)
	require.NoError(t, err)
	want, _, err := read(t, fixture(t, "en.html"), Options{Name: "en.html"})
	require.NoError(t, err)
	assert.Equal(t, want, string(text))
	assert.Equal(t, HTML, rep.Format)
}

// FuzzNewReader checks that no input makes a reader panic or hang, and that
// what they extract is UTF-8 text with no NUL byte unless the input passed
// through untouched.
func FuzzNewReader(f *testing.F) {
	for _, name := range []string{"en.html", "en.srt", "en.vtt", "en-utf16le.txt", "sq-windows1250.txt", "en-wrapped.txt", "encrypted.docx"} {
		data, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Add([]byte("<html><body><p>a<br><br>b</p></body></html>"), HTML)
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\n<i>a</i>\n"), SRT)
	f.Add([]byte("WEBVTT\n\n00:01.000 --> 00:02.000\n&amp;\n"), VTT)
	f.Add([]byte("\xff\xfea\x00"), Text)
	f.Add([]byte("1\n00:00:01,000 - -> 00:00:02,000\nPo.\n\n2\n00:00:0X,000 --> 00:00:03,000\n3 -> 4\n"), SRT)
	f.Add([]byte("WEBVTT\n\nid\n00:01.000 --> garbage\nHello.\n\n→ 00:02.000\nJo.\n"), VTT)
	f.Fuzz(func(t *testing.T, data []byte, format string) {
		switch format {
		case "", Text, HTML, SRT, VTT:
		default:
			return
		}
		r, rep, err := NewReader(bytes.NewReader(data), Options{Format: format, MaxSize: 1 << 20})
		if err != nil {
			return
		}
		text, err := io.ReadAll(r)
		if err != nil {
			return
		}
		if rep.Format != Text && !utf8.Valid(text) {
			t.Fatalf("%s output is not UTF-8: %q", rep.Format, text)
		}
		if rep.Format != Text && bytes.Count(text, []byte("\n")) != rep.Paragraphs {
			t.Fatalf("%d lines for %d paragraphs", bytes.Count(text, []byte("\n")), rep.Paragraphs)
		}
	})
}

// zipOf returns a ZIP archive of empty files with the given names, but for
// a mimetype, which says spreadsheet.
func zipOf(t *testing.T, names ...string) string {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, err := zw.Create(n)
		require.NoError(t, err)
		if n == "mimetype" {
			io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
		}
	}
	require.NoError(t, zw.Close())
	return b.String()
}

func TestOffice(t *testing.T) {
	for _, tt := range []struct{ file, format string }{
		{"docx/testdata/sample.docx", DOCX},
		{"odt/testdata/sample.odt", ODT},
	} {
		data, err := os.ReadFile(tt.file)
		require.NoError(t, err)
		text, rep, err := read(t, data, Options{Name: tt.file})
		require.NoError(t, err)
		assert.Equal(t, tt.format, rep.Format)
		assert.Equal(t, strings.Count(text, "\n"), rep.Paragraphs)
		assert.Positive(t, rep.Paragraphs)

		// A damaged file names the file and the reason.
		_, _, err = read(t, data[:len(data)/2], Options{Name: tt.file})
		assert.EqualError(t, err, tt.file+": corrupt file: a damaged ZIP archive: zip: not a valid zip file")
	}
}

// TestHTMLStructure reads pages whose classes say nothing, as a template
// whose words boilerplateClass does not know: what is around the one
// article, ad slots and tag lines still go.
func TestHTMLStructure(t *testing.T) {
	long := strings.Repeat("This sentence is part of a long article text. ", 8)
	cookie := `<div><span>This site uses cookies to improve our services. Click OK to continue.</span> <a href="#" onclick="x()">OK</a></div>`
	comments := `<div><h3>2 comments</h3><ol><li><cite>Kate</cite><p>Does anyone know where the full report can be found?</p></li><li><cite>Dave</cite><p>This is exactly why local reporting matters, I think.</p></li></ol></div>`
	tests := []struct {
		name, body string
		want       []string
	}{
		{"what is around the article", cookie + "<article><h1>Headline of the story</h1><p>" + long + "</p></article>" + comments,
			[]string{"Headline of the story", oneLine(long)}},
		{"an ad slot that an ad network fills", `<article><p>` + long + `</p><div><span>ADVERTISEMENT</span><ins data-ad-slot="1"></ins></div><p>` + long + `</p></article>`,
			[]string{oneLine(long), oneLine(long)}},
		{"an ad slot that a script fills", `<article><p>` + long + `</p><div><span>Reklamë</span><div style="min-height:250px"></div><script>show("ad-1")</script></div><p>` + long + `</p></article>`,
			[]string{oneLine(long), oneLine(long)}},
		{"a label and its links", `<article><p>` + long + `</p><div>Tags: <a href="/t/a">Politics</a>, <a href="/t/b">News</a></div></article>`,
			[]string{oneLine(long)}},
		{"a sentence with links stays", `<article><p>` + long + `</p><p>See the <a href="/a">report</a> and the <a href="/b">reply</a> of the ministry.</p></article>`,
			[]string{oneLine(long), "See the report and the reply of the ministry."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _, err := read(t, []byte("<html><head><title>T</title></head><body>"+tt.body+"</body></html>"), Options{})
			require.NoError(t, err)
			assert.Equal(t, Join(tt.want), text)
		})
	}
}

func TestKeepArticle(t *testing.T) {
	tests := []struct {
		name, body string
		kept       string // the text of the body after keepArticle
	}{
		{"one article", "<p>menu</p><article>story<article>comment</article></article><p>footer</p>", "storycomment"},
		{"one main", "<p>menu</p><main>story</main><p>footer</p>", "story"},
		{"two articles", "<p>menu</p><article>one</article><article>two</article>", "menuonetwo"},
		{"none", "<p>menu</p><div>story</div>", "menustory"},
		{"an article that holds the headline", "<p>menu and more words of it</p><article><h1>title</h1>story</article>", "titlestory"},
		{"a teaser in a side column", "<h1>title</h1><div>the story, a long text of many words</div><article>teaser</article>", "titlethe story, a long text of many wordsteaser"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
		require.NoError(t, err)
		keepArticle(doc)
		assert.Equal(t, tt.kept, textOf(bodyOf(doc)), tt.name)
	}
}
