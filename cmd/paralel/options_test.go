package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/pipeline/batch"
	"github.com/paralel/paralel/pipeline/evalset"
	"github.com/paralel/paralel/pipeline/input"
)

// parse runs the command newCmd makes on args with a runF that captures
// its options instead of doing the work, and returns them.
func parse[O any](t *testing.T, newCmd func(*Factory, func(context.Context, *O) error) *cobra.Command, args ...string) (*O, error) {
	t.Helper()
	f := testFactoryQuiet()
	var got *O
	cmd := newCmd(f, func(_ context.Context, o *O) error {
		got = o
		return nil
	})
	cmd.SetArgs(args)
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	if err := cmd.Execute(); err != nil {
		return nil, err
	}
	require.NotNil(t, got, "runF not called")
	return got, nil
}

// exportOf is the export options of the flags, with what addExportFlags
// sets beside them cleared, for comparing.
func exportOf(o format.Options) format.Options {
	o.Warn, o.ToolVersion = nil, ""
	return o
}

func TestParseAlign(t *testing.T) {
	tests := []struct {
		args []string
		want AlignOptions
	}{
		{[]string{"a/sq.txt", "a/en.txt"}, AlignOptions{Src: "a/sq.txt", Tgt: "a/en.txt", Doc: "a", Doubtful: corpus.DefaultDoubtful,
			Export: format.Options{SrcLang: "sq", TgtLang: "en"}}},
		{[]string{"--presplit", "-f", "ids", "-o", "x", "--doc", "D", "--src-lang", "de", "--tgt-lang", "fr-CH",
			"--keep-unaligned", "--min-score", "0.5", "--dedupe", "--header", "--tsv-meta", "--doubtful", "0.6", "s", "t"},
			AlignOptions{Src: "s", Tgt: "t", Input: input.Options{Mode: corpus.Presplit}, Format: "ids", Output: "x", Doc: "D", Doubtful: 0.6,
				Export: format.Options{SrcLang: "de", TgtLang: "fr-CH", KeepUnaligned: true, MinScore: 0.5, Dedupe: true, Header: true, TSVMeta: true}}},
		{[]string{"--wrapped", "--format", "tmx", "--output", "y.tmx", "doc.sq", "doc.en"}, AlignOptions{Src: "doc.sq", Tgt: "doc.en",
			Input: input.Options{Mode: corpus.Wrapped}, Format: "tmx", Output: "y.tmx", Doc: "doc", Doubtful: corpus.DefaultDoubtful, Export: format.Options{SrcLang: "sq", TgtLang: "en"}}},
		{[]string{"--input-format", "html", "--encoding", "windows-1250", "a.htm", "b.htm"}, AlignOptions{Src: "a.htm", Tgt: "b.htm",
			Input: input.Options{Format: "html", Encoding: "windows-1250"}, Doc: "a", Doubtful: corpus.DefaultDoubtful, Export: format.Options{SrcLang: "sq", TgtLang: "en"}}},
		{[]string{"--timeout", "5s", "--dump-text", "seen", "https://example.al/a", "b.htm"}, AlignOptions{Src: "https://example.al/a", Tgt: "b.htm",
			Input: input.Options{Timeout: 5 * time.Second, DumpDir: "seen"}, Doc: "a", Doubtful: corpus.DefaultDoubtful, Export: format.Options{SrcLang: "sq", TgtLang: "en"}}},
		// One page holding both languages: its links scored below
		// PageMinScore are left out unless --min-score says otherwise.
		{[]string{"page.html"}, AlignOptions{Src: "page.html", Doc: "page", Doubtful: corpus.DefaultDoubtful,
			Export: format.Options{SrcLang: "sq", TgtLang: "en", MinScore: input.PageMinScore}}},
		{[]string{"--min-score", "0", "page.html"}, AlignOptions{Src: "page.html", Doc: "page", Doubtful: corpus.DefaultDoubtful,
			Export: format.Options{SrcLang: "sq", TgtLang: "en"}}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := parse(t, NewCmdAlign, tt.args...)
			require.NoError(t, err)
			assert.NotNil(t, got.IO)
			got.IO, got.Export = nil, exportOf(got.Export)
			assert.Equal(t, tt.want, *got)
		})
	}
	for _, args := range [][]string{{"a", "b", "c"}, {"--presplit", "--wrapped", "a", "b"}, {"--min-score", "x", "a", "b"}} {
		_, err := parse(t, NewCmdAlign, args...)
		assert.Error(t, err, "%q", args)
	}
}

func TestParseBatch(t *testing.T) {
	got, err := parse(t, NewCmdBatch, "in/")
	require.NoError(t, err)
	assert.Equal(t, []string{"in/"}, got.Inputs)
	assert.Equal(t, "-", got.Output, "the standard output by default")
	assert.True(t, got.Export.TSVMeta, "the document column by default")
	assert.Equal(t, batch.Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}, Doubtful: corpus.DefaultDoubtful}, got.Batch)

	got, err = parse(t, NewCmdBatch, "--presplit", "--each", "--strict", "--tsv-meta=false", "-f", "moses",
		"-o", "train", "--src-lang", "sq-AL", "--min-score", "0.8", "--doubtful", "0.5", "a", "b.list")
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b.list"}, got.Inputs)
	assert.Equal(t, "moses", got.Format)
	assert.Equal(t, "train", got.Output)
	assert.Equal(t, format.Options{SrcLang: "sq-AL", TgtLang: "en", MinScore: 0.8}, exportOf(got.Export))
	assert.Equal(t, batch.Options{Align: align.Options{SrcLang: "sq-AL", TgtLang: "en"}, Mode: corpus.Presplit, Each: true, Strict: true, Doubtful: 0.5}, got.Batch)

	got, err = parse(t, NewCmdBatch, "--input-format", "html", "--encoding", "utf-8", "--timeout", "1m", "--dump-text", "seen", "a")
	require.NoError(t, err)
	assert.Equal(t, batch.Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}, Read: input.Options{Format: "html", Encoding: "utf-8", Timeout: time.Minute, DumpDir: "seen"}, Doubtful: corpus.DefaultDoubtful}, got.Batch)
}

func TestParseLexicon(t *testing.T) {
	got, err := parse(t, NewCmdLexicon, "--sample", "10", "--presplit", "--input-format", "docx", "--timeout", "2s", "--dump-text", "seen", "-o", "x.lex", "a")
	require.NoError(t, err)
	assert.Equal(t, []string{"a"}, got.Inputs)
	assert.Equal(t, 10, got.Sample)
	assert.Equal(t, "x.lex", got.Output)
	assert.Equal(t, batch.Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}, Mode: corpus.Presplit, Read: input.Options{Format: "docx", Timeout: 2 * time.Second, DumpDir: "seen"}}, got.Batch)
}

func TestParseConvert(t *testing.T) {
	help, _, err := runCmd(t, "convert", "--help")
	require.NoError(t, err)
	_, flags, ok := strings.Cut(help, "\nFlags:\n")
	require.True(t, ok)
	assert.Contains(t, flags, "-f, --format format")
	assert.NotContains(t, flags, "--to ", "--to is an old name, left out of the flags")

	for _, flag := range []string{"-f", "--format", "--to"} {
		t.Run(flag, func(t *testing.T) {
			got, err := parse(t, NewCmdConvert, "--from", "tsv", flag, "moses", "--tgt-lang", "en-GB", "--dedupe", "-", "train")
			require.NoError(t, err)
			assert.Equal(t, "-", got.In)
			assert.Equal(t, "train", got.Out)
			assert.Equal(t, "tsv", got.From)
			assert.Equal(t, "moses", got.Format)
			assert.Equal(t, format.Options{TgtLang: "en-GB", Dedupe: true}, exportOf(got.Export), "languages from the input unless given")
		})
	}
}

func TestParseSplit(t *testing.T) {
	got, err := parse(t, NewCmdSplit, "--lang", "sq")
	require.NoError(t, err)
	assert.Equal(t, SplitOptions{IO: got.IO, Input: "-", Read: input.Options{Lang: "sq"}, Format: "text"}, *got)
	got, err = parse(t, NewCmdSplit, "--lang", "en", "-f", "jsonl", "--presplit", "--encoding", "utf-16le", "in.txt")
	require.NoError(t, err)
	assert.Equal(t, SplitOptions{IO: got.IO, Input: "in.txt", Read: input.Options{Lang: "en", Mode: corpus.Presplit, Encoding: "utf-16le"}, Format: "jsonl"}, *got)
	_, err = parse(t, NewCmdSplit, "in.txt")
	assert.ErrorContains(t, err, `"lang" not set`)
}

func TestParseEval(t *testing.T) {
	got, err := parse(t, NewCmdEval, "--set", "s", "--write-pred", "p", "--each", "--per-doc", "--wrapped", "--src-lang", "de", "--tgt-lang", "fr")
	require.NoError(t, err)
	assert.Equal(t, "s", got.Set)
	assert.True(t, got.PerDoc)
	assert.Equal(t, evalset.Options{Align: align.Options{SrcLang: "de", TgtLang: "fr"}, Mode: corpus.Wrapped, Each: true, PredDir: "p"}, got.Eval)

	got, err = parse(t, NewCmdEval, "--gold", "g", "--pred", "p")
	require.NoError(t, err)
	assert.Equal(t, [2]string{"g", "p"}, [2]string{got.Gold, got.Pred})
	_, err = parse(t, NewCmdEval, "--gold", "g", "--set", "s", "--pred", "p")
	assert.Error(t, err)
}

func TestParseReview(t *testing.T) {
	got, err := parse(t, NewCmdReview, "a.sq", "a.en")
	require.NoError(t, err)
	assert.Equal(t, [3]string{"a.sq", "a.en", ""}, [3]string{got.Src, got.Tgt, got.Reopen})
	assert.Empty(t, got.Given)
	assert.Equal(t, corpus.DefaultDoubtful, got.Doubtful)
	for _, flag := range []string{"--doubtful", "--threshold"} {
		got, err = parse(t, NewCmdReview, flag, "0.25", "a.sq", "a.en")
		require.NoError(t, err)
		assert.Equal(t, 0.25, got.Doubtful, flag)
		assert.Equal(t, map[string]bool{"doubtful": true}, got.Given, flag)
	}

	got, err = parse(t, NewCmdReview, "--doc", "D", "--tsv-meta", "--min-score", "0.3", "--port", "8700", "-f", "tsv", "out.tsv")
	require.NoError(t, err)
	assert.Equal(t, "out.tsv", got.Reopen)
	assert.Equal(t, 8700, got.Port)
	assert.Equal(t, "tsv", got.Format)
	assert.Equal(t, map[string]bool{"doc": true, "tsv-meta": true, "min-score": true, "port": true, "format": true}, got.Given)
	assert.Equal(t, format.Options{SrcLang: "sq", TgtLang: "en", TSVMeta: true, MinScore: 0.3}, exportOf(got.Export))
}

// TestSharedFlags: a flag that several commands have has the same
// shorthand and type in each, and every command that writes pairs has the
// same format, language and export flags.
func TestSharedFlags(t *testing.T) {
	root := newRootCmd(testFactoryQuiet())
	first := map[string]*pflag.Flag{}
	for _, cmd := range root.Commands() {
		cmd.Flags().VisitAll(func(fl *pflag.Flag) {
			if f, ok := first[fl.Name]; ok {
				assert.Equal(t, f.Shorthand, fl.Shorthand, "paralel %s --%s", cmd.Name(), fl.Name)
				assert.Equal(t, f.Value.Type(), fl.Value.Type(), "paralel %s --%s", cmd.Name(), fl.Name)
			} else {
				first[fl.Name] = fl
			}
		})
	}
	for _, name := range []string{"align", "batch", "convert", "review"} {
		cmd, _, err := root.Find([]string{name})
		require.NoError(t, err)
		for _, flag := range append([]string{"format", "src-lang", "tgt-lang"}, exportFlags...) {
			assert.NotNil(t, cmd.Flags().Lookup(flag), "paralel %s --%s", name, flag)
		}
	}
	for _, name := range []string{"align", "batch", "review"} {
		cmd, _, err := root.Find([]string{name})
		require.NoError(t, err)
		fl := cmd.Flags().Lookup("doubtful")
		require.NotNil(t, fl, "paralel %s --doubtful", name)
		assert.Equal(t, "0.8", fl.DefValue, "paralel %s --doubtful", name)
	}
	assert.Equal(t, "f", first["format"].Shorthand)
	assert.Equal(t, "o", first["output"].Shorthand)
}
