package review

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/corpus/tmx"
)

// SessionExt ends the name of a session file, which sits beside its
// export: out.tmx has its session in out.tmx.review.json.
const SessionExt = ".review.json"

// SessionFile is the session file of the export at path.
func SessionFile(export string) string { return export + SessionExt }

// ExportOf is the export that the review Open(path) saves to, as an
// absolute path: path itself, or for a session file the file beside it.
// A running review holds its lock (see LockExport).
func ExportOf(path string) (string, error) {
	return filepath.Abs(strings.TrimSuffix(path, SessionExt))
}

// DefaultExport is the export of a review of the source file src when the
// user names none: the document's name with .tmx, in the current directory
// (rama.tmx for rama/sq.txt). The document is doc when that is a file name,
// else the corpus.DocName of src, as paralel align names it.
func DefaultExport(src, lang, doc string) (string, error) {
	name := doc
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." {
		name = corpus.DocName(src, lang)
	}
	if name == "" {
		return "", errors.New("the source is the standard input: name the output with -o")
	}
	return name + ".tmx", nil
}

// Open reopens a review from path: a session file, an export whose session
// file lies beside it (reopened exactly: resumed is true), or else an
// export of another origin (TMX, JSONL, TSV ...), whose pairs become the
// rows: each side of a pair becomes one sentence, since an export no
// longer says where its sentences began. The export is saved back to path,
// with the document name its pairs had, if they all had the same.
func Open(path string) (s *Session, resumed bool, err error) {
	if strings.HasSuffix(path, SessionExt) {
		s, err = OpenSession(path)
		return s, err == nil, err
	}
	if _, err := os.Stat(SessionFile(path)); err == nil {
		s, err = OpenSession(SessionFile(path))
		return s, err == nil, err
	}
	s, err = openExport(path)
	return s, false, err
}

// openExport starts a review of the pairs of an export without a session.
// The review keeps what it reads of the export (see Origin), so that Save
// writes back what the review did not change.
func openExport(path string) (*Session, error) {
	name, ok := format.FromPath(path)
	if !ok {
		return nil, fmt.Errorf("%s: cannot tell the format from the extension (want a session file or one of %s)", path, strings.Join(format.Names(), ", "))
	}
	units, header, srcLang, tgtLang, err := readUnits(name, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	src, tgt, rows, origin := fromUnits(units)
	origin.Header = header
	src.Path, src.Lang = abs, srcLang
	tgt.Path, tgt.Lang = abs, tgtLang
	s, err := NewSession(src, tgt, rows)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := origin.check(len(src.Sentences), len(tgt.Sentences)); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s.Origin = origin
	if n := len(units) - countOK(units); n > 0 {
		s.Warnings = append(s.Warnings, fmt.Sprintf("%s: %d of %d units lack the %s and %s pair: they are not shown, and Save keeps them as they are",
			path, n, len(units), srcLang, tgtLang))
	}
	s.Export = Export{Path: abs, Format: name, Doc: commonDoc(units)}
	s.File = SessionFile(abs)
	return s, nil
}

// readUnits reads every unit of the export at path: for a TMX each <tu>,
// with or without the two languages, as the file writes it, and its
// header; for the other formats each pair. ok units are those with the
// pair.
func readUnits(name, path string) (units []tmx.Unit, header, srcLang, tgtLang string, err error) {
	if name != "tmx" {
		r, err := format.Open(name, path, format.Options{})
		if err != nil {
			return nil, "", "", "", err
		}
		defer r.Close()
		pairs, err := corpus.ReadAll(r.Read)
		for _, p := range pairs {
			units = append(units, tmx.Unit{Pair: p, OK: true})
		}
		srcLang, tgtLang = r.Langs()
		return units, "", srcLang, tgtLang, err
	}
	f, err := corpus.Open(path)
	if err != nil {
		return nil, "", "", "", err
	}
	defer f.Close()
	r := tmx.NewReader(f)
	r.KeepXML = true
	for {
		u, err := r.ReadUnit()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", "", "", err
		}
		units = append(units, u)
	}
	srcLang, tgtLang = r.Langs()
	return units, r.Header(), cmp.Or(srcLang, "sq"), cmp.Or(tgtLang, "en"), nil
}

func countOK(units []tmx.Unit) int {
	n := 0
	for _, u := range units {
		if u.OK {
			n++
		}
	}
	return n
}

// commonDoc is the document name of the units if they all have the same,
// and otherwise empty.
func commonDoc(units []tmx.Unit) string {
	doc, seen := "", false
	for _, u := range units {
		if !u.OK {
			continue
		}
		if seen && u.Pair.Doc != doc {
			return ""
		}
		doc, seen = u.Pair.Doc, true
	}
	return doc
}

// fromUnits rebuilds the inputs and rows of an alignment from the units
// of an export: each non-empty side of a unit with the pair is one
// sentence, and each such unit a row, confirmed or edited as its status
// says.
func fromUnits(units []tmx.Unit) (src, tgt Input, rows []Row, o *Origin) {
	rows = make([]Row, 0, len(units))
	o = &Origin{Units: make([]Unit, len(units))}
	for i, u := range units {
		p := u.Pair
		o.Units[i] = Unit{XML: u.XML, Pair: corpus.Pair{Doc: p.Doc, Link: p.Link, SrcIDs: p.SrcIDs, TgtIDs: p.TgtIDs,
			Score: p.Score, Unscored: p.Unscored, Status: p.Status}}
		if !u.OK {
			continue
		}
		r := Row{Score: max(0, min(1, p.Score)), Confirmed: p.Status == corpus.StatusConfirmed, Edited: p.Status == corpus.StatusEdited}
		if p.Score != p.Score || p.Unscored { // NaN from a hand-edited file, or no score at all
			r.Score = 0
		}
		if t := strings.TrimSpace(p.Src); t != "" {
			r.Src = []int{len(src.Sentences)}
			src.Sentences = append(src.Sentences, corpus.Sentence{Text: t})
			o.SrcUnit = append(o.SrcUnit, i)
		}
		if t := strings.TrimSpace(p.Tgt); t != "" {
			r.Tgt = []int{len(tgt.Sentences)}
			tgt.Sentences = append(tgt.Sentences, corpus.Sentence{Text: t})
			o.TgtUnit = append(o.TgtUnit, i)
		}
		if !r.empty() {
			rows = append(rows, r)
		}
	}
	return src, tgt, rows, o
}

// Begin opens the review of src and tgt that saves to export: the one in
// the export's session file when that was made from the same files, unless
// restart, or else a fresh alignment, begun with Start (which langs is
// for). resumed tells which.
func Begin(src, tgt Input, langs align.Langs, export Export, opt align.Options, restart bool) (s *Session, resumed bool, err error) {
	file := SessionFile(export.Path)
	if !restart {
		old, err := OpenSession(file)
		switch {
		case err == nil && sameInput(old.Src, src) && sameInput(old.Tgt, tgt):
			old.Export = export
			return old, true, nil
		case err == nil:
			return nil, false, fmt.Errorf("%s holds a review of other input files, or of an earlier version of these: give another output, or start over with --restart", file)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, false, fmt.Errorf("%w (start over with --restart)", err)
		}
	}
	s, err = Start(src, tgt, langs, opt)
	if err != nil {
		return nil, false, err
	}
	s.Export, s.File = export, file
	return s, false, s.SaveSession()
}

func sameInput(a, b Input) bool {
	return a.Path == b.Path && a.SHA256 == b.SHA256 && a.Lang == b.Lang
}
