package main

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/review"
)

func init() { commands = append(commands, newReviewCmd) }

func newReviewCmd() *cobra.Command {
	var (
		output, formatName string
		doc                string
		srcLang, tgtLang   string
		input              *inputFlags
		port               int
		threshold          float64
		restart, tsvMeta   bool
	)
	cmd := &cobra.Command{
		Use:   "review SRC TGT | FILE",
		Short: "Check and fix an alignment in the browser",
		Long: `review aligns SRC with TGT and serves a page, on this machine only, on which
a translator checks the result, starting from the doubtful links, and fixes
it: join, split, move a sentence, mark a sentence as untranslated, confirm.
After each fix the links not yet confirmed are re-aligned around the fixed
ones. Work is autosaved to a session file beside the output (OUTPUT` + review.SessionExt + `);
Save on the page writes the output itself. Every link in it names its
document: --doc, or by default the name paralel align gives it.

With one FILE, review reopens it: a session file, an output whose session file
lies beside it (exactly where the work stopped), or any TMX, TSV or JSONL
alignment.

The printed address holds a secret token: only those who have it can see or
change the review.

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
			var (
				s       *review.Session
				resumed bool // a review session reopened, not begun from an alignment or export
				err     error
			)
			if !(threshold >= 0 && threshold <= 1) { // NaN too
				return fmt.Errorf("--threshold %v: want a score in [0,1]", threshold)
			}
			if len(args) == 1 {
				if s, resumed, err = review.Open(args[0]); err != nil {
					return err
				}
				if cmd.Flags().Changed("doc") {
					s.Export.Doc = doc
				}
			} else {
				if output == "" {
					base := filepath.Base(args[0])
					output = strings.TrimSuffix(base, filepath.Ext(base)) + ".tmx"
				}
				if formatName, err = format.Resolve(formatName, output); err != nil {
					return withFlag(err, "--format")
				}
				mode, err := input.mode()
				if err != nil {
					return err
				}
				src, err := review.ReadInput(args[0], corpus.ReadOptions{Lang: srcLang, Mode: mode})
				if err != nil {
					return err
				}
				tgt, err := review.ReadInput(args[1], corpus.ReadOptions{Lang: tgtLang, Mode: mode})
				if err != nil {
					return err
				}
				abs, err := filepath.Abs(output)
				if err != nil {
					return err
				}
				exp := review.Export{Path: abs, Format: formatName, TSVMeta: tsvMeta, Doc: doc}
				opt := align.Options{SrcLang: srcLang, TgtLang: tgtLang}
				if s, resumed, err = review.Begin(src, tgt, exp, opt, restart); err != nil {
					return err
				}
			}
			s.Export.ToolVersion = version
			if cmd.Flags().Changed("tsv-meta") {
				s.Export.TSVMeta = tsvMeta
			}
			if cmd.Flags().Changed("threshold") || !resumed {
				s.Threshold = threshold
			}
			ln, err := review.Listen(port)
			if err != nil {
				return err
			}
			srv := review.NewServer(s, ln.Addr().String(), review.NewToken())
			out := cmd.OutOrStdout()
			for _, w := range s.Warnings {
				warn(cmd, w)
			}
			st := s.Stats()
			switch {
			case resumed:
				fmt.Fprintf(out, "Resumed the review of %d links, %d doubtful.", st.Links, st.Doubtful)
			case len(args) == 1:
				fmt.Fprintf(out, "Read %d links, %d doubtful, from %s, which has no review session: each side of a link is one sentence.", st.Links, st.Doubtful, args[0])
			default:
				fmt.Fprintf(out, "Aligned %d links, %d doubtful.", st.Links, st.Doubtful)
			}
			fmt.Fprintf(out, " Save writes %s; work is autosaved to %s.\n", s.Export.Path, s.File)
			fmt.Fprintf(out, "Review at %s\n(Ctrl+C to stop)\n", srv.URL())
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return review.Serve(ctx, ln, srv)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&output, "output", "o", "", "file Save writes (default: SRC's name with .tmx, in the current directory)")
	f.StringVarP(&formatName, "format", "f", "", "output format (default: from the output's extension)")
	f.StringVar(&doc, "doc", "", "document `NAME` every link carries (default: as paralel align gives it)")
	f.BoolVar(&tsvMeta, "tsv-meta", false, "TSV: add the link type (2-1) and document columns after the score")
	f.StringVar(&srcLang, "src-lang", "sq", "language of SRC")
	f.StringVar(&tgtLang, "tgt-lang", "en", "language of TGT")
	input = readFlags(cmd, "inputs hold one segment a line: do not split sentences")
	f.IntVar(&port, "port", 0, "port on 127.0.0.1 (default: a free one)")
	f.Float64Var(&threshold, "threshold", review.DefaultThreshold, "links scored below this are doubtful")
	f.BoolVar(&restart, "restart", false, "align afresh even if the output's session file holds a review")
	return cmd
}
