package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
)

// This file holds what several commands share: the flags that say how text
// is read and how pairs are exported, and the notes they print.

// inputFlags are --presplit and --wrapped, which say how the lines of a
// text input make paragraphs and sentences.
type inputFlags struct {
	presplit, wrapped bool
}

// readFlags adds --wrapped to cmd and, unless presplitHelp is empty,
// --presplit with that help: only the command knows what its pre-split
// input is called, and eval's sets say it by their file names.
func readFlags(cmd *cobra.Command, presplitHelp string) *inputFlags {
	in := &inputFlags{}
	f := cmd.Flags()
	if presplitHelp != "" {
		f.BoolVar(&in.presplit, "presplit", false, presplitHelp)
	}
	f.BoolVar(&in.wrapped, "wrapped", false, "lines are wrapped inside paragraphs: only a blank line ends a paragraph")
	return in
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

// exportOptions adds to cmd the flags of the filters and TSV columns that
// every command writing pairs shares, and sets what the formats need to
// know of the program: its version (for TMX) and where warnings go.
func exportOptions(cmd *cobra.Command, opt *format.Options) {
	f := cmd.Flags()
	f.BoolVar(&opt.KeepUnaligned, "keep-unaligned", false, "keep links with an empty side (1-0, 0-1) in TMX, TSV and Moses, with an empty field")
	f.Float64Var(&opt.MinScore, "min-score", 0, "leave out links scored below this, and say how many")
	f.BoolVar(&opt.Dedupe, "dedupe", false, "leave out repeated pairs")
	f.BoolVar(&opt.Header, "header", false, "TSV: start with a row naming the columns")
	f.BoolVar(&opt.TSVMeta, "tsv-meta", false, "TSV: add the link type (2-1) and document columns after the score")
	opt.ToolVersion = version
	opt.Warn = func(err error) { warn(cmd, err) }
}

// withFlag adds to an error of format.Resolve the flag that names the
// format instead.
func withFlag(err error, flag string) error {
	if errors.Is(err, format.ErrNoFormat) {
		return fmt.Errorf("%w: give %s", err, flag)
	}
	return err
}

// note prints a line for the user on the standard error, after the
// program's name like the error that ends a run, so that it stands apart
// from the output when both go to a terminal.
func note(cmd *cobra.Command, format string, args ...any) {
	fmt.Fprintf(cmd.ErrOrStderr(), "paralel: "+format+"\n", args...)
}

// warn notes a problem that does not stop the run.
func warn(cmd *cobra.Command, problem any) {
	note(cmd, "warning: %v", problem)
}
