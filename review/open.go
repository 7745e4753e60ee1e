package review

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
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
func openExport(path string) (*Session, error) {
	name, ok := format.FromPath(path)
	if !ok {
		return nil, fmt.Errorf("%s: cannot tell the format from the extension (want a session file or one of %s)", path, strings.Join(format.Names(), ", "))
	}
	r, err := format.Open(name, path, format.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	pairs, err := corpus.ReadAll(r.Read)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	srcLang, tgtLang := r.Langs()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	src, tgt, rows := FromPairs(pairs)
	src.Path, src.Lang = abs, srcLang
	tgt.Path, tgt.Lang = abs, tgtLang
	s, err := NewSession(src, tgt, rows)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s.Export = Export{Path: abs, Format: name, Doc: commonDoc(pairs)}
	s.File = SessionFile(abs)
	return s, nil
}

// commonDoc is the document name of pairs if they all have the same, and
// otherwise empty: a review is of one document.
func commonDoc(pairs []corpus.Pair) string {
	if len(pairs) == 0 {
		return ""
	}
	for _, p := range pairs[1:] {
		if p.Doc != pairs[0].Doc {
			return ""
		}
	}
	return pairs[0].Doc
}

// FromPairs rebuilds the inputs and rows of an alignment from its exported
// pairs: each non-empty side of a pair is one sentence, and each pair a row.
func FromPairs(pairs []corpus.Pair) (src, tgt Input, rows []Row) {
	rows = make([]Row, 0, len(pairs))
	for _, p := range pairs {
		r := Row{Score: max(0, min(1, p.Score))}
		if p.Score != p.Score { // NaN from a hand-edited file
			r.Score = 0
		}
		if t := strings.TrimSpace(p.Src); t != "" {
			r.Src = []int{len(src.Sentences)}
			src.Sentences = append(src.Sentences, corpus.Sentence{Text: t})
		}
		if t := strings.TrimSpace(p.Tgt); t != "" {
			r.Tgt = []int{len(tgt.Sentences)}
			tgt.Sentences = append(tgt.Sentences, corpus.Sentence{Text: t})
		}
		if !r.empty() {
			rows = append(rows, r)
		}
	}
	return src, tgt, rows
}

// Begin opens the review of src and tgt that saves to export: the one in
// the export's session file when that was made from the same files, unless
// restart, or else a fresh alignment. resumed tells which.
func Begin(src, tgt Input, export Export, opt align.Options, restart bool) (s *Session, resumed bool, err error) {
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
	s, err = Start(src, tgt, opt)
	if err != nil {
		return nil, false, err
	}
	s.Export, s.File = export, file
	return s, false, s.SaveSession()
}

func sameInput(a, b Input) bool {
	return a.Path == b.Path && a.SHA256 == b.SHA256 && a.Lang == b.Lang
}
