package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// newCmdCompletion replaces cobra's default completion command, to give it
// examples and to write to the command's output, which cobra's fixes when
// the command is made.
func newCmdCompletion() *cobra.Command {
	shells := map[string]func(cmd *cobra.Command) error{
		"bash":       func(cmd *cobra.Command) error { return cmd.Root().GenBashCompletionV2(cmd.OutOrStdout(), true) },
		"zsh":        func(cmd *cobra.Command) error { return cmd.Root().GenZshCompletion(cmd.OutOrStdout()) },
		"fish":       func(cmd *cobra.Command) error { return cmd.Root().GenFishCompletion(cmd.OutOrStdout(), true) },
		"powershell": func(cmd *cobra.Command) error { return cmd.Root().GenPowerShellCompletionWithDesc(cmd.OutOrStdout()) },
	}
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script",
		Long: `completion prints the script that makes the shell complete paralel's
commands, flags and file names. Load it in the shell's start-up file.`,
		Example: `  # Complete paralel's commands and flags in this bash session
  source <(paralel completion bash)

  # ... and in every new one (with the bash-completion package)
  paralel completion bash > ~/.local/share/bash-completion/completions/paralel

  # zsh, with compinit enabled
  paralel completion zsh > "${fpath[1]}/_paralel"`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			gen, ok := shells[args[0]]
			if !ok {
				return fmt.Errorf("unknown shell %q", args[0])
			}
			return gen(cmd)
		},
	}
}
