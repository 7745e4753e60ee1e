package align

import (
	"slices"

	"github.com/paralel/paralel/corpus"
)

// Link pairs consecutive source sentences with consecutive target sentences.
// Src and Tgt are indices into the sentence lists; one of them is empty for a
// sentence without counterpart. Score is the confidence in [0,1]: links with
// low scores are the ones worth checking first.
type Link struct {
	Src, Tgt []int
	Score    float64
}

// Options tune the aligner. The zero value is a good default.
type Options struct {
	// Fixed links must be part of the result (a translator confirmed them):
	// only the gaps between fixed pairs are aligned, and sentences of fixed
	// 1-0 and 0-1 links stay unaligned. Links that overlap an earlier one,
	// leave the input or break the order are ignored. AlignAll ignores
	// Fixed.
	Fixed []Link

	// Progress, when set, is called now and then with the work done so far
	// and the total, in arbitrary units.
	Progress func(done, total int)

	// SrcLang and TgtLang are BCP 47 tags such as "sq" or "en-GB"; only
	// their language subtag counts, as language data is by language.
	// Language data (the seed lexicon) is used only where the pair has
	// some; when a tag is empty the language is guessed from the text among
	// those with data.
	SrcLang, TgtLang string

	// NoSeedLexicon and NoInducedLexicon switch those evidence sources off.
	NoSeedLexicon, NoInducedLexicon bool

	// InOrder keeps every link in order on both sides. Without it, a
	// sentence left out on each side, near each other, whose rare words
	// match are linked to each other out of order (see pairMoved). The
	// review page, whose rows are in order, sets it.
	InOrder bool

	// Lexicon, when set, is used in place of the lexicon the aligner would
	// induce from its input (see LearnLexicon).
	Lexicon *Lexicon

	// Band is how far, in sentences, the fine search may stray from the
	// path found at the coarser resolution of long texts (default 3).
	Band int
}

// Bitext is one document and its translation.
type Bitext struct {
	Name     string
	Src, Tgt []corpus.Sentence
}

// Align aligns the sentences of one document with those of its
// translation. The links cover every sentence exactly once, in the order
// of the source side; they are in the order of the target side too but
// for the moved pairs that opt.InOrder leaves out.
func Align(src, tgt []corpus.Sentence, opt Options) []Link {
	pairs, dels, alone := fixedLinks(opt.Fixed, len(src), len(tgt))
	opt.Fixed = nil
	// Align the gaps between fixed pairs together, so that they share the
	// lexicon and the length model, then put the fixed pairs back.
	var gaps []Bitext
	var flags [][2][]bool
	var starts [][2]int
	s, t := 0, 0
	for _, f := range append(pairs, Link{Src: []int{len(src)}, Tgt: []int{len(tgt)}}) {
		fs, ft := f.Src[0], f.Tgt[0]
		gaps = append(gaps, Bitext{Src: src[s:fs], Tgt: tgt[t:ft]})
		flags = append(flags, [2][]bool{isSet(alone[0][s:fs]), isSet(alone[1][t:ft])})
		starts = append(starts, [2]int{s, t})
		s, t = fs+len(f.Src), ft+len(f.Tgt)
	}
	a := newAligner(gaps, opt)
	for g, d := range a.docs {
		d.src.alone, d.tgt.alone = flags[g][0], flags[g][1]
	}
	found := a.run()
	a.release()
	total := len(pairs)
	for _, links := range found {
		total += len(links)
	}
	var out []Link
	if total > 0 {
		out = make([]Link, 0, total)
	}
	for g, links := range found {
		for _, l := range links {
			shift(l.Src, starts[g][0])
			shift(l.Tgt, starts[g][1])
			// A fixed 1-0 or 0-1 link comes out one sentence at a time: put
			// it back whole where its first sentence is.
			if d := unalignedOf(l, alone); d >= 0 {
				if f := dels[d]; slices.Equal(f.Src[:min(1, len(f.Src))], l.Src) && slices.Equal(f.Tgt[:min(1, len(f.Tgt))], l.Tgt) {
					out = append(out, Link{Src: slices.Clone(f.Src), Tgt: slices.Clone(f.Tgt), Score: 1})
				}
				continue
			}
			out = append(out, l)
		}
		if g < len(pairs) {
			f := pairs[g]
			out = append(out, Link{Src: slices.Clone(f.Src), Tgt: slices.Clone(f.Tgt), Score: 1})
		}
	}
	return out
}

// AlignAll aligns several documents. The lexicon induced from the input and
// the length model are estimated from all documents pooled, so a batch of
// short documents aligns better than each one alone.
func AlignAll(docs []Bitext, opt Options) [][]Link {
	a := newAligner(docs, opt)
	defer a.release()
	return a.run()
}
