package pair

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/pipeline/input"
)

// File is the document at path, read as opt says (in the language
// opt.Lang): a file in any format package input reads (text in any
// encoding, HTML, DOCX, ODT, PDF, subtitles) or a web address, split into
// sentences when read, with the warnings of reading it (see
// input.Warnings). Its name is the path. A web address is fetched each
// time the document is read.
func File(path string, opt input.Options) Doc {
	opt.Name = path
	return Doc{Name: path, Path: path, Read: func() ([]corpus.Sentence, []string, error) {
		d, rep, err := input.ReadFile(path, opt)
		if err != nil {
			return nil, nil, err
		}
		return d.Sentences, input.Warnings(rep), nil
	}}
}

// Text is a document held in memory, in any format package input reads,
// split into sentences when read as opt says, as File is.
func Text(name, text string, opt input.Options) Doc {
	opt.Name = name
	return Doc{Name: name, Read: func() ([]corpus.Sentence, []string, error) {
		d, rep, err := input.ReadDocument(strings.NewReader(text), opt)
		if err != nil {
			return nil, nil, err
		}
		return d.Sentences, input.Warnings(rep), nil
	}}
}

// Load lists the documents of one side, read as opt says (in the language
// opt.Lang). The input is a folder, whose files are the documents,
// searched recursively (names starting with a dot are skipped); a list
// file naming one document a line, a path or a web address (blank lines
// and lines starting with # skipped, paths relative to the list's folder);
// or JSON lines of documents, one object a line with the text in "text"
// and its name in "name", "id", "url" or "path", or only a "path" to read.
func Load(from string, opt input.Options) ([]Doc, error) {
	fi, err := os.Stat(from)
	if err != nil {
		return nil, err
	}
	var docs []Doc
	if fi.IsDir() {
		docs, err = loadDir(from, opt)
	} else if docs, err = loadFile(from, opt); err != nil && !errors.Is(err, input.ErrNotList) {
		err = fmt.Errorf("%s: %w", from, err)
	}
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no documents", from)
	}
	return docs, nil
}

func loadDir(dir string, opt input.Options) ([]Doc, error) {
	var docs []Doc
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			docs = append(docs, File(path, opt))
		}
		return nil
	})
	return docs, err
}

// jsonDoc is a line of a JSON lines input.
type jsonDoc struct {
	Text                *string
	Name, ID, URL, Path string
}

func loadFile(path string, opt input.Options) ([]Doc, error) {
	f, err := corpus.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dir := filepath.Dir(path)
	sc := corpus.NewLineScanner(f)
	var docs []Doc
	var paths []string // as the list writes them
	names := map[string]int{}
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		var d Doc
		if line[0] == '{' {
			var j jsonDoc
			if err := json.Unmarshal(line, &j); err != nil {
				return nil, &corpus.ParseError{Format: "jsonl", Line: sc.Line(), Err: err}
			}
			name := cmp.Or(j.Name, j.ID, j.URL, j.Path)
			switch {
			case j.Text != nil && name != "":
				d = Text(name, *j.Text, opt)
			case j.Text != nil:
				return nil, &corpus.ParseError{Format: "jsonl", Line: sc.Line(), Err: errors.New(`a document needs a "name", "id", "url" or "path"`)}
			case j.Path != "":
				d = File(resolve(dir, j.Path), opt)
				paths = append(paths, j.Path)
			default:
				return nil, &corpus.ParseError{Format: "jsonl", Line: sc.Line(), Err: errors.New(`a document needs a "text" or a "path"`)}
			}
		} else {
			d = File(resolve(dir, string(line)), opt)
			paths = append(paths, string(line))
		}
		if prev, ok := names[d.Name]; ok {
			return nil, &corpus.ParseError{Format: "list", Line: sc.Line(), Err: fmt.Errorf("%s is listed twice (also on line %d)", d.Name, prev)}
		}
		names[d.Name] = sc.Line()
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, &corpus.ParseError{Format: "list", Line: sc.Line(), Err: err}
	}
	// A list that holds texts is one; paths of a storage of the caller's
	// are not checked here.
	if opt.Open == nil && len(paths) == len(docs) {
		if err := input.CheckListed(path, dir, paths); err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// resolve makes a path of a list relative to the list's folder; a web
// address stays as it is.
func resolve(dir, path string) string {
	if filepath.IsAbs(path) || extract.IsURL(path) {
		return path
	}
	return filepath.Join(dir, path)
}
