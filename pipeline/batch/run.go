package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/pipeline/input"
	"github.com/paralel/paralel/segment"
)

// Options control a batch run.
type Options struct {
	// Align is passed to the aligner: the languages, and Progress, which
	// follows the whole batch: the aligner's work when the documents are
	// pooled, documents done with Each.
	Align align.Options

	// Mode is how the texts are read; corpus.Presplit takes one segment a
	// line.
	Mode corpus.Mode

	// Read is how the documents given as paths are read (see
	// input.Options: a forced format or encoding, the timeout of web
	// addresses, a folder to dump the text read into, storage to open
	// paths from). Its Lang and Mode are set for each side from Align and
	// Mode. Texts given in a stream of documents are not dumped: they are
	// read as they are given. Documents are read by several goroutines at
	// once, so Read.Open must be safe for concurrent use.
	Read input.Options

	// Each aligns every document on its own rather than all together
	// with a lexicon induced from the whole batch: weaker evidence, but
	// memory for a few documents only, however many there are. A
	// lexicon given in Align.Lexicon (learnt from a sample of the
	// documents) brings back most of the pooled evidence, and implies
	// Each.
	Each bool

	// Strict ends the run at the first document that cannot be read.
	Strict bool

	// AllowSwapped aligns a document whose sides read as each other's
	// language, which otherwise fails as paralel align refuses it (see
	// input.CheckSides).
	AllowSwapped bool

	// Shard keeps the documents of one shard of the input only (see
	// Shard); the zero Shard keeps them all.
	Shard Shard

	// Doubtful is the score under which the Summary counts a link as
	// doubtful; zero means corpus.DefaultDoubtful, where the side-by-side
	// view and the review page draw the line too.
	Doubtful float64
}

// A Writer receives the pairs of the batch and filters them; format.Writer
// is one.
type Writer interface {
	Write(p corpus.Pair) error
	Dropped() corpus.Dropped
}

// ErrNoDocuments is returned by Run when no document could be aligned.
var ErrNoDocuments = errors.New("no document could be aligned")

// A DocError reports a document that the run skipped.
type DocError struct {
	Doc string // its name
	Err error
}

// Error names the document quoted, as corpus.PairPlace does, so that a
// name with a control character or a byte that is not UTF-8 reaches no
// terminal raw.
func (e *DocError) Error() string { return fmt.Sprintf("%q: %v", e.Doc, e.Err) }

func (e *DocError) Unwrap() error { return e.Err }

// A Warning is a sign that a document's alignment may be off: a problem
// met in reading it that did not stop the reading (a subtitle cue whose
// timing is broken, see extract.Report.Warnings), or one that align.Check
// finds.
type Warning struct {
	Doc, Text string
}

// String names the document quoted, as DocError does.
func (w Warning) String() string { return fmt.Sprintf("%q: %s", w.Doc, w.Text) }

// A Summary says what a run did.
type Summary struct {
	Docs    int         // documents given
	Aligned int         // documents aligned
	Failed  []*DocError // documents skipped, in order

	SrcSentences, TgtSentences int
	Links                      int     // every link, 1-0 and 0-1 included
	Doubtful                   int     // links scored under Threshold
	Threshold                  float64 // the score Doubtful counts under

	Kept     int            // pairs that passed the Writer's filters
	Dropped  corpus.Dropped // pairs that did not
	Warnings []Warning
}

// Run reads, aligns and writes the documents, and sums up what it did. A
// document that cannot be read (missing, not UTF-8 text, an empty side) is
// skipped and listed in Summary.Failed, or with opt.Strict ends the run
// with its *DocError. Run returns ErrNoDocuments when every document
// failed, the error of w when writing fails, and ctx's error when it is
// cancelled, which Run notices between documents; the Summary is never nil
// and says what was done until then.
func Run(ctx context.Context, docs []Doc, w Writer, opt Options) (*Summary, error) {
	if opt.Shard.N > 1 {
		var kept []Doc
		for _, d := range docs {
			if opt.Shard.Keeps(d.Name) {
				kept = append(kept, d)
			}
		}
		docs = kept
	}
	s := newSummary(opt)
	s.Docs = len(docs)
	var err error
	if opt.Each || opt.Align.Lexicon != nil {
		err = runEach(ctx, docs, w, opt, s)
	} else {
		err = runPooled(ctx, docs, w, opt, s)
	}
	return s.end(w, err)
}

func runPooled(ctx context.Context, docs []Doc, w Writer, opt Options, s *Summary) error {
	var bitexts []align.Bitext
	var langs []align.Langs // of each bitext, for align.Check
	var warnings [][]string // of reading each bitext
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, l, warned, err := Read(d.Input(), opt)
		if err != nil {
			if err := s.fail(d.Name, err, opt.Strict); err != nil {
				return err
			}
			continue
		}
		bitexts = append(bitexts, b)
		langs = append(langs, l)
		warnings = append(warnings, warned)
	}
	if len(bitexts) == 0 {
		return nil
	}
	for i, links := range align.AlignAll(bitexts, opt.Align) {
		if err := ctx.Err(); err != nil {
			return err
		}
		b := bitexts[i]
		if err := s.add(b, links, append(warnings[i], align.Check(b.Src, b.Tgt, links, langs[i])...), w); err != nil {
			return err
		}
	}
	return nil
}

func runEach(ctx context.Context, docs []Doc, w Writer, opt Options, s *Summary) error {
	progress := opt.Align.Progress
	done := 0
	return inOrder(ctx, NewDocList(docs), opt, func(d Input, r aligned) error {
		if err := s.take(d.Name, r, opt.Strict, w); err != nil {
			return err
		}
		done++
		if progress != nil {
			progress(done, len(docs))
		}
		return nil
	})
}

// newSummary is the Summary of a run with opt, before any document.
func newSummary(opt Options) *Summary {
	s := &Summary{Threshold: opt.Doubtful}
	if s.Threshold == 0 {
		s.Threshold = corpus.DefaultDoubtful
	}
	return s
}

// fail records a document that could not be read, and returns the error
// that ends the run in strict mode.
func (s *Summary) fail(name string, err error, strict bool) error {
	de := &DocError{Doc: name, Err: err}
	s.Failed = append(s.Failed, de)
	if strict {
		return de
	}
	return nil
}

// take counts a document aligned on its own: it writes its pairs, or
// records its failure.
func (s *Summary) take(name string, r aligned, strict bool, w Writer) error {
	if r.err != nil {
		return s.fail(name, r.err, strict)
	}
	return s.add(r.bitext, r.links, r.warnings, w)
}

// add counts one aligned document, with the warnings of reading it and of
// align.Check, and writes its pairs.
func (s *Summary) add(b align.Bitext, links []align.Link, warnings []string, w Writer) error {
	s.Aligned++
	s.SrcSentences += len(b.Src)
	s.TgtSentences += len(b.Tgt)
	s.Links += len(links)
	for _, l := range links {
		if l.Score < s.Threshold {
			s.Doubtful++
		}
	}
	s.warn(b.Name, warnings)
	// Every link goes to the writer, whose filters decide and count.
	for _, p := range align.Pairs(b.Src, b.Tgt, links, true) {
		p.Doc = b.Name
		if err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// warn records the warnings of the document doc.
func (s *Summary) warn(doc string, warnings []string) {
	for _, text := range warnings {
		s.Warnings = append(s.Warnings, Warning{Doc: doc, Text: text})
	}
}

// Read reads and splits the two sides of a document, and refuses them
// when they cannot be a text and its translation (an empty side, the same
// text twice, swapped sides unless opt.AllowSwapped), as paralel align
// does: the one check of input.CheckSides. It returns what that check's
// language probe read the sides as, for align.Check, and the warnings of
// reading the sides that did not stop it (see input.Warnings), each
// naming its file.
func Read(d Input, opt Options) (align.Bitext, align.Langs, []string, error) {
	src, warnings, err := readSide(d, d.Src, "src", opt.Align.SrcLang, opt)
	if err != nil {
		return align.Bitext{}, align.Langs{}, nil, err
	}
	tgt, tgtWarnings, err := readSide(d, d.Tgt, "tgt", opt.Align.TgtLang, opt)
	if err != nil {
		return align.Bitext{}, align.Langs{}, nil, err
	}
	warnings = append(warnings, tgtWarnings...)
	sides := input.Sides{SrcName: d.Src, TgtName: d.Tgt, Src: src, Tgt: tgt, SrcLang: opt.Align.SrcLang, TgtLang: opt.Align.TgtLang}
	if d.Kind == Texts {
		sides.SrcName, sides.TgtName = "src", "tgt"
	}
	langs, err := input.CheckSides(sides, opt.AllowSwapped)
	if err != nil {
		return align.Bitext{}, align.Langs{}, nil, err
	}
	return align.Bitext{Name: d.Name, Src: src, Tgt: tgt}, langs, warnings, nil
}

func readSide(d Input, path, side, lang string, opt Options) ([]corpus.Sentence, []string, error) {
	if d.Kind == Texts {
		doc, err := segment.ReadDocument(strings.NewReader(path), corpus.ReadOptions{Lang: lang, Mode: opt.Mode, Name: side})
		if err != nil {
			return nil, nil, err
		}
		return doc.Sentences, nil, nil
	}
	read := opt.Read
	read.Lang, read.Mode = lang, opt.Mode
	doc, rep, err := input.ReadFile(path, read)
	if errors.Is(err, fs.ErrNotExist) {
		if other, ok := twin[filepath.Base(path)]; ok && exists(filepath.Join(filepath.Dir(path), other)) {
			return nil, nil, fmt.Errorf("%w (the folder has %s: is it %s input?)", err, other, kind[other])
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return doc.Sentences, input.Warnings(rep), nil
}

// twin pairs the files of a document folder with those of the other kind
// of input, for a hint when the one looked for is missing.
var twin = map[string]string{
	corpus.SrcTextFile: corpus.SrcSentFile, corpus.SrcSentFile: corpus.SrcTextFile,
	corpus.TgtTextFile: corpus.TgtSentFile, corpus.TgtSentFile: corpus.TgtTextFile,
}

var kind = map[string]string{
	corpus.SrcTextFile: "raw text", corpus.TgtTextFile: "raw text",
	corpus.SrcSentFile: "pre-split", corpus.TgtSentFile: "pre-split",
}
