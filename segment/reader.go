package segment

import (
	"io"

	"github.com/paralel/paralel/corpus"
)

// A Reader reads the sentences of a text one at a time, holding no more
// than one paragraph in memory: it splits the paragraphs of a
// corpus.ParagraphReader, or in Presplit mode takes each line whole.
type Reader struct {
	par   *corpus.ParagraphReader
	mode  corpus.Mode
	split *Splitter
	index int // of the next paragraph
	queue []corpus.Sentence
	spare []corpus.Sentence
	err   error
}

// NewReader returns a reader of the sentences of r, split by the rules of
// opt.Lang.
func NewReader(r io.Reader, opt corpus.ReadOptions) *Reader {
	sr := &Reader{par: corpus.NewParagraphReader(r, opt), mode: opt.Mode}
	sr.split, sr.err = NewSplitter(opt.Lang)
	return sr
}

// Read returns the next sentence, or io.EOF after the last one. After an
// error every call returns that error.
func (r *Reader) Read() (corpus.Sentence, error) {
	for len(r.queue) == 0 {
		if r.err != nil {
			return corpus.Sentence{}, r.err
		}
		r.queue = r.spare[:0] // the sentences handed out were copies
		r.fill()
		r.spare = r.queue
	}
	s := r.queue[0]
	r.queue = r.queue[1:]
	return s, nil
}

// fill reads paragraphs until it has sentences to queue or meets the end.
func (r *Reader) fill() {
	for len(r.queue) == 0 {
		p, err := r.par.Read()
		if err != nil {
			r.err = err
			return
		}
		if r.mode == corpus.Presplit {
			a, b := trimSpan(p.Text, 0, len(p.Text))
			r.queue = append(r.queue, corpus.Sentence{Text: sentenceText(p.Text[a:b]),
				Start: p.Start + a, End: p.Start + b, Para: r.index})
		} else {
			r.queue = r.split.appendSentences(r.queue, p.Text, p.Start, r.index)
		}
		r.index++
	}
}

// ReadDocument reads a whole text and splits it into sentences.
func ReadDocument(r io.Reader, opt corpus.ReadOptions) (*corpus.Document, error) {
	sentences, err := corpus.ReadAll(NewReader(r, opt).Read)
	if err != nil {
		return nil, err
	}
	return &corpus.Document{Name: opt.Name, Lang: opt.Lang, Sentences: sentences}, nil
}

// ReadFile reads and splits the file at path; "-" reads standard input.
// Errors name the file.
func ReadFile(path string, opt corpus.ReadOptions) (*corpus.Document, error) {
	f, err := corpus.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if opt.Name == "" {
		opt.Name = corpus.InputName(path)
	}
	return ReadDocument(f, opt)
}
