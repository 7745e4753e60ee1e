package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/corpus/format"
)

func init() { commands = append(commands, newConvertCmd) }

func newConvertCmd() *cobra.Command {
	var (
		from, to string
		opt      format.Options
	)
	cmd := &cobra.Command{
		Use:   "convert IN OUT",
		Short: "Convert aligned pairs between TMX, TSV, Moses and JSON lines",
		Long: `convert reads aligned pairs from IN and writes them to OUT. The formats
come from the file extensions, or from --from and --to where the extension
does not say (Moses files, standard input and output as "-"). OUT is written
to a temporary file and renamed when complete.

Formats:
` + format.Describe() + `
A Moses corpus is named by its common prefix: "corpus" stands for corpus.sq
and corpus.en (the languages of --src-lang and --tgt-lang).

1-0 and 0-1 links are left out of TMX, TSV and Moses unless --keep-unaligned.
From a multilingual TMX, --src-lang and --tgt-lang choose the two languages
(en matches en-GB and EN-US); the output keeps the input's language codes
unless they are given.`,
		Example: `  # A TMX for a CAT tool from TSV (with a header row naming the languages)
  paralel convert rama.tsv rama.tmx

  # Albanian and British English from a multilingual translation memory
  paralel convert --src-lang sq --tgt-lang en-GB memory.tmx pairs.tsv

  # A Moses corpus (train.sq, train.en) of the confident, distinct pairs
  paralel convert --to moses --min-score 0.8 --dedupe rama.tmx train

  # JSON lines to standard output
  paralel convert --to jsonl rama.tmx -`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, out := args[0], args[1]
			inName, err := format.Resolve(from, in)
			if err != nil {
				return withFlag(err, "--from")
			}
			outName, err := format.Resolve(to, out)
			if err != nil {
				return withFlag(err, "--to")
			}
			opt.Stdin, opt.Stdout = cmd.InOrStdin(), cmd.OutOrStdout()
			stderr := cmd.ErrOrStderr()
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			st, err := format.Convert(ctx, inName, in, outName, out, opt)
			if err != nil {
				return err
			}
			if out != "-" {
				fmt.Fprintf(stderr, "wrote %d of %d pairs (%s/%s) to %s\n", st.Written, st.Read, st.SrcLang, st.TgtLang, strings.Join(st.Files, " and "))
			}
			if s := st.Dropped.String(); s != "" {
				fmt.Fprintln(stderr, s)
			}
			if st.Skipped > 0 {
				fmt.Fprintf(stderr, "skipped %d translation units without both languages\n", st.Skipped)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&from, "from", "", "format of IN: "+strings.Join(format.Names(), ", ")+" (default: from the extension)")
	f.StringVarP(&to, "to", "f", "", "format of OUT (default: from the extension)")
	f.StringVar(&opt.SrcLang, "src-lang", "", "source language, BCP 47 (sq, sq-AL) (default: from the input, or sq)")
	f.StringVar(&opt.TgtLang, "tgt-lang", "", "target language, BCP 47 (en, en-GB) (default: from the input, or en)")
	f.BoolVar(&opt.KeepUnaligned, "keep-unaligned", false, "keep 1-0 and 0-1 links in TMX, TSV and Moses")
	exportOptions(cmd, &opt)
	return cmd
}

// exportOptions adds to cmd the flags of the filters and TSV columns that
// every command writing pairs shares, and sets what the formats need to
// know of the program: its version (for TMX) and where warnings go.
func exportOptions(cmd *cobra.Command, opt *format.Options) {
	f := cmd.Flags()
	f.Float64Var(&opt.MinScore, "min-score", 0, "leave out links scored below this, and say how many")
	f.BoolVar(&opt.Dedupe, "dedupe", false, "leave out repeated pairs")
	f.BoolVar(&opt.Header, "header", false, "TSV: start with a row naming the columns")
	f.BoolVar(&opt.TSVMeta, "tsv-meta", false, "TSV: add the link type (2-1) and document columns after the score")
	opt.ToolVersion = version
	opt.Warn = func(err error) { fmt.Fprintln(cmd.ErrOrStderr(), "paralel: warning:", err) }
}

// withFlag adds to an error of format.Resolve the flag that names the
// format instead.
func withFlag(err error, flag string) error {
	if errors.Is(err, format.ErrNoFormat) {
		return fmt.Errorf("%w: give %s", err, flag)
	}
	return err
}
