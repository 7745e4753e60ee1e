package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/progress"
	"github.com/paralel/paralel/pipeline/batch"
)

func init() { commands = append(commands, newBatchCmd) }

func newBatchCmd() *cobra.Command {
	var (
		input              *inputFlags
		formatName, output string
		opt                format.Options
		bopt               batch.Options
	)
	cmd := &cobra.Command{
		Use:   "batch [flags] [-o OUT] INPUT...",
		Short: "Align many documents and their translations into one corpus",
		Long: `batch aligns many documents and their translations and writes the links of
all of them to one output, each link naming its document.

An INPUT is a folder with one folder per document, each holding sq.txt and
en.txt (sq.sent and en.sent with --presplit), named after its folder, as the
evaluation sets are laid out; or a list file with one document a line:

  SRC<TAB>TGT[<TAB>NAME]

paths relative to the list file, NAME defaulting to SRC. Lines starting with
# are comments. The file names say sq and en whatever the languages.

The documents are aligned together, with a lexicon induced from all of them,
which aligns short documents better than each alone but holds them all in
memory; --each aligns each on its own, holding only the few under way. A
document that cannot be read or has an empty side is reported by name and
skipped (with --strict it ends the run); the output is then written with
the others, but the exit status is non-zero. A summary goes to the
standard error: documents, sentences, links, the share of doubtful links,
what the filters dropped, and warnings naming their document.

The format is that of -f, or the one the extension of -o says, TSV by
default, here with the link type and document columns (--tsv-meta=false
leaves them out):
` + format.Describe() + `
Links with an empty side are left out of TSV, TMX and Moses unless
--keep-unaligned is given.`,
		Example: `  # A TMX of a whole set of article pairs, one <tu> per link with its x-document
  paralel batch -o news.tmx articles/

  # Documents listed in a file, as TSV with a header row
  paralel batch --header -o corpus.tsv docs.list

  # Confident, distinct pairs as a Moses corpus (train.sq, train.en)
  paralel batch --min-score 0.8 --dedupe -f moses -o train articles/

  # Pre-split documents, each aligned on its own, stopping at a bad one
  paralel batch --presplit --each --strict -o links.jsonl ../shared/eval/ntrex-dev`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			mode, err := input.mode()
			if err != nil {
				return err
			}
			bopt.Mode = mode
			docs, err := batch.Load(args, mode)
			if err != nil {
				return err
			}
			if output == "" {
				output = "-"
			}
			name, err := format.ResolveOutput(formatName, output)
			if err != nil {
				return withFlag(err, "-f")
			}
			opt.Stdout = cmd.OutOrStdout()
			w, err := format.Create(name, output, opt)
			if err != nil {
				return err
			}
			defer w.Close()

			// Language data is by language, not region.
			bopt.Align = align.Options{SrcLang: opt.SrcLang, TgtLang: opt.TgtLang}
			bar := progress.ForTerminal(os.Stderr, "aligning")
			bopt.Align.Progress = bar.Update
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			sum, err := batch.Run(ctx, docs, w, bopt)
			bar.Finish()
			if errors.Is(err, context.Canceled) {
				err = errors.New("interrupted: nothing written")
			}
			if err == nil {
				err = w.Commit()
			}
			for _, line := range sum.Report() {
				note(cmd, "%s", line)
			}
			if err != nil {
				return err
			}
			if n := len(sum.Failed); n > 0 {
				return fmt.Errorf("%d of %d documents failed", n, sum.Docs)
			}
			return nil
		},
	}
	f := cmd.Flags()
	input = readFlags(cmd, "documents are sq.sent and en.sent, one segment a line: do not split sentences")
	f.BoolVar(&bopt.Each, "each", false, "align each document on its own: less memory, no lexicon shared across documents")
	f.BoolVar(&bopt.Strict, "strict", false, "stop at the first document that cannot be read, writing nothing")
	f.StringVar(&opt.SrcLang, "src-lang", "sq", "language of the source side, BCP 47 (sq, or sq-AL to name the region in exports)")
	f.StringVar(&opt.TgtLang, "tgt-lang", "en", "language of the target side, BCP 47 (en, or en-GB to name the region in exports)")
	f.StringVarP(&formatName, "format", "f", "", "output `format`: tsv, tmx, jsonl, moses, ids (default: from the -o extension, else tsv)")
	f.StringVarP(&output, "output", "o", "", "write to `FILE` (complete or not at all) instead of the standard output")
	exportOptions(cmd, &opt)
	// A corpus of many documents needs to say where each pair comes from.
	opt.TSVMeta = true
	f.Lookup("tsv-meta").DefValue = "true"
	return cmd
}
