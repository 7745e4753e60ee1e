// Package format chooses among the export formats by name, so that a
// command can write or read "tmx", "tsv", "moses", "jsonl" or "ids"
// without knowing each package.
//
// A format Writer applies the choices users expect of an export before the
// pairs reach the format: 1-0 and 0-1 links are left out of the formats of
// translations (TMX, TSV, Moses) unless Options.KeepUnaligned, links scored
// under Options.MinScore are dropped, and Options.Dedupe drops repeated
// pairs; Dropped says how many went for each reason. The link formats
// (JSONL, ids) keep unaligned links, which are part of an alignment. No
// format gets a control character (ESC, BEL...): they are removed, each
// pair that lost some named to Options.Warn (see corpus.StripControls).
//
// Create and Open work on paths: outputs are written atomically (see
// corpus.CreateFile) and "-" is the standard input or output (or
// Options.Stdin and Stdout). WritePairs does all that a command writing
// pairs needs: it picks the format, writes the file and says what the
// filters dropped. Moses is a pair of files, NAME.sq and NAME.en for the
// languages in Options; its path is NAME, or either of the two file names.
package format

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/paralel/paralel/corpus"
)

// Options are the settings of a Writer or Reader. Each format uses those
// that apply to it.
type Options struct {
	// SrcLang and TgtLang are BCP 47 language codes, such as "sq" or
	// "en-GB"; empty means "sq" and "en". A TMX reader takes the pair of
	// variants in these languages (matched without case, a missing region
	// matching any); left empty, they are the header's source language and
	// the language sharing the most units with it (see tmx.Reader).
	SrcLang, TgtLang string

	KeepUnaligned bool    // keep 1-0 and 0-1 links in TMX, TSV and Moses
	MinScore      float64 // drop links scored below this
	Dedupe        bool    // drop repeated pairs

	Header      bool      // TSV: start with a row naming the columns
	TSVMeta     bool      // TSV: add the link type, document and status columns
	ToolVersion string    // TMX: creationtoolversion
	Created     time.Time // TMX: creationdate; zero means now
	// Warn receives problems that do not stop the run, such as characters
	// dropped from a segment or a TMX unit skipped; nil discards them.
	Warn func(error)

	// Inputs are the files the run reads: Create refuses to write over
	// any of them, whatever name the output is given (see
	// corpus.CheckOutput), before it writes anything.
	Inputs []string

	// Stdin and Stdout are what the path "-" reads and writes; nil means
	// os.Stdin and os.Stdout.
	Stdin  io.Reader
	Stdout io.Writer
}

func (o Options) langs() (src, tgt string) {
	src, tgt = o.SrcLang, o.TgtLang
	if src == "" {
		src = "sq"
	}
	if tgt == "" {
		tgt = "en"
	}
	return src, tgt
}

func (o Options) stdin() io.Reader {
	if o.Stdin != nil {
		return o.Stdin
	}
	return os.Stdin
}

func (o Options) stdout() io.Writer {
	if o.Stdout != nil {
		return o.Stdout
	}
	return os.Stdout
}

// A Writer writes pairs in one format.
type Writer interface {
	// Write filters and writes one pair.
	Write(p corpus.Pair) error
	// Flush writes buffered data to the underlying writer.
	Flush()
	// Error reports any error of a previous Write or Flush.
	Error() error
	// Close ends the output (a TMX needs its closing tags) and flushes it.
	// It does not close the underlying writer.
	Close() error
	// Dropped counts the pairs left out by the filters.
	Dropped() corpus.Dropped
}

// A Reader reads pairs in one format.
type Reader interface {
	// Read returns the next pair, or io.EOF at the end of the input.
	Read() (corpus.Pair, error)
	// Langs are the languages of the two sides: those found in the input
	// (a TMX, a TSV header) once the first Read returned, otherwise those
	// of the Options.
	Langs() (src, tgt string)
	// Skipped counts the records left out with a warning, such as TMX
	// units without both languages.
	Skipped() int
}

// pairWriter is what each format package provides.
type pairWriter interface {
	Write(corpus.Pair) error
	Flush()
	Error() error
}

type pairReader interface {
	Read() (corpus.Pair, error)
}

type spec struct {
	name      string
	exts      []string
	doc       string
	links     bool // keeps unaligned links: a record of the alignment, not of translations
	noText    bool // holds sentence numbers only (ids)
	twoFiles  bool // Moses: one stream per side
	newWriter func(w []io.Writer, opt Options) pairWriter
	newReader func(r []io.Reader, opt Options) pairReader
}

// registry lists the formats, in the order Names gives them.
var registry []spec

func lookup(name string) (spec, error) {
	for _, s := range registry {
		if s.name == name {
			return s, nil
		}
	}
	return spec{}, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names(), ", "))
}

// Names lists the format names.
func Names() []string {
	names := make([]string, len(registry))
	for i, s := range registry {
		names[i] = s.name
	}
	return names
}

// Describe returns one line a format for a command's help, such as
// "tmx    TMX 1.4 translation memory (.tmx)".
func Describe() string {
	var b strings.Builder
	for _, s := range registry {
		fmt.Fprintf(&b, "  %-6s %s", s.name, s.doc)
		if len(s.exts) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(s.exts, ", "))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// FromPath names the format of a path by its extension (.tmx, .tsv,
// .jsonl, .ids, ...). ok is false when the extension says nothing, as for
// Moses files, whose extensions are language codes.
func FromPath(path string) (name string, ok bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, s := range registry {
		if slices.Contains(s.exts, ext) {
			return s.name, true
		}
	}
	return "", false
}

// ErrTwoFiles is returned by NewWriter and NewReader for Moses, which is
// one file a language: use Create and Open, or the moses package.
var ErrTwoFiles = errors.New("moses is a pair of files, one a language: give a path, not a stream")

// lookupStream looks up a format written to, or read from, one stream.
func lookupStream(name string) (spec, error) {
	s, err := lookup(name)
	if err == nil && s.twoFiles {
		return spec{}, ErrTwoFiles
	}
	return s, err
}

// NewWriter returns a Writer of the named format writing to w.
func NewWriter(name string, w io.Writer, opt Options) (Writer, error) {
	s, err := lookupStream(name)
	if err != nil {
		return nil, err
	}
	if err := opt.checkFilters(); err != nil {
		return nil, err
	}
	return s.writer([]io.Writer{w}, opt), nil
}

// NewFilesWriter returns a Writer of the named format writing a file to
// each of ws: two for Moses (the source side, then the target side), one
// for the others. It is for outputs that are not paths, such as the
// shards of a distributed run.
func NewFilesWriter(name string, ws []io.Writer, opt Options) (Writer, error) {
	s, err := lookup(name)
	if err != nil {
		return nil, err
	}
	if want := s.files(); len(ws) != want {
		return nil, fmt.Errorf("%s: %d files to write, want %d", name, len(ws), want)
	}
	if err := opt.checkFilters(); err != nil {
		return nil, err
	}
	return s.writer(ws, opt), nil
}

// FileCount is the number of files the named format writes: two for
// Moses, one for the others.
func FileCount(name string) (int, error) {
	s, err := lookup(name)
	if err != nil {
		return 0, err
	}
	return s.files(), nil
}

func (s spec) files() int {
	if s.twoFiles {
		return 2
	}
	return 1
}

// checkFilters refuses a minimum score that no score can be measured
// against: scores are in [0,1], and NaN would keep every link unnoticed.
func (o Options) checkFilters() error {
	if !(o.MinScore >= 0 && o.MinScore <= 1) {
		return fmt.Errorf("minimum score %v: want a score from 0 to 1", o.MinScore)
	}
	return nil
}

func (s spec) writer(ws []io.Writer, opt Options) *writer {
	// A bad document name is named once, not at each of its pairs.
	opt.Warn = corpus.OncePerDoc(opt.Warn)
	return &writer{
		w:    s.newWriter(ws, opt),
		warn: opt.Warn,
		filter: corpus.Filter{
			KeepUnaligned: opt.KeepUnaligned || s.links,
			MinScore:      opt.MinScore,
			Dedupe:        opt.Dedupe,
		},
	}
}

// NewReader returns a Reader of the named format reading r.
func NewReader(name string, r io.Reader, opt Options) (Reader, error) {
	s, err := lookupStream(name)
	if err != nil {
		return nil, err
	}
	return s.reader([]io.Reader{r}, opt), nil
}

func (s spec) reader(rs []io.Reader, opt Options) *reader {
	return &reader{r: s.newReader(rs, opt), opt: opt}
}

type writer struct {
	w      pairWriter
	filter corpus.Filter
	warn   func(error)
	n      int // pairs given to Write
}

// Write removes control characters from p (see corpus.StripControls),
// filters it and writes it. A pair that lost characters and is kept is
// named in a warning.
func (w *writer) Write(p corpus.Pair) error {
	if err := w.w.Error(); err != nil {
		return err
	}
	w.n++
	p, warnings := corpus.StripPairControls(p, w.n)
	if !w.filter.Keep(p) {
		return nil
	}
	if w.warn != nil {
		for _, err := range warnings {
			w.warn(err)
		}
	}
	return w.w.Write(p)
}

func (w *writer) Flush()                  { w.w.Flush() }
func (w *writer) Error() error            { return w.w.Error() }
func (w *writer) Dropped() corpus.Dropped { return w.filter.Dropped }

func (w *writer) Close() error {
	if c, ok := w.w.(interface{ Close() error }); ok {
		return c.Close()
	}
	w.w.Flush()
	return w.w.Error()
}

type reader struct {
	r   pairReader
	opt Options
}

func (r *reader) Read() (corpus.Pair, error) { return r.r.Read() }

func (r *reader) Skipped() int {
	if s, ok := r.r.(interface{ Skipped() int }); ok {
		return s.Skipped()
	}
	return 0
}

func (r *reader) Langs() (src, tgt string) {
	src, tgt = r.opt.langs()
	if l, ok := r.r.(interface{ Langs() (string, string) }); ok {
		if s, t := l.Langs(); s != "" && t != "" {
			return s, t
		}
	}
	return src, tgt
}
