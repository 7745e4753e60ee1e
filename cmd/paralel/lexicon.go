package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/pipeline/batch"
)

// LexiconOptions are what paralel lexicon is asked to do.
type LexiconOptions struct {
	IO *iostreams.IOStreams

	Inputs []string // as batch's
	Output string   // -o; "-" for the standard output
	Sample int      // --sample: documents learnt from
	Batch  batch.Options
}

// NewCmdLexicon makes paralel lexicon; runF, when not nil, is called in
// place of runLexicon.
func NewCmdLexicon(f *Factory, runF func(context.Context, *LexiconOptions) error) *cobra.Command {
	opts := &LexiconOptions{IO: f.IOStreams}
	var in *inputFlags
	var srcLang, tgtLang string
	cmd := &cobra.Command{
		Use:   "lexicon [flags] [-o FILE] INPUT...",
		Short: "Learn the induced lexicon of many documents, for sharded batch runs",
		Long: `lexicon learns, from a sample of the documents, the lexicon that batch would
induce from all of them pooled, and writes it to a file that every shard of
a sharded run loads with batch --lexicon FILE: each document is then aligned
on its own, in the memory of a few, yet with the evidence of many.

The INPUTs are those of batch: folders of documents, list files, or - for
the standard input (a list file or JSON lines of documents). The sample is
the --sample documents whose names hash lowest: the same whatever the order
of the input. Documents that cannot be read are reported and left out.

The file is UTF-8 text: the line "` + align.LexiconHeader + `", then lines
starting with # as comments and one pair a line, a source stem and a target
stem separated by a tab.`,
		Example: `  # Learn from 2000 documents of a stream, then align it in 8 shards
  paralel lexicon --sample 2000 -o news.lex - < docs.jsonl
  paralel batch --shard 3/8 --lexicon news.lex -f jsonl - < docs.jsonl

  # From a folder of article pairs
  paralel lexicon -o news.lex articles/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if err := in.setBatch(&opts.Batch); err != nil {
				return err
			}
			if opts.Sample < 1 {
				return fmt.Errorf("--sample %d: want at least one document", opts.Sample)
			}
			if opts.Output == "" {
				opts.Output = "-"
			}
			opts.Batch.Align = align.Options{SrcLang: srcLang, TgtLang: tgtLang}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runLexicon(cmd.Context(), opts)
		},
	}
	in = addInputFlags(cmd, "documents are sq.sent and en.sent, one segment a line: do not split sentences").addDocumentFlags(cmd).addDumpFlag(cmd)
	addAllowSwappedFlag(cmd, &opts.Batch.AllowSwapped)
	cmd.Flags().IntVar(&opts.Sample, "sample", 2000, "learn from this many `N` documents")
	addLangFlags(cmd, &srcLang, &tgtLang, "the source side", "the target side", false)
	addOutputFlag(cmd, &opts.Output, "write to `FILE` (complete or not at all) instead of the standard output")
	return cmd
}

func runLexicon(ctx context.Context, opts *LexiconOptions) error {
	ios := opts.IO
	// The output is started before the long work, as align's, so that a
	// wrong path stops the run at once.
	out, err := format.CreateOutput(ctx, opts.Output, ios.Out, opts.Inputs...)
	if err != nil {
		return err
	}
	defer out.Close()
	docs, stream, err := batch.LoadInputs(opts.Inputs, ios.In, opts.Batch.Mode)
	if err != nil {
		return err
	}
	var src batch.DocSource = stream
	if stream == nil {
		src = batch.NewDocList(docs)
	}
	sample, err := batch.Sample(src, opts.Sample)
	if err != nil {
		return err
	}
	lx, sum, err := batch.LearnLexicon(ctx, sample, opts.Batch)
	for _, w := range sum.Warnings {
		note(ios.ErrOut, "warning: %v", w)
	}
	for _, e := range sum.Failed {
		note(ios.ErrOut, "failed: %v", e)
	}
	if err != nil {
		return err
	}
	if _, err := lx.WriteTo(out); err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	note(ios.ErrOut, "learnt %d pairs from %d documents (%d source and %d target sentences)", lx.Len(), sum.Aligned, sum.SrcSentences, sum.TgtSentences)
	return nil
}

// readLexicon reads a lexicon file written by paralel lexicon.
func readLexicon(path string) (*align.Lexicon, error) {
	return corpus.ParseFile(path, align.ReadLexicon)
}
