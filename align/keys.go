package align

import "unicode/utf8"

// Tokens of the two languages match when they share a key. The keys of a
// token are its evidence sources, spelt in the key space as
//
//	#digits    numbers, by their digits
//	P?         punctuation that translations keep (? ! : quotes, parentheses)
//	=word      the same folded word on both sides (names, acronyms)
//	~pref      the same first cognateLen runes (cognates: parlament/parliament)
//	@concept   a seed lexicon entry
//
// and, numbered after those, the pairs of the lexicon induced from the
// input (see addInduced), which have no spelling.
const cognateLen = 4

// A keyID numbers a key in the key space that both sides share.
type keyID int32

// keyTables are the keys of every token type of either side, numbered 0 to
// count-1 in one key space.
type keyTables struct {
	src, tgt [][]keyID // by typeID of the side
	count    int
}

// A keySpace numbers keys by their spelling (see cognateLen), from 0.
type keySpace struct {
	ids map[string]keyID
}

func (ks *keySpace) id(s string) keyID {
	if id, ok := ks.ids[s]; ok {
		return id
	}
	id := keyID(len(ks.ids))
	ks.ids[s] = id
	return id
}

// typeKeys lists the keys of every type of a vocabulary but those of the
// induced lexicon (see addInduced); src tells which side of the seed
// lexicon the vocabulary is on.
func typeKeys(ks *keySpace, v *vocab, src bool, seed *lexicon) [][]keyID {
	keys := make([][]keyID, len(v.toks))
	buf := make([]byte, 0, 64)
	add := func(i int, tag byte, s string) {
		buf = append(buf[:0], tag)
		buf = append(buf, s...)
		id := ks.id(string(buf))
		for _, k := range keys[i] {
			if k == id {
				return
			}
		}
		keys[i] = append(keys[i], id)
	}
	for i, t := range v.toks {
		if t.kind == punctToken {
			add(i, 'P', t.text)
			continue
		}
		spellKeys(t, src, seed, func(tag byte, s string) { add(i, tag, s) })
	}
	return keys
}

// spellKeys calls put with the tag and text of every key of a number or
// word token but those of the induced lexicon, in order; src tells which
// side of the seed lexicon (which may be nil) the token is on.
func spellKeys(t token, src bool, seed *lexicon, put func(tag byte, text string)) {
	switch t.kind {
	case numberToken:
		put('#', t.text)
	case wordToken:
		n := utf8.RuneCountInString(t.text)
		if n >= 2 {
			put('=', t.text)
		}
		if n >= cognateLen {
			put('~', prefix(skeleton(t.text), cognateLen))
		}
		if seed != nil {
			dict, cut := seed.tgt, seed.tgtCut
			if src {
				dict, cut = seed.src, seed.srcCut
			}
			for _, c := range lookup(dict, t.text, cut) {
				put('@', c)
			}
		}
	}
}

// addInduced adds to the keys of every word type of a vocabulary the pairs
// of the induced lexicon that its stem is in (pairs is one side of the
// lexicon). Pair p is key first+p: the keys of typeKeys, numbered below
// first, have none of them.
func addInduced(v *vocab, keys [][]keyID, pairs map[string][]int32, first int) {
	for i, t := range v.toks {
		if t.kind != wordToken {
			continue
		}
		for _, p := range pairs[stem(t.text)] {
			keys[i] = append(keys[i], keyID(first)+keyID(p))
		}
	}
}

// skeleton spells a folded word so that cognates across Latin-script
// languages look alike: k as c, doubled letters once
// (komisioni/commission, Kanton/canton).
func skeleton(w string) string {
	b := make([]rune, 0, len(w))
	for _, r := range w {
		if r == 'k' {
			r = 'c'
		}
		if len(b) > 0 && b[len(b)-1] == r {
			continue
		}
		b = append(b, r)
	}
	return string(b)
}
