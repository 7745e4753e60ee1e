package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/progress"
	"github.com/paralel/paralel/internal/sidebyside"
	"github.com/paralel/paralel/segment"
)

func init() { commands = append(commands, newAlignCmd) }

func newAlignCmd() *cobra.Command {
	var (
		input              *inputFlags
		formatName, output string
		doc                string
		opt                format.Options
	)
	cmd := &cobra.Command{
		Use:   "align [flags] SRC TGT",
		Short: "Align the sentences of a text and its translation",
		Long: `align splits a text and its translation into sentences, links each sentence
to its translation (1-1, 1-2, 2-1, 2-2, ... and 1-0 or 0-1 for a sentence
left untranslated) and scores every link from 0 to 1.

Input is UTF-8 text with a paragraph a line (--wrapped: paragraphs separated
by blank lines), or with --presplit one segment a line, used as it is.

On a terminal, with no -f or -o, the links are shown side by side, doubtful
ones marked with "?". Otherwise they are written in the format of -f, or the
one the extension of -o says, TSV by default:
` + format.Describe() + `
Links with an empty side are left out of TSV, TMX and Moses unless
--keep-unaligned is given. Every link names its document (TMX x-document,
JSON lines doc, TSV with --tsv-meta): --doc, or by default the name of SRC
without its extension, or its folder's name when SRC is named after its
language (rama for testdata/rama/sq.txt), as paralel review does.`,
		Example: `  # Look at the alignment of the sample pair
  paralel align testdata/rama/sq.txt testdata/rama/en.txt

  # Write it as TSV (source, target, score), keeping the 1-0 and 0-1 links
  paralel align --keep-unaligned -o rama.tsv testdata/rama/sq.txt testdata/rama/en.txt

  # A translation memory for a CAT tool, of the links scored 0.5 or more
  paralel align --src-lang sq-AL --tgt-lang en-GB --min-score 0.5 -o rama.tmx testdata/rama/sq.txt testdata/rama/en.txt

  # Align pre-split segments and print the links as sentence ids
  paralel align --presplit -f ids sq.sent en.sent`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			mode, err := input.mode()
			if err != nil {
				return err
			}
			src, err := segment.ReadFile(args[0], corpus.ReadOptions{Lang: opt.SrcLang, Mode: mode})
			if err != nil {
				return err
			}
			tgt, err := segment.ReadFile(args[1], corpus.ReadOptions{Lang: opt.TgtLang, Mode: mode})
			if err != nil {
				return err
			}

			bar := progress.ForTerminal(os.Stderr, "aligning")
			links := align.Align(src.Sentences, tgt.Sentences, align.Options{
				// The aligner's language data is by language, not region; the
				// splitter sees to that itself.
				SrcLang: opt.SrcLang, TgtLang: opt.TgtLang, Progress: bar.Update,
			})
			bar.Finish()
			for _, w := range align.Check(src.Sentences, tgt.Sentences, links) {
				warn(cmd, w)
			}
			pairs := align.Pairs(src.Sentences, tgt.Sentences, links, true)
			if !cmd.Flags().Changed("doc") {
				doc = corpus.DocName(args[0], opt.SrcLang)
			}
			for i := range pairs {
				pairs[i].Doc = doc
			}

			if formatName == "" && (output == "" || output == "-") {
				if view, ok := sidebyside.ForTerminal(cmd.OutOrStdout()); ok {
					view.SrcLang, view.TgtLang = opt.SrcLang, opt.TgtLang
					for _, p := range pairs {
						view.Write(p)
					}
					view.Flush()
					return view.Error()
				}
			}
			opt.Stdout = cmd.OutOrStdout()
			st, err := format.WritePairs(formatName, output, pairs, opt)
			if err != nil {
				return withFlag(err, "-f")
			}
			if s := st.Dropped.String(); s != "" {
				note(cmd, "%s", s)
			}
			return nil
		},
	}
	f := cmd.Flags()
	input = readFlags(cmd, "input has one segment a line: do not split sentences")
	f.StringVar(&opt.SrcLang, "src-lang", "sq", "language of SRC, BCP 47 (sq, or sq-AL to name the region in exports)")
	f.StringVar(&opt.TgtLang, "tgt-lang", "en", "language of TGT, BCP 47 (en, or en-GB to name the region in exports)")
	f.StringVarP(&formatName, "format", "f", "", "output `format`: tsv, ids, tmx, jsonl, moses... (default: from the -o extension, else tsv)")
	f.StringVarP(&output, "output", "o", "", "write to `FILE` (complete or not at all) instead of the standard output")
	f.StringVar(&doc, "doc", "", "document `NAME` every link carries (default: SRC's file name without extension, or its folder's if that is the language)")
	exportOptions(cmd, &opt)
	return cmd
}
