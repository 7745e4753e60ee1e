// Package interrupt stops a run cleanly on SIGINT (Ctrl+C) or SIGTERM: the
// run's context is cancelled, so that a command watching it can stop and
// discard what it was writing, and a command that does not is stopped
// after a grace period, as it is at once on a second signal, after a
// cleanup that removes its temporary files and a line on the standard
// error that says why it stopped. The exit status is the shell's for a
// signal: 130 for SIGINT, 143 for SIGTERM.
package interrupt

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

// Signals are the signals that stop a run.
var Signals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// An Error is the cause of a context that a signal cancelled.
type Error struct{ Signal os.Signal }

func (e *Error) Error() string { return "interrupted (" + e.Signal.String() + ")" }

// ExitCode is the status of a program that sig stopped, as a shell gives
// it: 128 plus the signal's number.
func ExitCode(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// Notify returns a context that the first of Signals cancels, with an
// *Error as its cause. If the run has not called stop grace after that
// signal, or another signal comes, Notify calls cleanup, writes to errOut
// the line "PROGRAM: interrupted (SIGNAL)" and exits the process with
// ExitCode. stop ends the watch; call it when the run is over.
func Notify(parent context.Context, grace time.Duration, errOut io.Writer, cleanup func()) (ctx context.Context, stop func()) {
	return notify(parent, grace, errOut, cleanup, os.Exit)
}

func notify(parent context.Context, grace time.Duration, errOut io.Writer, cleanup func(), exit func(int)) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, Signals...)
	done := make(chan struct{})
	go func() {
		var first os.Signal
		select {
		case first = <-sigs:
		case <-done:
			return
		}
		cancel(&Error{Signal: first})
		timer := time.NewTimer(grace)
		defer timer.Stop()
		select {
		case <-done:
			return
		case sig := <-sigs:
			first = sig
		case <-timer.C:
		}
		cleanup()
		fmt.Fprintf(errOut, "%s: %v\n", filepath.Base(os.Args[0]), &Error{Signal: first})
		exit(ExitCode(first))
	}()
	stop := func() {
		signal.Stop(sigs)
		select {
		case <-done:
		default:
			close(done)
		}
		cancel(nil)
	}
	return ctx, stop
}

// Cause returns the signal that cancelled ctx, if one did.
func Cause(ctx context.Context) (os.Signal, bool) {
	if e, ok := context.Cause(ctx).(*Error); ok {
		return e.Signal, true
	}
	return nil, false
}
