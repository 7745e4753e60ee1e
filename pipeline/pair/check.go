package pair

import (
	"cmp"
	"slices"
	"sync"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
)

const (
	// checked is how many candidates of each document, the best by prior
	// score, the aligner checks.
	checked = 2
	// chunk is how many candidate pairs are aligned together: they share
	// the lexicon the aligner induces, and only their text is in memory.
	chunk = 512
)

// check aligns the best candidates of every document sentence by sentence
// and scores each by the share of the two documents' sentences in
// confident links. A translation links nearly all; a document on the same
// topic, however close in names and numbers, links few.
func (c *collection) check(edges []edge, opt Options, work *progress) []edge {
	pick := make([]bool, len(edges))
	for side := range 2 {
		by := make(map[int32][]int, len(edges))
		for x, e := range edges {
			d := e.src
			if side == int(Tgt) {
				d = e.tgt
			}
			by[d] = append(by[d], x)
		}
		for _, xs := range by {
			slices.SortFunc(xs, func(a, b int) int { return cmp.Compare(edges[b].prior, edges[a].prior) })
			for _, x := range xs[:min(len(xs), checked)] {
				pick[x] = true
			}
		}
	}
	var todo []edge
	for x, e := range edges {
		if pick[x] {
			todo = append(todo, e)
		}
	}
	work.grow(len(todo))
	aopt := align.Options{SrcLang: opt.SrcLang, TgtLang: opt.TgtLang}
	for from := 0; from < len(todo); from += chunk {
		part := todo[from:min(from+chunk, len(todo))]
		bitexts, keys := c.readChunk(part, opt.Workers)
		found := align.AlignAll(bitexts, aopt)
		rated := make([][]linkRate, len(part))
		for x := range bitexts {
			rated[x] = rateLinks(found[x], keys[x])
		}
		floor := c.nullRate(rated)
		for x, b := range bitexts {
			part[x].score = c.share(b, rated[x], floor)
		}
		for range part {
			work.add()
		}
	}
	return todo
}

// sentenceKeys are the keys of each sentence of a document that carry
// weight, sorted.
type sentenceKeys [][]int32

// readChunk reads the documents of a chunk of candidate pairs, each once,
// with the keys of their sentences.
func (c *collection) readChunk(part []edge, workers int) ([]align.Bitext, [][2]sentenceKeys) {
	var need [2][]int32
	for _, e := range part {
		need[Src] = append(need[Src], e.src)
		need[Tgt] = append(need[Tgt], e.tgt)
	}
	type read struct {
		sents []corpus.Sentence
		keys  sentenceKeys
	}
	var docs [2]map[int32]read
	for side := range 2 {
		slices.Sort(need[side])
		need[side] = slices.Compact(need[side])
		got := make([]read, len(need[side]))
		next := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for x := range next {
					d := need[side][x]
					sents := sentencesOf(c.docs[side][d])
					got[x] = read{sents, c.sentenceKeys(&c.prof[side][d], len(sents))}
				}
			})
		}
		for x := range need[side] {
			next <- x
		}
		close(next)
		wg.Wait()
		docs[side] = make(map[int32]read, len(need[side]))
		for x, d := range need[side] {
			docs[side][d] = got[x]
		}
	}
	bitexts := make([]align.Bitext, len(part))
	keys := make([][2]sentenceKeys, len(part))
	for x, e := range part {
		s, t := docs[Src][e.src], docs[Tgt][e.tgt]
		bitexts[x] = align.Bitext{Src: s.sents, Tgt: t.sents}
		keys[x] = [2]sentenceKeys{s.keys, t.keys}
	}
	return bitexts, keys
}

// sentenceKeys are the weighed keys of the n sentences of a profiled
// document; none when the document reads otherwise the second time.
func (c *collection) sentenceKeys(p *profile, n int) sentenceKeys {
	out := make(sentenceKeys, n)
	if n != len(p.sentEnd) {
		return out
	}
	for i := range out {
		for _, k := range p.sentence(i) {
			if c.weight[k] > 0 {
				out[i] = append(out[i], k)
			}
		}
	}
	return out
}

// A linkRate is a link of the check with the keys of its two sides.
type linkRate struct {
	link     align.Link
	src, tgt []int32 // distinct keys, sorted
}

// rateLinks gathers the keys of the two sides of every link with a
// partner on both sides.
func rateLinks(links []align.Link, keys [2]sentenceKeys) []linkRate {
	union := func(lists sentenceKeys, ids []int) []int32 {
		if len(ids) == 1 {
			return lists[ids[0]]
		}
		var u []int32
		for _, i := range ids {
			u = append(u, lists[i]...)
		}
		slices.Sort(u)
		return slices.Compact(u)
	}
	var out []linkRate
	for _, l := range links {
		if len(l.Src) > 0 && len(l.Tgt) > 0 {
			out = append(out, linkRate{link: l, src: union(keys[Src], l.Src), tgt: union(keys[Tgt], l.Tgt)})
		}
	}
	return out
}

// rate is how much of the weight of two key sets they share (a Dice
// coefficient weighted by rarity).
func (c *collection) rate(a, b []int32) float64 {
	var both, total float64
	for _, k := range a {
		total += float64(c.weight[k])
	}
	for _, k := range b {
		total += float64(c.weight[k])
	}
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			both += 2 * float64(c.weight[a[0]])
			a, b = a[1:], b[1:]
		}
	}
	if total == 0 {
		return 0
	}
	return both / total
}

// nullQuantile is the share of links between unrelated sentences whose
// rate a confident link must beat.
const nullQuantile = 0.9

// The floor of a chunk too small to measure it on, and the least floor:
// unrelated sentences of a collection with few keys in common seldom
// share more.
const defaultFloor, minFloor = 0.1, 0.02

// nullRate is what links between sentences that are not translations of
// each other rate: within each candidate pair of the chunk, the source
// side of every link set against the target side of the link half the
// document further on. Those sentences share the pair's topic, names and
// style but are not translations, whether or not the pair is right. A
// link earns credit only as it rates above most of these, so that the bar
// follows the evidence that the language pair has: a seed lexicon, or only
// names and cognates.
func (c *collection) nullRate(rated [][]linkRate) float64 {
	var null []float64
	for _, links := range rated {
		for j, l := range links {
			if len(links) >= 3 {
				null = append(null, c.rate(l.src, links[(j+len(links)/2)%len(links)].tgt))
			}
		}
	}
	if len(null) == 0 {
		return defaultFloor
	}
	slices.Sort(null)
	return max(minFloor, null[int(nullQuantile*float64(len(null)-1))])
}

// share is the share of the sentences of both sides that are in
// confident links, each link counted by the aligner's confidence in it
// and by how far its two sides share more evidence than unrelated
// sentences do: not at all at the floor, fully at three times it.
func (c *collection) share(b align.Bitext, links []linkRate, floor float64) float64 {
	total := len(b.Src) + len(b.Tgt)
	if total == 0 {
		return 0
	}
	var n float64
	for _, l := range links {
		credit := min(1, max(0, c.rate(l.src, l.tgt)-floor)/(2*floor))
		n += float64(len(l.link.Src)+len(l.link.Tgt)) * l.link.Score * credit
	}
	return n / float64(total)
}

// assign makes the pairs one to one, best first (competitive linking): a
// candidate pair is made when neither document is taken yet and its score
// reaches min.
func assign(edges []edge, min float64) []Match {
	slices.SortFunc(edges, func(a, b edge) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.prior, a.prior),
			cmp.Compare(a.src, b.src), cmp.Compare(a.tgt, b.tgt))
	})
	taken := [2]map[int32]bool{{}, {}}
	var out []Match
	for _, e := range edges {
		if e.score < min || taken[Src][e.src] || taken[Tgt][e.tgt] {
			continue
		}
		taken[Src][e.src], taken[Tgt][e.tgt] = true, true
		out = append(out, Match{Src: int(e.src), Tgt: int(e.tgt), Score: e.score})
	}
	return out
}
