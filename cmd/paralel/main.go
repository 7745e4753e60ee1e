// Command paralel splits, aligns, reviews and exports Albanian–English
// parallel text. Run "paralel help" for the commands.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := newRootCmd().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "paralel:", err)
		os.Exit(1)
	}
}
