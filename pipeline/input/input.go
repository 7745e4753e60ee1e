// Package input is the one way every command reads a document: a file,
// the standard input or a web address, in any format the extract package
// reads, made into the sentences of a corpus.Document with a report of
// what was read. Because the extracted text has one paragraph a line, the
// splitter reads it as it reads any text, and byte offsets refer to it.
package input

import (
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
	"github.com/paralel/paralel/internal/english"
	"github.com/paralel/paralel/segment"
)

// Options say how to read a document.
type Options struct {
	// Lang is the language of the text, for the splitter and as a hint to
	// the encoding detector.
	Lang string
	// Mode is how lines make paragraphs. Lines, the default, also stands
	// for "not said": hard-wrapped text is then recognised and read as
	// Wrapped.
	Mode corpus.Mode
	// Name names the input in errors and reports; by default the path.
	Name string
	// Format and Encoding force what is otherwise detected (see
	// extract.Options).
	Format, Encoding string
	// MaxSize bounds the input read whole (0: extract.DefaultMaxSize).
	MaxSize int64
	// Timeout bounds the fetching of a web address (0:
	// extract.DefaultTimeout); Client fetches it (nil: the default).
	Timeout time.Duration
	Client  *http.Client
	// DumpDir, when set, is a folder (made if need be) where the text of
	// each document is written as the splitter reads it, so that a user
	// can see what the aligner saw and what offsets refer to: one file per
	// input, named after it (DumpName), written whole or not at all.
	DumpDir string
	// Open, when set, opens the document at a path in place of the local
	// file system and the web, such as the storage of a distributed
	// engine's workers.
	Open func(path string) (io.ReadCloser, error)
}

// A Text is the extracted text of a document, one paragraph a line (or
// hard-wrapped, as ReadOptions.Mode says), ready for the splitter.
type Text struct {
	io.Reader
	Report      *extract.Report
	ReadOptions corpus.ReadOptions // how the splitter reads it
	closer      io.Closer
	dump        *dump
}

// Commit ends the dump of the text to Options.DumpDir, once the text has
// been read without error: what is left of it is read into the file, which
// is then made visible. Without DumpDir it does nothing.
func (t *Text) Commit() error {
	if t.dump == nil {
		return nil
	}
	err := t.dump.commit()
	t.dump = nil
	return err
}

// Close releases the file or connection the text is read from, and drops
// a dump not committed.
func (t *Text) Close() error {
	if t.dump != nil {
		t.dump.file.Close()
		t.dump = nil
	}
	if t.closer == nil {
		return nil
	}
	return t.closer.Close()
}

// Open opens the document at path: a file, "-" for the standard input, or
// an http or https address; or what opt.Open opens, when it is set.
func Open(path string, opt Options) (*Text, error) {
	if opt.Name == "" {
		opt.Name = corpus.InputName(path)
	}
	var rc io.ReadCloser
	var err error
	switch {
	case opt.Open != nil:
		rc, err = opt.Open(path)
	case extract.IsURL(path):
		rc, err = extract.Fetch(opt.Client, path, opt.Timeout, opt.MaxSize)
	default:
		rc, err = corpus.Open(path)
	}
	if err != nil {
		return nil, err
	}
	t, err := NewText(rc, opt)
	if err != nil {
		rc.Close()
		return nil, err
	}
	t.closer = rc
	return t, nil
}

// NewText extracts the text of the document that r reads.
func NewText(r io.Reader, opt Options) (*Text, error) {
	if opt.Name == "" {
		opt.Name = "input"
	}
	tr, rep, err := extract.NewReader(r, extract.Options{
		Format: opt.Format, Encoding: opt.Encoding, Lang: opt.Lang,
		Name: opt.Name, MaxSize: opt.MaxSize,
	})
	if err != nil {
		return nil, err
	}
	mode := opt.Mode
	if mode == corpus.Lines && rep.Wrapped {
		mode = corpus.Wrapped
	}
	rep.Wrapped = mode == corpus.Wrapped
	t := &Text{Reader: tr, Report: rep, ReadOptions: corpus.ReadOptions{Lang: opt.Lang, Mode: mode, Name: opt.Name}}
	if opt.DumpDir != "" {
		if t.dump, err = newDump(tr, opt.DumpDir, opt.Name); err != nil {
			return nil, err
		}
		t.Reader = t.dump
	}
	return t, nil
}

// ReadDocument reads and splits the document that r reads, and counts its
// paragraphs in the report.
func ReadDocument(r io.Reader, opt Options) (*corpus.Document, *extract.Report, error) {
	t, err := NewText(r, opt)
	if err != nil {
		return nil, nil, err
	}
	defer t.Close()
	return t.document()
}

// ReadFile reads and splits the document at path (see Open).
func ReadFile(path string, opt Options) (*corpus.Document, *extract.Report, error) {
	t, err := Open(path, opt)
	if err != nil {
		return nil, nil, err
	}
	defer t.Close()
	return t.document()
}

func (t *Text) document() (*corpus.Document, *extract.Report, error) {
	doc, err := segment.ReadDocument(t, t.ReadOptions)
	if err == nil {
		err = t.Commit()
	}
	if err != nil {
		return nil, nil, err
	}
	if n := len(doc.Sentences); n > 0 {
		t.Report.Paragraphs = doc.Sentences[n-1].Para + 1
	}
	return doc, t.Report, nil
}

// MaxWarnings is how many warnings of one input Warnings lists.
const MaxWarnings = 3

// Warnings are the warnings of reading an input, as the commands print
// them, after its name: "sq.srt: srt: line 7: cue timing not understood,
// ...". Only the first MaxWarnings are listed, and a line counts the
// others, so that an input broken throughout (a subtitle file whose every
// cue is) adds a few lines to the report of a run over many documents,
// not thousands.
func Warnings(rep *extract.Report) []string {
	var out []string
	for i, err := range rep.Warnings {
		if i == MaxWarnings {
			n := len(rep.Warnings) - i
			out = append(out, fmt.Sprintf("%s: %d more %s of reading it", rep.Name, n, english.Plural(n, "warning")))
			break
		}
		out = append(out, rep.Name+": "+err.Error())
	}
	return out
}
