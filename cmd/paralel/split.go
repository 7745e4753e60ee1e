package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/pipeline/input"
	"github.com/paralel/paralel/segment"
)

// SplitOptions are what paralel split is asked to do.
type SplitOptions struct {
	IO *iostreams.IOStreams

	Input  string        // the file or address; "-" for the standard input
	Read   input.Options // how it is read
	Format string        // a corpus.SentenceFormats
}

// NewCmdSplit makes paralel split; runF, when not nil, is called in place
// of runSplit.
func NewCmdSplit(f *Factory, runF func(context.Context, *SplitOptions) error) *cobra.Command {
	opts := &SplitOptions{IO: f.IOStreams}
	var in *inputFlags
	var lang string
	cmd := &cobra.Command{
		Use:   "split [FILE|URL|-]",
		Short: "Split a text into sentences",
		Long: `Split reads a text (with or without BOM, any line ends) and writes its
sentences, one a line, or as JSON lines with the byte offsets of each
sentence in the input and the index of its paragraph.

By default every line is a paragraph, as in scraped articles; hard-wrapped
text, where a blank line ends a paragraph, is recognised from its line
lengths (or say --wrapped); --presplit takes each line as a sentence as it
is. With no FILE, or when FILE is -, split reads standard input. Text in
UTF-8 is streamed, so its size does not matter; one paragraph may hold up to
64 MB, and offsets count bytes of the input as it is, BOM and line ends
included. Text in UTF-16 or a Latin single-byte encoding is decoded
(--encoding to say which), and web pages, subtitles, DOCX, ODT and PDF are
extracted first (--input-format to force a format): their offsets count
bytes of the text that paralel extract shows, and --dump-text writes. UTF-8
with a bad byte stops split with an error that gives its offset.`,
		Example: `  # One sentence a line
  paralel split --lang sq testdata/rama/sq.txt

  # Keep the byte offsets
  paralel split --lang en -f jsonl testdata/rama/en.txt

  # Hard-wrapped text from a pipe
  fmt -w 60 testdata/rama/en.txt | paralel split --lang en --wrapped -`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Input, opts.Read, err = in.document(args, lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runSplit(cmd.Context(), opts)
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&lang, "lang", "", "language of the text: sq, en, or another code for generic rules")
	in = addInputFlags(cmd, "one sentence a line already: do not split").addDocumentFlags(cmd).addDumpFlag(cmd)
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
	text, err := openText(opts.IO, opts.Input, opts.Read)
	if err != nil {
		return err
	}
	defer text.Close()
	sr := segment.NewReader(text, text.ReadOptions)
	paras := 0
	for {
		s, err := sr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			out.Flush()
			return err
		}
		paras = s.Para + 1
		if out.Write(s) != nil {
			break
		}
	}
	out.Flush()
	if err := text.Commit(); err != nil {
		return err
	}
	if text.Report.Format == extract.Text {
		text.Report.Paragraphs = paras
	}
	noteInput(opts.IO.ErrOut, text.Report)
	return out.Error()
}
