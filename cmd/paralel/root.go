// Every command of paralel has the same shape, that of the GitHub CLI's:
//
//   - a file of its own, x.go, holding an XOptions struct, NewCmdX and runX;
//   - NewCmdX(f *Factory, runF func(context.Context, *XOptions) error)
//     builds the cobra command, whose flags parse into an XOptions. Its RunE
//     only checks and completes the options (the arguments, what the flags
//     imply) and then calls runF, or runX when runF is nil;
//   - runX(ctx, opts) does the work, reading and writing only opts.IO (the
//     streams, and whether they are terminals) and the files the options
//     name. Progress, notes and warnings go to opts.IO.ErrOut through note
//     and warn, never to os.Stderr. What is more than gluing library calls
//     together belongs in a library package, where a test can reach it;
//   - newRootCmd adds it with AddCommand.
//
// To add a command: copy the shape of a small one (convert.go), give it
// Example text, use the shared flag helpers of flags.go (addLangFlags,
// addInputFlags, addExportFlags, addFormatFlag for -f/--format, addOutputFlag,
// addDoubtfulFlag for a command that shows or counts doubtful links,
// aliasFlag to keep an old name) so that a flag means the same everywhere,
// add it in newRootCmd, and test its flags with a runF that captures the
// options (see TestParseAlign in options_test.go), its terminal output on a
// fake terminal (terminal_test.go) and its work through runCmd on fake
// streams.
//
// (Not the package comment, which is main.go's.)

package main

import (
	"github.com/spf13/cobra"

	"github.com/paralel/paralel/internal/iostreams"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// A Factory gives the commands what they share with the world: today the
// streams. Tests make one on fake streams.
type Factory struct {
	IOStreams *iostreams.IOStreams
}

func newRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "paralel",
		Short: "Split, align and export Albanian–English parallel text",
		Long: `paralel splits an Albanian article and its English translation into
sentences, aligns them, scores every link, lets a translator check the result
and exports TMX, TSV, Moses and JSON lines.`,
		Example: `  # Align the sample article pair and look at it side by side
  paralel align testdata/rama/sq.txt testdata/rama/en.txt

  # Export a translation memory for a CAT tool
  paralel align -o rama.tmx testdata/rama/sq.txt testdata/rama/en.txt

  # Check and fix the alignment in the browser before saving it
  paralel review -o rama.tmx testdata/rama/sq.txt testdata/rama/en.txt

  # Split a text into sentences, one a line
  paralel split --lang sq testdata/rama/sq.txt`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// cobra's own output (help, usage, version, completion) goes to the
	// same streams as the commands'.
	ios := f.IOStreams
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)

	root.AddCommand(
		NewCmdSplit(f, nil),
		NewCmdExtract(f, nil),
		NewCmdAlign(f, nil),
		NewCmdReview(f, nil),
		NewCmdConvert(f, nil),
		NewCmdEval(f, nil),
		NewCmdBatch(f, nil),
		NewCmdPair(f, nil),
		NewCmdLexicon(f, nil),
		newCmdCompletion(),
	)
	return root
}
