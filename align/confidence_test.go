package align

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLowerCrossed: rare words that match nothing in their own link but
// match across a boundary one way lower the links on either side of it,
// and only those.
func TestLowerCrossed(t *testing.T) {
	const n = 100
	// A diagonal of n 1-1 links, each unit matching its partner on one
	// rare key; moved words are keys 5000 and 5001, in source unit 10,
	// and with back set keys 6000 and 6001, in source unit 11.
	build := func(moved, alsoOwn, back bool) (*lattice, []step) {
		lat := &lattice{src: make([]unit, n), tgt: make([]unit, n)}
		for i := range n {
			lat.src[i] = unit{keys: []keyTok{makeKeyTok(keyID(1000+i), 0)}, nslot: 1, df: []int32{1}}
			lat.tgt[i] = unit{keys: []keyTok{makeKeyTok(keyID(1000+i), 0)}, nslot: 1, df: []int32{1}}
		}
		add := func(u *unit, key int) {
			u.keys = append(u.keys, makeKeyTok(keyID(key), u.nslot))
			u.df = append(u.df, 1)
			u.nslot++
		}
		for _, k := range []int{5000, 5001} {
			add(&lat.src[10], k)
			if moved {
				add(&lat.tgt[11], k)
			}
			if alsoOwn {
				add(&lat.tgt[10], k)
			}
		}
		if back {
			for _, k := range []int{6000, 6001} {
				add(&lat.src[11], k)
				add(&lat.tgt[10], k)
			}
		}
		path := make([]step, n)
		for i := range path {
			path[i] = step{to: node{i + 1, i + 1}, kind: oneToOne, post: 0.99}
		}
		return lat, path
	}
	tests := []struct {
		name                 string
		moved, alsoOwn, back bool
		lowered              []int
	}{
		{"words moved across a boundary", true, false, false, []int{10, 11}},
		{"no words moved", false, false, false, nil},
		{"moved words matched in their own link too", true, true, false, nil},
		{"as many words moved back", true, false, true, nil},
		{"words moved back only", false, false, true, []int{10, 11}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lat, path := build(tt.moved, tt.alsoOwn, tt.back)
			lat.lowerCrossed(path, lat.strands(path))
			lowered := loweredLinks(path)
			for _, x := range lowered {
				assert.Less(t, path[x].post, 0.5, "link %d", x)
			}
			assert.Equal(t, tt.lowered, lowered)
		})
	}
}

// TestStranded: a sentence left out whose rare words match a sentence
// near it on the other side lowers its 1-0 link, and the link that holds
// that sentence; one that matches nothing, or only a sentence far off,
// lowers nothing.
func TestStranded(t *testing.T) {
	const n = 100
	// Source unit 10 is left out; the others link 1-1 with their
	// partners, each matching on one rare key. Three rare keys of source
	// unit 10 are also in target unit at, unless at is -1.
	build := func(at int) (*lattice, []step) {
		lat := &lattice{src: make([]unit, n+1), tgt: make([]unit, n)}
		for i := range n + 1 {
			lat.src[i] = unit{keys: []keyTok{makeKeyTok(keyID(1000+i), 0)}, nslot: 1, df: []int32{1}}
		}
		for j := range n {
			i := j
			if j >= 10 {
				i++
			}
			lat.tgt[j] = unit{keys: []keyTok{makeKeyTok(keyID(1000+i), 0)}, nslot: 1, df: []int32{1}}
		}
		add := func(u *unit, key int) {
			u.keys = append(u.keys, makeKeyTok(keyID(key), u.nslot))
			u.df = append(u.df, 1)
			u.nslot++
		}
		for _, k := range []int{5000, 5001, 5002} {
			add(&lat.src[10], k)
			if at >= 0 {
				add(&lat.tgt[at], k)
			}
		}
		var path []step
		for i := range n + 1 {
			switch {
			case i < 10:
				path = append(path, step{to: node{i + 1, i + 1}, kind: oneToOne, post: 0.99})
			case i == 10:
				path = append(path, step{to: node{i + 1, i}, kind: srcOnly, post: 0.99})
			default:
				path = append(path, step{to: node{i + 1, i}, kind: oneToOne, post: 0.99})
			}
		}
		return lat, path
	}
	tests := []struct {
		name    string
		at      int   // the target unit that holds the words of source unit 10, or -1
		lowered []int // the links lowered
	}{
		// Link 10 leaves source unit 10 out; link x > 10 holds target
		// unit x-1.
		{"translation three sentences on", 13, []int{10, 14}},
		{"translation three sentences back", 7, []int{7, 10}},
		{"no translation", -1, nil},
		{"translation far off", 40, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lat, path := build(tt.at)
			lat.lowerCrossed(path, lat.strands(path))
			lowered := loweredLinks(path)
			for x, s := range path {
				if slices.Contains(lowered, x) {
					assert.Less(t, s.post, 0.5, "link %d", x)
				} else {
					assert.InDelta(t, 0.99, s.post, 1e-9, "link %d", x)
				}
			}
			assert.Equal(t, tt.lowered, lowered)
		})
	}
}

// TestIsNoise: a sentence without a word of three letters is noise.
func TestIsNoise(t *testing.T) {
	tests := []struct {
		text  string
		noise bool
	}{
		{"- _-", true},
		{".....", true},
		{"24 a !", true},
		{"L' E .", true},
		{"1956 , S. 340-343 ) .", true},
		{".:-- , .", true},
		{"h * \"", true},
		{"!", false},
		{"» .", false},
		{"« ? »", false},
		{"Bern :", false},
		{"Pfui !", false},
		{"Lager 4 !", false},
		{"Él vio", false},
	}
	for _, tt := range tests {
		v := newVocab()
		side := newSideText(&v, sents(tt.text))
		assert.Equal(t, tt.noise, v.isNoise(side.types[0]), tt.text)
	}
}

// TestInBrackets: a boundary falls inside brackets when the sentence
// before it opens one that the sentence after it closes.
func TestInBrackets(t *testing.T) {
	tests := []struct {
		before, after string
		inside        bool
	}{
		{"« Alpine Journal » ( No .", "293 , Nov . 1956 ) .", true},
		{"Sherpa Gyalzen [ Himalayan Club :", "Nr. 57 ] und am 11. Mai.", true},
		{"It rained ( a little ) .", "Then ( at last ) it stopped .", false},
		{"It rained ( a little .", "Then it stopped .", false},
		{"It rained .", "a little ) . Then it stopped .", false},
	}
	for _, tt := range tests {
		sign := []int8{bracketSign(tt.before), bracketSign(tt.after)}
		assert.Equal(t, tt.inside, inBrackets(sign, 1), tt.before+" | "+tt.after)
		assert.False(t, inBrackets(sign, 0))
		assert.False(t, inBrackets(sign, 2))
	}
}

// TestReordered: a link of two sentences a side whose sentences match
// the other way round is reordered.
func TestReordered(t *testing.T) {
	tests := []struct {
		name      string
		tgt       [2][]int // the keys of the two target sentences
		reordered bool
	}{
		{"in order", [2][]int{{1, 2}, {3, 4}}, false},
		{"crossed", [2][]int{{3, 4}, {1, 2}}, true},
		{"mostly in order", [2][]int{{1, 2, 3}, {4}}, false},
		{"mostly crossed", [2][]int{{3, 4}, {1, 2, 4}}, true},
		{"no matches", [2][]int{{7}, {8}}, false},
	}
	unitOf := func(keys ...int) unit {
		u := unit{}
		for s, k := range keys {
			u.keys = append(u.keys, makeKeyTok(keyID(k), s))
			u.df = append(u.df, 1)
		}
		u.nslot = len(keys)
		return u
	}
	for _, tt := range tests {
		lat := &lattice{
			src: []unit{unitOf(1, 2), unitOf(3, 4)},
			tgt: []unit{unitOf(tt.tgt[0]...), unitOf(tt.tgt[1]...)},
		}
		o := orphans{lat: lat, logs: []float64{0, 0, math.Log(2), math.Log(3)}}
		assert.Equal(t, tt.reordered, o.reordered(node{}, node{2, 2}), tt.name)
	}
}

// TestLowerDoubtfulOneLink: a document of one link that joins two
// sentences a side in crossed order is doubtful too.
func TestLowerDoubtfulOneLink(t *testing.T) {
	long := "Rama takoi Merkel, Macron, Putin dhe Trump në Berlin më 12 mars 2020 për bisedime për tregtinë."
	links := Align(sents(long, "Kurti iku më 1999."),
		sents("Kurti left in 1999.", "Rama met Merkel, Macron, Putin and Trump in Berlin on 12 March 2020 for talks on trade."), Options{SrcLang: "sq", TgtLang: "en"})
	require.Len(t, links, 1)
	assert.Less(t, links[0].Score, 0.5)
}

// TestSpreadDoubt: the neighbours of a link that the signs of error took
// from a likely score to a sure error are lowered, once; those of a link
// the posterior itself found doubtful, or that the signs only made
// doubtful, are not.
func TestSpreadDoubt(t *testing.T) {
	tests := []struct {
		name          string
		before, after float64 // the score of link 2 before and after the signs
		lowered       []int
	}{
		{"a likely link found wrong", 0.9, 0.001, []int{1, 3}},
		{"a link the posterior doubts", 0.01, 0.001, nil},
		{"a link made doubtful", 0.9, 0.3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := make([]step, 5)
			before := make([]float64, len(path))
			for x := range path {
				path[x] = step{to: node{x + 1, x + 1}, kind: oneToOne, post: 0.99}
				before[x] = 0.99
			}
			before[2], path[2].post = tt.before, tt.after
			spreadDoubt(path, before)
			assert.Equal(t, tt.after, path[2].post)
			lowered := loweredLinks(path, 2)
			for _, x := range lowered {
				assert.InDelta(t, neighbourScore, path[x].post, 1e-9, "link %d", x)
			}
			assert.Equal(t, tt.lowered, lowered)
		})
	}
}

// TestSpreadDoubtBothNeighbours: a link between two links found wrong
// loses neighbourLoss once.
func TestSpreadDoubtBothNeighbours(t *testing.T) {
	path := []step{{post: 0.001}, {post: 0.99}, {post: 0.001}}
	spreadDoubt(path, []float64{0.9, 0.99, 0.9})
	assert.InDelta(t, neighbourScore, path[1].post, 1e-9)
	assert.Equal(t, 0.001, path[0].post)
	assert.Equal(t, 0.001, path[2].post)
}

// TestLowerMisfits: in a short input, a 1-1 link whose lengths do not fit
// loses log odds by the length evidence against it beyond misfitFree;
// links that fit, links of other types and the links of a long input keep
// (nearly) their scores.
func TestLowerMisfits(t *testing.T) {
	// The lengths of five 1-1 links and a 2-1 link; the target lengths
	// are the source ones but for link 2 (40 chars for 100) and the 2-1
	// link (30 for the two 50s).
	build := func() (*lattice, []step) {
		lat := &lattice{params: &params{lengthRatio: 1, lengthVar: defaultLengthVar}}
		for _, c := range []float64{100, 80, 100, 120, 90, 50, 50} {
			lat.src = append(lat.src, unit{chars: c})
		}
		for _, c := range []float64{100, 80, 40, 120, 90, 30} {
			lat.tgt = append(lat.tgt, unit{chars: c})
		}
		var path []step
		for i := range 5 {
			path = append(path, step{to: node{i + 1, i + 1}, kind: oneToOne, post: 0.95})
		}
		path = append(path, step{to: node{7, 6}, kind: 3, post: 0.95}) // 2-1
		return lat, path
	}
	odds := func(p float64) float64 { return math.Log(p / (1 - p)) }
	misfit := -lengthLogProb(100, 40, 1, defaultLengthVar) - misfitFree
	require.Greater(t, misfit, 1.0, "link 2 must not fit")
	tests := []struct {
		name      string
		sentences int
	}{
		{"one short document", 6},
		{"a long input", 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lat, path := build()
			lat.lowerMisfits(path, tt.sentences)
			want := misfitWeight * shortInput / float64(shortInput+tt.sentences) * misfit
			assert.InDelta(t, want, odds(0.95)-odds(path[2].post), 1e-6)
			for x, s := range path {
				if x != 2 {
					assert.Equal(t, 0.95, s.post, "link %d", x)
				}
			}
		})
	}
	lat, path := build()
	lat.lowerMisfits(path, 6)
	assert.Less(t, path[2].post, 0.5, "a short document's misfit is doubtful")
}

// TestHolder: the link that holds a unit of either side, along a path
// that leaves units out on both sides.
func TestHolder(t *testing.T) {
	// [0]:[0], [1,2]:[1], []:[2], [3]:[], [4]:[3,4]
	path := []step{{to: node{1, 1}}, {to: node{3, 2}}, {to: node{3, 3}}, {to: node{4, 3}}, {to: node{5, 5}}}
	tests := []struct {
		k    int
		tgt  bool
		want int
	}{
		{0, false, 0}, {2, false, 1}, {3, false, 3}, {4, false, 4},
		{0, true, 0}, {1, true, 1}, {2, true, 2}, {4, true, 4},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, holder(path, tt.k, tt.tgt), "unit %d, target %v", tt.k, tt.tgt)
	}
}

// neighbourScore is the score of a link scored 0.99 once it loses
// neighbourLoss in log odds.
var neighbourScore = 1 / (1 + math.Exp(neighbourLoss-math.Log(0.99/0.01)))

// loweredLinks lists the links of path scored under 0.99, the score the
// tests give every link before the signs, but those it skips.
func loweredLinks(path []step, skip ...int) []int {
	var lowered []int
	for x, s := range path {
		if s.post < 0.99 && !slices.Contains(skip, x) {
			lowered = append(lowered, x)
		}
	}
	return lowered
}

// TestMisplacedIntroducer: a link that joins a short sentence ending in a
// colon to others is doubtful when the colon finds no counterpart in it.
func TestMisplacedIntroducer(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt []string
		want     bool
	}{
		{"joined forward, no colon across", []string{"Nun begannen die Erkundungen :", "Die erste Exkursion führte zum Gletscher ."}, []string{"Une première excursion les conduisit au glacier ."}, true},
		{"joined backward, one colon across", []string{"Möge es hier genügen, auf die Publikationen hinzuweisen :", "Literatur :"}, []string{"Il suffira de mentionner les publications :"}, true},
		{"colon across", []string{"Die anderen Teilnehmer waren :", "André Contamine und Paul Keller ."}, []string{"Les autres membres étaient :", "André Contamine et Paul Keller ."}, false},
		{"one to one", []string{"Literatur :"}, []string{"Bibliographie ."}, false},
		{"long sentence with a colon", []string{"Der Leiter der Expedition sagte den Journalisten gestern Abend in Zürich :", "Wir kommen wieder ."}, []string{"Le chef de l'expédition a dit hier soir : nous reviendrons ."}, false},
		{"left out", []string{"Literatur :"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w := newVocab(), newVocab()
			src, tgt := newSideText(&v, sents(tt.src...)), newSideText(&w, sents(tt.tgt...))
			assert.Equal(t, tt.want, misplacedIntroducer(&src, &tgt, node{}, node{len(tt.src), len(tt.tgt)}))
		})
	}
}

func TestIsIntroducer(t *testing.T) {
	assert.True(t, isIntroducer("Literatur :"))
	assert.True(t, isIntroducer("Die anderen Teilnehmer waren:"))
	assert.True(t, isIntroducer("- G.O.Dyhrenfurth :"))
	assert.False(t, isIntroducer("Der Leiter der Expedition sagte den Journalisten :"))
}

func TestLogAddExp(t *testing.T) {
	inf := math.Inf(-1)
	for _, c := range [][2]float64{{0, 0}, {-3, 2}, {2, -3}, {-700, -701}, {5, inf}, {inf, -2}} {
		assert.InDelta(t, logSumExp(c[:]), logAddExp(c[0], c[1]), 1e-12, "%v", c)
	}
	assert.True(t, math.IsInf(logAddExp(inf, inf), -1))
}

// TestInsertionsFirst: a run of sentences left out on both sides is put in
// the one order the sums count, target sentences first, unless that order
// leaves the band.
func TestInsertionsFirst(t *testing.T) {
	mixed := func() []step {
		return []step{
			{to: node{1, 1}, kind: oneToOne},
			{to: node{2, 1}, kind: srcOnly},
			{to: node{2, 2}, kind: tgtOnly},
			{to: node{3, 2}, kind: srcOnly},
			{to: node{4, 3}, kind: oneToOne},
		}
	}
	path := mixed()
	insertionsFirst(path, fullBand(4, 3))
	assert.Equal(t, []step{
		{to: node{1, 1}, kind: oneToOne},
		{to: node{1, 2}, kind: tgtOnly},
		{to: node{2, 2}, kind: srcOnly},
		{to: node{3, 2}, kind: srcOnly},
		{to: node{4, 3}, kind: oneToOne},
	}, path)

	// Row 1 of this band ends at column 1: node (1, 2) is outside.
	narrow := band{lo: []int{0, 0, 1, 1, 2}, hi: []int{1, 1, 2, 3, 3}}
	path = mixed()
	insertionsFirst(path, narrow)
	assert.Equal(t, mixed(), path)
	for _, s := range path {
		assert.True(t, narrow.in(s.to.i, s.to.j), "%v", s.to)
	}
}

// TestSumsFarFromZero: a sum of millions of nats reads back to within a
// thousandth of a nat, as the posteriors need.
func TestSumsFarFromZero(t *testing.T) {
	s := newSums(4, 2)
	s.set(0, 0, []float64{-3e6}, math.Inf(-1), false)
	s.set(0, 1, []float64{-3e6 - 0.3, -3e6 - 1.7}, -3e6-0.1, false)
	s.set(1, 2, []float64{math.Inf(-1)}, math.Inf(-1), false)
	s.set(1, 3, []float64{-4.5e6 + 0.125}, math.Inf(-1), false)
	assert.InDelta(t, -3e6, s.total(0, 0), 1e-3)
	open := -3e6 - 0.3 + math.Log1p(math.Exp(-1.4))
	assert.InDelta(t, open, s.into(0, 1, tgtOnly), 1e-3, "the paths a 0-1 link may follow")
	assert.InDelta(t, logAddExp(open, -3e6-0.1), s.into(0, 1, oneToOne), 1e-3)
	assert.InDelta(t, logAddExp(open, -3e6-0.1), s.from(0, 1, tgtOnly), 1e-3)
	assert.True(t, math.IsInf(s.total(1, 2), -1), "a cell no path reaches")
	assert.InDelta(t, -4.5e6+0.125, s.total(1, 3), 1e-3)
}
