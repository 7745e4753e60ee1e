package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/paralel/paralel/internal/iostreams"
)

// testFactory returns a Factory on fake streams, none a terminal, reading
// stdin.
func testFactory(stdin io.Reader) (f *Factory, stdout, stderr *bytes.Buffer) {
	ios, _, stdout, stderr := iostreams.Test()
	ios.In = stdin
	return &Factory{IOStreams: ios}, stdout, stderr
}

// runCmd runs paralel with args and returns what it printed.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return runIn(t, strings.NewReader(""), args...)
}

// runIn runs paralel with args, reading stdin, and returns what it printed.
func runIn(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	f, out, errOut := testFactory(stdin)
	return runWith(f, out, errOut, args...)
}

// runWith runs paralel on f's streams, out and errOut, with args.
func runWith(f *Factory, out, errOut *bytes.Buffer, args ...string) (stdout, stderr string, err error) {
	root := newRootCmd(f)
	root.SetArgs(args)
	err = root.Execute()
	return out.String(), errOut.String(), err
}

// testFactoryQuiet is a Factory on fake streams, for a test that looks at
// the commands, not at what they print.
func testFactoryQuiet() *Factory {
	f, _, _ := testFactory(strings.NewReader(""))
	return f
}
