package review

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/internal/english"
	"github.com/paralel/paralel/pipeline/input"
)

// Input is one side of the bitext under review. The session keeps the
// sentences themselves, so that it reopens exactly even if the file or the
// splitter has changed since; the hash tells which.
type Input struct {
	Path      string            // the file the sentences were read from
	Lang      string            // language code, such as "sq"
	SHA256    string            // hex digest of the file when it was read; empty if unknown
	Sentences []corpus.Sentence // the segments, as the aligner saw them
}

// ReadInput reads the document at path ("-" for the standard input, or a
// web address) as pipeline/input reads it, hashing the very bytes it read
// so that a reopened session can tell whether the file has changed since.
// It returns what was read with the input.
func ReadInput(path string, opt input.Options) (Input, *extract.Report, error) {
	if extract.IsURL(path) {
		// A page on the web has no file to check again.
		doc, rep, err := input.ReadFile(path, opt)
		if err != nil {
			return Input{}, nil, err
		}
		return Input{Path: path, Lang: opt.Lang, Sentences: doc.Sentences}, rep, nil
	}
	f, err := corpus.Open(path)
	if err != nil {
		return Input{}, nil, err
	}
	defer f.Close()
	if opt.Name == "" {
		opt.Name = corpus.InputName(path)
	}
	h := sha256.New()
	doc, rep, err := input.ReadDocument(io.TeeReader(f, h), opt)
	if err != nil {
		return Input{}, nil, err
	}
	// What the reader left unread counts in the file's hash too.
	if _, err := io.Copy(h, f); err != nil {
		return Input{}, nil, err
	}
	in := Input{Path: path, Lang: opt.Lang, Sentences: doc.Sentences}
	if path == "-" {
		return in, rep, nil
	}
	if in.Path, err = filepath.Abs(path); err != nil {
		return Input{}, nil, err
	}
	in.SHA256 = hex.EncodeToString(h.Sum(nil))
	return in, rep, nil
}

// NewInput returns the Input for sentences read from the file at path,
// hashing the file so that a reopened session can tell whether it has
// changed.
func NewInput(path, lang string, sentences []corpus.Sentence) (Input, error) {
	in := Input{Path: path, Lang: lang, Sentences: sentences}
	if path == "" || path == "-" {
		return in, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return in, err
	}
	in.Path = abs
	in.SHA256, err = hashFile(abs)
	return in, err
}

func hashFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// Export says where and how Save writes the reviewed alignment.
type Export struct {
	Path        string // output file
	Format      string // format name as known to the format registry, such as "tmx"
	TSVMeta     bool   // TSV: add the link type and document columns
	ToolVersion string // paralel's version, for the TMX header

	// The filters and the TSV header of the export, as format.Options
	// has them: the same as paralel align's.
	KeepUnaligned bool
	MinScore      float64
	Dedupe        bool
	Header        bool

	// Doc is the document name every pair carries; empty means the
	// corpus.DocName of the source file, as paralel align gives it.
	Doc string
}

// DefaultWindow is how many rows each side of a fix re-alignment reaches
// by default. Articles and reports (up to 2,001 rows) are re-aligned whole,
// as a translator expects; in a book, rows further than this from the fix
// keep their links, so that a fix still re-aligns in a fraction of a second.
const DefaultWindow = 1000

// maxUndo bounds the undo history kept in memory.
const maxUndo = 100

// A Session is an alignment under review: the two inputs, the rows, and the
// files it writes. Its methods are safe for concurrent use.
type Session struct {
	Src, Tgt  Input
	Export    Export
	Threshold float64  // rows scored below it are doubtful
	File      string   // session file, autosaved after every change; "" disables autosave
	Align     Aligner  // re-aligns after a fix, align.Align by default; nil leaves the other rows as they are
	Window    int      // rows each side of a fix that re-alignment reaches; < 1 for all
	Warnings  []string // for the translator: an input changed since, an empty side ...
	// Origin, for a review begun from an export, is what Save keeps of
	// it; nil for a review of two texts.
	Origin *Origin

	mu   sync.Mutex
	rows []Row
	undo [][]Row
	rev  int // counts changes, so that a page acting on an old state is refused
	// saved is the revision last exported by Save.
	saved int
}

// NewSession starts a review of rows over the sentences of src and tgt.
func NewSession(src, tgt Input, rows []Row) (*Session, error) {
	if err := Validate(rows, len(src.Sentences), len(tgt.Sentences)); err != nil {
		return nil, fmt.Errorf("alignment does not fit the texts: %w", err)
	}
	return &Session{
		Src:       src,
		Tgt:       tgt,
		Threshold: corpus.DefaultDoubtful,
		Window:    DefaultWindow,
		Align:     AlignWith(align.Options{SrcLang: src.Lang, TgtLang: tgt.Lang}),
		rows:      clone(rows),
	}, nil
}

// Rows returns a copy of the current rows and the revision they belong to.
func (s *Session) Rows() ([]Row, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return clone(s.rows), s.rev
}

// snapshot returns a copy of the rows, their revision and whether there is
// a fix to undo, all of one moment, for the page.
func (s *Session) snapshot() (rows []Row, rev int, canUndo bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return clone(s.rows), s.rev, len(s.undo) > 0
}

// Stats are the current figures of the document.
func (s *Session) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Count(s.rows, s.Threshold)
}

// Op is a fix the page asks for.
type Op struct {
	Name string `json:"op"`   // join, split, up, down, detach, confirm, unconfirm, undo
	Row  int    `json:"row"`  // the row it applies to
	Side string `json:"side"` // "src" or "tgt", for up, down and detach
	Rev  int    `json:"rev"`  // the revision the page showed
}

// ErrStale reports an Op made on a revision that is no longer current.
var ErrStale = errors.New("the alignment has changed since the page showed it")

// ErrBadOp reports an Op that names no known fix or side.
var ErrBadOp = errors.New("bad fix")

// Apply performs op, re-aligns the rows that are not fixed when op changed
// the alignment, and autosaves. On error the session is left as it was.
func (s *Session) Apply(op Op) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if op.Rev != s.rev {
		return ErrStale
	}
	var side Side
	switch op.Side {
	case "src", "":
		side = Source
	case "tgt":
		side = Target
	default:
		return fmt.Errorf("%w: unknown side %q", ErrBadOp, op.Side)
	}
	var (
		rows    []Row
		err     error
		realign = true
	)
	switch op.Name {
	case "join":
		rows, err = Join(s.rows, op.Row)
	case "split":
		rows, err = Split(s.rows, op.Row)
	case "up":
		rows, err = MoveUp(s.rows, op.Row, side)
	case "down":
		rows, err = MoveDown(s.rows, op.Row, side)
	case "detach":
		rows, err = Detach(s.rows, op.Row, side)
	case "confirm", "unconfirm":
		// Confirming fixes nothing, so the other rows need no new alignment.
		rows, err = Confirm(s.rows, op.Row, op.Name == "confirm")
		realign = false
	case "undo":
		if len(s.undo) == 0 {
			return fmt.Errorf("nothing to undo: %w", ErrNoOp)
		}
		rows, realign = s.undo[len(s.undo)-1], false
	default:
		return fmt.Errorf("%w: unknown fix %q", ErrBadOp, op.Name)
	}
	if err != nil {
		return err
	}
	if realign && s.Align != nil {
		// In a review of an export of several documents, re-alignment
		// stays within the document of the fix.
		a, b := 0, len(rows)
		if s.Origin != nil {
			a, b = s.Origin.span(rows, op.Row)
		}
		if rows, err = realignWithin(s.Src.Sentences, s.Tgt.Sentences, rows, s.Align, op.Row, s.Window, a, b); err != nil {
			return err
		}
	}
	old := s.rows
	s.rows = rows
	if err := s.autosave(); err != nil {
		s.rows = old
		return err
	}
	if op.Name == "undo" {
		s.undo = s.undo[:len(s.undo)-1]
	} else {
		s.undo = append(s.undo, old)
		if len(s.undo) > maxUndo {
			s.undo = s.undo[1:]
		}
	}
	s.rev++
	return nil
}

// SaveResult tells what Save wrote.
type SaveResult struct {
	Export  string // the export file, empty when the session has none
	Pairs   int    // pairs written to it
	Skipped int    // rows the format left out, such as 1-0 links in TMX
}

// Save writes the session file and then the export, each atomically.
func (s *Session) Save() (SaveResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.autosave(); err != nil {
		return SaveResult{}, err
	}
	if s.Export.Path == "" {
		return SaveResult{}, nil
	}
	doc := s.Export.Doc
	if doc == "" {
		doc = corpus.DocName(s.Src.Path, s.Src.Lang)
	}
	var (
		res SaveResult
		err error
	)
	if s.Origin != nil {
		items := s.Origin.items(s.Src.Sentences, s.Tgt.Sentences, s.rows, s.Export.Doc)
		res, err = writeItems(s.Export, s.Src.Lang, s.Tgt.Lang, s.Origin.Header, items)
	} else {
		pairs := Pairs(s.Src.Sentences, s.Tgt.Sentences, s.rows, doc)
		res, err = writeExport(s.Export, s.Src.Lang, s.Tgt.Lang, pairs)
	}
	if err != nil {
		return SaveResult{}, fmt.Errorf("save %s: %w", s.Export.Path, err)
	}
	s.saved = s.rev
	return res, nil
}

// Unsaved is the number of changes (fixes and undos) made since the review
// began or was last saved to its export. They are in the session file.
func (s *Session) Unsaved() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rev - s.saved
}

// StopNote is what to tell the translator when the review stops: where the
// changes not saved to the export are kept and how to go on with them; ""
// when there are none.
func (s *Session) StopNote() string {
	n := s.Unsaved()
	if n == 0 || s.File == "" {
		return ""
	}
	changes := english.Plural(n, "change")
	resume := s.Export.Path
	if resume == "" {
		resume = s.File
	}
	if s.Export.Path == "" {
		return fmt.Sprintf("Stopped with %d %s, autosaved in %s. To resume: paralel review %s", n, changes, s.File, resume)
	}
	return fmt.Sprintf("Stopped with %d %s not saved to %s; they are autosaved in %s. To resume: paralel review %s",
		n, changes, s.Export.Path, s.File, resume)
}

// SaveSession writes the session file only.
func (s *Session) SaveSession() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.autosave()
}

func (s *Session) autosave() error {
	if s.File == "" {
		return nil
	}
	data, err := json.Marshal(s.file())
	if err != nil {
		return err
	}
	return writeFileAtomic(s.File, append(data, '\n'))
}

// The session file: JSON, versioned, with lower-case names for people who
// look inside.
type sessionFile struct {
	Version int       `json:"paralel_review"`
	Src     inputFile `json:"src"`
	Tgt     inputFile `json:"tgt"`
	Format  string    `json:"format,omitempty"` // of the export, whose path is the session file's without SessionExt
	TSVMeta bool      `json:"tsv_meta,omitempty"`
	Doc     string    `json:"doc,omitempty"` // the document name of the export; empty for the default
	// The export's filters and TSV header.
	KeepUnaligned bool    `json:"keep_unaligned,omitempty"`
	MinScore      float64 `json:"min_score,omitempty"`
	Dedupe        bool    `json:"dedupe,omitempty"`
	Header        bool    `json:"header,omitempty"`
	Threshold     float64 `json:"threshold"`
	Rows          []Row   `json:"rows"`
	// The export the review began from, if any.
	Origin *originFile `json:"origin,omitempty"`
}

type inputFile struct {
	Path      string         `json:"path"`
	Lang      string         `json:"lang"`
	SHA256    string         `json:"sha256,omitempty"`
	Sentences []sentenceFile `json:"sentences"`
}

type sentenceFile struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Para  int    `json:"para"`
}

const sessionVersion = 1

func (s *Session) file() sessionFile {
	return sessionFile{
		Version:   sessionVersion,
		Src:       toInputFile(s.Src),
		Tgt:       toInputFile(s.Tgt),
		Format:    s.Export.Format,
		TSVMeta:   s.Export.TSVMeta,
		Doc:       s.Export.Doc,
		Threshold: s.Threshold,

		KeepUnaligned: s.Export.KeepUnaligned,
		MinScore:      s.Export.MinScore,
		Dedupe:        s.Export.Dedupe,
		Header:        s.Export.Header,
		Rows:          s.rows,
		Origin:        s.Origin.file(),
	}
}

func toInputFile(in Input) inputFile {
	f := inputFile{Path: in.Path, Lang: in.Lang, SHA256: in.SHA256, Sentences: make([]sentenceFile, len(in.Sentences))}
	for i, s := range in.Sentences {
		f.Sentences[i] = sentenceFile{s.Text, s.Start, s.End, s.Para}
	}
	return f
}

func fromInputFile(f inputFile) Input {
	in := Input{Path: f.Path, Lang: f.Lang, SHA256: f.SHA256, Sentences: make([]corpus.Sentence, len(f.Sentences))}
	for i, s := range f.Sentences {
		in.Sentences[i] = corpus.Sentence{Text: s.Text, Start: s.Start, End: s.End, Para: s.Para}
	}
	return in
}

// OpenSession reopens the session saved in file exactly as it was left. Its
// export is the file named like the session file without SessionExt: a
// session file never sends the export anywhere else. Warnings tell when an
// input file has changed since.
func OpenSession(file string) (*Session, error) {
	if abs, err := filepath.Abs(file); err == nil {
		file = abs
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	s, err := ReadSession(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	s.File = file
	if export, ok := strings.CutSuffix(file, SessionExt); ok && s.Export.Format != "" {
		s.Export.Path = export
	}
	for _, in := range []Input{s.Src, s.Tgt} {
		if in.SHA256 == "" {
			continue
		}
		if sum, err := hashFile(in.Path); err != nil || sum != in.SHA256 {
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s has changed or gone since the session began; the session keeps the sentences it had", in.Path))
		}
	}
	return s, nil
}

// ReadSession decodes a session file's contents, checking that its rows
// fit its sentences.
func ReadSession(data []byte) (*Session, error) {
	var f sessionFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("not a review session: %v", err)
	}
	if f.Version != sessionVersion {
		return nil, fmt.Errorf("not a review session of this version (paralel_review %d, want %d)", f.Version, sessionVersion)
	}
	s, err := NewSession(fromInputFile(f.Src), fromInputFile(f.Tgt), f.Rows)
	if err != nil {
		return nil, err
	}
	if f.Threshold > 0 && f.Threshold <= 1 {
		s.Threshold = f.Threshold
	}
	s.Export.Format, s.Export.TSVMeta, s.Export.Doc = f.Format, f.TSVMeta, f.Doc
	s.Export.KeepUnaligned, s.Export.MinScore, s.Export.Dedupe, s.Export.Header = f.KeepUnaligned, f.MinScore, f.Dedupe, f.Header
	if f.Origin != nil {
		s.Origin = f.Origin.origin()
		if err := s.Origin.check(len(s.Src.Sentences), len(s.Tgt.Sentences)); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// writeFileAtomic replaces path with data so that a crash leaves either the
// old file or the new one, never half of one. The file is its owner's alone
// (0600), whatever the umask and the mode of the file it replaces: a session
// holds the whole texts under review.
func writeFileAtomic(path string, data []byte) error {
	dir, base := filepath.Split(path)
	f, err := os.CreateTemp(cmp.Or(dir, "."), "."+base+".tmp-*") // created 0600
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = f.Write(data)
	if err = errors.Join(err, f.Sync(), f.Close()); err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
