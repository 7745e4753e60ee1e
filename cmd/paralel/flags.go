package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/pipeline/batch"
	"github.com/paralel/paralel/pipeline/input"
)

// This file holds what several commands share: the flags that say how text
// is read, in which languages, and how pairs are exported, and the notes
// the commands print. A flag that two commands have is added here, so that
// it has the same name, shorthand and meaning in both.

// inputFlags are --presplit and --wrapped, which say how the lines of a
// text input make paragraphs and sentences, --input-format and
// --encoding, which force what is otherwise told from the content, and
// --timeout, how long a web address may take, and --dump-text, where the
// text read is shown.
type inputFlags struct {
	presplit, wrapped bool
	format, encoding  string
	timeout           time.Duration
	dumpDir           string
}

// addInputFlags adds --wrapped to cmd and, unless presplitHelp is empty,
// --presplit with that help: only the command knows what its pre-split
// input is called, and eval's sets say it by their file names.
func addInputFlags(cmd *cobra.Command, presplitHelp string) *inputFlags {
	in := &inputFlags{}
	f := cmd.Flags()
	if presplitHelp != "" {
		f.BoolVar(&in.presplit, "presplit", false, presplitHelp)
	}
	f.BoolVar(&in.wrapped, "wrapped", false, "lines are wrapped inside paragraphs: only a blank line ends a paragraph (default: told from the line lengths)")
	return in
}

// addDocumentFlags adds --input-format, --encoding and --timeout to cmd,
// for the commands that read documents through pipeline/input.
func (in *inputFlags) addDocumentFlags(cmd *cobra.Command) *inputFlags {
	f := cmd.Flags()
	// Zero stands for the default, so that the options equal the library's.
	f.DurationVar(&in.timeout, "timeout", 0, fmt.Sprintf("give up on a web address not read whole within this `duration` (default %v)", extract.DefaultTimeout))
	f.StringVar(&in.format, "input-format", "", "read the input as `FORMAT`: "+strings.Join(extract.Formats, ", ")+" (default: told from the content)")
	f.StringVar(&in.encoding, "encoding", "", "the text's `ENCODING`, such as windows-1250, iso-8859-2, utf-16le (default: detected)")
	_ = cmd.RegisterFlagCompletionFunc("input-format", cobra.FixedCompletions(extract.Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("encoding", cobra.FixedCompletions([]string{"utf-8", "utf-16le", "utf-16be", "windows-1250", "iso-8859-2", "windows-1252", "iso-8859-1"}, cobra.ShellCompDirectiveNoFileComp))
	return in
}

// addDumpFlag adds --dump-text to cmd, the folder where the commands that
// read documents write the text they read from each
// (input.Options.DumpDir).
func (in *inputFlags) addDumpFlag(cmd *cobra.Command) *inputFlags {
	cmd.Flags().StringVar(&in.dumpDir, "dump-text", "", "write the text read from each input to a file in `DIR` named after it (sq.html.txt), to see what the aligner saw")
	_ = cmd.MarkFlagDirname("dump-text")
	return in
}

// read is the input.Options the document flags give, whatever the
// language and the mode of the text.
func (in *inputFlags) read() input.Options {
	return input.Options{Format: in.format, Encoding: in.encoding, Timeout: in.timeout, DumpDir: in.dumpDir}
}

// setBatch sets in b the options of batch.Options that the flags give.
func (in *inputFlags) setBatch(b *batch.Options) error {
	var err error
	b.Mode, err = in.mode()
	b.Read = in.read()
	return err
}

// options are the input.Options the flags give, for a text in lang.
func (in *inputFlags) options(lang string) (input.Options, error) {
	opt := in.read()
	opt.Lang = lang
	var err error
	opt.Mode, err = in.mode()
	return opt, err
}

// document is the input of split and extract, the one optional argument
// ("-", the standard input, when there is none), and how it is read.
func (in *inputFlags) document(args []string, lang string) (string, input.Options, error) {
	path := "-"
	if len(args) == 1 {
		path = args[0]
	}
	opt, err := in.options(lang)
	return path, opt, err
}

// openText opens the document at path for split and extract: a file, a
// web address, or "-" for the standard input of ios.
func openText(ios *iostreams.IOStreams, path string, opt input.Options) (*input.Text, error) {
	if path == "-" {
		opt.Name = "stdin"
		return input.NewText(ios.In, opt)
	}
	return input.Open(path, opt)
}

// noteInput says on w what was read from an input, unless it was what the
// splitter always read: UTF-8 text with a paragraph a line.
func noteInput(w io.Writer, rep *extract.Report) {
	warnInput(w, rep)
	if rep.Format == extract.Text && rep.Encoding == "utf-8" && !rep.Wrapped {
		return
	}
	note(w, "read %s", rep)
}

// warnInput says on w what was wrong in an input that did not stop its
// reading, such as a broken subtitle cue.
func warnInput(w io.Writer, rep *extract.Report) {
	for _, err := range rep.Warnings {
		warn(w, rep.Name+": "+err.Error())
	}
}

// readPage reads the page at path that holds both languages, and notes on
// w what it read and kept.
func readPage(w io.Writer, path string, opt input.Options, srcLang, tgtLang string) (*input.Page, error) {
	page, err := input.ReadPage(path, opt, srcLang, tgtLang)
	if err != nil {
		return nil, err
	}
	warnInput(w, page.Report)
	note(w, "read %s; %s and %s paragraphs kept apart, %d others left out", page.Report, srcLang, tgtLang, page.Other)
	return page, nil
}

// readSides reads the two sides of an alignment: the files src and tgt,
// or when tgt is empty the page src that holds both languages. It notes
// what it read on w.
func readSides(w io.Writer, src, tgt string, opt input.Options, srcLang, tgtLang string) (*corpus.Document, *corpus.Document, error) {
	if tgt == "" {
		page, err := readPage(w, src, opt, srcLang, tgtLang)
		if err != nil {
			return nil, nil, err
		}
		return page.Src, page.Tgt, nil
	}
	var docs [2]*corpus.Document
	for i, side := range []struct{ path, lang string }{{src, srcLang}, {tgt, tgtLang}} {
		opt.Lang = side.lang
		doc, rep, err := input.ReadFile(side.path, opt)
		if err != nil {
			return nil, nil, err
		}
		noteInput(w, rep)
		docs[i] = doc
	}
	return docs[0], docs[1], nil
}

// mode is the corpus.Mode the flags choose: corpus.Lines unless one is
// given, an error if both are.
func (in *inputFlags) mode() (corpus.Mode, error) {
	switch {
	case in.presplit && in.wrapped:
		return 0, errors.New("--presplit and --wrapped exclude each other: pre-split text has one segment a line")
	case in.presplit:
		return corpus.Presplit, nil
	case in.wrapped:
		return corpus.Wrapped, nil
	}
	return corpus.Lines, nil
}

// addLangFlags adds --src-lang and --tgt-lang, the BCP 47 languages of the
// two sides, which the command's help calls src and tgt. They default to
// sq and en, or with fromInput to what the input says (for commands that
// read pairs which name their languages).
func addLangFlags(cmd *cobra.Command, srcLang, tgtLang *string, src, tgt string, fromInput bool) {
	f := cmd.Flags()
	for _, l := range []struct {
		p                    *string
		name, side, def, reg string
	}{
		{srcLang, "src-lang", src, "sq", "sq-AL"},
		{tgtLang, "tgt-lang", tgt, "en", "en-GB"},
	} {
		usage := fmt.Sprintf("language of %s, BCP 47 (%s, or %s to name the region in exports)", l.side, l.def, l.reg)
		value := l.def
		if fromInput {
			usage = fmt.Sprintf("language of %s, BCP 47 (default: from the input, else %s)", l.side, l.def)
			value = ""
		}
		f.StringVar(l.p, l.name, value, usage)
		_ = cmd.RegisterFlagCompletionFunc(l.name, cobra.FixedCompletions([]string{"sq", "en"}, cobra.ShellCompDirectiveNoFileComp))
	}
}

// addFormatFlag adds -f/--format, the format of the output, with the
// formats to complete.
func addFormatFlag(cmd *cobra.Command, p *string, value, usage string, formats []string) {
	cmd.Flags().StringVarP(p, "format", "f", value, usage)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// addOutputFlag adds -o/--output.
func addOutputFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVarP(p, "output", "o", "", usage)
}

// addExportFlags adds to cmd the flags of the filters and TSV columns that
// every command writing pairs shares, and sets what the formats need to
// know of the program: its version (for TMX) and where warnings go.
func addExportFlags(cmd *cobra.Command, opt *format.Options, warnings io.Writer) {
	f := cmd.Flags()
	f.BoolVar(&opt.KeepUnaligned, "keep-unaligned", false, "keep links with an empty side (1-0, 0-1) in TMX, TSV and Moses, with an empty field")
	f.Float64Var(&opt.MinScore, "min-score", 0, "leave out links scored below this, and say how many")
	f.BoolVar(&opt.Dedupe, "dedupe", false, "leave out repeated pairs")
	f.BoolVar(&opt.Header, "header", false, "TSV: start with a row naming the columns")
	f.BoolVar(&opt.TSVMeta, "tsv-meta", false, "TSV: add the link type (2-1), document and review status columns after the score")
	opt.ToolVersion = version
	opt.Warn = func(err error) { warn(warnings, err) }
}

// exportFlags are the names of the flags of addExportFlags.
var exportFlags = []string{"keep-unaligned", "min-score", "dedupe", "header", "tsv-meta"}

// addDoubtfulFlag adds --doubtful, the score under which a link is
// doubtful: marked "?" in the side-by-side view, counted in summaries and
// shown first on the review page. Every command that shows or counts
// doubtful links has it, with the same default.
func addDoubtfulFlag(cmd *cobra.Command, p *float64) {
	cmd.Flags().Float64Var(p, "doubtful", corpus.DefaultDoubtful, "links scored below this `score` are doubtful")
}

// checkDoubtful checks the value of --doubtful. Zero is refused: the
// libraries and the review session take it for "not set".
func checkDoubtful(score float64) error {
	if !(score > 0 && score <= 1) { // NaN too
		return fmt.Errorf("--doubtful %v: want a score in (0,1]", score)
	}
	return nil
}

// aliasFlag makes --old another name of the flag --name of cmd: it parses
// and completes as --name, and help shows only --name.
func aliasFlag(cmd *cobra.Command, old, name string) {
	flags := cmd.Flags()
	before := flags.GetNormalizeFunc()
	flags.SetNormalizeFunc(func(f *pflag.FlagSet, flag string) pflag.NormalizedName {
		if flag == old {
			flag = name
		}
		return before(f, flag)
	})
}

// withFlag adds to an error of format.Resolve the flag that names the
// format instead.
func withFlag(err error, flag string) error {
	if errors.Is(err, format.ErrNoFormat) {
		return fmt.Errorf("%w: give %s", err, flag)
	}
	return err
}

// note prints a line for the user on w, the standard error, after the
// program's name like the error that ends a run, so that it stands apart
// from the output when both go to a terminal.
func note(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "paralel: "+format+"\n", args...)
}

// warn notes a problem that does not stop the run.
func warn(w io.Writer, problem any) {
	note(w, "warning: %v", problem)
}
