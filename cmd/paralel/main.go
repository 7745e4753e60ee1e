// Command paralel splits, aligns, reviews and exports Albanian–English
// parallel text. Run "paralel help" for the commands.
package main

import (
	"fmt"
	"os"

	"github.com/paralel/paralel/internal/iostreams"
)

func main() {
	ios := iostreams.System()
	if err := newRootCmd(&Factory{IOStreams: ios}).Execute(); err != nil {
		fmt.Fprintln(ios.ErrOut, "paralel:", err)
		os.Exit(1)
	}
}
