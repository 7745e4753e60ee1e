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
		Example: `  # Align an article with its translation and look at the result
  paralel align testdata/rama/sq.txt testdata/rama/en.txt

  # A translation memory for a CAT tool
  paralel align -o rama.tmx testdata/rama/sq.txt testdata/rama/en.txt

  # Check and fix the alignment in the browser, saving rama.tmx
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
	// cobra's completion command, made now to give it examples too.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Example = `  # Complete paralel's commands and flags in this bash session
  source <(paralel completion bash)

  # ... and in every new one (with the bash-completion package)
  paralel completion bash > ~/.local/share/bash-completion/completions/paralel`
		}
	}
	return root
}

// commands holds the constructors of the subcommands; each command's file
// registers its own in an init function, so that files stay independent.
var commands []func() *cobra.Command
