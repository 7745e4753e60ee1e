package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/pipeline/input"
)

// ExtractOptions are what paralel extract is asked to do.
type ExtractOptions struct {
	IO *iostreams.IOStreams

	Input string        // the file or address; "-" for the standard input
	Read  input.Options // how it is read
	// Page, with the two languages, shows what align PAGE keeps of a page
	// that holds both: the paragraphs of each language.
	Page             bool
	SrcLang, TgtLang string
}

// NewCmdExtract makes paralel extract; runF, when not nil, is called in
// place of runExtract.
func NewCmdExtract(f *Factory, runF func(context.Context, *ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: f.IOStreams}
	var in *inputFlags
	var lang string
	cmd := &cobra.Command{
		Use:   "extract [FILE|URL|-]",
		Short: "Show the text the aligner reads from a document",
		Long: `extract writes the text that split, align, review and batch read from a
document, one paragraph a line: the article of a web page without its menus,
comments and ads; the running text of subtitles; the paragraphs of a DOCX or
ODT file; a text decoded from UTF-16 or a single-byte encoding. The format
and the encoding are told from the content (--input-format and --encoding
force them) and named on the standard error with the paragraphs kept and
the blocks dropped. Byte offsets of split -f jsonl refer to this text. Like
split, extract refuses binary data and invalid UTF-8, and leaves out control
characters (ESC, BEL...) with a warning.

--page shows what align and review keep of a page that holds a text and its
translation: its --src-lang paragraphs, a blank line, its --tgt-lang ones.`,
		Example: `  # What the aligner sees of a saved web page
  paralel extract page.html

  # An Albanian text in ISO-8859-2
  paralel extract --encoding iso-8859-2 sq.txt

  # The two languages of a page
  paralel extract --page https://example.com/article-with-original.html`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Input, opts.Read, err = in.document(args, lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runExtract(cmd.Context(), opts)
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&lang, "lang", "", "language of the text, which helps tell single-byte encodings apart (sq prefers windows-1250)")
	flags.BoolVar(&opts.Page, "page", false, "show the two languages of a page that holds both")
	addLangFlags(cmd, &opts.SrcLang, &opts.TgtLang, "the first part of a page", "the second", false)
	in = addInputFlags(cmd, "").addDocumentFlags(cmd)
	return cmd
}

func runExtract(_ context.Context, opts *ExtractOptions) error {
	if opts.Page {
		page, err := readPage(opts.IO.ErrOut, opts.Input, opts.Read, opts.SrcLang, opts.TgtLang)
		if err != nil {
			return err
		}
		for i, doc := range [][]corpus.Sentence{page.Src.Sentences, page.Tgt.Sentences} {
			if i > 0 {
				fmt.Fprintln(opts.IO.Out)
			}
			// A paragraph a line, its sentences as the splitter cut them.
			for j, s := range doc {
				sep := " "
				if j+1 == len(doc) || doc[j+1].Para != s.Para {
					sep = "\n"
				}
				fmt.Fprint(opts.IO.Out, s.Text, sep)
			}
		}
		return nil
	}
	text, err := openText(opts.IO, opts.Input, opts.Read)
	if err != nil {
		return err
	}
	defer text.Close()
	// The checks of the splitter's reader: extract takes in what split
	// and align do.
	n, err := corpus.CopyText(opts.IO.Out, text, text.Report.Name, func(err error) { warn(opts.IO.ErrOut, err) })
	if err != nil {
		return err
	}
	warnInput(opts.IO.ErrOut, text.Report)
	if text.Report.Format == extract.Text {
		// Streamed text is not counted as it goes; say how much there was.
		note(opts.IO.ErrOut, "read %s: text, %s%s, %d bytes", text.Report.Name, text.Report.Encoding, wrappedNote(text.Report), n)
		return nil
	}
	note(opts.IO.ErrOut, "read %s", text.Report)
	return nil
}

func wrappedNote(rep *extract.Report) string {
	if rep.Wrapped {
		return ", hard-wrapped lines"
	}
	return ""
}
