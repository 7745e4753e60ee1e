package main

import (
	"bufio"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/testio"
	"github.com/paralel/paralel/pipeline/input"
)

const formatFixtures = "../../testdata/formats"

// TestSplitDumpText: the offsets of split -f jsonl refer to the extracted
// text, which --dump-text writes and paralel extract shows.
func TestSplitDumpText(t *testing.T) {
	for _, file := range []string{"en.html", "en.srt", "en-utf16le.txt"} {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join(formatFixtures, file)
			dir := t.TempDir()
			out, _, err := runCmd(t, "split", "--lang", "en", "-f", "jsonl", "--dump-text", dir, path)
			require.NoError(t, err)
			extracted, _, err := runCmd(t, "extract", path)
			require.NoError(t, err)
			text := testio.Files(t, dir)[input.DumpName(path)]
			assert.Equal(t, extracted, text)

			sc := bufio.NewScanner(strings.NewReader(out))
			n := 0
			for sc.Scan() {
				var s struct {
					Text       string
					Start, End int
				}
				require.NoError(t, json.Unmarshal(sc.Bytes(), &s))
				require.LessOrEqual(t, s.End, len(text))
				assert.Equal(t, s.Text, strings.Join(strings.Fields(text[s.Start:s.End]), " "))
				n++
			}
			assert.GreaterOrEqual(t, n, 2)
		})
	}
}

// TestDumpText: align, review, batch and pair write the text of each
// input they read to --dump-text, one file named after it.
func TestDumpText(t *testing.T) {
	sq, en := filepath.Join(formatFixtures, "sq-windows1250.txt"), filepath.Join(formatFixtures, "en.html")
	page := filepath.Join(formatFixtures, "page.txt")
	both := []string{input.DumpName(sq), input.DumpName(en)}
	tests := []struct {
		name string
		args []string // DIR stands for the folder of the dumps
		want []string
	}{
		{"align", []string{"align", "--dump-text", "DIR", "-o", "OUT.tsv", sq, en}, both},
		{"align a page", []string{"align", "--dump-text", "DIR", "-o", "OUT.tsv", page}, []string{input.DumpName(page)}},
		{"batch", []string{"batch", "--dump-text", "DIR", "-o", "OUT.tsv", "LIST"}, both},
		{"batch --each", []string{"batch", "--each", "--dump-text", "DIR", "-o", "OUT.tsv", "LIST"}, both},
		{"split from stdin", []string{"split", "--lang", "en", "--dump-text", "DIR", "-"}, []string{"stdin.txt"}},
		{"pair", []string{"pair", "--dump-text", "DIR", "SQCOLL", "ENCOLL"}, nil},
		{"batch --pair", []string{"batch", "--pair", "--dump-text", "DIR", "-o", "OUT.tsv", "SQCOLL", "ENCOLL"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			dir := filepath.Join(tmp, "dump")
			list := filepath.Join(tmp, "docs.list")
			abs := func(p string) string {
				a, err := filepath.Abs(p)
				require.NoError(t, err)
				return a
			}
			require.NoError(t, os.WriteFile(list, []byte(abs(sq)+"\t"+abs(en)+"\trama\n"), 0o644))
			// Two collections of one document each, for pair: the page
			// and the paragraphs of the sample it holds.
			sqDir, enDir := filepath.Join(tmp, "sq"), filepath.Join(tmp, "en")
			rama, err := os.ReadFile(ramaSq)
			require.NoError(t, err)
			html, err := os.ReadFile(en)
			require.NoError(t, err)
			lines := strings.SplitAfter(string(rama), "\n")
			for path, data := range map[string]string{filepath.Join(sqDir, "rama.txt"): strings.Join(lines[:9], ""), filepath.Join(enDir, "rama.html"): string(html)} {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
			}
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				a = strings.Replace(a, "DIR", dir, 1)
				a = strings.Replace(a, "OUT", filepath.Join(tmp, "out"), 1)
				a = strings.Replace(a, "SQCOLL", sqDir, 1)
				a = strings.Replace(a, "ENCOLL", enDir, 1)
				args[i] = strings.Replace(a, "LIST", list, 1)
			}
			want := tt.want
			switch tt.name {
			case "batch", "batch --each":
				want = []string{input.DumpName(abs(sq)), input.DumpName(abs(en))}
			case "pair", "batch --pair":
				want = []string{input.DumpName(filepath.Join(sqDir, "rama.txt")), input.DumpName(filepath.Join(enDir, "rama.html"))}
			}
			_, _, err = runIn(t, strings.NewReader("Po.\nJo.\n"), args...)
			require.NoError(t, err)
			files := testio.Files(t, dir)
			names := make([]string, 0, len(files))
			for name, text := range files {
				names = append(names, name)
				assert.NotContains(t, text, "<", "%s: markup in the text", name)
				assert.NotEmpty(t, text)
			}
			assert.ElementsMatch(t, want, names)
		})
	}
}

// TestReviewDumpText: review reads its sides, or its page, through the
// same options.
func TestReviewDumpText(t *testing.T) {
	sq, en := filepath.Join(formatFixtures, "sq-windows1250.txt"), filepath.Join(formatFixtures, "en.html")
	dir := t.TempDir()
	opts, err := parse(t, NewCmdReview, "--dump-text", dir, sq, en)
	require.NoError(t, err)
	_, _, err = reviewInputs(opts)
	require.NoError(t, err)
	assert.Equal(t, []string{input.DumpName(en), input.DumpName(sq)}, slices.Sorted(maps.Keys(testio.Files(t, dir))))
}

// TestDumpTextBadInput: an input that cannot be read is an error naming
// it, and leaves no dump of itself.
func TestDumpTextBadInput(t *testing.T) {
	tmp := t.TempDir()
	png := filepath.Join(tmp, "scan.png")
	require.NoError(t, os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n"), 0o644))
	dir := filepath.Join(tmp, "dump")
	_, _, err := runCmd(t, "align", "--dump-text", dir, "-o", filepath.Join(tmp, "out.tsv"), filepath.Join(formatFixtures, "sq-windows1250.txt"), png)
	assert.ErrorContains(t, err, "scan.png: unsupported format: a PNG image")
	assert.NotContains(t, testio.Files(t, dir), input.DumpName(png))
	assert.NoFileExists(t, filepath.Join(tmp, "out.tsv"))

	_, _, err = runCmd(t, "split", "--lang", "sq", "--dump-text", png, filepath.Join(formatFixtures, "sq-windows1250.txt"))
	assert.ErrorContains(t, err, "sq-windows1250.txt: writing its text: mkdir "+png)
}
