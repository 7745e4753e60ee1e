package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// runCmd runs paralel with args and returns what it printed.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return runIn(t, strings.NewReader(""), args...)
}

// runIn runs paralel with args, reading stdin, and returns what it printed.
func runIn(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	root := newRootCmd()
	var out, errOut bytes.Buffer
	root.SetIn(stdin)
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err = root.Execute()
	return out.String(), errOut.String(), err
}
