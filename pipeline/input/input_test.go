package input

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/internal/testio"
	"github.com/paralel/paralel/segment"
)

const fixtures = "../../testdata/formats"

// sentences returns the texts of the sentences of the sample's first n
// paragraphs in lang, as the splitter reads the plain text.
func sentences(t *testing.T, lang string, n int) []string {
	t.Helper()
	doc, err := segment.ReadFile("../../testdata/rama/"+lang+".txt", corpus.ReadOptions{Lang: lang})
	require.NoError(t, err)
	var out []string
	for _, s := range doc.Sentences {
		if s.Para < n {
			out = append(out, s.Text)
		}
	}
	return out
}

func texts(doc *corpus.Document) []string {
	out := make([]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		out[i] = s.Text
	}
	return out
}

func TestReadFile(t *testing.T) {
	tests := []struct {
		file, lang string
		paras      int // of the sample
		format     string
		wrapped    bool
	}{
		{"sq-windows1250.txt", "sq", 2, "text", false},
		{"en-utf16le.txt", "en", 2, "text", false},
		{"en-wrapped.txt", "en", 2, "text", true},
		{"en.html", "en", 4, "html", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, rep, err := ReadFile(filepath.Join(fixtures, tt.file), Options{Lang: tt.lang})
			require.NoError(t, err)
			assert.Equal(t, tt.format, rep.Format)
			assert.Equal(t, tt.wrapped, rep.Wrapped)
			got := texts(doc)
			if tt.format == "html" {
				got = got[1:] // the headline
			}
			assert.Equal(t, sentences(t, tt.lang, tt.paras), got)
			assert.Equal(t, doc.Sentences[len(doc.Sentences)-1].Para+1, rep.Paragraphs)
		})
	}
}

func TestSubtitlesRunTogether(t *testing.T) {
	doc, rep, err := ReadFile(filepath.Join(fixtures, "en.srt"), Options{Lang: "en"})
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Paragraphs)
	assert.Equal(t, sentences(t, "en", 2), texts(doc))
}

func TestForcedMode(t *testing.T) {
	// --presplit: every line a segment, whatever the line lengths say.
	doc, rep, err := ReadFile(filepath.Join(fixtures, "en-wrapped.txt"), Options{Lang: "en", Mode: corpus.Presplit})
	require.NoError(t, err)
	assert.False(t, rep.Wrapped)
	data, err := os.ReadFile(filepath.Join(fixtures, "en-wrapped.txt"))
	require.NoError(t, err)
	lines := 0
	for l := range strings.Lines(string(data)) {
		if strings.TrimSpace(l) != "" {
			lines++
		}
	}
	assert.Len(t, doc.Sentences, lines)
}

func TestURL(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(fixtures, "en.html"))
	require.NoError(t, err)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/rama" {
			http.Error(w, "gone", http.StatusGone)
			return
		}
		w.Write(page)
	}))
	defer srv.Close()

	doc, rep, err := ReadFile(srv.URL+"/rama", Options{Lang: "en", Client: srv.Client()})
	require.NoError(t, err)
	assert.Equal(t, "html", rep.Format)
	assert.Equal(t, srv.URL+"/rama", rep.Name)
	assert.Equal(t, sentences(t, "en", 4), texts(doc)[1:])

	_, _, err = ReadFile(srv.URL+"/old", Options{Client: srv.Client()})
	assert.EqualError(t, err, srv.URL+"/old: the server answered 410 Gone")
}

func TestErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path, err string
	}{
		{testio.WriteFile(t, dir, "scan.png", "\x89PNG\r\n\x1a\n"), "scan.png: unsupported format: a PNG image"},
		{testio.WriteFile(t, dir, "menu.html", "<html><body><nav><a href='/'>Home</a> <a href='/b'>B</a></nav></body></html>"), "menu.html: html: no text found: no main text on the page"},
		{testio.WriteFile(t, dir, "bad.txt", "Mirë.\n\xff"), "bad.txt: invalid UTF-8 at byte 7"},
		{filepath.Join(dir, "missing.txt"), "missing.txt: no such file or directory"},
	}
	for _, tt := range tests {
		_, _, err := ReadFile(tt.path, Options{Lang: "sq"})
		require.Error(t, err)
		assert.True(t, strings.HasSuffix(err.Error(), tt.err), err.Error())
	}
}

func readAllFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}

// TestWarnings: the warnings of an input name it, and past MaxWarnings
// one line counts the others.
func TestWarnings(t *testing.T) {
	rep := func(n int) *extract.Report {
		r := &extract.Report{Name: "en.srt"}
		for i := range n {
			r.Warnings = append(r.Warnings, &corpus.ParseError{Format: "srt", Line: i + 1, Err: errors.New("cue timing not understood")})
		}
		return r
	}
	line := func(i int) string { return fmt.Sprintf("en.srt: srt: line %d: cue timing not understood", i) }
	for _, tt := range []struct {
		n    int
		want []string
	}{
		{0, nil},
		{1, []string{line(1)}},
		{3, []string{line(1), line(2), line(3)}},
		{4, []string{line(1), line(2), line(3), "en.srt: 1 more warning of reading it"}},
		{1000, []string{line(1), line(2), line(3), "en.srt: 997 more warnings of reading it"}},
	} {
		assert.Equal(t, tt.want, Warnings(rep(tt.n)), "%d warnings", tt.n)
	}
}
