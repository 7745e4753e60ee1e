package main

import (
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/internal/progress"
	"github.com/paralel/paralel/pipeline/evalset"
)

func init() { commands = append(commands, newEvalCmd) }

func newEvalCmd() *cobra.Command {
	var (
		setDir, predDir, goldFile, predFile string
		srcLang, tgtLang                    string
		each, perDoc                        bool
		input                               *inputFlags
	)
	cmd := &cobra.Command{
		Use:   "eval (--set DIR | --gold FILE --pred FILE)",
		Short: "Measure alignment against gold links",
		Long: `eval aligns every document of an evaluation set and prints strict and lax
precision, recall and F1 against its gold links, summed over the documents.

A set has one folder per document: sq.sent and en.sent (one segment a line)
with gold.txt, links like "[0, 1]:[2]" between their lines; or raw sq.txt and
en.txt with gold.lines over the gold segments lines.sq and lines.en. The
names stay sq and en whatever the languages (say them with --src-lang and
--tgt-lang). Pre-split documents are aligned from their segments; raw text is
split first and scored end to end. Documents are aligned together, with a
lexicon induced from the whole set, unless --each is given.

With --gold and --pred, eval compares two files of links instead.`,
		Example: `  # Score the aligner on a set and keep its predictions
  paralel eval --set ../shared/eval/ntrex-dev --write-pred /tmp/pred

  # Check the figures with the reference scorer (text: end to end)
  python3 ../shared/eval/score.py ids ../shared/eval/ntrex-dev /tmp/pred
  paralel eval --set ../shared/eval/ntrex-dev-raw --write-pred /tmp/raw
  python3 ../shared/eval/score.py text ../shared/eval/ntrex-dev-raw /tmp/raw

  # A German-French set, each document aligned on its own
  paralel eval --set ../shared/eval/textberg-dev --src-lang de --tgt-lang fr --each

  # Compare two link files
  paralel eval --gold gold.txt --pred pred.txt`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if goldFile != "" {
				return compareFiles(cmd, goldFile, predFile)
			}
			if setDir == "" {
				return errors.New("give --set DIR, or --gold FILE and --pred FILE")
			}
			set, err := evalset.Load(setDir)
			if err != nil {
				return err
			}
			opt := evalset.Options{
				Align:   align.Options{SrcLang: srcLang, TgtLang: tgtLang},
				Each:    each,
				PredDir: predDir,
			}
			if opt.Mode, err = input.mode(); err != nil {
				return err
			}
			bar := progress.ForTerminal(os.Stderr, "aligning")
			opt.Align.Progress = bar.Update
			res, err := evalset.Evaluate(set, opt)
			bar.Finish()
			if err != nil {
				return err
			}
			return res.WriteReport(cmd.OutOrStdout(), perDoc)
		},
	}
	f := cmd.Flags()
	f.StringVar(&setDir, "set", "", "evaluation set `DIR`, one folder per document (or one document folder)")
	f.StringVar(&predDir, "write-pred", "", "write each document's predicted links into `OUT`/<doc>/pred.txt (and pred.tsv for raw text)")
	f.BoolVar(&each, "each", false, "align each document on its own instead of the whole set together")
	f.BoolVar(&perDoc, "per-doc", false, "also print the figures of every document")
	input = readFlags(cmd, "") // a set says which documents are pre-split
	f.StringVar(&srcLang, "src-lang", "sq", "language of the source side (sq.*)")
	f.StringVar(&tgtLang, "tgt-lang", "en", "language of the target side (en.*)")
	f.StringVar(&goldFile, "gold", "", "gold links `FILE`, one link a line like [0, 1]:[2]")
	f.StringVar(&predFile, "pred", "", "predicted links `FILE` to compare with --gold")
	cmd.MarkFlagsMutuallyExclusive("set", "gold")
	cmd.MarkFlagsRequiredTogether("gold", "pred")
	return cmd
}

func compareFiles(cmd *cobra.Command, goldFile, predFile string) error {
	res, err := evalset.CompareFiles(goldFile, predFile)
	if err != nil {
		return err
	}
	return res.WriteReport(cmd.OutOrStdout(), false)
}
