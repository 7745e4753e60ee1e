// Package evalset loads sentence-alignment evaluation sets laid out like the
// project's shared data: one folder per set, one sub-folder per document.
//
// A document is pre-split, raw, or both:
//
//	sq.sent, en.sent   one segment a line: the aligner's pre-split input
//	gold.txt           gold links over the lines of sq.sent and en.sent
//	sq.txt, en.txt     the raw text, to split and align end to end
//	lines.sq, lines.en the gold segments that the raw text is made of
//	gold.lines         gold links over lines.sq and lines.en
//
// The names say sq and en whatever the languages are (a German–French set
// uses them too). An end-to-end prediction is scored against lines.* and
// gold.lines when the document has them and against the pre-split segments
// and gold.txt otherwise.
//
// Evaluate aligns every document of a Set, all together or each alone, and
// counts its links against gold with align.Compare and align.CompareText,
// which give the strict and lax figures of the reference scorer (score.py);
// WriteReport prints them. Options.PredDir keeps the predictions, so that
// the reference scorer can check the figures.
package evalset

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/ids"
)

// A Set is an evaluation set: documents with gold alignments.
type Set struct {
	Dir  string
	Docs []*Doc // in the order of their names
}

// A Doc is one document of a set. Paths are empty for files it lacks.
type Doc struct {
	Name string // the folder name
	Dir  string

	// SrcSent and TgtSent are the pre-split sides, Gold the links between
	// their lines.
	SrcSent, TgtSent string
	Gold             []align.Link
	nsrc, ntgt       int // lines of SrcSent and TgtSent

	// SrcText and TgtText are the raw sides.
	SrcText, TgtText string

	// SrcLines and TgtLines are the gold segments that end-to-end
	// predictions are located in, LineGold the links between them.
	SrcLines, TgtLines []string
	LineGold           []align.Link
}

// Presplit reports whether the document can be aligned from its gold
// segments.
func (d *Doc) Presplit() bool { return d.SrcSent != "" && d.TgtSent != "" && d.Gold != nil }

// Raw reports whether the document can be aligned end to end.
func (d *Doc) Raw() bool { return d.SrcText != "" && d.TgtText != "" && d.LineGold != nil }

// Presplit reports whether every document of the set is pre-split.
func (s *Set) Presplit() bool { return all(s.Docs, (*Doc).Presplit) }

// Raw reports whether every document of the set has raw text.
func (s *Set) Raw() bool { return all(s.Docs, (*Doc).Raw) }

func all(docs []*Doc, f func(*Doc) bool) bool {
	for _, d := range docs {
		if !f(d) {
			return false
		}
	}
	return len(docs) > 0
}

// Load reads the set in dir. A folder that is itself a document (it holds
// gold.txt or gold.lines) is loaded as a set of one.
func Load(dir string) (*Set, error) {
	dirs, err := corpus.DocFolders(dir, isDoc)
	if err != nil {
		return nil, err
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("%s: no document folders (each needs gold.txt or gold.lines)", dir)
	}
	set := &Set{Dir: dir}
	for _, d := range dirs {
		doc, err := LoadDoc(d)
		if err != nil {
			return nil, err
		}
		set.Docs = append(set.Docs, doc)
	}
	return set, nil
}

func isDoc(dir string) bool {
	return exists(filepath.Join(dir, "gold.txt")) || exists(filepath.Join(dir, "gold.lines"))
}

// LoadDoc reads the document in dir, checking that every gold link points
// into its segments.
func LoadDoc(dir string) (*Doc, error) {
	d := &Doc{Name: filepath.Base(dir), Dir: dir}
	file := func(name string) string {
		if p := filepath.Join(dir, name); exists(p) {
			return p
		}
		return ""
	}
	d.SrcText, d.TgtText = file(corpus.SrcTextFile), file(corpus.TgtTextFile)
	var sentSrc, sentTgt []string
	if gold := file("gold.txt"); gold != "" {
		var err error
		d.SrcSent, d.TgtSent = file(corpus.SrcSentFile), file(corpus.TgtSentFile)
		if d.SrcSent == "" || d.TgtSent == "" {
			return nil, fmt.Errorf("%s: gold.txt needs sq.sent and en.sent beside it", dir)
		}
		if sentSrc, err = ReadLines(d.SrcSent); err != nil {
			return nil, err
		}
		if sentTgt, err = ReadLines(d.TgtSent); err != nil {
			return nil, err
		}
		d.nsrc, d.ntgt = len(sentSrc), len(sentTgt)
		if d.Gold, err = readGold(gold, d.nsrc, d.ntgt); err != nil {
			return nil, err
		}
	}
	switch gold := file("gold.lines"); {
	case gold != "":
		var err error
		srcLines, tgtLines := file("lines.sq"), file("lines.en")
		if srcLines == "" || tgtLines == "" {
			return nil, fmt.Errorf("%s: gold.lines needs lines.sq and lines.en beside it", dir)
		}
		if d.SrcLines, err = ReadLines(srcLines); err != nil {
			return nil, err
		}
		if d.TgtLines, err = ReadLines(tgtLines); err != nil {
			return nil, err
		}
		if d.LineGold, err = readGold(gold, len(d.SrcLines), len(d.TgtLines)); err != nil {
			return nil, err
		}
	case d.Gold != nil:
		d.SrcLines, d.TgtLines, d.LineGold = sentSrc, sentTgt, d.Gold
	default:
		return nil, fmt.Errorf("%s: not a document folder: no gold.txt or gold.lines", dir)
	}
	if d.LineGold != nil && (d.SrcText == "") != (d.TgtText == "") {
		return nil, fmt.Errorf("%s: has only one of sq.txt and en.txt", dir)
	}
	return d, nil
}

// ReadLinks reads a file of links in ids format.
func ReadLinks(path string) ([]align.Link, error) {
	f, err := corpus.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pairs, err := ids.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	links := make([]align.Link, len(pairs))
	for i, p := range pairs {
		links[i] = align.Link{Src: p.SrcIDs, Tgt: p.TgtIDs, Score: p.Score}
	}
	return links, nil
}

func readGold(path string, nsrc, ntgt int) ([]align.Link, error) {
	links, err := ReadLinks(path)
	if err != nil {
		return nil, err
	}
	if links == nil {
		links = []align.Link{} // an empty gold file is still gold
	}
	for i, l := range links {
		if err := checkIDs(l.Src, nsrc); err != nil {
			return nil, fmt.Errorf("%s: link %d: source %w", path, i+1, err)
		}
		if err := checkIDs(l.Tgt, ntgt); err != nil {
			return nil, fmt.Errorf("%s: link %d: target %w", path, i+1, err)
		}
	}
	return links, nil
}

func checkIDs(v []int, n int) error {
	for _, id := range v {
		if id >= n {
			return fmt.Errorf("id %d out of range: the side has %d segments", id, n)
		}
	}
	return nil
}

// ReadLines returns the lines of a UTF-8 text file, as the reference scorer
// reads them: line ends of any kind, final line breaks dropped, every other
// line kept (even empty), since gold ids count lines.
func ReadLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%s: invalid UTF-8 at byte %d", path, invalidAt(b))
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n"), nil
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}
