package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/pipeline/evalset"
	"github.com/paralel/paralel/pipeline/pair"
)

// EvalOptions are what paralel eval is asked to do: score a set, or
// compare two files of links.
type EvalOptions struct {
	IO *iostreams.IOStreams

	Set        string // --set: the evaluation set's folder
	Gold, Pred string // --gold and --pred: two files of links
	Pairs      bool   // --pairs: Gold and Pred are pairings of documents
	PerDoc     bool   // also report each document
	Eval       evalset.Options
}

// NewCmdEval makes paralel eval; runF, when not nil, is called in place of
// runEval.
func NewCmdEval(f *Factory, runF func(context.Context, *EvalOptions) error) *cobra.Command {
	opts := &EvalOptions{IO: f.IOStreams}
	var (
		input            *inputFlags
		srcLang, tgtLang string
		inOrder          bool
	)
	cmd := &cobra.Command{
		Use:   "eval (--set DIR | --gold FILE --pred FILE | --pairs GOLD PRED)",
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

With --gold and --pred, eval compares two files of links instead. With
--pairs, it compares two pairings of documents (paralel pair's output, or a
gold file of SRC<TAB>TGT lines) and prints the precision, recall and F1 of
the pairs; a name matches the same name with leading folders.`,
		Example: `  # Score the aligner on a set and keep its predictions
  paralel eval --set ../shared/eval/ntrex-dev --write-pred /tmp/pred

  # Check the figures with the reference scorer (text: end to end)
  python3 ../shared/eval/score.py ids ../shared/eval/ntrex-dev /tmp/pred
  paralel eval --set ../shared/eval/ntrex-dev-raw --write-pred /tmp/raw
  python3 ../shared/eval/score.py text ../shared/eval/ntrex-dev-raw /tmp/raw

  # A German-French set, each document aligned on its own
  paralel eval --set ../shared/eval/textberg-dev --src-lang de --tgt-lang fr --each

  # Compare two link files
  paralel eval --gold gold.txt --pred pred.txt

  # Score a pairing of documents
  paralel pair -o pairs.tsv ../shared/eval/docpair-dev/sq ../shared/eval/docpair-dev/en
  paralel eval --pairs ../shared/eval/docpair-dev/gold.tsv pairs.tsv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.Pairs {
				if len(args) != 2 {
					return fmt.Errorf("--pairs takes two files, GOLD and PRED: got %d", len(args))
				}
				return nil
			}
			return cobra.NoArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Pairs {
				opts.Gold, opts.Pred = args[0], args[1]
				if runF != nil {
					return runF(cmd.Context(), opts)
				}
				return runEval(cmd.Context(), opts)
			}
			if opts.Gold == "" && opts.Set == "" {
				return errors.New("give --set DIR, or --gold FILE and --pred FILE")
			}
			var err error
			if opts.Eval.Mode, err = input.mode(); err != nil {
				return err
			}
			opts.Eval.Align = align.Options{SrcLang: srcLang, TgtLang: tgtLang, InOrder: inOrder}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runEval(cmd.Context(), opts)
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&opts.Set, "set", "", "evaluation set `DIR`, one folder per document (or one document folder)")
	flags.StringVar(&opts.Eval.PredDir, "write-pred", "", "write each document's predicted links into `OUT`/<doc>/pred.txt (and pred.tsv for raw text)")
	flags.BoolVar(&opts.Eval.Each, "each", false, "align each document on its own instead of the whole set together")
	flags.BoolVar(&opts.PerDoc, "per-doc", false, "also print the figures of every document")
	addInOrderFlag(cmd, &inOrder)
	input = addInputFlags(cmd, "") // a set says which documents are pre-split
	addLangFlags(cmd, &srcLang, &tgtLang, "the source side (sq.*)", "the target side (en.*)", false)
	flags.StringVar(&opts.Gold, "gold", "", "gold links `FILE`, one link a line like [0, 1]:[2]")
	flags.StringVar(&opts.Pred, "pred", "", "predicted links `FILE` to compare with --gold")
	flags.BoolVar(&opts.Pairs, "pairs", false, "compare two pairings of documents, GOLD and PRED, given as arguments")
	cmd.MarkFlagsMutuallyExclusive("set", "gold")
	cmd.MarkFlagsMutuallyExclusive("set", "pairs")
	cmd.MarkFlagsMutuallyExclusive("gold", "pairs")
	cmd.MarkFlagsRequiredTogether("gold", "pred")
	return cmd
}

func runEval(_ context.Context, opts *EvalOptions) error {
	if opts.Pairs {
		return comparePairings(opts.IO.Out, opts.Gold, opts.Pred)
	}
	if opts.Gold != "" {
		res, err := evalset.CompareFiles(opts.Gold, opts.Pred)
		if err != nil {
			return err
		}
		return res.WriteReport(opts.IO.Out, false)
	}
	set, err := evalset.Load(opts.Set)
	if err != nil {
		return err
	}
	eopt := opts.Eval
	bar := opts.IO.ProgressBar("aligning")
	eopt.Align.Progress = bar.Update
	res, err := evalset.Evaluate(set, eopt)
	bar.Finish()
	if err != nil {
		return err
	}
	return res.WriteReport(opts.IO.Out, opts.PerDoc)
}

// comparePairings prints the precision, recall and F1 of the pairing in
// the file pred against the one in gold.
func comparePairings(w io.Writer, gold, pred string) error {
	g, err := corpus.ParseFile(gold, pair.ReadLines)
	if err != nil {
		return err
	}
	p, err := corpus.ParseFile(pred, pair.ReadLines)
	if err != nil {
		return err
	}
	s := pair.Compare(g, p)
	_, err = fmt.Fprintf(w, "pairs: precision %.4f recall %.4f F1 %.4f (%d right of %d predicted, %d gold)\n",
		s.Precision, s.Recall, s.F1, s.Correct, s.Pred, s.Gold)
	return err
}
