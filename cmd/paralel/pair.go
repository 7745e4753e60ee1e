package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/pipeline/input"
	"github.com/paralel/paralel/pipeline/pair"
)

// PairOptions are what paralel pair is asked to do.
type PairOptions struct {
	IO *iostreams.IOStreams

	Src, Tgt         string // folders, list files or JSON lines of documents
	SrcLang, TgtLang string
	Format           string // tsv or jsonl
	Output           string // -o; "-" for the standard output
	MinScore         float64
	KeepUnpaired     bool
	Read             input.Options // how the documents are read
}

// NewCmdPair makes paralel pair; runF, when not nil, is called in place of
// runPair.
func NewCmdPair(f *Factory, runF func(context.Context, *PairOptions) error) *cobra.Command {
	opts := &PairOptions{IO: f.IOStreams}
	var in *inputFlags
	cmd := &cobra.Command{
		Use:   "pair [flags] [-o OUT] SRC TGT",
		Short: "Find which documents of two collections are translations of each other",
		Long: `pair finds, among the documents of SRC and those of TGT, which are
translations of which, one to one, and writes one pair a line:

  SRC_PATH<TAB>TGT_PATH<TAB>SCORE

a list file that paralel batch reads as it is (-f jsonl writes JSON lines,
which it reads too). The score, from 0 to 1, is the share of the two
documents' sentences that the aligner links with confidence; pairs scored
under --min-score are not made. Documents left without a partner are
counted on the standard error and, with --keep-unpaired, listed with an
empty side.

SRC and TGT are each a folder, whose files are the documents (searched
recursively, names starting with a dot skipped); a list file, one path a
line; or JSON lines of documents, {"name": ..., "text": ...} or {"path": ...}.
A file whose lines name no file that exists (a text given for a list) is
an error.
Each document is read as paralel align reads it: web pages and addresses,
subtitles, DOCX, ODT, PDF and text in any common encoding (--input-format
and --encoding force them).

Candidates come from the rare evidence the documents share (numbers, names,
cognates, the seed lexicon), so the time grows about linearly with the
number of documents; the best candidates are aligned sentence by sentence to
tell a translation from a document on the same topic. A document that is
empty, repeats the text of another of its side, or looks like the other
side's language is left unpaired and named on the standard error, as is a
problem met in reading a document that does not stop it (a subtitle cue
whose timing is broken); two sides in one language are an error. With -o, paths are written relative to the
output's folder, as batch reads them.`,
		Example: `  # Pair two folders of articles and align the pairs into one TMX
  paralel pair sq/ en/ | paralel batch -o corpus.tmx -

  # The same in one step
  paralel batch --pair -o corpus.tmx sq/ en/

  # Keep the pairing, with the documents left unpaired, and score it
  paralel pair --keep-unpaired -o pairs.tsv ../shared/eval/docpair-dev/sq ../shared/eval/docpair-dev/en
  paralel eval --pairs ../shared/eval/docpair-dev/gold.tsv pairs.tsv

  # German and French chapters, pairs as JSON lines
  paralel pair --src-lang de --tgt-lang fr -f jsonl de/ fr/`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Src, opts.Tgt = args[0], args[1]
			if opts.Output == "" {
				opts.Output = "-"
			}
			if opts.Format == "" {
				opts.Format = "tsv"
				if filepath.Ext(opts.Output) == ".jsonl" {
					opts.Format = "jsonl"
				}
			}
			if opts.Format != "tsv" && opts.Format != "jsonl" {
				return fmt.Errorf("-f %s: pairs are written as tsv or jsonl", opts.Format)
			}
			var err error
			if opts.Read, err = in.options(""); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runPair(cmd.Context(), opts)
		},
	}
	flags := cmd.Flags()
	addLangFlags(cmd, &opts.SrcLang, &opts.TgtLang, "the documents of SRC", "the documents of TGT", false)
	addFormatFlag(cmd, &opts.Format, "", "output `format`: tsv or jsonl (default: from the -o extension, else tsv)", []string{"tsv", "jsonl"})
	addOutputFlag(cmd, &opts.Output, "write to `FILE` (complete or not at all) instead of the standard output")
	flags.Float64Var(&opts.MinScore, "min-score", pair.DefaultMinScore, "make no pair scored below this (0 to 1)")
	flags.BoolVar(&opts.KeepUnpaired, "keep-unpaired", false, "also list the documents without partner, with an empty side and a score of 0")
	in = addInputFlags(cmd, "").addDocumentFlags(cmd).addDumpFlag(cmd)
	return cmd
}

func runPair(ctx context.Context, opts *PairOptions) error {
	ios := opts.IO
	// The output is started before the long work, as align's, so that a
	// wrong path stops the run at once.
	out, err := format.CreateOutput(ctx, opts.Output, ios.Out, opts.Src, opts.Tgt)
	if err != nil {
		return err
	}
	defer out.Close()
	res, src, tgt, err := pairDocuments(ios, opts.Src, opts.Tgt, opts.Read,
		pair.Options{SrcLang: opts.SrcLang, TgtLang: opts.TgtLang, MinScore: pair.FlagMinScore(opts.MinScore)})
	if err != nil {
		return err
	}
	// batch --pair reports them of the documents it aligns.
	for _, w := range res.Warnings {
		warn(ios.ErrOut, w.Text)
	}
	lines := res.Lines(src, tgt, opts.KeepUnpaired)
	if opts.Output != "-" {
		pair.Relative(lines, filepath.Dir(opts.Output))
	}
	if err := writeLines(out, opts.Format, lines); err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	return unreadable(res)
}

// pairDocuments loads the documents of the two inputs, read as read says
// in the languages of opt, pairs them and reports on the standard error
// what became of them.
func pairDocuments(ios *iostreams.IOStreams, srcIn, tgtIn string, read input.Options, opt pair.Options) (*pair.Result, []pair.Doc, []pair.Doc, error) {
	read.Lang = opt.SrcLang
	src, err := pair.Load(srcIn, read)
	if err != nil {
		return nil, nil, nil, err
	}
	read.Lang = opt.TgtLang
	tgt, err := pair.Load(tgtIn, read)
	if err != nil {
		return nil, nil, nil, err
	}
	bar := ios.ProgressBar("pairing")
	opt.Progress = bar.Update
	res, err := pair.Pair(src, tgt, opt)
	bar.Finish()
	if errors.Is(err, pair.ErrOneLanguage) {
		return nil, nil, nil, fmt.Errorf("%s and %s: %w", srcIn, tgtIn, err)
	}
	if err != nil {
		return nil, nil, nil, err
	}
	for _, p := range res.Problems {
		name := src[p.Doc].Name
		if p.Side == pair.Tgt {
			name = tgt[p.Doc].Name
		}
		if p.Err != nil {
			warn(ios.ErrOut, p.Err) // names the file itself
			continue
		}
		warn(ios.ErrOut, fmt.Sprintf("%s: %s: left unpaired", name, p.Reason))
	}
	note(ios.ErrOut, "paired %d of %d source and %d target documents; unpaired: %d source, %d target",
		len(res.Pairs), len(src), len(tgt), len(res.Unpaired[pair.Src]), len(res.Unpaired[pair.Tgt]))
	return res, src, tgt, nil
}

func writeLines(w io.Writer, format string, lines []pair.Line) error {
	pw, err := pair.NewWriter(w, format)
	if err != nil {
		return err
	}
	return pw.WriteAll(lines)
}

// unreadable is the error of a run in which some documents could not be
// read: the pairs of the others are written, but the exit status says so.
func unreadable(res *pair.Result) error {
	n := 0
	for _, p := range res.Problems {
		if p.Err != nil {
			n++
		}
	}
	if n > 0 {
		return fmt.Errorf("%d documents could not be read", n)
	}
	return nil
}
