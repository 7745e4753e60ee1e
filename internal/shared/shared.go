// Package shared locates the project's shared data folder for tests and
// benchmarks: the evaluation sets, sentence-boundary gold and the TMX DTD
// that live beside the repository in ../shared and are never copied into it.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder: $PARALEL_SHARED when set, otherwise the
// folder "shared" next to the repository root (the directory holding go.mod;
// from the Beam module, beam/, the go.mod above it). ok is false when no
// such folder exists.
func Dir() (dir string, ok bool) {
	if d := os.Getenv("PARALEL_SHARED"); d != "" {
		return d, isDir(d)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if isDir(s) {
				return s, true
			}
			if dir == "" {
				dir = s
			}
		}
		if filepath.Dir(d) == d {
			return dir, false
		}
	}
}

// Require returns the path of sub inside the shared folder, or skips the
// test or benchmark with a message when it is absent.
func Require(tb testing.TB, sub string) string {
	tb.Helper()
	d, ok := Dir()
	p := filepath.Join(d, sub)
	if !ok {
		tb.Skipf("shared data folder not found (set PARALEL_SHARED or place it at ../shared): skipping")
	}
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not found in the shared data folder: skipping", sub)
	}
	return p
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
