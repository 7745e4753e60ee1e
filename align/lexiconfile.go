package align

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// A Lexicon is an induced lexicon learnt once and used again: LearnLexicon
// learns it from a sample of documents as AlignAll would from all of them,
// WriteTo and ReadLexicon keep it in a file, and Options.Lexicon makes
// Align use it in place of the one it would induce from its own input. A
// corpus aligned in shards, each document on its own, so keeps the evidence
// of a pooled run. A Lexicon is read-only once made and may be shared by
// any number of aligners at once.
//
// The file is UTF-8 text: a first line naming the format and its version,
// "# paralel lexicon 1", lines starting with # as comments, and one pair a
// line, a source stem and a target stem separated by a tab. A stem is a
// word folded as the aligner folds it (lower case, diacritics kept) cut to
// its first five runes.
type Lexicon struct {
	ind *inducedLexicon
}

// LexiconHeader is the first line of a lexicon file; a later version of
// the format changes the number.
const LexiconHeader = "# paralel lexicon 1"

// maxLexiconPairs bounds what ReadLexicon accepts: an induced lexicon holds
// at most a few pairs per stem, tens of thousands in all.
const maxLexiconPairs = 1 << 22

// LearnLexicon learns the induced lexicon of the documents, pooled, as
// AlignAll does before its final pass. opt.Lexicon and opt.NoInducedLexicon
// are ignored; opt.Progress follows the first pass.
func LearnLexicon(docs []Bitext, opt Options) *Lexicon {
	opt.Lexicon, opt.NoInducedLexicon = nil, false
	a := newAligner(docs, opt)
	a.pass(a.keys())
	a.estimate()
	return &Lexicon{ind: a.induced}
}

// Len is the number of pairs of the lexicon.
func (lx *Lexicon) Len() int { return lx.ind.pairs }

// Pairs lists the pairs in order, each a source and a target stem.
func (lx *Lexicon) Pairs() [][2]string {
	out := make([][2]string, lx.ind.pairs)
	for s, ps := range lx.ind.src {
		for _, p := range ps {
			out[p][0] = s
		}
	}
	for t, ps := range lx.ind.tgt {
		for _, p := range ps {
			out[p][1] = t
		}
	}
	return out
}

// WriteTo writes the lexicon in its file format.
func (lx *Lexicon) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	n, _ := fmt.Fprintf(bw, "%s\n# %d pairs: source stem<TAB>target stem\n", LexiconHeader, lx.Len())
	written := int64(n)
	for _, p := range lx.Pairs() {
		n, _ = fmt.Fprintf(bw, "%s\t%s\n", p[0], p[1])
		written += int64(n)
	}
	return written, bw.Flush()
}

// ReadLexicon reads a lexicon written by WriteTo. Errors name the line.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<16)
	ind := &inducedLexicon{src: map[string][]int32{}, tgt: map[string][]int32{}}
	seen := map[[2]string]bool{}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
			if text != LexiconHeader {
				if strings.HasPrefix(text, "# paralel lexicon ") {
					return nil, fmt.Errorf("line 1: %q: a version this paralel does not read (it reads %q)", text, LexiconHeader)
				}
				return nil, fmt.Errorf("line 1: not a paralel lexicon: want %q first", LexiconHeader)
			}
			continue
		}
		if text == "" || text[0] == '#' {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("line %d: not UTF-8 text", line)
		}
		s, t, ok := strings.Cut(text, "\t")
		if !ok || s == "" || t == "" || strings.Contains(t, "\t") {
			return nil, fmt.Errorf("line %d: want a source stem and a target stem separated by a tab", line)
		}
		if seen[[2]string{s, t}] {
			continue
		}
		if ind.pairs == maxLexiconPairs {
			return nil, fmt.Errorf("line %d: more than %d pairs", line, maxLexiconPairs)
		}
		seen[[2]string{s, t}] = true
		p := int32(ind.pairs)
		ind.src[s] = append(ind.src[s], p)
		ind.tgt[t] = append(ind.tgt[t], p)
		ind.pairs++
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d: longer than 64 KiB", line+1)
		}
		return nil, err
	}
	if line == 0 {
		return nil, fmt.Errorf("empty: want %q first", LexiconHeader)
	}
	return &Lexicon{ind: ind}, nil
}
