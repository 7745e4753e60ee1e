package input

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
)

// ErrStdinTwice is the error of CheckPaths for the standard input given
// for both sides.
var ErrStdinTwice = errors.New(`standard input ("-") given for both sides: give at least one of them as a file`)

// CheckPaths refuses the paths of a text and its translation that cannot
// both be read: "-", the standard input, for both, which would give all of
// it to the source and leave the target empty.
func CheckPaths(src, tgt string) error {
	if src == "-" && tgt == "-" {
		return ErrStdinTwice
	}
	return nil
}

// ErrEmpty is wrapped by the error of CheckSides for a side without text.
var ErrEmpty = errors.New("no text: a document needs both sides")

// ErrSameText is wrapped by the error of CheckSides for the same text on
// both sides.
var ErrSameText = errors.New("the same text: give a text and its translation")

// Sides are the two sides of a document, read, and what names them in
// errors: their paths.
type Sides struct {
	SrcName, TgtName string
	Src, Tgt         []corpus.Sentence
	SrcLang, TgtLang string
}

// CheckSides refuses two sides that cannot be a text and its
// translation, the one check of align, review and batch: a side without
// text (ErrEmpty), the same text on both (ErrSameText: the same file, a
// copy, or the same sentences read from two formats), and, unless
// allowSwapped, Albanian–English sides that surely read as each other's
// language (align.ErrSwapped; see align.CheckSides). Its error names the
// sides. It returns what align.ProbeLangs read the sides as, for
// align.Check to warn on after aligning them (sides that may be swapped,
// both in one language), so that they are probed once.
func CheckSides(s Sides, allowSwapped bool) (align.Langs, error) {
	switch {
	case len(s.Src) == 0 && len(s.Tgt) == 0:
		return align.Langs{}, fmt.Errorf("%s and %s: %w", s.SrcName, s.TgtName, ErrEmpty)
	case len(s.Src) == 0:
		return align.Langs{}, fmt.Errorf("%s: %w", s.SrcName, ErrEmpty)
	case len(s.Tgt) == 0:
		return align.Langs{}, fmt.Errorf("%s: %w", s.TgtName, ErrEmpty)
	case sameText(s.Src, s.Tgt):
		return align.Langs{}, fmt.Errorf("%s and %s are %w", s.SrcName, s.TgtName, ErrSameText)
	}
	langs := align.ProbeLangs(s.Src, s.Tgt)
	if allowSwapped {
		return langs, nil
	}
	if err := align.CheckSides(langs, s.SrcLang, s.TgtLang); err != nil {
		return align.Langs{}, fmt.Errorf("%s, %s: %w: give them the other way round, or --allow-swapped to align them as given", s.SrcName, s.TgtName, err)
	}
	return langs, nil
}

// sameText reports whether two sides hold the same sentences.
func sameText(src, tgt []corpus.Sentence) bool {
	if len(src) != len(tgt) {
		return false
	}
	for i := range src {
		if src[i].Text != tgt[i].Text {
			return false
		}
	}
	return true
}

// ErrNotList is wrapped by the error of CheckListed for a file read as a
// list of documents that names none.
var ErrNotList = errors.New("is not a list file or a folder")

// CheckListed returns an error wrapping ErrNotList when list, a file read
// as a list of documents, names paths of which none exists: most likely a
// text given where a list or a folder was wanted, each of whose lines
// would otherwise be reported as a missing document. paths are the paths
// as the list writes them, relative ones relative to dir; a web address
// counts as one that exists. A list whose documents all went missing is
// refused too, which is as well.
func CheckListed(list, dir string, paths []string) error {
	if len(paths) == 0 {
		return nil
	}
	for _, p := range paths {
		if extract.IsURL(p) {
			return nil
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if _, err := os.Stat(p); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%s %w: none of the %d files it names exists (the first: %q)", list, ErrNotList, len(paths), corpus.Clip(paths[0], 60))
}
