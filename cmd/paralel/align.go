package main

import (
	"cmp"
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/internal/sidebyside"
	"github.com/paralel/paralel/pipeline/input"
)

// AlignOptions are what paralel align is asked to do.
type AlignOptions struct {
	IO *iostreams.IOStreams

	Src, Tgt string        // the input files; Tgt empty for a page that holds both languages
	Input    input.Options // how they are read
	Format   string        // -f; empty for the side-by-side view on a terminal, else -o's extension or TSV
	Output   string        // -o; empty or "-" for the standard output
	Doc      string        // the document every link names
	Doubtful float64       // the side-by-side view marks links scored below this
	Export   format.Options

	// AllowSwapped aligns sides that read as each other's language, which
	// is otherwise an error.
	AllowSwapped bool
	// InOrder keeps the links in order on both sides (align.Options).
	InOrder bool
}

// NewCmdAlign makes paralel align; runF, when not nil, is called in place
// of runAlign.
func NewCmdAlign(f *Factory, runF func(context.Context, *AlignOptions) error) *cobra.Command {
	opts := &AlignOptions{IO: f.IOStreams}
	var in *inputFlags
	cmd := &cobra.Command{
		Use:   "align [flags] SRC TGT | PAGE",
		Short: "Align the sentences of a text and its translation",
		Long: `align splits a text and its translation into sentences, links each sentence
to its translation (1-1, 1-2, 2-1, 2-2, ... and 1-0 or 0-1 for a sentence
left untranslated) and scores every link from 0 to 1.

Input is text with a paragraph a line (hard-wrapped text, with paragraphs
separated by blank lines, is recognised, or say --wrapped), or with
--presplit one segment a line, used as it is; in UTF-8, UTF-16 or a Latin
single-byte encoding (windows-1250, iso-8859-2, windows-1252, iso-8859-1),
detected or given by --encoding. Web pages (files or http/https addresses:
the article without menus, comments and ads), SRT and WebVTT subtitles,
DOCX, ODT and PDF are read too, told by their content (--input-format to force
one); paralel extract shows the text the aligner sees, and --dump-text DIR
writes it to a file per input.

Given one PAGE that holds both languages (an article with its translation
on one web page), align tells the language of each paragraph and aligns the
SRC-language part with the TGT-language part; text that translates nothing
on the page (other articles, teasers, captions) is left out, and so are
links scored below ` + fmt.Sprint(input.PageMinScore) + ` unless --min-score says otherwise.

On a terminal, with no -f or -o, the links are shown side by side, doubtful
ones (scored under --doubtful) marked with "?". Otherwise they are written in the format of -f, or the
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
  paralel align --presplit -f ids sq.sent en.sent

  # Two web pages, and an Albanian text in windows-1250 with its subtitles
  paralel align https://example.al/lajm.html https://example.com/news.html
  paralel align --encoding windows-1250 sq.txt en.srt

  # One page holding the English translation and the Albanian original
  paralel align -o page.tmx page.html

  # Keep the text read from each side (seen/sq.docx.txt, seen/en.pdf.txt)
  paralel align --dump-text seen -o doc.tmx sq.docx en.pdf`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Src = args[0]
			if len(args) == 2 {
				opts.Tgt = args[1]
			} else if !cmd.Flags().Changed("min-score") {
				opts.Export.MinScore = input.PageMinScore
			}
			if err := input.CheckPaths(opts.Src, opts.Tgt); err != nil {
				return err
			}
			var err error
			if opts.Input, err = in.options(""); err != nil {
				return err
			}
			if err := checkDoubtful(opts.Doubtful); err != nil {
				return err
			}
			if !cmd.Flags().Changed("doc") {
				opts.Doc = corpus.DocName(opts.Src, opts.Export.SrcLang)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runAlign(cmd.Context(), opts)
		},
	}
	in = addInputFlags(cmd, "input has one segment a line: do not split sentences").addDocumentFlags(cmd).addDumpFlag(cmd)
	addLangFlags(cmd, &opts.Export.SrcLang, &opts.Export.TgtLang, "SRC", "TGT", false)
	addFormatFlag(cmd, &opts.Format, "", "output `format`: tsv, ids, tmx, jsonl, moses... (default: from the -o extension, else tsv)", format.Names())
	addOutputFlag(cmd, &opts.Output, "write to `FILE` (complete or not at all) instead of the standard output")
	cmd.Flags().StringVar(&opts.Doc, "doc", "", "document `NAME` every link carries (default: SRC's file name without extension, or its folder's if that is the language)")
	addAllowSwappedFlag(cmd, &opts.AllowSwapped)
	addInOrderFlag(cmd, &opts.InOrder)
	addExportFlags(cmd, &opts.Export, opts.IO.ErrOut)
	addDoubtfulFlag(cmd, &opts.Doubtful)
	return cmd
}

func runAlign(ctx context.Context, opts *AlignOptions) error {
	ios := opts.IO
	srcLang, tgtLang := opts.Export.SrcLang, opts.Export.TgtLang

	// The output is started before the long work, so that a wrong path,
	// or an output that is one of the inputs, stops the run at once.
	var view *sidebyside.Writer
	if opts.Format == "" && (opts.Output == "" || opts.Output == "-") {
		view, _ = ios.SideBySide()
	}
	var out *format.FileWriter
	if view == nil {
		name, err := format.ResolveOutput(opts.Format, opts.Output)
		if err != nil {
			return withFlag(err, "-f")
		}
		exp := opts.Export
		exp.Stdout = ios.Out
		for _, in := range []string{opts.Src, opts.Tgt} {
			if in != "" && !extract.IsURL(in) {
				exp.Inputs = append(exp.Inputs, in)
			}
		}
		if out, err = format.CreateContext(ctx, name, cmp.Or(opts.Output, "-"), exp); err != nil {
			return err
		}
		defer out.Close()
	}

	src, tgt, err := readSides(ios.ErrOut, opts.Src, opts.Tgt, opts.Input, srcLang, tgtLang)
	if err != nil {
		return err
	}
	langs, err := checkSides(opts.Src, opts.Tgt, src.Sentences, tgt.Sentences, srcLang, tgtLang, opts.AllowSwapped)
	if err != nil {
		return err
	}

	bar := ios.ProgressBar("aligning")
	links, err := alignContext(ctx, src.Sentences, tgt.Sentences, align.Options{
		// The aligner's language data is by language, not region; the
		// splitter sees to that itself.
		SrcLang: srcLang, TgtLang: tgtLang, Progress: bar.Update, InOrder: opts.InOrder,
	})
	bar.Finish()
	if err != nil {
		return err
	}
	for _, w := range align.Check(src.Sentences, tgt.Sentences, links, langs) {
		warn(ios.ErrOut, w)
	}
	pairs := align.Pairs(src.Sentences, tgt.Sentences, links, true)
	for i := range pairs {
		pairs[i].Doc = opts.Doc
	}

	if view != nil {
		view.SrcLang, view.TgtLang = srcLang, tgtLang
		view.Doubtful = opts.Doubtful
		view.Warn = func(err error) { warn(ios.ErrOut, err) }
		for _, p := range pairs {
			view.Write(p)
		}
		view.Flush()
		return view.Error()
	}
	for _, p := range pairs {
		if err := out.Write(p); err != nil {
			return err
		}
	}
	if err := out.Commit(); err != nil {
		return err
	}
	if s := out.Dropped().String(); s != "" {
		note(ios.ErrOut, "%s", s)
	}
	return nil
}

// checkSides refuses sides that cannot be a text and its translation
// (input.CheckSides), and returns their languages as probed, for
// align.Check; a page that holds both languages is named once.
func checkSides(srcPath, tgtPath string, src, tgt []corpus.Sentence, srcLang, tgtLang string, allowSwapped bool) (align.Langs, error) {
	return input.CheckSides(input.Sides{SrcName: srcPath, TgtName: cmp.Or(tgtPath, srcPath), Src: src, Tgt: tgt, SrcLang: srcLang, TgtLang: tgtLang}, allowSwapped)
}

// addAllowSwappedFlag adds --allow-swapped.
func addAllowSwappedFlag(cmd *cobra.Command, p *bool) {
	cmd.Flags().BoolVar(p, "allow-swapped", false, "align SRC and TGT as given though SRC reads as the target language and TGT as the source's")
}

// addInOrderFlag adds --in-order.
func addInOrderFlag(cmd *cobra.Command, p *bool) {
	cmd.Flags().BoolVar(p, "in-order", false, "keep the links in order on both sides: leave out a sentence moved out of order (a caption, a sentence the translator moved) on each side rather than link the two")
}

// alignContext is align.Align, given up when ctx is cancelled (Ctrl+C),
// which the aligner itself does not watch.
func alignContext(ctx context.Context, src, tgt []corpus.Sentence, opt align.Options) ([]align.Link, error) {
	done := make(chan []align.Link, 1)
	go func() { done <- align.Align(src, tgt, opt) }()
	select {
	case links := <-done:
		return links, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
