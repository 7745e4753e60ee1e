package evalset

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/segment"
)

// Options control an evaluation.
type Options struct {
	// Align is passed to the aligner: languages, progress.
	Align align.Options

	// Each aligns every document on its own, as "paralel align" does,
	// rather than all together with a lexicon induced from the whole set.
	Each bool

	// Mode is how raw text is read; the default takes a line break as the
	// end of a paragraph.
	Mode corpus.Mode

	// PredDir, when set, receives each document's predictions in a folder
	// of its name: pred.txt (ids) for the pre-split input and pred.tsv
	// (every link, unaligned ones too) end to end, so that the reference
	// scorer can check the figures.
	PredDir string
}

// A Result holds the figures of an evaluation, for each kind of input the
// set has; a nil Run means the set lacks that kind.
type Result struct {
	Presplit *Run // aligned from the gold segments, scored on gold.txt
	EndToEnd *Run // split from raw text, then aligned, scored on the gold lines
}

// A Run is the evaluation of a set on one kind of input.
type Run struct {
	Counts Counts // summed over the documents
	Docs   []DocResult
}

// DocResult is the evaluation of one document.
type DocResult struct {
	Name   string
	Counts Counts
	Links  []align.Link // as predicted
	Right  []bool       // for pre-split input: whether each link is in gold
}

// WrongInLowest tells how many of the run's wrong links are among the
// fraction frac of all its links with the lowest scores, and how many are
// wrong in all. It needs Right, so it counts pre-split runs only.
func (r *Run) WrongInLowest(frac float64) (found, wrong int) {
	var links []align.Link
	var right []bool
	for _, d := range r.Docs {
		links = append(links, d.Links...)
		right = append(right, d.Right...)
	}
	if len(right) != len(links) {
		return 0, 0
	}
	return WrongInLowest(links, right, frac)
}

// Evaluate aligns every document of the set and compares the links with
// gold, on every kind of input the set has.
func Evaluate(set *Set, opt Options) (*Result, error) {
	res := &Result{}
	if set.Presplit() {
		run, err := evaluatePresplit(set, opt)
		if err != nil {
			return nil, err
		}
		res.Presplit = run
	}
	if set.Raw() {
		run, err := evaluateText(set, opt)
		if err != nil {
			return nil, err
		}
		res.EndToEnd = run
	}
	if res.Presplit == nil && res.EndToEnd == nil {
		return nil, fmt.Errorf("%s: the documents have neither all sq.sent/en.sent/gold.txt nor all sq.txt/en.txt", set.Dir)
	}
	return res, nil
}

// CompareFiles compares a file of predicted links with a file of gold
// links, both in ids format, as one pre-split document.
func CompareFiles(goldFile, predFile string) (*Result, error) {
	gold, err := ReadLinks(goldFile)
	if err != nil {
		return nil, err
	}
	pred, err := ReadLinks(predFile)
	if err != nil {
		return nil, err
	}
	c := Compare(gold, pred)
	doc := DocResult{Name: predFile, Counts: c, Links: pred, Right: Right(gold, pred)}
	return &Result{Presplit: &Run{Counts: c, Docs: []DocResult{doc}}}, nil
}

func evaluatePresplit(set *Set, opt Options) (*Run, error) {
	bitexts := make([]align.Bitext, len(set.Docs))
	for i, d := range set.Docs {
		src, err := readPresplit(d.SrcSent, d.nsrc, opt.Align.SrcLang)
		if err != nil {
			return nil, err
		}
		tgt, err := readPresplit(d.TgtSent, d.ntgt, opt.Align.TgtLang)
		if err != nil {
			return nil, err
		}
		bitexts[i] = align.Bitext{Name: d.Name, Src: src, Tgt: tgt}
	}
	run := &Run{}
	for i, links := range alignAll(bitexts, opt) {
		d := set.Docs[i]
		c := Compare(d.Gold, links)
		run.Counts = run.Counts.Add(c)
		run.Docs = append(run.Docs, DocResult{Name: d.Name, Counts: c, Links: links, Right: Right(d.Gold, links)})
		if opt.PredDir != "" {
			if err := writePred(opt.PredDir, d.Name, "pred.txt", "ids", align.Pairs(bitexts[i].Src, bitexts[i].Tgt, links, true)); err != nil {
				return nil, err
			}
		}
	}
	return run, nil
}

// readPresplit reads one segment a line and checks that the gold ids,
// which count lines, still point at the same segments.
func readPresplit(path string, lines int, lang string) ([]corpus.Sentence, error) {
	doc, err := segment.ReadFile(path, corpus.ReadOptions{Lang: lang, Mode: corpus.Presplit})
	if err != nil {
		return nil, err
	}
	if len(doc.Sentences) != lines {
		return nil, fmt.Errorf("%s: read %d segments from %d lines: gold ids count lines, so the file must have no empty lines",
			path, len(doc.Sentences), lines)
	}
	return doc.Sentences, nil
}

func evaluateText(set *Set, opt Options) (*Run, error) {
	bitexts := make([]align.Bitext, len(set.Docs))
	for i, d := range set.Docs {
		src, err := segment.ReadFile(d.SrcText, corpus.ReadOptions{Lang: opt.Align.SrcLang, Mode: opt.Mode})
		if err != nil {
			return nil, err
		}
		tgt, err := segment.ReadFile(d.TgtText, corpus.ReadOptions{Lang: opt.Align.TgtLang, Mode: opt.Mode})
		if err != nil {
			return nil, err
		}
		bitexts[i] = align.Bitext{Name: d.Name, Src: src.Sentences, Tgt: tgt.Sentences}
	}
	run := &Run{}
	for i, links := range alignAll(bitexts, opt) {
		d, b := set.Docs[i], bitexts[i]
		pairs := align.Pairs(b.Src, b.Tgt, links, true)
		c := CompareText(d.SrcLines, d.TgtLines, d.LineGold, pairs)
		run.Counts = run.Counts.Add(c)
		run.Docs = append(run.Docs, DocResult{Name: d.Name, Counts: c, Links: links})
		if opt.PredDir != "" {
			if err := writePred(opt.PredDir, d.Name, "pred.tsv", "tsv", pairs); err != nil {
				return nil, err
			}
		}
	}
	return run, nil
}

// alignAll aligns the documents together, or one by one when opt.Each is
// set; progress then counts documents.
func alignAll(docs []align.Bitext, opt Options) [][]align.Link {
	if !opt.Each {
		return align.AlignAll(docs, opt.Align)
	}
	progress := opt.Align.Progress
	opt.Align.Progress = nil
	out := make([][]align.Link, len(docs))
	for i, d := range docs {
		out[i] = align.Align(d.Src, d.Tgt, opt.Align)
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	return out
}

// writePred writes pairs in the named format to dir/doc/file, every link
// kept, replacing the file only once it is complete.
func writePred(dir, doc, file, name string, pairs []corpus.Pair) error {
	if err := os.MkdirAll(filepath.Join(dir, doc), 0o755); err != nil {
		return err
	}
	_, err := format.WritePairs(name, filepath.Join(dir, doc, file), pairs, format.Options{KeepUnaligned: true})
	return err
}
