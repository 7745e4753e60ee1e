package main

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/iostreams"
)

// ConvertOptions are what paralel convert is asked to do.
type ConvertOptions struct {
	IO *iostreams.IOStreams

	In, Out      string // the files; "-" for the standard input or output
	From, Format string // their formats; empty for their extensions'
	Export       format.Options
}

// NewCmdConvert makes paralel convert; runF, when not nil, is called in
// place of runConvert.
func NewCmdConvert(f *Factory, runF func(context.Context, *ConvertOptions) error) *cobra.Command {
	opts := &ConvertOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "convert IN OUT",
		Short: "Convert aligned pairs between TMX, TSV, Moses and JSON lines",
		Long: `convert reads aligned pairs from IN and writes them to OUT. The formats
come from the file extensions, or from --from and -f (--format) where the
extension does not say (Moses files, standard input and output as "-"). OUT
is written to a temporary file and renamed when complete.

Formats:
` + format.Describe() + `
A Moses corpus is named by its common prefix: "corpus" stands for corpus.sq
and corpus.en (the languages of --src-lang and --tgt-lang).

1-0 and 0-1 links are left out of TMX, TSV and Moses unless --keep-unaligned.
From a multilingual TMX, --src-lang and --tgt-lang choose the two languages
(en matches en-GB and EN-US); the output keeps the input's language codes
unless they are given. --to is another name of --format.`,
		Example: `  # A TMX for a CAT tool from TSV (with a header row naming the languages)
  paralel convert rama.tsv rama.tmx

  # Albanian and British English from a multilingual translation memory
  paralel convert --src-lang sq --tgt-lang en-GB memory.tmx pairs.tsv

  # A Moses corpus (train.sq, train.en) of the confident, distinct pairs
  paralel convert -f moses --min-score 0.8 --dedupe rama.tmx train

  # JSON lines to standard output
  paralel convert -f jsonl rama.tmx -`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.In, opts.Out = args[0], args[1]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runConvert(cmd.Context(), opts)
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&opts.From, "from", "", "format of IN: "+strings.Join(format.Names(), ", ")+" (default: from the extension)")
	_ = cmd.RegisterFlagCompletionFunc("from", cobra.FixedCompletions(format.Names(), cobra.ShellCompDirectiveNoFileComp))
	addFormatFlag(cmd, &opts.Format, "", "`format` of OUT (default: from the extension)", format.Names())
	aliasFlag(cmd, "to", "format")
	addLangFlags(cmd, &opts.Export.SrcLang, &opts.Export.TgtLang, "the source side", "the target side", true)
	addExportFlags(cmd, &opts.Export, opts.IO.ErrOut)
	return cmd
}

func runConvert(ctx context.Context, opts *ConvertOptions) error {
	ios := opts.IO
	inName, err := format.Resolve(opts.From, opts.In)
	if err != nil {
		return withFlag(err, "--from")
	}
	outName, err := format.Resolve(opts.Format, opts.Out)
	if err != nil {
		return withFlag(err, "-f")
	}
	exp := opts.Export
	exp.Stdin, exp.Stdout = ios.In, ios.Out
	if exp.Inputs, err = format.Files(inName, opts.In, exp); err != nil {
		return err
	}
	st, err := format.Convert(ctx, inName, opts.In, outName, opts.Out, exp)
	if err != nil {
		return err
	}
	if opts.Out != "-" {
		note(ios.ErrOut, "wrote %d of %d pairs (%s/%s) to %s", st.Written, st.Read, st.SrcLang, st.TgtLang, strings.Join(st.Files, " and "))
	}
	if s := st.Dropped.String(); s != "" {
		note(ios.ErrOut, "%s", s)
	}
	if st.Skipped > 0 {
		note(ios.ErrOut, "skipped %d translation units without both languages", st.Skipped)
	}
	return nil
}
