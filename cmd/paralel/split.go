package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/segment"
)

func init() { commands = append(commands, newSplitCmd) }

func newSplitCmd() *cobra.Command {
	var (
		lang, format string
		input        *inputFlags
	)
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
  paralel split --lang en --format jsonl testdata/rama/en.txt

  # Hard-wrapped text from a pipe
  fmt -w 60 testdata/rama/en.txt | paralel split --lang en --wrapped -`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			mode, err := input.mode()
			if err != nil {
				return err
			}
			out, err := corpus.NewSentenceWriter(cmd.OutOrStdout(), format)
			if err != nil {
				return err
			}
			path := "-"
			if len(args) == 1 {
				path = args[0]
			}
			var in io.Reader = cmd.InOrStdin()
			if path != "-" {
				f, err := corpus.Open(path)
				if err != nil {
					return err
				}
				defer f.Close()
				in = f
			}
			sr := segment.NewReader(in, corpus.ReadOptions{Lang: lang, Mode: mode, Name: corpus.InputName(path)})
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
		},
	}
	f := cmd.Flags()
	f.StringVar(&lang, "lang", "", "language of the text: sq, en, or another code for generic rules")
	input = readFlags(cmd, "one sentence a line already: do not split")
	f.StringVar(&format, "format", "text", "output format: text or jsonl")
	_ = cmd.MarkFlagRequired("lang")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"sq", "en"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(corpus.SentenceFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
