// Package iostreams holds the streams a command reads and writes, and
// whether its output and error streams are terminals, as the GitHub CLI's
// package of the same name does. Commands take what they show on a
// terminal (the side-by-side view, the progress bar) from an IOStreams
// rather than from os.Stdout and os.Stderr, so that a test can run them on
// a fake terminal: Test gives streams writing to buffers, which
// SetStdoutTTY and SetStderrTTY make pass for terminals.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/paralel/paralel/internal/progress"
	"github.com/paralel/paralel/internal/sidebyside"
)

// IOStreams are the standard input, output and error of a command.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	outTTY, errTTY bool
	width          func() int // columns of the terminal Out is; 0 if unknown
}

// System returns the process's own streams, telling whether standard
// output and standard error are terminals.
func System() *IOStreams {
	return &IOStreams{
		In:     os.Stdin,
		Out:    os.Stdout,
		ErrOut: os.Stderr,
		outTTY: isTerminal(os.Stdout),
		errTTY: isTerminal(os.Stderr),
		width: func() int {
			w, _, err := term.GetSize(int(os.Stdout.Fd()))
			if err != nil {
				return 0
			}
			return w
		},
	}
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// Test returns streams reading from and writing to buffers, none of them
// a terminal until SetStdoutTTY or SetStderrTTY says so.
func Test() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	ios = &IOStreams{In: in, Out: out, ErrOut: errOut}
	return ios, in, out, errOut
}

// IsStdoutTTY reports whether Out is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// IsStderrTTY reports whether ErrOut is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// SetStdoutTTY says whether Out is to be taken for a terminal.
func (s *IOStreams) SetStdoutTTY(tty bool) { s.outTTY = tty }

// SetStderrTTY says whether ErrOut is to be taken for a terminal.
func (s *IOStreams) SetStderrTTY(tty bool) { s.errTTY = tty }

// SetTerminalWidth sets the width of the terminal Out is, in columns.
func (s *IOStreams) SetTerminalWidth(columns int) { s.width = func() int { return columns } }

// TerminalWidth is the width in columns of the terminal Out is, or
// sidebyside.DefaultWidth when it is unknown.
func (s *IOStreams) TerminalWidth() int {
	if s.width != nil {
		if w := s.width(); w > 0 {
			return w
		}
	}
	return sidebyside.DefaultWidth
}

// SideBySide returns a side-by-side view writing to Out, fitted to the
// width of its terminal, and false when Out is not a terminal: files and
// pipes get a format that can be read back.
func (s *IOStreams) SideBySide() (*sidebyside.Writer, bool) {
	if !s.outTTY {
		return nil, false
	}
	w := sidebyside.NewWriter(s.Out)
	w.Width = s.TerminalWidth()
	return w, true
}

// ProgressBar returns a progress bar with label drawing on ErrOut when it
// is a terminal, and otherwise nil, a Bar that draws nothing: logs and
// pipes get no control characters.
func (s *IOStreams) ProgressBar(label string) *progress.Bar {
	if !s.errTTY {
		return nil
	}
	return progress.New(s.ErrOut, label)
}
