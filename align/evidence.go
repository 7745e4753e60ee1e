package align

import (
	"math"
	"math/bits"
)

// linkTypes are the moves of the search: a link takes a source and b
// target units. The first three have names. The large links at the end
// are rare in news but not in books, whose long sentences are told in up
// to five of the other language; a link that has no type here cannot be
// found, however strong its evidence.
var linkTypes = [...]struct{ a, b int }{
	{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3},
	{4, 1}, {1, 4}, {3, 2}, {2, 3}, {3, 3}, {1, 5}, {5, 1},
}

// A linkType is an index into linkTypes.
type linkType int

const (
	oneToOne linkType = 0 // 1-1
	srcOnly  linkType = 1 // 1-0: a source unit without counterpart
	tgtOnly  linkType = 2 // 0-1: a target unit without counterpart
)

const nTypes = len(linkTypes)

// commonTypes is how many of linkTypes the first pass and the coarse
// levels search; the rare large links after them are left to the final
// search, which costs half as much again with them.
const commonTypes = 8

// maxSpan is the most units a link takes on one side.
const maxSpan = 5

// rareCutoff is the length evidence below which links of five units or
// more are not considered.
const rareCutoff = -6

// lexSaturation is where the lexical evidence of a link, in nats before
// lexWeight, starts to grow like a logarithm (see saturate).
const lexSaturation = 40

// params are the weights of the evidence in a link's score, in nats.
type params struct {
	prior [nTypes]float64 // log probability of each link type

	// The length model: target length ≈ lengthRatio · source length, with
	// a variance of lengthVar per char.
	lengthRatio, lengthVar float64

	// The chance that a source (target) token matches in its translation.
	srcMatchRate, tgtMatchRate float64
	lexWeight                  float64 // weight of the lexical log-likelihood ratio

	paraBreak float64 // cost of a link that starts a paragraph on one side only
	paraCross float64 // cost of a link that holds a paragraph break inside
	usePara   bool    // whether the input's paragraphs are evidence

	temperature float64 // of the posteriors
}

// score is the log score of link type k ending at node (i, j), in the row
// and the cell that lc has entered. A score that would fall below floor
// may be given as -Inf.
func (lat *lattice) score(lc *lexCache, i, j, k int, floor float64) float64 {
	a, b := linkTypes[k].a, linkTypes[k].b
	p := lat.params
	sc := p.prior[k]
	if a == 0 || b == 0 {
		return lat.leaveOutScore(i, j, linkType(k))
	}
	src, tgt := lat.src[i-a:i], lat.tgt[j-b:j]
	if lc.alone {
		for x := range src {
			if src[x].alone {
				return math.Inf(-1)
			}
		}
		for y := range tgt {
			if tgt[y].alone {
				return math.Inf(-1)
			}
		}
	}
	lp := lc.lp[k]
	if a+b > 4 && lp < rareCutoff {
		// The rare large links are searched only where their lengths fit:
		// that keeps them from costing the search half as much again.
		return math.Inf(-1)
	}
	sc += lp
	if lat.ends != nil {
		sc += lat.ends.score(src, tgt)
	}

	if p.usePara {
		if src[0].para != tgt[0].para {
			sc -= p.paraBreak
		}
		for x := 1; x < len(src); x++ {
			if src[x].para {
				sc -= p.paraCross
			}
		}
		for y := 1; y < len(tgt); y++ {
			if tgt[y].para {
				sc -= p.paraCross
			}
		}
	}
	if !lat.byCell {
		var lex float64
		for x := i - a; x < i; x++ {
			lex += lc.srcLex(x, j-1, b)
		}
		for y := j - b; y < j; y++ {
			lex += lc.tgtLex(y, a)
		}
		return sc + p.lexWeight*saturate(lex)
	}
	if a+b > 2 && sc+p.lexWeight*lc.lexBound(i, j, a, b) < floor {
		// Scoring by cell costs several times the single sum.
		return math.Inf(-1)
	}
	return sc + p.lexWeight*lat.cellLex(lc, i, j, a, b)
}

// saturate tempers the lexical log-likelihood ratio of a link. The sum
// over its tokens treats them as independent, but the words of a sentence
// hang together, so many matches say less than their sum: beyond
// lexSaturation nats the evidence grows like a logarithm. Summed whole,
// the matches of a long sentence outweighed all the length and type
// evidence around it, which cut many-to-many links in two and gave wrong
// links posteriors of 1.
func saturate(lex float64) float64 {
	// Every link the search tries is saturated: a table, read between its
	// steps, is much faster than the logarithm.
	x := math.Abs(lex) * satSteps
	if x >= satTableLen-1 {
		return math.Copysign(exactSaturate(math.Abs(lex)), lex)
	}
	k := int(x)
	v := satTable[k] + (x-float64(k))*(satTable[k+1]-satTable[k])
	return math.Copysign(v, lex)
}

func exactSaturate(x float64) float64 { return lexSaturation * math.Log1p(x/lexSaturation) }

// satTable holds exactSaturate at satSteps points a nat up to 512 nats;
// between two points the error of a straight line is below 5e-5.
const (
	satSteps    = 8
	satTableLen = 512*satSteps + 1
)

var satTable = func() (t [satTableLen]float64) {
	for k := range t {
		t[k] = exactSaturate(float64(k) / satSteps)
	}
	return t
}()

// leaveOutScore is the score of the 1-0 or 0-1 link of type k that ends
// at node (i, j).
func (lat *lattice) leaveOutScore(i, j int, k linkType) float64 {
	if lat.ownLeaveOut {
		var own float64
		if k == srcOnly {
			own = lat.src[i-1].leaveOut
		} else {
			own = lat.tgt[j-1].leaveOut
		}
		if own != 0 {
			return own
		}
	}
	return lat.typeLeaveOutScore(k)
}

// typeLeaveOutScore is the score of a 1-0 or 0-1 link of type k of a unit
// without a leaveOut prior of its own.
func (lat *lattice) typeLeaveOutScore(k linkType) float64 {
	return lat.params.prior[k] * lat.delScale
}

// lengthLogProb is the Gale–Church length evidence: the log probability of
// a deviation of the target length from c times the source length at least
// as large as the one seen, with the variance growing with the length of
// the pair. The deviation is taken as Laplace rather than normal: real
// translations have heavy tails, and a paraphrase should not outweigh the
// words that match.
func lengthLogProb(ls, lt, c, s2 float64) float64 {
	mean := (ls + lt/c) / 2
	d := math.Abs(lt-c*ls) / math.Sqrt(s2*max(mean, 1))
	return -math.Sqrt2 * d
}

// weigh sets the lexical weights of units whose tokens find a match in
// their translation with probability p1. A token's chance p0 of a match in
// an unrelated unit comes from df, the number of the nOther units of the
// other side that hold one of its keys. The log ratios weigh each match, so
// that a shared rare name counts for much and a shared function word for
// little. It returns what a match adds, by df and number of partners.
func weigh(units []unit, p1 float64, nOther int) [][maxSpan]float32 {
	type weights struct {
		done        bool
		miss, delta [maxSpan]float32
	}
	// Weights depend on a token only through df: compute each once.
	table := make([]weights, nOther+1)
	for i := range units {
		u := &units[i]
		u.base = [maxSpan]float32{}
		for _, df := range u.df {
			w := &table[df]
			if !w.done {
				w.done = true
				p := math.Min(float64(df)/float64(nOther), 0.999)
				miss0 := 1.0 // chance of no match among k+1 unrelated units
				for k := range maxSpan {
					miss0 *= 1 - p
					p0 := 1 - miss0
					if p0 >= p1 {
						continue // too common to tell translations from neighbours
					}
					miss := math.Log((1 - p1) / (1 - p0))
					w.miss[k] = float32(miss)
					w.delta[k] = float32(math.Log(p1/p0) - miss)
				}
			}
			for k := range maxSpan {
				u.base[k] += w.miss[k]
			}
		}
	}
	deltas := make([][maxSpan]float32, len(table))
	for df, w := range table {
		deltas[df] = w.delta
	}
	return deltas
}

func slotSum(u *unit, k int, mask uint64, w [][maxSpan]float32) float64 {
	v := float64(u.base[k])
	for mask != 0 {
		v += float64(w[u.df[bits.TrailingZeros64(mask)]][k])
		mask &= mask - 1
	}
	return v
}
