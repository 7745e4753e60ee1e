package input

import (
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/testio"
)

func TestDumpName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"sq.html", "sq.html.txt"},
		{"docs/a/sq.pdf", "docs_a_sq.pdf.txt"},
		{"../shared/eval/formats-dev/html/000-bbc.381790/en.html", "shared_eval_formats-dev_html_000-bbc.381790_en.html.txt"},
		{"/tmp/x/en.srt", "tmp_x_en.srt.txt"},
		{"https://example.com/news/article?id=7&lang=sq", "example.com_news_article_id_7_lang_sq.txt"},
		{"stdin", "stdin.txt"},
		{"artikull i ri (shqip).docx", "artikull_i_ri__shqip_.docx.txt"},
		{".hidden", "hidden.txt"},
		{"..", "input.txt"},
		{strings.Repeat("ë", 150) + ".txt", strings.Repeat("ë", 98) + ".txt.txt"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DumpName(tt.name), tt.name)
	}
}

// TestDumpText: with DumpDir, the text of each document read is written
// to its file, exactly as the splitter read it, so that sentence offsets
// refer to it.
func TestDumpText(t *testing.T) {
	for _, file := range []string{"en.html", "en.srt", "en-utf16le.txt", "en-wrapped.txt", "page.txt"} {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join(fixtures, file)
			text, err := Open(path, Options{Lang: "en"})
			require.NoError(t, err)
			want, err := io.ReadAll(text)
			require.NoError(t, err)
			text.Close()

			dir := filepath.Join(t.TempDir(), "dump")
			doc, _, err := ReadFile(path, Options{Lang: "en", DumpDir: dir})
			require.NoError(t, err)
			files := testio.Files(t, dir)
			require.Equal(t, []string{DumpName(path)}, slices.Collect(maps.Keys(files)))
			got := files[DumpName(path)]
			assert.Equal(t, string(want), got)
			require.NotEmpty(t, doc.Sentences)
			for _, s := range doc.Sentences {
				// The text is the span, its space made one.
				assert.Equal(t, s.Text, strings.Join(strings.Fields(got[s.Start:s.End]), " "))
			}
		})
	}
}

// TestDumpPage: the text of a page holding two languages is dumped whole.
func TestDumpPage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(fixtures, "page.txt")
	page, err := ReadPage(path, Options{DumpDir: dir}, "sq", "en")
	require.NoError(t, err)
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	got := testio.Files(t, dir)[DumpName(path)]
	assert.Equal(t, string(want), got)
	for _, s := range page.Src.Sentences {
		assert.Equal(t, s.Text, strings.Join(strings.Fields(got[s.Start:s.End]), " "))
	}
}

// TestDumpBadInput: an input that cannot be read leaves no dump, nor a
// temporary file; a text opened and closed without Commit neither.
func TestDumpBadInput(t *testing.T) {
	in := t.TempDir()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	}))
	defer srv.Close()
	for _, path := range []string{
		testio.WriteFile(t, in, "bad.txt", strings.Repeat("Mirë.\n", 20000)+"\xff\n"),
		testio.WriteFile(t, in, "menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"),
		testio.WriteFile(t, in, "scan.png", "\x89PNG\r\n\x1a\n"),
		srv.URL + "/gone",
		filepath.Join(in, "missing.txt"),
	} {
		dir := t.TempDir()
		_, _, err := ReadFile(path, Options{Lang: "sq", DumpDir: dir, Client: srv.Client()})
		require.Error(t, err, path)
		assert.Empty(t, testio.Files(t, dir), path)
	}

	dir := t.TempDir()
	text, err := Open(filepath.Join(fixtures, "en.html"), Options{DumpDir: dir})
	require.NoError(t, err)
	_, err = io.ReadAll(text)
	require.NoError(t, err)
	require.NoError(t, text.Close())
	assert.Empty(t, testio.Files(t, dir), "closed without Commit")

	// A folder that cannot be made is an error naming the input.
	_, _, err = ReadFile(filepath.Join(fixtures, "en.html"), Options{DumpDir: testio.WriteFile(t, in, "not-a-folder", "")})
	assert.ErrorContains(t, err, "en.html: writing its text: mkdir ")
}

// TestDumpCommitReadsTheRest: Commit writes the whole text, also when the
// reader stopped short of its end.
func TestDumpCommitReadsTheRest(t *testing.T) {
	dir := t.TempDir()
	text, err := NewText(strings.NewReader("Po.\nJo.\n"), Options{Name: "x", DumpDir: dir})
	require.NoError(t, err)
	buf := make([]byte, 2)
	_, err = io.ReadFull(text, buf)
	require.NoError(t, err)
	require.NoError(t, text.Commit())
	require.NoError(t, text.Close())
	assert.Equal(t, map[string]string{"x.txt": "Po.\nJo.\n"}, testio.Files(t, dir))
}

// FuzzDumpName: any input's name gives one file name, short, in UTF-8,
// that cannot climb out of the folder or hide in it.
func FuzzDumpName(f *testing.F) {
	for _, s := range []string{"sq.html", "../a/./b", "https://x.al/a?b=c", "/", "\xff\xfe", strings.Repeat("ë", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := DumpName(name)
		if len(got) > 255 || !utf8.ValidString(got) || strings.ContainsAny(got, "/\\\x00") || strings.HasPrefix(got, ".") || !strings.HasSuffix(got, ".txt") || got == ".txt" {
			t.Fatalf("DumpName(%q) = %q", name, got)
		}
	})
}
