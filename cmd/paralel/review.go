package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/pipeline/input"
	"github.com/paralel/paralel/review"
)

// ReviewOptions are what paralel review is asked to do: review the
// alignment of Src and Tgt, or reopen Reopen.
type ReviewOptions struct {
	IO *iostreams.IOStreams

	Src, Tgt string        // the texts to align and review; Tgt empty for a page that holds both
	Reopen   string        // or the session or export to reopen
	Output   string        // the file Save writes; by default the document's name with .tmx
	Format   string        // its format; by default its extension's
	Doc      string        // the document every link names; empty for the default
	Input    input.Options // how Src and Tgt are read
	Port     int
	Doubtful float64 // rows scored below this are doubtful
	Restart  bool

	// AllowSwapped aligns sides that read as each other's language, which
	// is otherwise an error.
	AllowSwapped bool
	Export       format.Options

	// Given holds the flags given on the command line: they override what
	// a reopened session says.
	Given map[string]bool
}

// NewCmdReview makes paralel review; runF, when not nil, is called in
// place of runReview.
func NewCmdReview(f *Factory, runF func(context.Context, *ReviewOptions) error) *cobra.Command {
	opts := &ReviewOptions{IO: f.IOStreams}
	var in *inputFlags
	cmd := &cobra.Command{
		Use:   "review SRC TGT | FILE | PAGE",
		Short: "Check and fix an alignment in the browser",
		Long: `review aligns SRC with TGT and serves a page, on this machine only, on which
a translator checks the result, starting from the doubtful links (scored
under --doubtful, --threshold being another name of it), and fixes
it: join, split, move a sentence, mark a sentence as untranslated, confirm.
After each fix the links not yet confirmed are re-aligned around the fixed
ones. Work is autosaved to a session file beside the output (OUTPUT` + review.SessionExt + `);
Save on the page writes the output itself, with the filters of paralel
align. Every link in it names its document: --doc, or by default the name
paralel align gives it.

With one FILE, review reopens it: a session file, an output whose session file
lies beside it (exactly where the work stopped), or any TMX, TSV or JSONL
alignment. The flags given then override what the session says. Save
writes back unchanged the units the review did not change (a TMX keeps
their other languages, notes and props, and the units without the pair).
Any other single FILE is a PAGE that holds both languages, as paralel align
PAGE reads it.

SRC and TGT are read as paralel align reads them: text in any common
encoding, web pages and addresses, subtitles, DOCX, ODT and PDF.

The printed address holds a secret token: only those who have it can see or
change the review. While a review runs, another review of the same output is
refused (OUTPUT` + review.LockExt + ` names its process and address).

Output formats:
` + format.Describe(),
		Example: `  # Review the alignment of an article and its translation; Save writes rama.tmx
  paralel review -o rama.tmx testdata/rama/sq.txt testdata/rama/en.txt

  # Pre-split input, one sentence a line, saved as JSON lines, on a set port
  paralel review --presplit --port 8700 -o doc.jsonl doc.sq doc.en

  # Carry on where you stopped (the session file is rama.tmx.review.json)
  paralel review rama.tmx`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 && isPage(args[0]) {
				opts.Src = args[0]
			} else if len(args) == 1 {
				opts.Reopen = args[0]
			} else {
				opts.Src, opts.Tgt = args[0], args[1]
			}
			if err := input.CheckPaths(opts.Src, opts.Tgt); err != nil {
				return err
			}
			if err := checkDoubtful(opts.Doubtful); err != nil {
				return err
			}
			var err error
			if opts.Input, err = in.options(""); err != nil {
				return err
			}
			opts.Given = map[string]bool{}
			cmd.Flags().Visit(func(f *pflag.Flag) { opts.Given[f.Name] = true })
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runReview(cmd.Context(), opts)
		},
	}
	flags := cmd.Flags()
	addOutputFlag(cmd, &opts.Output, "file Save writes (default: the document's name with .tmx, in the current directory)")
	addFormatFlag(cmd, &opts.Format, "", "output `format` (default: from the output's extension)", format.Names())
	flags.StringVar(&opts.Doc, "doc", "", "document `NAME` every link carries (default: as paralel align gives it)")
	addLangFlags(cmd, &opts.Export.SrcLang, &opts.Export.TgtLang, "SRC", "TGT", false)
	in = addInputFlags(cmd, "inputs hold one segment a line: do not split sentences").addDocumentFlags(cmd).addDumpFlag(cmd)
	flags.IntVar(&opts.Port, "port", 0, "port on 127.0.0.1 (default: a free one)")
	addDoubtfulFlag(cmd, &opts.Doubtful)
	aliasFlag(cmd, "threshold", "doubtful")
	addAllowSwappedFlag(cmd, &opts.AllowSwapped)
	flags.BoolVar(&opts.Restart, "restart", false, "align afresh even if the output's session file holds a review")
	addExportFlags(cmd, &opts.Export, opts.IO.ErrOut)
	return cmd
}

func runReview(ctx context.Context, opts *ReviewOptions) error {
	var (
		s       *review.Session
		resumed bool // a review session reopened, not begun from an alignment or export
		err     error
	)
	// The port first, then the lock: a review that cannot start leaves no
	// session file behind, and never touches another's.
	ln, err := review.Listen(opts.Port)
	if err != nil {
		return err
	}
	defer ln.Close()
	output := cmp.Or(opts.Output, opts.Reopen)
	if output == "" {
		if output, err = review.DefaultExport(opts.Src, opts.Export.SrcLang, opts.Doc); err != nil {
			return withFlag(err, "--output")
		}
	}
	export, err := review.ExportOf(output)
	if err != nil {
		return err
	}
	lock, err := review.LockExport(export, ln.Addr().String())
	if err != nil {
		return err
	}
	defer lock.Release()
	if opts.Reopen != "" {
		if s, resumed, err = review.Open(opts.Reopen); err != nil {
			return err
		}
		if opts.Given["doc"] {
			s.Export.Doc = opts.Doc
		}
	} else {
		formatName, err := format.Resolve(opts.Format, output)
		if err != nil {
			return withFlag(err, "--format")
		}
		files, err := format.Files(formatName, export, opts.Export)
		if err != nil {
			return err
		}
		for _, f := range files {
			if err := corpus.CheckOutput(f, opts.Src, opts.Tgt); err != nil {
				return err
			}
		}
		srcLang, tgtLang := opts.Export.SrcLang, opts.Export.TgtLang
		src, tgt, err := reviewInputs(opts)
		if err != nil {
			return err
		}
		langs, err := checkSides(opts.Src, opts.Tgt, src.Sentences, tgt.Sentences, srcLang, tgtLang, opts.AllowSwapped)
		if err != nil {
			return err
		}
		exp := review.Export{Path: export, Format: formatName, Doc: opts.Doc}
		setExport(&exp, opts.Export, nil)
		aopt := align.Options{SrcLang: srcLang, TgtLang: tgtLang}
		if s, resumed, err = review.Begin(src, tgt, langs, exp, aopt, opts.Restart); err != nil {
			return err
		}
	}
	s.Export.ToolVersion = version
	setExport(&s.Export, opts.Export, opts.Given)
	if opts.Given["doubtful"] || !resumed {
		s.Threshold = opts.Doubtful
	}
	srv := review.NewServer(s, ln.Addr().String(), review.NewToken())
	out := opts.IO.Out
	for _, w := range s.Warnings {
		warn(opts.IO.ErrOut, w)
	}
	st := s.Stats()
	switch {
	case resumed:
		fmt.Fprintf(out, "Resumed the review of %d links, %d doubtful.", st.Links, st.Doubtful)
	case opts.Reopen != "":
		fmt.Fprintf(out, "Read %d links, %d doubtful, from %s, which has no review session: each side of a link is one sentence.", st.Links, st.Doubtful, opts.Reopen)
	default:
		fmt.Fprintf(out, "Aligned %d links, %d doubtful.", st.Links, st.Doubtful)
	}
	fmt.Fprintf(out, " Save writes %s; work is autosaved to %s.\n", s.Export.Path, s.File)
	fmt.Fprintf(out, "Review at %s\n(Ctrl+C to stop)\n", srv.URL())
	err = review.Serve(ctx, ln, srv) // main cancels ctx on Ctrl+C or SIGTERM
	if note := s.StopNote(); note != "" {
		fmt.Fprintln(opts.IO.ErrOut, note)
	}
	return err
}

// isPage reports whether the one file review is given is a page to align
// rather than a session or an export to reopen.
func isPage(path string) bool {
	if extract.IsURL(path) {
		return true
	}
	if strings.HasSuffix(path, review.SessionExt) {
		return false
	}
	if _, err := os.Stat(review.SessionFile(path)); err == nil {
		return false
	}
	_, err := format.Resolve("", path)
	return err != nil
}

// reviewInputs reads the two sides to review, or the page that holds both.
func reviewInputs(opts *ReviewOptions) (src, tgt review.Input, err error) {
	srcLang, tgtLang := opts.Export.SrcLang, opts.Export.TgtLang
	ew := opts.IO.ErrOut
	if opts.Tgt == "" {
		page, err := readPage(ew, opts.Src, opts.Input, srcLang, tgtLang)
		if err != nil {
			return src, tgt, err
		}
		if src, err = review.NewInput(opts.Src, srcLang, page.Src.Sentences); err != nil {
			return src, tgt, err
		}
		tgt, err = review.NewInput(opts.Src, tgtLang, page.Tgt.Sentences)
		return src, tgt, err
	}
	read := func(path, lang string) (review.Input, error) {
		opt := opts.Input
		opt.Lang = lang
		in, rep, err := review.ReadInput(path, opt)
		if err == nil {
			noteInput(ew, rep)
		}
		return in, err
	}
	if src, err = read(opts.Src, srcLang); err != nil {
		return src, tgt, err
	}
	tgt, err = read(opts.Tgt, tgtLang)
	return src, tgt, err
}

// setExport sets the filters and TSV columns of e from the export flags
// in opt: all of them when given is nil, else those given.
func setExport(e *review.Export, opt format.Options, given map[string]bool) {
	all := given == nil
	if all || given["keep-unaligned"] {
		e.KeepUnaligned = opt.KeepUnaligned
	}
	if all || given["min-score"] {
		e.MinScore = opt.MinScore
	}
	if all || given["dedupe"] {
		e.Dedupe = opt.Dedupe
	}
	if all || given["header"] {
		e.Header = opt.Header
	}
	if all || given["tsv-meta"] {
		e.TSVMeta = opt.TSVMeta
	}
}
