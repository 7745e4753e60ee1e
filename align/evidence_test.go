package align

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/paralel/paralel/corpus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

// tokenize cuts a sentence into the tokens that the aligner compares, as
// newSideText does before numbering their types.
func tokenize(s string) []token {
	var toks []token
	scan(s, func(kind tokenKind, raw string) {
		toks = append(toks, normalize(kind, raw))
	})
	return toks
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []token
	}{
		{"Shqipëria fitoi.", []token{{"shqiperia", wordToken}, {"fitoi", wordToken}}},
		{"8,839.8 m dhe 1 000", []token{{"88398", numberToken}, {"m", wordToken}, {"dhe", wordToken}, {"1", numberToken}, {"0", numberToken}}},
		{"Në 2019: 007", []token{{"ne", wordToken}, {"2019", numberToken}, {":", punctToken}, {"7", numberToken}}},
		{"«Po» (jo)?", []token{{"\"", punctToken}, {"po", wordToken}, {"\"", punctToken}, {"()", punctToken}, {"jo", wordToken}, {"()", punctToken}, {"?", punctToken}}},
		{"d'altitude Himalaya-Berge", []token{{"d", wordToken}, {"altitude", wordToken}, {"himalaya", wordToken}, {"berge", wordToken}}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, tokenize(tt.in))
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Çështja":  "ceshtja",
		"Shqipëri": "shqiperi",
		"ÉTÉ":      "ete",
		"Straße":   "strasse",
		"plain":    "plain",
		"Zürich":   "zurich",
	} {
		assert.Equal(t, want, fold(in), in)
	}
}

// TestSeedLexiconData checks the embedded dictionary: every line a pair of
// single words (the aligner compares tokens, so a phrase would never
// match), and several hundred of them.
func TestSeedLexiconData(t *testing.T) {
	pairs := 0
	for n, line := range strings.Split(seedSqEn, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		require.Len(t, f, 2, "line %d: %q", n+1, line)
		for _, w := range f {
			require.Len(t, tokenize(w), 1, "line %d: %q is not one word", n+1, w)
		}
		pairs++
	}
	assert.GreaterOrEqual(t, pairs, 400)
}

func TestSeedLexiconLookup(t *testing.T) {
	lx := seedLexicon("sq", "en")
	require.NotNil(t, lx)
	tests := []struct {
		word string
		src  bool
		want string
	}{
		{"qeverise", true, "government"}, // qeverisë: the ending is dropped
		{"ministrit", true, "minister"},
		{"marreveshjen", true, "agreement"},
		{"tetor", true, "october"},
		{"governments", false, "government"},
		{"reports", false, "report"},
	}
	for _, tt := range tests {
		dict, cut := lx.tgt, lx.tgtCut
		if tt.src {
			dict, cut = lx.src, lx.srcCut
		}
		assert.Contains(t, lookup(dict, tt.word, cut), tt.want, tt.word)
	}
	assert.Empty(t, lookup(lx.src, "xyzzy", lx.srcCut))
	// Short words match only exactly: "vit" must not find "viti" entries
	// through a three-letter stem.
	assert.Empty(t, lookup(lx.src, "vi", lx.srcCut))

	rev := seedLexicon("en", "sq")
	assert.Contains(t, lookup(rev.src, "government", rev.srcCut), "government")
	assert.Contains(t, lookup(rev.tgt, "qeveria", rev.tgtCut), "government")
	assert.Nil(t, seedLexicon("de", "fr"))
}

func TestGuessSide(t *testing.T) {
	lx := seedLexicon("sq", "en")
	sq, sqN := wordCounts(sents("Qeveria tha se do të ketë zgjedhje në tetor.", "Ministri i punëve të jashtme është në Londër."))
	en, enN := wordCounts(sents("The government said there will be elections in October.", "The foreign minister is in London."))
	de, deN := wordCounts(sents("Die Regierung sagte, es werde im Oktober Wahlen geben."))
	assert.Equal(t, srcSide, lx.guessSide(sq, sqN))
	assert.Equal(t, tgtSide, lx.guessSide(en, enN))
	assert.Equal(t, unknownSide, lx.guessSide(de, deN))
	// probeSide, on sentences, says the same.
	for text, want := range map[string]lexiconSide{
		"Qeveria tha se do të ketë zgjedhje në tetor.":            srcSide,
		"The government said there will be elections in October.": tgtSide,
		"Die Regierung sagte, es werde im Oktober Wahlen geben.":  unknownSide,
	} {
		side, words := probeSide(lx, sents(text))
		assert.Equal(t, want, side, text)
		assert.Equal(t, len(strings.Fields(text)), words, text)
	}
}

// wordCounts lists the distinct words of ss and how often each occurs.
func wordCounts(ss []corpus.Sentence) ([]token, []int) {
	v := newVocab()
	var count []int
	for _, s := range ss {
		scan(s.Text, func(kind tokenKind, raw string) {
			if kind != wordToken {
				return
			}
			id := v.rawID(kind, raw)
			if int(id) == len(count) {
				count = append(count, 0)
			}
			count[id]++
		})
	}
	return v.toks, count
}

// shareKey tells whether two words, one of each side, match.
func shareKey(t *testing.T, src, tgt string, seed *lexicon, ind *inducedLexicon) bool {
	t.Helper()
	ks := &keySpace{ids: map[string]keyID{}}
	sv, tv := newVocab(), newVocab()
	st, tt := tokenize(src), tokenize(tgt)
	require.Len(t, st, 1)
	require.Len(t, tt, 1)
	sv.id(st[0])
	tv.id(tt[0])
	skeys, tkeys := typeKeys(ks, &sv, true, seed), typeKeys(ks, &tv, false, seed)
	if ind != nil {
		addInduced(&sv, skeys, ind.src, len(ks.ids))
		addInduced(&tv, tkeys, ind.tgt, len(ks.ids))
	}
	a, b := skeys[0], tkeys[0]
	for _, k := range a {
		if slices.Contains(b, k) {
			return true
		}
	}
	return false
}

func TestKeys(t *testing.T) {
	seed := seedLexicon("sq", "en")
	ind := &inducedLexicon{src: map[string][]int32{"blorg": {0}}, tgt: map[string][]int32{"zimpa": {0}}}
	tests := []struct {
		src, tgt string
		want     bool
	}{
		{"1,000", "1000", true},           // numbers by their digits
		{"2019", "2018", false},           // ... and only equal ones
		{"“", "«", true},                  // quotes of any kind
		{"?", "!", false},                 // but not other marks
		{"Trump", "Trump", true},          // names
		{"Presidenti", "president", true}, // cognates by prefix
		{"konfliktet", "conflicts", true}, // ... spelt alike
		{"komisioni", "commission", true},
		{"Shqipëria", "Albania", true},   // the seed lexicon
		{"qeverisë", "government", true}, // ... with inflection
		{"qeveria", "minister", false},
		{"blorgut", "zimpas", true}, // the induced lexicon, by stem
		{"blorgut", "zimmer", false},
	}
	for _, tt := range tests {
		t.Run(tt.src+"/"+tt.tgt, func(t *testing.T) {
			assert.Equal(t, tt.want, shareKey(t, tt.src, tt.tgt, seed, ind))
		})
	}
	// Without a seed lexicon only the language-free evidence is left.
	assert.False(t, shareKey(t, "Shqipëria", "Albania", nil, nil))
	assert.True(t, shareKey(t, "Londër", "London", nil, nil))
}

func TestLengthLogProb(t *testing.T) {
	// Zero at the expected ratio, falling as the deviation grows, and a
	// given deviation weighs less in long sentences.
	assert.InDelta(t, 0, lengthLogProb(100, 110, 1.1, 2), 1e-9)
	prev := 0.0
	for lt := 110.0; lt <= 300; lt += 10 {
		v := lengthLogProb(100, lt, 1.1, 2)
		assert.LessOrEqual(t, v, prev)
		prev = v
	}
	assert.Greater(t, lengthLogProb(1000, 1150, 1.1, 2), lengthLogProb(100, 150, 1.1, 2))
	assert.False(t, math.IsNaN(lengthLogProb(0, 0, 1, 2)))
}

func TestMatchMasks(t *testing.T) {
	a := []keyTok{makeKeyTok(1, 0), makeKeyTok(3, 1), makeKeyTok(3, 2), makeKeyTok(9, 3)}
	b := []keyTok{makeKeyTok(2, 0), makeKeyTok(3, 1), makeKeyTok(9, 0)}
	var mr matcher
	ma, mb := mr.match(a, b)
	assert.Equal(t, uint64(0b1110), ma)
	assert.Equal(t, uint64(0b11), mb)
	ma, mb = mr.match(a, nil)
	assert.Zero(t, ma|mb)
	ma, mb = mr.match(b, a)
	assert.Equal(t, uint64(0b11), ma, "the table is clean after each match")
	assert.Equal(t, uint64(0b1110), mb)
}

// TestWeigh: a match of a token that is rare on the other side is strong
// evidence, one of a common token weak, and a token found nearly
// everywhere none at all.
func TestWeigh(t *testing.T) {
	units := []unit{{nslot: 3, df: []int32{1, 20, 99}}}
	w := weigh(units, 0.6, 100)
	rare, common, everywhere := w[1][0], w[20][0], w[99][0]
	assert.Greater(t, rare, common)
	assert.Greater(t, common, float32(0))
	assert.Zero(t, everywhere)
	assert.Less(t, units[0].base[0], float32(0), "missing matches count against a link")
	// With more partners a chance match is likelier, so it counts less.
	assert.Less(t, w[1][2], w[1][0])
}

// TestInduce: in a made-up language pair with no shared words, the pair of
// words that always occur together is learnt from a first pass that the
// numbers anchor.
func TestInduce(t *testing.T) {
	var src, tgt []string
	for i := range 30 {
		n := strings.Repeat("7", i%5+1)
		if i%3 == 0 {
			src = append(src, "blorgan kivu "+n)
			tgt = append(tgt, "zimpet roda "+n)
		} else {
			src = append(src, "fenu kivu "+n+" sollo")
			tgt = append(tgt, "pard "+n+" roda weki")
		}
	}
	a := newAligner([]Bitext{{Src: sents(src...), Tgt: sents(tgt...)}}, Options{})
	a.run()
	require.NotNil(t, a.induced)
	assert.NotEmpty(t, a.induced.src["blorg"])
	assert.Equal(t, a.induced.src["blorg"], a.induced.tgt["zimpe"])
	assert.Empty(t, a.induced.src["kivu"], "a word of every line tells nothing")
}

func TestGTest(t *testing.T) {
	// Independent items score about nothing, associated ones a lot.
	assert.Less(t, gTest(10, 20, 50, 100), 1.0)
	assert.Greater(t, gTest(10, 10, 10, 100), 10.8)
}

func TestSmallest(t *testing.T) {
	spread := func(n int) []uint64 {
		s := make([]uint64, n)
		for i := range s {
			s[i] = uint64(i * 7919 % 1009)
		}
		return s
	}
	tests := []struct {
		name string
		in   []uint64
		k    int
	}{
		{"as many as kept", []uint64{5, 3, 9, 1}, 4},
		{"one more", []uint64{5, 3, 9, 1, 0}, 4},
		{"descending", []uint64{9, 8, 7, 6, 5, 4, 3, 2, 1}, 3},
		{"ties", []uint64{2, 2, 1, 2, 1, 3, 1}, 4},
		{"thousands", spread(3000), 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := slices.Clone(tt.in)
			slices.Sort(want)
			assert.Equal(t, want[:tt.k], smallest(slices.Clone(tt.in), tt.k))
		})
	}
}

// TestFoldTable checks fold's rune-by-rune path against the full
// decomposition, on every rune of its table alone and between others,
// combining marks among them, and that what the table keeps of a rune's
// decomposition are starters, which reordering cannot move.
func TestFoldTable(t *testing.T) {
	around := []string{"", "a", "É", "\u0301", "\u0327\u0308", "ß", "ё"}
	for r := range rune(foldTableSize + 16) {
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				require.Zero(t, norm.NFD.PropertiesString(string(d)).CCC(), "%U in the decomposition of %U", d, r)
			}
		}
		for _, before := range around {
			for _, after := range around {
				w := before + string(r) + after
				require.Equal(t, foldNFD(w), fold(w), w)
			}
		}
	}
}
