package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/segment"
)

// SplitOptions are what paralel split is asked to do.
type SplitOptions struct {
	IO *iostreams.IOStreams

	Input  string // the file; "-" for the standard input
	Lang   string
	Mode   corpus.Mode
	Format string // a corpus.SentenceFormats
}

// NewCmdSplit makes paralel split; runF, when not nil, is called in place
// of runSplit.
func NewCmdSplit(f *Factory, runF func(context.Context, *SplitOptions) error) *cobra.Command {
	opts := &SplitOptions{IO: f.IOStreams}
	var input *inputFlags
	cmd := &cobra.Command{
		Use:   "split [FILE|-]",
		Short: "Split a text into sentences",
		Long: `Split reads a UTF-8 text (with or without BOM, any line ends) and writes
its sentences, one a line, or as JSON lines with the byte offsets of each
sentence in the input and the index of its paragraph.

By default every line is a paragraph, as in scraped articles. --wrapped reads
hard-wrapped text, where a blank line ends a paragraph; --presplit takes each
line as a sentence as it is. With no FILE, or when FILE is -, split reads
standard input. The input is streamed, so its size does not matter; one
paragraph may hold up to 64 MB. Offsets count bytes of the input as it is,
BOM and line ends included. Input that is not UTF-8 text stops split with
an error that gives the byte offset.`,
		Example: `  # One sentence a line
  paralel split --lang sq testdata/rama/sq.txt

  # Keep the byte offsets
  paralel split --lang en -f jsonl testdata/rama/en.txt

  # Hard-wrapped text from a pipe
  fmt -w 60 testdata/rama/en.txt | paralel split --lang en --wrapped -`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Input = "-"
			if len(args) == 1 {
				opts.Input = args[0]
			}
			var err error
			if opts.Mode, err = input.mode(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runSplit(cmd.Context(), opts)
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&opts.Lang, "lang", "", "language of the text: sq, en, or another code for generic rules")
	input = addInputFlags(cmd, "one sentence a line already: do not split")
	addFormatFlag(cmd, &opts.Format, "text", "output `format`: text or jsonl", corpus.SentenceFormats)
	_ = cmd.MarkFlagRequired("lang")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"sq", "en"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runSplit(_ context.Context, opts *SplitOptions) error {
	out, err := corpus.NewSentenceWriter(opts.IO.Out, opts.Format)
	if err != nil {
		return err
	}
	out.Warn = func(err error) { warn(opts.IO.ErrOut, err) }
	in := opts.IO.In
	if opts.Input != "-" {
		f, err := corpus.Open(opts.Input)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	sr := segment.NewReader(in, corpus.ReadOptions{Lang: opts.Lang, Mode: opts.Mode, Name: corpus.InputName(opts.Input)})
	for {
		s, err := sr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			out.Flush()
			return err
		}
		if out.Write(s) != nil {
			break
		}
	}
	out.Flush()
	return out.Error()
}
