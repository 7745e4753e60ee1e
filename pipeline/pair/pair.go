package pair

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
)

// A Doc is one document to pair: the name the output gives it (a path, an
// address, an id) and how to read its sentences. Read is called once to
// profile the document and again for the final check, so a document is
// not held in memory in between. Besides the sentences, Read returns the
// warnings of reading them that did not stop it (a subtitle cue whose
// timing is broken), each naming the input, which the first reading
// reports in Result.Warnings.
type Doc struct {
	Name string
	Path string // the file the document is read from, if it is one
	Read func() ([]corpus.Sentence, []string, error)
}

// DefaultMinScore is the score under which a candidate pair is not made:
// the aligner found too few confident links between the two documents.
const DefaultMinScore = 0.25

// FlagMinScore is Options.MinScore for the value of a command's
// --min-score flag, where 0 or less makes every pair the assignment finds
// (in Options, 0 is the default).
func FlagMinScore(flag float64) float64 {
	if flag <= 0 {
		return -1
	}
	return flag
}

// Options tune the pairing. The zero value pairs with the defaults.
type Options struct {
	// SrcLang and TgtLang are the languages of the two sides (BCP 47); the
	// seed lexicon is used where the pair has one.
	SrcLang, TgtLang string

	// MinScore is the score a pair needs to be made; zero means
	// DefaultMinScore, a negative value makes every pair the one-to-one
	// assignment finds, however weak.
	MinScore float64

	// Workers is how many documents are read at once (default GOMAXPROCS).
	Workers int

	// Progress, when set, is called now and then with the work done and
	// the total, in arbitrary units.
	Progress func(done, total int)
}

// Side tells the two sides apart.
type Side int

const (
	Src Side = iota
	Tgt
)

func (s Side) String() string { return [...]string{"source", "target"}[s] }

// A Match pairs the source document Src with the target document Tgt
// (indices into the lists given to Pair). Score in [0,1] is the share of
// the two documents' sentences that the aligner links with confidence.
type Match struct {
	Src, Tgt int
	Score    float64
}

// A Problem is a document left out of the pairing and why.
type Problem struct {
	Side   Side
	Doc    int    // index into its side's list
	Reason string // such as "empty", "the same text as a.txt"
	Err    error  // the error of a document that could not be read
}

// A Warning is a problem met in reading a document that did not stop the
// reading, such as a subtitle cue whose timing is broken. Text names the
// input ("sq/a.srt: srt: line 7: ...").
type Warning struct {
	Side Side
	Doc  int // index into its side's list
	Text string
}

// Result is the outcome of a pairing.
type Result struct {
	Pairs []Match // one to one, in the order of the source documents

	// Unpaired lists the documents of each side without a partner,
	// those of Problems included, in order.
	Unpaired [2][]int

	Problems []Problem

	// Warnings are those of reading the documents, side by side and
	// document by document in order.
	Warnings []Warning
}

// Pair pairs the source documents with the target documents one to one
// (see the package comment). Documents that cannot be read, are empty,
// repeat another's text or look like the other side's language are left
// unpaired and listed in Result.Problems. Pair fails only when the two
// sides as a whole look like one language.
func Pair(src, tgt []Doc, opt Options) (*Result, error) {
	if opt.MinScore == 0 {
		opt.MinScore = DefaultMinScore
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	work := newProgress(opt.Progress, len(src)+len(tgt))
	ks := newKeySpace()
	c := &collection{ks: ks}
	c.docs[Src], c.docs[Tgt] = src, tgt
	c.prof[Src] = readProfiles(src, align.NewKeyer(opt.SrcLang, opt.TgtLang, true), ks, opt.Workers, work.add)
	c.prof[Tgt] = readProfiles(tgt, align.NewKeyer(opt.SrcLang, opt.TgtLang, false), ks, opt.Workers, work.add)
	ks.sort(c.prof[Src], c.prof[Tgt])

	res := &Result{}
	for side := range 2 {
		for i, p := range c.prof[side] {
			for _, text := range p.warns {
				res.Warnings = append(res.Warnings, Warning{Side: Side(side), Doc: i, Text: text})
			}
		}
	}
	for side := range 2 {
		c.ok[side] = make([]bool, len(c.docs[side]))
		for i := range c.ok[side] {
			c.ok[side][i] = true
		}
		res.Problems = append(res.Problems, c.unusable(Side(side))...)
	}
	wrong, err := c.languages()
	if err != nil {
		return nil, err
	}
	res.Problems = append(res.Problems, wrong...)
	c.weigh()
	edges := c.candidates()
	checked := c.check(edges, opt, work)
	matches := assign(checked, opt.MinScore)
	slices.SortFunc(matches, func(a, b Match) int { return cmp.Compare(a.Src, b.Src) })
	res.Pairs = matches
	var paired [2][]bool
	paired[Src], paired[Tgt] = make([]bool, len(src)), make([]bool, len(tgt))
	for _, m := range matches {
		paired[Src][m.Src], paired[Tgt][m.Tgt] = true, true
	}
	for side := range 2 {
		for i, p := range paired[side] {
			if !p {
				res.Unpaired[side] = append(res.Unpaired[side], i)
			}
		}
	}
	slices.SortStableFunc(res.Problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Side, b.Side), cmp.Compare(a.Doc, b.Doc))
	})
	work.finish()
	return res, nil
}

// collection holds the profiles of both sides and what is worked out from
// them.
type collection struct {
	ks   *keySpace
	docs [2][]Doc
	prof [2][]profile
	ok   [2][]bool // may be paired

	df     [2][]int32   // of every key, over the usable documents of a side
	weight []float32    // of every key: how rare it is on both sides
	mass   [2][]float64 // of every document: the weight of its keys
	ratio  float64      // expected target length over source length
}

// unusable marks the documents of a side that cannot take part: unread,
// empty, or the same text as an earlier one.
func (c *collection) unusable(side Side) []Problem {
	var out []Problem
	first := map[uint64]int{}
	for i, p := range c.prof[side] {
		reason := ""
		switch {
		case p.err != nil:
			reason = p.err.Error()
			c.ok[side][i] = false
			out = append(out, Problem{Side: side, Doc: i, Reason: reason, Err: p.err})
			continue
		case p.sents == 0 || len(p.keys) == 0:
			reason = "empty: no text to pair"
		default:
			if j, ok := first[p.hash]; ok {
				reason = fmt.Sprintf("the same text as %s", c.docs[side][j].Name)
			} else {
				first[p.hash] = i
			}
		}
		if reason != "" {
			c.ok[side][i] = false
			out = append(out, Problem{Side: side, Doc: i, Reason: reason})
		}
	}
	return out
}

// weigh counts the document frequencies of the keys on each side and
// weighs each key by its rarity: the smaller of its inverse document
// frequencies on the two sides, zero for a key that one side lacks.
func (c *collection) weigh() {
	nk := len(c.ks.names)
	var n [2]int
	var chars [2]float64
	for side := range 2 {
		c.df[side] = make([]int32, nk)
		for i, p := range c.prof[side] {
			if !c.ok[side][i] {
				continue
			}
			n[side]++
			chars[side] += float64(p.chars)
			for _, kc := range p.keys {
				c.df[side][kc.key]++
			}
		}
	}
	c.weight = make([]float32, nk)
	for k := range nk {
		ds, dt := c.df[Src][k], c.df[Tgt][k]
		if ds == 0 || dt == 0 {
			continue
		}
		is := math.Log(float64(n[Src]+1) / float64(ds))
		it := math.Log(float64(n[Tgt]+1) / float64(dt))
		c.weight[k] = float32(min(is, it))
	}
	for side := range 2 {
		c.mass[side] = make([]float64, len(c.prof[side]))
		for i, p := range c.prof[side] {
			var m float64
			for _, kc := range p.keys {
				m += float64(c.weight[kc.key]) * damp(kc.n)
			}
			c.mass[side][i] = m
		}
	}
	c.ratio = 1
	if chars[Src] > 0 && chars[Tgt] > 0 {
		c.ratio = chars[Tgt] / chars[Src]
	}
}

// damp makes a key that occurs often in a document count for more than
// one that occurs once, but not in proportion.
func damp(n int32) float64 { return 1 + math.Log(float64(n)) }

// similarity is the prior score of a pair: the weighted overlap of the
// keys as a share of the two documents' weight (a Dice coefficient),
// lowered as the lengths and the paragraph counts part from what a
// translation would have.
func (c *collection) similarity(s, t int) float64 {
	ps, pt := &c.prof[Src][s], &c.prof[Tgt][t]
	var overlap float64
	a, b := ps.keys, pt.keys
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0].key < b[0].key:
			a = a[1:]
		case a[0].key > b[0].key:
			b = b[1:]
		default:
			overlap += float64(c.weight[a[0].key]) * damp(min(a[0].n, b[0].n))
			a, b = a[1:], b[1:]
		}
	}
	m := c.mass[Src][s] + c.mass[Tgt][t]
	if m == 0 {
		return 0
	}
	dice := 2 * overlap / m
	return dice * c.shape(ps, pt)
}

// shape is in (0,1]: 1 when the lengths are as a translation's would be,
// less as they part.
func (c *collection) shape(ps, pt *profile) float64 {
	d := math.Abs(math.Log(float64(pt.chars+10) / (float64(ps.chars+10) * c.ratio)))
	np, nq := float64(len(ps.paras)), float64(len(pt.paras))
	dp := math.Abs(np-nq) / math.Max(np, nq)
	return math.Exp(-d - dp)
}

// progress adds up the work done by several goroutines for
// Options.Progress: a document read, a candidate pair checked. The total
// grows when the number of pairs to check is known.
type progress struct {
	report      func(done, total int)
	mu          sync.Mutex
	done, total int
}

func newProgress(report func(int, int), total int) *progress {
	return &progress{report: report, total: total}
}

func (p *progress) add() { p.update(1, 0) }

func (p *progress) grow(n int) { p.update(0, n) }

func (p *progress) update(done, more int) {
	if p.report == nil {
		return
	}
	p.mu.Lock()
	p.total += more
	p.done = min(p.done+done, p.total)
	p.report(p.done, p.total)
	p.mu.Unlock()
}

func (p *progress) finish() { p.update(p.total, 0) }
