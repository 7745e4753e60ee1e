package format

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/testio"
)

var sample = []corpus.Pair{
	{Src: "Rama foli.", Tgt: "Rama spoke.", SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 0.9731, Doc: "rama"},
	{Src: "Titulli", SrcIDs: []int{1}, Score: 1, Doc: "rama"},
	{Src: "Po. Jo.", Tgt: "Yes, no.", SrcIDs: []int{2, 3}, TgtIDs: []int{1}, Score: 0.4, Doc: "rama"},
	{Src: "Rama foli.", Tgt: "Rama spoke.", SrcIDs: []int{4}, TgtIDs: []int{2}, Score: 0.8, Doc: "rama"},
}

func TestFromPath(t *testing.T) {
	tests := []struct {
		path, name string
		ok         bool
	}{

		{"dir/OUT.TSV", "tsv", true},
		{"out.tmx", "tmx", true},
		{"dir/OUT.TMX", "tmx", true},
		{"a.tsv", "tsv", true},
		{"a.jsonl", "jsonl", true},
		{"pred.ids", "ids", true},
		{"corpus.sq", "", false},
		{"noext", "", false},
		{"-", "", false},
	}
	for _, tt := range tests {
		name, ok := FromPath(tt.path)
		assert.Equal(t, tt.ok, ok, tt.path)
		assert.Equal(t, tt.name, name, tt.path)
	}
}

func TestUnknownFormat(t *testing.T) {
	_, err := NewWriter("docx", io.Discard, Options{})
	assert.ErrorContains(t, err, `unknown format "docx" (want one of `)
	_, err = Create("docx", filepath.Join(t.TempDir(), "x"), Options{})
	assert.Error(t, err)
	_, err = Open("docx", "x", Options{})
	assert.Error(t, err)
}

func TestWriterFilters(t *testing.T) {
	tests := []struct {
		format  string
		opt     Options
		kept    int
		dropped corpus.Dropped
	}{
		{"tsv", Options{}, 3, corpus.Dropped{Unaligned: 1}},
		{"tsv", Options{KeepUnaligned: true}, 4, corpus.Dropped{}},
		{"tsv", Options{MinScore: 0.5, Dedupe: true}, 1, corpus.Dropped{Unaligned: 1, BelowScore: 1, Duplicates: 1}},
		{"jsonl", Options{}, 4, corpus.Dropped{}},
		{"jsonl", Options{MinScore: 0.5}, 3, corpus.Dropped{BelowScore: 1}},
		{"ids", Options{}, 4, corpus.Dropped{}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			w, err := NewWriter(tt.format, &b, tt.opt)
			require.NoError(t, err)
			for _, p := range sample {
				require.NoError(t, w.Write(p))
			}
			require.NoError(t, w.Close())
			assert.Equal(t, tt.dropped, w.Dropped())

			r, err := NewReader(tt.format, &b, tt.opt)
			require.NoError(t, err)
			assert.Len(t, readAll(t, r), tt.kept)
		})
	}
}

func TestCreateCommit(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{"three columns", Options{Header: true}, "sq\ten\tscore\n" +
			"Rama foli.\tRama spoke.\t0.9731\n" +
			"Po. Jo.\tYes, no.\t0.4\n" +
			"Rama foli.\tRama spoke.\t0.8\n"},
		{"link, document and status", Options{Header: true, TSVMeta: true}, "sq\ten\tscore\tlink\tdocument\tstatus\n" +
			"Rama foli.\tRama spoke.\t0.9731\t1-1\trama\t\n" +
			"Po. Jo.\tYes, no.\t0.4\t2-1\trama\t\n" +
			"Rama foli.\tRama spoke.\t0.8\t1-1\trama\t\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.tsv")
			w, err := Create("tsv", path, tt.opt)
			require.NoError(t, err)
			defer w.Close()
			for _, p := range sample {
				require.NoError(t, w.Write(p))
			}
			require.NoError(t, w.Commit())
			assert.Equal(t, []string{path}, w.Names())
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))

			r, err := Open("tsv", path, Options{})
			require.NoError(t, err)
			defer r.Close()
			assert.Len(t, readAll(t, r), 3)
			src, tgt := r.Langs()
			assert.Equal(t, []string{"sq", "en"}, []string{src, tgt}, "languages from the header")
		})
	}
}

// A run that fails half way leaves neither the output nor a temporary file.
func TestCreateFailedRunLeavesNoFile(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			w, err := Create(name, filepath.Join(dir, "out."+name), Options{})
			require.NoError(t, err)
			require.NoError(t, w.Write(sample[0]))
			w.Flush()
			func() error {
				defer w.Close()
				return errors.New("the aligner failed")
			}()
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, entries)
		})
	}
}

func readAll(t *testing.T, r Reader) []corpus.Pair {
	t.Helper()
	pairs, err := corpus.ReadAll(r.Read)
	require.NoError(t, err)
	return pairs
}

func TestMosesFiles(t *testing.T) {
	dir := t.TempDir()
	_, err := NewWriter("moses", io.Discard, Options{})
	assert.ErrorIs(t, err, ErrTwoFiles)
	_, err = Create("moses", "-", Options{})
	assert.ErrorIs(t, err, ErrTwoFiles)

	for _, path := range []string{"corpus", "corpus.sq-AL", "corpus.en-GB"} {
		opt := Options{SrcLang: "sq-AL", TgtLang: "en-GB"}
		w, err := Create("moses", filepath.Join(dir, path), opt)
		require.NoError(t, err)
		for _, p := range sample {
			require.NoError(t, w.Write(p))
		}
		require.NoError(t, w.Commit())
		require.NoError(t, w.Close())
		assert.Equal(t, []string{filepath.Join(dir, "corpus.sq-AL"), filepath.Join(dir, "corpus.en-GB")}, w.Names())

		r, err := Open("moses", filepath.Join(dir, path), opt)
		require.NoError(t, err)
		ps := readAll(t, r)
		require.NoError(t, r.Close())
		require.Len(t, ps, 3)
		assert.Equal(t, corpus.Pair{Src: "Po. Jo.", Tgt: "Yes, no.", Unscored: true}, ps[1])
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2)
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name, path, want, err string
	}{
		{"tmx", "out.tsv", "tmx", ""},
		{"", "out.TMX", "tmx", ""},
		{"", "corpus.sq", "", `cannot tell the format of "corpus.sq" from its extension`},
		{"", "-", "", "cannot tell the format"},
	}
	for _, tt := range tests {
		got, err := Resolve(tt.name, tt.path)
		if out, oerr := ResolveOutput(tt.name, tt.path); tt.path == "-" {
			require.NoError(t, oerr)
			assert.Equal(t, "tsv", out, "TSV on the standard output")
		} else {
			assert.Equal(t, got, out)
			assert.Equal(t, err, oerr)
		}
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err, tt.path)
			assert.ErrorIs(t, err, ErrNoFormat)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
	}
}

func TestWritePairs(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path string
		opt        Options
		stdout     string // what the standard output gets
		file       string // what path gets
		st         Stats
	}{
		{"", "", Options{}, "Rama foli.\tRama spoke.\t0.9731\nPo. Jo.\tYes, no.\t0.4\nRama foli.\tRama spoke.\t0.8\n", "",
			Stats{Read: 4, Written: 3, Dropped: corpus.Dropped{Unaligned: 1}, SrcLang: "sq", TgtLang: "en", Files: []string{"-"}}},
		{"ids", "-", Options{MinScore: 0.5}, "[0]:[0]:0.9731\n[1]:[]:1\n[4]:[2]:0.8\n", "",
			Stats{Read: 4, Written: 3, Dropped: corpus.Dropped{BelowScore: 1}, SrcLang: "sq", TgtLang: "en", Files: []string{"-"}}},
		{"", filepath.Join(dir, "out.ids"), Options{Dedupe: true, SrcLang: "sq-AL"}, "", "[0]:[0]:0.9731\n[1]:[]:1\n[2, 3]:[1]:0.4\n",
			Stats{Read: 4, Written: 3, Dropped: corpus.Dropped{Duplicates: 1}, SrcLang: "sq-AL", TgtLang: "en", Files: []string{filepath.Join(dir, "out.ids")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+filepath.Base(tt.path), func(t *testing.T) {
			var out bytes.Buffer
			tt.opt.Stdout = &out
			st, err := WritePairs(tt.name, tt.path, sample, tt.opt)
			require.NoError(t, err)
			assert.Equal(t, tt.st, st)
			assert.Equal(t, tt.stdout, out.String())
			if tt.file != "" {
				got, err := os.ReadFile(tt.path)
				require.NoError(t, err)
				assert.Equal(t, tt.file, string(got))
			}
		})
	}
}

func TestWritePairsErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path, err string
	}{
		{"", filepath.Join(dir, "out.docx"), "cannot tell the format"},
		{"docx", filepath.Join(dir, "out.tsv"), `unknown format "docx"`},
		{"moses", "-", "moses is a pair of files"},
		{"tsv", filepath.Join(dir, "no", "such", "out.tsv"), "no such file or directory"},
	}
	for _, tt := range tests {
		_, err := WritePairs(tt.name, tt.path, sample, Options{Stdout: io.Discard})
		assert.ErrorContains(t, err, tt.err, tt.path)
	}
	for _, min := range []float64{math.NaN(), -0.5, 1.5} {
		_, err := WritePairs("tsv", filepath.Join(dir, "out.tsv"), sample, Options{MinScore: min})
		assert.ErrorContains(t, err, "want a score from 0 to 1")
		_, err = NewWriter("tsv", io.Discard, Options{MinScore: min})
		assert.ErrorContains(t, err, "want a score from 0 to 1")
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing written on error")
}

// TestReadLongLine: the line formats hold a line up to corpus.MaxLine
// bytes and name the line that is longer, instead of failing with
// bufio.ErrTooLong or holding it all.
func TestReadLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MB lines")
	}
	tests := []struct {
		name, first, want string
	}{
		{"tsv", "a\tb\t1\n", "tsv: line 2: longer than"},
		{"jsonl", `{"src":"a","tgt":"b"}` + "\n", "jsonl: line 2: longer than"},
		{"ids", "[0]:[0]\n", "ids: line 2: longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(tt.name, io.MultiReader(strings.NewReader(tt.first), testio.Repeat([]byte("x"), corpus.MaxLine+1)), Options{})
			require.NoError(t, err)
			_, err = r.Read()
			require.NoError(t, err)
			_, err = r.Read()
			assert.ErrorIs(t, err, corpus.ErrLineTooLong)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

// TestParseErrors: whatever the format, malformed input is a
// *corpus.ParseError that names the format and the line, so that a command
// can say which file went wrong, read as what, and where.
func TestParseErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		files map[string]string // file name under dir: contents
		path  string
		line  int
		want  string
	}{
		{"tmx", map[string]string{"a.tmx": "<tmx version=\"1.4\"><header/>\n<body><tu></body></tmx>"}, "a.tmx", 2, "tmx: line 2, column 18: element <tu> closed by </body>"},
		{"tsv", map[string]string{"a.tsv": "Po\tYes\t1\nPo\n"}, "a.tsv", 2, "tsv: line 2: wrong number of fields: 1, want source<TAB>target[<TAB>score[<TAB>link[<TAB>document[<TAB>status]]]]"},
		{"jsonl", map[string]string{"a.jsonl": "{}\n\n{\n"}, "a.jsonl", 3, "jsonl: line 3: not valid JSON: unexpected end of JSON input"},
		{"ids", map[string]string{"a.ids": "[0]:[0]\n[1]\n"}, "a.ids", 2, `ids: line 2: want ":" between the source and target ids`},
		{"moses", map[string]string{"c.sq": "Po\nJo\n", "c.en": "Yes\nNo\xff\n"}, "c", 2, "moses: line 2: the target file: invalid UTF-8 at byte 2 of the line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, text := range tt.files {
				require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
			}
			r, err := Open(tt.name, filepath.Join(dir, tt.path), Options{})
			require.NoError(t, err)
			defer r.Close()
			for err == nil {
				_, err = r.Read()
			}
			var pe *corpus.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.name, pe.Format)
			assert.Equal(t, tt.line, pe.Line)
			assert.EqualError(t, err, tt.want)
		})
	}
}

// TestBadDocumentName: a document name with a control character, or one
// that is not UTF-8 (a file name), is warned of once however many pairs
// carry it, and quoted, so that no raw byte reaches the terminal.
func TestBadDocumentName(t *testing.T) {
	for _, name := range []string{"tmx", "tsv", "jsonl"} {
		for _, doc := range []string{"sq\xff", "sq\x1b"} {
			t.Run(fmt.Sprintf("%s/%q", name, doc), func(t *testing.T) {
				var warnings []string
				opt := Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }, TSVMeta: true}
				var pairs []corpus.Pair
				for i := range 50 {
					pairs = append(pairs, corpus.Pair{Src: "Po.", Tgt: "Yes.", SrcIDs: []int{i}, TgtIDs: []int{i}, Score: 1, Doc: doc})
				}
				_, err := WritePairs(name, filepath.Join(t.TempDir(), "out."+name), pairs, opt)
				require.NoError(t, err)
				if name != "tmx" && doc == "sq\xff" {
					assert.Empty(t, warnings, "the format carries the byte or replaces it")
					return
				}
				require.Len(t, warnings, 1, "one warning for the document, not one a pair")
				assert.Contains(t, warnings[0], fmt.Sprintf("%q", doc))
				assert.NotContains(t, warnings[0], doc[2:], "no raw byte")
			})
		}
	}
}

// TestControlCharacters: no format writes ESC, BEL or another control
// character raw; each pair that lost some is named in a warning.
func TestControlCharacters(t *testing.T) {
	p := corpus.Pair{Src: "Po\x1b]0;owned\a.", Tgt: "Yes\x1b[2J.\vNo.", SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 0.9, Doc: "d\x07"}
	for _, name := range []string{"tmx", "tsv", "jsonl", "moses"} {
		t.Run(name, func(t *testing.T) {
			var warnings []string
			opt := Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }, TSVMeta: true}
			path := filepath.Join(t.TempDir(), "out."+name)
			_, err := WritePairs(name, path, []corpus.Pair{{Src: "a", Tgt: "b", Score: 1}, p}, opt)
			require.NoError(t, err)
			files, err := Files(name, path, opt)
			require.NoError(t, err)
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				for _, c := range "\x1b\a\v" {
					assert.NotContains(t, string(data), string(c), "%s holds %U", f, c)
				}
				assert.NotContains(t, string(data), `\u001b`, "nor escaped for a program to decode")
			}
			require.NotEmpty(t, warnings)
			assert.Equal(t, `pair 2 of "d" (sentences [0]:[0]), source: removed 2 control characters: U+001B U+0007`, warnings[0])
			assert.Contains(t, warnings, `pair 2 of "d" (sentences [0]:[0]), target: removed 1 control character: U+001B`)
			got, err := ReadPairs(name, path, opt)
			require.NoError(t, err)
			require.Len(t, got, 2)
			assert.Equal(t, "Po]0;owned.", got[1].Src)
			assert.Contains(t, got[1].Tgt, "Yes[2J. No.")
		})
	}
}
