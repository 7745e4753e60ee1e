// Package batch aligns many documents and their translations in one run and
// writes the links of all of them to one output, as corpus builders need.
//
// The documents come from folders laid out like the evaluation sets (one
// folder per document holding sq.txt and en.txt, or sq.sent and en.sent
// when pre-split, or the two sides in another format: sq.html and en.html,
// sq.docx and en.pdf...) or from list files naming the two files of each
// document.
// By default they are aligned together, so that the lexicon induced from
// the input and the length model are estimated from all of them pooled;
// Options.Each aligns each on its own instead, holding only the few under
// way in memory. Every link carries the name of its document. A document that
// cannot be read, or has an empty side, is skipped and reported rather than
// ending the run, unless Options.Strict.
package batch

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/pipeline/input"
)

// A Doc is one document of a batch: a text and its translation.
type Doc struct {
	Name     string // goes into the Doc of every pair written
	Src, Tgt string // paths of the two files
}

// Input is the document as an Input of Files.
func (d Doc) Input() Input { return Input{Name: d.Name, Src: d.Src, Tgt: d.Tgt, Kind: Files} }

// An Input is a document as a stream gives it: its name and its two sides,
// files or texts as Kind says.
type Input struct {
	Name     string
	Src, Tgt string
	Kind     Kind
}

// A Kind says what the Src and Tgt of an Input hold.
type Kind int

const (
	// Files are paths of documents, read as pipeline/input reads them.
	Files Kind = iota
	// Texts are the two texts themselves.
	Texts
)

// Load lists the documents of the inputs, in order. An input that is a
// folder is read with LoadDir, any other with LoadList. Two documents may
// not have the same name, since the name is all that tells their links
// apart in the output.
func Load(inputs []string, mode corpus.Mode) ([]Doc, error) {
	var docs []Doc
	from := make(map[string]string) // document name -> input naming it
	for _, in := range inputs {
		isDir := false
		if in != "-" { // the standard input is a list
			fi, err := os.Stat(in)
			if err != nil {
				return nil, err
			}
			isDir = fi.IsDir()
		}
		var more []Doc
		var err error
		if isDir {
			more, err = LoadDir(in, mode)
		} else {
			more, err = LoadList(in)
		}
		if err != nil {
			return nil, err
		}
		for _, d := range more {
			if prev, ok := from[d.Name]; ok {
				return nil, fmt.Errorf("%s: document %q is named twice (also in %s): names must be unique", in, d.Name, prev)
			}
			from[d.Name] = in
		}
		docs = append(docs, more...)
	}
	return docs, nil
}

// LoadDir lists the documents of a folder laid out like an evaluation set:
// the folder itself when it holds one of the two files of a document,
// otherwise each folder in it, named after it. The files are sq.txt and
// en.txt, or sq.sent and en.sent when mode is corpus.Presplit, whatever
// the languages; a folder without them may hold its document in any format
// pipeline/input reads, named after its side: sq.html and en.html, sq.docx,
// sq.pdf, en.srt... A document folder missing a file is listed all the
// same: reading it fails, and the run reports it. A folder with two files
// of one side (sq.html and sq.pdf) is an error.
func LoadDir(dir string, mode corpus.Mode) ([]Doc, error) {
	srcFile, tgtFile := files(mode)
	isDoc := func(dir string) bool {
		_, src, _ := sideFile(dir, srcFile)
		_, tgt, _ := sideFile(dir, tgtFile)
		return src || tgt
	}
	dirs, err := corpus.DocFolders(dir, isDoc)
	if err != nil {
		return nil, err
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("%s: no documents: want %s and %s (or sq.html and en.html, sq.docx... in any format read) in it or in each of its folders", dir, srcFile, tgtFile)
	}
	docs := make([]Doc, len(dirs))
	for i, d := range dirs {
		docs[i].Name = filepath.Base(d)
		if docs[i].Src, _, err = sideFile(d, srcFile); err != nil {
			return nil, err
		}
		if docs[i].Tgt, _, err = sideFile(d, tgtFile); err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// sideFile finds the file of one side of the document folder dir: name
// (sq.txt, say) if it is there, otherwise the one file named after the
// side in another format (sq.html), but not the file of the other kind
// of input (sq.sent), which would be read wrongly. When there is none,
// the path is that of name, and found is false.
func sideFile(dir, name string) (path string, found bool, err error) {
	path = filepath.Join(dir, name)
	if exists(path) {
		return path, true, nil
	}
	side := strings.TrimSuffix(name, filepath.Ext(name))
	entries, _ := os.ReadDir(dir) // an unreadable folder fails when read
	var other []string
	for _, e := range entries {
		n := e.Name()
		ext := filepath.Ext(n)
		if e.IsDir() || ext == "" || n[:len(n)-len(ext)] != side || n == twin[name] {
			continue
		}
		other = append(other, n)
	}
	switch len(other) {
	case 0:
		return path, false, nil
	case 1:
		return filepath.Join(dir, other[0]), true, nil
	}
	return "", false, fmt.Errorf("%s: %d files of one side (%s): keep one", dir, len(other), strings.Join(other, ", "))
}

// files names the two files of a document folder.
func files(mode corpus.Mode) (src, tgt string) {
	if mode == corpus.Presplit {
		return corpus.SrcSentFile, corpus.TgtSentFile
	}
	return corpus.SrcTextFile, corpus.TgtTextFile
}

// LoadList reads the list file at path (see ListReader), or the standard
// input for "-". Relative paths in it are relative to the folder of the
// list file (to the working folder for the standard input), so that a list
// travels with its documents.
func LoadList(path string) ([]Doc, error) {
	f, err := corpus.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadList(f, corpus.InputName(path), filepath.Dir(path))
}

// ReadList reads a list of documents from r, which errors call name, with
// relative paths relative to dir. A text given for a list, whose first
// line is not a document or whose lines name no file that exists, is an
// error wrapping input.ErrNotList.
func ReadList(r io.Reader, name, dir string) ([]Doc, error) {
	docs, err := corpus.ReadAll(NewListReader(r).Read)
	if errors.Is(err, ErrFieldCount) && len(docs) == 0 {
		return nil, fmt.Errorf("%s %w: %w", name, input.ErrNotList, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no documents: want one SRC<TAB>TGT[<TAB>NAME] line per document", name)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Src, d.Tgt)
	}
	if err := input.CheckListed(name, dir, paths); err != nil {
		return nil, err
	}
	for i, d := range docs {
		docs[i].Src, docs[i].Tgt = resolve(dir, d.Src), resolve(dir, d.Tgt)
	}
	return docs, nil
}

func resolve(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
