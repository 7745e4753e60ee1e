package main

import (
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
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			st, err := format.Convert(ctx, inName, in, outName, out, opt)
			if err != nil {
				return err
			}
			if out != "-" {
				note(cmd, "wrote %d of %d pairs (%s/%s) to %s", st.Written, st.Read, st.SrcLang, st.TgtLang, strings.Join(st.Files, " and "))
			}
			if s := st.Dropped.String(); s != "" {
				note(cmd, "%s", s)
			}
			if st.Skipped > 0 {
				note(cmd, "skipped %d translation units without both languages", st.Skipped)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&from, "from", "", "format of IN: "+strings.Join(format.Names(), ", ")+" (default: from the extension)")
	f.StringVarP(&to, "to", "f", "", "format of OUT (default: from the extension)")
	f.StringVar(&opt.SrcLang, "src-lang", "", "source language, BCP 47 (sq, sq-AL) (default: from the input, or sq)")
	f.StringVar(&opt.TgtLang, "tgt-lang", "", "target language, BCP 47 (en, en-GB) (default: from the input, or en)")
	exportOptions(cmd, &opt)
	return cmd
}
