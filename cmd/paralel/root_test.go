package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/testio"
)

// TestHelp: the help, the version and the shell completion work, and every
// command shows examples.
func TestHelp(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, "paralel align testdata/rama/sq.txt"},
		{[]string{"--version"}, version},
		{[]string{"completion", "bash"}, "bash completion"},
		{[]string{"completion", "zsh"}, "zsh completion"},
		{[]string{"completion", "fish"}, "fish completion"},
		{[]string{"completion", "powershell"}, "powershell completion"},
		{[]string{"__complete", "al"}, "align"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, _, err := runCmd(t, tt.args...)
			require.NoError(t, err)
			assert.Contains(t, stdout, tt.want)
		})
	}
	root := newRootCmd(testFactoryQuiet())
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Name() == "help" {
				continue // cobra's own
			}
			assert.NotEmpty(t, sub.Example, "paralel %s has no examples", sub.Name())
			walk(sub)
		}
	}
	walk(root)
}

// TestBadInput runs the commands on input that is not what they expect:
// each gives a clear message and exits non-zero, or warns and goes on, and
// none leaves a half-written output.
func TestBadInput(t *testing.T) {
	in := t.TempDir()
	sq, en := ramaSq, ramaEn
	raw, err := os.ReadFile(en)
	require.NoError(t, err)
	rawSq, err := os.ReadFile(sq)
	require.NoError(t, err)
	var (
		empty    = testio.WriteFile(t, in, "empty.txt", "")
		dir      = filepath.Join(in, "adir")
		missing  = filepath.Join(in, "missing.txt")
		latin1   = testio.WriteFile(t, in, "latin1.txt", "Shqip\xebria \xe7do dit\xeb.\n")
		badUTF8  = testio.WriteFile(t, in, "bad-utf8.txt", "Shqipëri\xff.\n")
		binary   = testio.WriteFile(t, in, "binary.dat", "\x7fELF\x02\x01\x00\x00text")
		bom      = testio.WriteFile(t, in, "bom.txt", "\uFEFFAi erdhi më 5 maj.\r\nAta ikën më 12 qershor.\r\n")
		crlf     = testio.WriteFile(t, in, "crlf.txt", "He came on 5 May.\r\nThey left on 12 June.\r\n")
		long     = testio.WriteFile(t, in, "long.txt", strings.Repeat("fjalë ", 50<<10/7)+"\n")
		short    = testio.WriteFile(t, in, "short.txt", strings.SplitN(string(raw), "\n", 2)[0]+"\n")
		badTSV   = testio.WriteFile(t, in, "bad.tsv", "Po\tYes\t1\nJo\xff\tNo\t1\n")
		oneField = testio.WriteFile(t, in, "one.tsv", "Po\tYes\t1\nonly one field\n")
		sqCopy   = testio.WriteFile(t, in, "copy.txt", string(rawSq))
		sqHalf   = testio.WriteFile(t, in, "half.txt", string(rawSq[:len(rawSq)/2]))
	)
	require.NoError(t, os.Mkdir(dir, 0o755))
	sqLink := filepath.Join(in, "link.txt")
	require.NoError(t, os.Symlink(sqCopy, sqLink))

	runBadInputs(t, []badInput{
		{"align: empty source", []string{"align", "-o", "OUT.tsv", empty, en}, "empty.txt: no text: a document needs both sides", ""},
		{"align: both empty", []string{"align", "-o", "OUT.tsv", empty, empty}, "empty.txt: no text: a document needs both sides", ""},
		{"align: missing file", []string{"align", "-o", "OUT.tsv", missing, en}, "missing.txt: no such file", ""},
		{"align: a directory", []string{"align", "-o", "OUT.tsv", dir, en}, "adir: is a directory", ""},
		{"align: invalid UTF-8", []string{"align", "-o", "OUT.tsv", sq, badUTF8}, "bad-utf8.txt: invalid UTF-8 at byte 9", ""},
		{"align: Latin-1 text", []string{"align", "-o", "OUT.tsv", latin1, en}, "", "latin1.txt: text, windows-1250, 1 paragraph"},
		{"align: binary data", []string{"align", "-o", "OUT.tsv", binary, en}, "binary.dat: binary data (NUL byte) at byte 6", ""},
		{"align: BOM and CRLF", []string{"align", "-o", "OUT.tsv", bom, crlf}, "", ""},
		{"align: swapped sides", []string{"align", "-o", "OUT.tsv", en, sq}, "the sides are swapped: the source (sq) reads as English and the target (en) as Albanian: give them the other way round, or --allow-swapped to align them as given", ""},
		{"align: swapped sides, allowed", []string{"align", "--allow-swapped", "-o", "OUT.tsv", en, sq}, "", "are the sides swapped?"},
		{"align: English to Albanian", []string{"align", "--src-lang", "en", "--tgt-lang", "sq", "-o", "OUT.tsv", en, sq}, "", ""},
		{"align: the same file twice", []string{"align", "-o", "OUT.tsv", sq, sq}, "sq.txt and " + sq + " are the same text: give a text and its translation", ""},
		{"align: a copy of the source", []string{"align", "-o", "OUT.tsv", sq, sqCopy}, "copy.txt are the same text", ""},
		{"align: the same language", []string{"align", "-o", "OUT.tsv", sq, sqHalf}, "", "both sides look Albanian"},
		{"align: output is the source", []string{"align", "-f", "tsv", "-o", sqCopy, sqCopy, en}, "copy.txt: the output is also an input: refusing to write over it", ""},
		{"align: output links to the source", []string{"align", "-f", "tsv", "-o", sqLink, sqCopy, en}, "link.txt: the output is the input " + sqCopy + ": refusing to write over it", ""},
		{"review: the same text", []string{"review", "-o", "OUT.tsv", sq, sqCopy}, "copy.txt are the same text", ""},
		{"review: swapped sides", []string{"review", "-o", "OUT.tsv", en, sq}, "the sides are swapped", ""},
		{"review: output is the source", []string{"review", "-f", "tsv", "-o", sqCopy, sqCopy, en}, "copy.txt: the output is also an input: refusing to write over it", ""},
		{"convert: output is the input", []string{"convert", "-f", "tsv", badTSV, badTSV}, "bad.tsv: the output is also an input", ""},
		{"align: a 50 KB line", []string{"align", "-o", "OUT.tsv", long, en}, "", "times as long as the source"},
		{"align: sizes 10:1", []string{"align", "-o", "OUT.tsv", sq, short}, "", "the texts may not cover the same content"},
		{"align: output is a directory", []string{"align", "-f", "tsv", "-o", dir, sq, en}, "adir: is a directory", ""},
		{"align: output in a missing folder", []string{"align", "-o", filepath.Join(missing, "out.tsv"), sq, en}, "no such file or directory", ""},
		{"align: minimum score not a number", []string{"align", "--min-score", "NaN", "-o", "OUT.tsv", sq, en}, "minimum score NaN: want a score from 0 to 1", ""},
		{"align: one text, not a page of two languages", []string{"align", sq}, "sq.txt: found no en paragraph on the page", ""},
		{"align: unknown extension", []string{"align", "-o", "OUT.foo", sq, en}, "cannot tell the format", ""},
		{"align: unknown format", []string{"align", "-f", "docx", sq, en}, `unknown format "docx"`, ""},
		{"align: moses to stdout", []string{"align", "-f", "moses", sq, en}, "moses is a pair of files", ""},
		{"review: threshold not a number", []string{"review", "--threshold", "NaN", "-o", "OUT.tmx", sq, en}, "--doubtful NaN: want a score in (0,1]", ""},
		{"review: doubtful over 1", []string{"review", "--doubtful", "2", "-o", "OUT.tsv", sq, en}, "--doubtful 2: want a score in (0,1]", ""},
		{"align: doubtful under 0", []string{"align", "--doubtful", "-0.1", "-o", "OUT.tsv", sq, en}, "--doubtful -0.1: want a score in (0,1]", ""},
		{"align: doubtful 0", []string{"align", "--doubtful", "0", "-o", "OUT.tsv", sq, en}, "--doubtful 0: want a score in (0,1]", ""},
		{"batch: doubtful not a number", []string{"batch", "--doubtful", "NaN", "-o", "OUT.tsv", batchList}, "--doubtful NaN: want a score in (0,1]", ""},
		{"review: missing input", []string{"review", "-o", "OUT.tsv", missing, en}, "missing.txt: no such file", ""},
		{"review: unknown output format", []string{"review", "-o", "OUT.xyz", sq, en}, "cannot tell the format", ""},
		{"review: a text, not a page of two languages", []string{"review", sq}, "sq.txt: found no en paragraph on the page", ""},
		{"review: three files", []string{"review", sq, en, sq}, "accepts between 1 and 2 arg(s)", ""},
		{"align: standard input for both sides", []string{"align", "-o", "OUT.tsv", "-", "-"}, "standard input (\"-\") given for both sides", ""},
		{"review: standard input for both sides", []string{"review", "-o", "OUT.tsv", "-", "-"}, "standard input (\"-\") given for both sides", ""},
		// The output is checked before the inputs are read, however long
		// reading them takes: here they are missing.
		{"pair: output is a directory", []string{"pair", "-o", dir, missing, missing}, "adir: is a directory", ""},
		{"pair: output in a missing folder", []string{"pair", "-o", filepath.Join(missing, "out.tsv"), missing, missing}, "out.tsv: no such file or directory", ""},
		{"lexicon: output is a directory", []string{"lexicon", "-o", dir, missing}, "adir: is a directory", ""},
		{"lexicon: output is the input", []string{"lexicon", "-o", sqCopy, sqCopy}, "copy.txt: the output is also an input", ""},
		{"split: binary data", []string{"split", "--lang", "sq", binary}, "binary data (NUL byte)", ""},
		{"split: a 50 KB line", []string{"split", "--lang", "sq", long}, "", ""},
		{"convert: empty input", []string{"convert", "--from", "tsv", empty, "OUT.tmx"}, "", "wrote 0 of 0 pairs"},
		{"convert: a directory", []string{"convert", "--from", "tsv", dir, "OUT.tmx"}, "adir: is a directory", ""},
		{"convert: invalid UTF-8", []string{"convert", badTSV, "OUT.tmx"}, "bad.tsv: tsv: line 2: invalid UTF-8 at byte 2 of the line", ""},
		{"convert: binary data", []string{"convert", "--from", "jsonl", binary, "OUT.tmx"}, "jsonl: line 1: binary data (NUL byte) at byte 6 of the line", ""},
		{"convert: text as TMX", []string{"convert", "--from", "tmx", sq, "OUT.tsv"}, "not a TMX document", ""},
		{"convert: a line with one field", []string{"convert", oneField, "OUT.tmx"}, "one.tsv: tsv: line 2: wrong number of fields: 1", ""},
		{"convert: minimum score over 1", []string{"convert", "--min-score", "2", oneField, "OUT.tmx"}, "minimum score 2: want a score from 0 to 1", ""},
		{"convert: output is a directory", []string{"convert", "--to", "tsv", badTSV, dir}, "adir: is a directory", ""},
		{"batch: no input", []string{"batch"}, "requires at least 1 arg", ""},
		{"batch: missing input", []string{"batch", "-o", "OUT.tsv", missing}, "missing.txt: no such file", ""},
		{"batch: unknown format", []string{"batch", "-o", "OUT.docx", batchList}, "cannot tell the format", ""},
		{"batch: output in a missing folder", []string{"batch", "-o", filepath.Join(missing, "out.tsv"), batchList}, "no such file", ""},
		{"batch: text as a list", []string{"batch", "-o", "OUT.tsv", sq}, "sq.txt is not a list file or a folder: list: line 1: wrong number of fields: 1", ""},
		{"pair: texts as lists", []string{"pair", "-o", "OUT.tsv", sq, en}, "sq.txt is not a list file or a folder: none of the", ""},
		{"batch: a folder without documents", []string{"batch", "-o", "OUT.tsv", dir}, "adir: no documents", ""},
		{"batch: --strict and a bad document", []string{"batch", "--strict", "-o", "OUT.tsv", testio.WriteFile(t, in, "bad.list", bom+"\t"+badUTF8+"\tbad\n")}, `"bad": ` + badUTF8 + ": invalid UTF-8", `failed: "bad": `},
		{"eval: a directory", []string{"eval", "--gold", dir, "--pred", empty}, "adir: is a directory", ""},
		{"eval: text as links", []string{"eval", "--gold", sq, "--pred", empty}, "sq.txt: ids: line 1: want [ to open the source ids", ""},
	})
	kept, err := os.ReadFile(sqCopy)
	require.NoError(t, err)
	assert.Equal(t, string(rawSq), string(kept), "an input named as the output is intact")
}

// A badInput is a run of paralel on input that is not what it expects.
type badInput struct {
	name    string
	args    []string // "OUT" stands for the output file
	err     string   // what the error says; empty for success
	warning string   // what stderr says
}

// runBadInputs runs each: it gives a clear message and exits non-zero, or
// warns and goes on, and leaves no half-written output.
func runBadInputs(t *testing.T, tests []badInput) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.Replace(a, "OUT", filepath.Join(out, "out"), 1)
			}
			_, stderr, err := runCmd(t, args...)
			if tt.err == "" {
				require.NoError(t, err)
			} else {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				assert.NotContains(t, err.Error(), "\n", "a one-line error")
			}
			assert.Contains(t, stderr, tt.warning)
			entries, err := os.ReadDir(out)
			require.NoError(t, err)
			for _, e := range entries {
				assert.False(t, strings.Contains(e.Name(), ".tmp-"), "a temporary file is left: %s", e.Name())
				assert.True(t, tt.err == "", "an output is left after an error: %s", e.Name())
			}
		})
	}
}
