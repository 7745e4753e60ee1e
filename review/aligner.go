package review

import (
	"fmt"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
)

// AlignWith returns the Aligner that re-aligns with align.Align, passing
// the fixed rows as opt.Fixed. The links are kept in order (opt.InOrder),
// as rows must be.
func AlignWith(opt align.Options) Aligner {
	opt.InOrder = true
	return func(src, tgt []corpus.Sentence, fixed []Row) []Row {
		opt := opt
		opt.Fixed = make([]align.Link, len(fixed))
		for i, r := range fixed {
			opt.Fixed[i] = align.Link{Src: r.Src, Tgt: r.Tgt, Score: r.Score}
		}
		return fromLinks(align.Align(src, tgt, opt))
	}
}

func fromLinks(links []align.Link) []Row {
	rows := make([]Row, len(links))
	for i, l := range links {
		rows[i] = Row{Src: l.Src, Tgt: l.Tgt, Score: l.Score}
	}
	return rows
}

// Start aligns src with tgt and opens a review of the result, which
// re-aligns with the same options after every fix. The session's Warnings
// are those of align.Check, such as an empty side or swapped languages:
// langs is what align.ProbeLangs read the sides as (input.CheckSides
// returns it), or the zero Langs for align.Check to probe them.
func Start(src, tgt Input, langs align.Langs, opt align.Options) (*Session, error) {
	if opt.SrcLang == "" {
		opt.SrcLang = src.Lang
	}
	if opt.TgtLang == "" {
		opt.TgtLang = tgt.Lang
	}
	opt.Fixed = nil
	opt.InOrder = true // rows are in order
	links := align.Align(src.Sentences, tgt.Sentences, opt)
	s, err := NewSession(src, tgt, fromLinks(links))
	if err != nil {
		return nil, fmt.Errorf("aligner: %w", err)
	}
	s.Align = AlignWith(opt)
	s.Warnings = align.Check(src.Sentences, tgt.Sentences, links, langs)
	return s, nil
}
