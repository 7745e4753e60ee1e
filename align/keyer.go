package align

import "github.com/paralel/paralel/corpus"

// A Keyer gives the keys under which the aligner matches the tokens of one
// side of a language pair with those of the other, for tools that compare
// whole documents rather than sentences (package pair). A key begins with
// a byte saying what kind of evidence it is:
//
//	#digits    a number, by its digits
//	=word      a word as it is after folding (names, acronyms, identical words)
//	~pref      the first runes of a folded word (cognates)
//	@concept   an entry of the embedded seed lexicon
//
// A source token and a target token match when they share a key.
type Keyer struct {
	seed *lexicon
	src  bool
}

// NewKeyer returns the Keyer of the source side of the language pair (the
// target side when src is false). Only their language subtags count; the
// seed lexicon keys are given only where the pair has one.
func NewKeyer(srcLang, tgtLang string, src bool) *Keyer {
	return &Keyer{seed: seedLexicon(corpus.BaseLang(srcLang), corpus.BaseLang(tgtLang)), src: src}
}

// Keys calls emit with the keys of every number and word of s, in order.
// The bytes passed to emit are valid only during the call.
func (k *Keyer) Keys(s string, emit func(key []byte)) {
	var sp keySpeller
	scan(s, func(kind tokenKind, raw string) {
		sp.spell(normalize(kind, raw), k.src, k.seed, emit)
	})
}
