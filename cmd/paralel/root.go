package main

import (
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func newRootCmd() *cobra.Command {
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
	for _, add := range commands {
		root.AddCommand(add())
	}
	return root
}

// commands holds the constructors of the subcommands; each command's file
// registers its own in an init function, so that files stay independent.
var commands []func() *cobra.Command
