package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/pipeline/batch"
	"github.com/paralel/paralel/pipeline/pair"
)

// BatchOptions are what paralel batch is asked to do.
type BatchOptions struct {
	IO *iostreams.IOStreams

	Inputs  []string // folders of documents and list files; "-" the standard input
	Pair    bool     // the two inputs are collections to pair first
	Shard   string   // --shard I/N
	Lexicon string   // --lexicon FILE
	Format  string   // -f; empty for -o's extension, else TSV
	Output  string   // -o; "-" for the standard output
	Batch   batch.Options
	Export  format.Options
}

// NewCmdBatch makes paralel batch; runF, when not nil, is called in place
// of runBatch.
func NewCmdBatch(f *Factory, runF func(context.Context, *BatchOptions) error) *cobra.Command {
	opts := &BatchOptions{IO: f.IOStreams}
	var (
		in      *inputFlags
		inOrder bool
	)
	cmd := &cobra.Command{
		Use:   "batch [flags] [-o OUT] INPUT...",
		Short: "Align many documents and their translations into one corpus",
		Long: `batch aligns many documents and their translations and writes the links of
all of them to one output, each link naming its document.

An INPUT is a folder with one folder per document, each holding sq.txt and
en.txt (sq.sent and en.sent with --presplit), named after its folder, as the
evaluation sets are laid out, or the two sides in any format that paralel
extract reads, named after their side (sq.html and en.html, sq.docx and
en.pdf, sq.srt...); or a list file with one document a line:

  SRC<TAB>TGT[<TAB>NAME]

paths relative to the list file, NAME defaulting to SRC. Lines starting with
# are comments. The file names say sq and en whatever the languages. The
pairings of paralel pair are list files too (a third field that is a score
is not a name; lines of unpaired documents are skipped), and "-" reads a
list from the standard input. A file whose first line is not a document,
or whose lines name no file that exists (a text, or a TSV of links, given
for a list), is an error. With --pair, the two inputs are collections
of documents that paralel pair pairs first (see paralel pair --help).

The standard input may also hold JSON lines of documents, one object a
line, told apart from a list by its first line (an object with "doc"):

  {"doc": "NAME", "src": "TEXT", "tgt": "TEXT"}
  {"doc": "NAME", "src_path": "PATH", "tgt_path": "PATH"}

the texts themselves, or the paths of two text files. These are streamed:
each document is aligned on its own and its links written (and flushed) as
soon as it and those before it are done, in order, in the memory of a few
documents however many come. A line that is not a document is counted as
a failed document named "line N" and the run goes on. This is the unit a
distributed engine drives (GNU parallel --pipe, Spark's RDD.pipe, Hadoop
Streaming, the Beam pipeline in beam/).

--shard I/N keeps the documents whose names hash to shard I of N, so that
N processes given the same input write, together, exactly the links of one
run, each document once. --lexicon FILE aligns each document on its own
with a lexicon learnt beforehand by paralel lexicon from a sample of the
documents, so that shards keep most of the evidence of a pooled run.

The documents are aligned together, with a lexicon induced from all of them,
which aligns short documents better than each alone but holds them all in
memory; --each aligns each on its own, holding only the few under way. A
document that cannot be read, or that paralel align refuses (an empty side,
the same text on both sides, sides that read as each other's language
unless --allow-swapped), is reported by name and
skipped (with --strict it ends the run); the output is then written with
the others, but the exit status is non-zero. Unless Ctrl+C stops the run
before its output is complete (nothing is then written), a summary goes to the
standard error: documents, sentences, links, the share of doubtful links
(scored under --doubtful),
what the filters dropped, and warnings naming their document: problems met
in reading it (a subtitle cue whose timing is broken; three a side, the
others counted) and signs that its alignment is off.

The format is that of -f, or the one the extension of -o says, TSV by
default, here with the link type and document columns (--tsv-meta=false
leaves them out):
` + format.Describe() + `
Links with an empty side are left out of TSV, TMX and Moses unless
--keep-unaligned is given.`,
		Example: `  # A TMX of a whole set of article pairs, one <tu> per link with its x-document
  paralel batch -o news.tmx articles/

  # Saved web pages, one folder per document holding sq.html and en.html
  paralel batch -o pages.tmx ../shared/eval/formats-dev/html

  # Documents listed in a file, as TSV with a header row
  paralel batch --header -o corpus.tsv docs.list

  # Confident, distinct pairs as a Moses corpus (train.sq, train.en)
  paralel batch --min-score 0.8 --dedupe -f moses -o train articles/

  # Two folders of articles, paired and aligned into one corpus
  paralel pair sq/ en/ | paralel batch -o corpus.tmx -
  paralel batch --pair -o corpus.tmx sq/ en/

  # Pre-split documents, each aligned on its own, stopping at a bad one
  paralel batch --presplit --each --strict -o links.jsonl ../shared/eval/ntrex-dev

  # JSON lines of documents streamed in, links streamed out, in 4 shards
  paralel lexicon -o news.lex - < docs.jsonl
  for i in 1 2 3 4; do
    paralel batch --shard $i/4 --lexicon news.lex -f jsonl -o links-$i.jsonl - < docs.jsonl &
  done; wait`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if opts.Pair && len(args) != 2 {
				return fmt.Errorf("--pair takes two inputs, the collections to pair: got %d", len(args))
			}
			if err := in.setBatch(&opts.Batch); err != nil {
				return err
			}
			if err := checkDoubtful(opts.Batch.Doubtful); err != nil {
				return err
			}
			if opts.Output == "" {
				opts.Output = "-"
			}
			// Language data is by language, not region.
			opts.Batch.Align = align.Options{SrcLang: opts.Export.SrcLang, TgtLang: opts.Export.TgtLang, InOrder: inOrder}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runBatch(cmd.Context(), opts)
		},
	}
	flags := cmd.Flags()
	in = addInputFlags(cmd, "documents are sq.sent and en.sent, one segment a line: do not split sentences").addDocumentFlags(cmd).addDumpFlag(cmd)
	addAllowSwappedFlag(cmd, &opts.Batch.AllowSwapped)
	addInOrderFlag(cmd, &inOrder)
	flags.BoolVar(&opts.Pair, "pair", false, "the two inputs are collections of documents (folders, lists): pair them first, as paralel pair does")
	flags.BoolVar(&opts.Batch.Each, "each", false, "align each document on its own: less memory, no lexicon shared across documents")
	flags.BoolVar(&opts.Batch.Strict, "strict", false, "stop at the first document that cannot be read, writing nothing")
	flags.StringVar(&opts.Shard, "shard", "", "keep shard `I/N` of the documents, by a hash of their names")
	flags.StringVar(&opts.Lexicon, "lexicon", "", "align each document on its own with the lexicon in `FILE` (see paralel lexicon)")
	addLangFlags(cmd, &opts.Export.SrcLang, &opts.Export.TgtLang, "the source side", "the target side", false)
	addFormatFlag(cmd, &opts.Format, "", "output `format`: tsv, tmx, jsonl, moses, ids (default: from the -o extension, else tsv)", format.Names())
	addOutputFlag(cmd, &opts.Output, "write to `FILE` (complete or not at all) instead of the standard output")
	addExportFlags(cmd, &opts.Export, opts.IO.ErrOut)
	addDoubtfulFlag(cmd, &opts.Batch.Doubtful)
	// A corpus of many documents needs to say where each pair comes from.
	opts.Export.TSVMeta = true
	flags.Lookup("tsv-meta").DefValue = "true"
	return cmd
}

func runBatch(ctx context.Context, opts *BatchOptions) error {
	ios := opts.IO
	bopt := opts.Batch
	var err error
	if opts.Shard != "" {
		if bopt.Shard, err = batch.ParseShard(opts.Shard); err != nil {
			return withFlag(err, "--shard")
		}
	}
	if opts.Lexicon != "" {
		if bopt.Align.Lexicon, err = readLexicon(opts.Lexicon); err != nil {
			return err
		}
	}
	docs, stream, err := batchDocs(opts)
	if err != nil {
		return err
	}
	name, err := format.ResolveOutput(opts.Format, opts.Output)
	if err != nil {
		return withFlag(err, "-f")
	}
	exp := opts.Export
	exp.Stdout = ios.Out
	for _, d := range docs {
		exp.Inputs = append(exp.Inputs, d.Src, d.Tgt)
	}
	exp.Inputs = append(exp.Inputs, opts.Inputs...) // a list file
	w, err := format.CreateContext(ctx, name, opts.Output, exp)
	if err != nil {
		return err
	}
	defer w.Close()

	var sum *batch.Summary
	if stream != nil {
		sum, err = batch.Stream(ctx, stream, w, bopt)
	} else {
		bar := ios.ProgressBar("aligning")
		bopt.Align.Progress = bar.Update
		sum, err = batch.Run(ctx, docs, w, bopt)
		bar.Finish()
	}
	if err == nil {
		err = w.Commit()
	}
	if err != nil && ctx.Err() != nil {
		// Interrupted: nothing is written, and no summary says otherwise.
		return err
	}
	for _, line := range sum.Report() {
		note(ios.ErrOut, "%s", line)
	}
	if err != nil {
		return err
	}
	if n := len(sum.Failed); n > 0 {
		return fmt.Errorf("%d of %d documents failed", n, sum.Docs)
	}
	return nil
}

// batchDocs lists the documents of the inputs: those that pairing the two
// inputs finds with --pair, or those of batch.LoadInputs.
func batchDocs(opts *BatchOptions) ([]batch.Doc, *batch.DocReader, error) {
	switch {
	case opts.Pair:
		res, src, tgt, err := pairDocuments(opts.IO, opts.Inputs[0], opts.Inputs[1], opts.Batch.Read,
			pair.Options{SrcLang: opts.Export.SrcLang, TgtLang: opts.Export.TgtLang})
		if err != nil {
			return nil, nil, err
		}
		var docs []batch.Doc
		for _, m := range res.Pairs {
			s, t := src[m.Src], tgt[m.Tgt]
			if s.Path == "" || t.Path == "" {
				return nil, nil, fmt.Errorf("%s and %s: batch --pair aligns documents kept in files; write the pairing with paralel pair instead", s.Name, t.Name)
			}
			docs = append(docs, batch.Doc{Name: s.Name, Src: s.Path, Tgt: t.Path})
		}
		if len(docs) == 0 {
			return nil, nil, errors.New("no pair of documents found")
		}
		return docs, nil, nil
	}
	return batch.LoadInputs(opts.Inputs, opts.IO.In, opts.Batch.Mode)
}
