// Command paralel splits, aligns, reviews and exports Albanian–English
// parallel text. Run "paralel help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/interrupt"
	"github.com/paralel/paralel/internal/iostreams"
)

// interruptGrace is how long a command has, after Ctrl+C or SIGTERM, to
// stop by itself (a review saving its session) before it is stopped.
const interruptGrace = 3 * time.Second

func main() {
	ios := iostreams.System()
	discard := func() { corpus.DiscardPending() }
	ctx, stop := interrupt.Notify(context.Background(), interruptGrace, ios.ErrOut, discard)
	err := newRootCmd(&Factory{IOStreams: ios}).ExecuteContext(ctx)
	stop()
	if sig, ok := interrupt.Cause(ctx); ok && err != nil {
		// A command that ends by a signal as a matter of course (a
		// review) returns nil and exits 0; others exit as the shell
		// expects of a program a signal stopped, leaving no output.
		discard()
		if errors.Is(err, context.Canceled) {
			err = errors.New("interrupted: nothing written")
		}
		fmt.Fprintln(ios.ErrOut, "paralel:", err)
		os.Exit(interrupt.ExitCode(sig))
	}
	if err != nil {
		fmt.Fprintln(ios.ErrOut, "paralel:", err)
		os.Exit(1)
	}
}
