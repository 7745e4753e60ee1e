package corpus

import (
	"fmt"
	"os"
	"path/filepath"
)

// The files of a document folder that hold its text: raw, and pre-split
// one segment a line. Their names say sq and en whatever the languages.
// The evaluation sets are laid out so, and paralel batch reads the same
// layout.
const (
	SrcTextFile, TgtTextFile = "sq.txt", "en.txt"
	SrcSentFile, TgtSentFile = "sq.sent", "en.sent"
)

// DocFolders lists the document folders in dir, in the order of their
// names: dir alone when isDoc says that it is a document itself, otherwise
// every folder in it, each named after its document.
func DocFolders(dir string, isDoc func(dir string) bool) ([]string, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s: not a folder", dir)
	}
	if isDoc(dir) {
		return []string{dir}, nil
	}
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(dir, e.Name()))
		}
	}
	return dirs, nil
}
