package align

import (
	"runtime"
	"sync"

	"github.com/paralel/paralel/corpus"
)

// aligner holds what the documents of one call share: vocabularies, keys
// and the estimated parameters.
type aligner struct {
	opt                Options
	docs               []*docState
	srcVocab, tgtVocab vocab
	seed               *lexicon        // nil when the pair has none or it is off
	induced            *inducedLexicon // learnt after the first pass; nil before or when off
	ends               *endModel       // learnt after the first pass; nil before, or from too few links
	params             params
	work, done         int  // progress, in the units of workOf
	sentences          int  // of the input, on the longer side of each document
	final              bool // the pass under way is the last
	mu                 sync.Mutex
}

// docState is one document under alignment: its two sides, the path of
// the last pass and the match counts of the first pass's 1-1 links.
type docState struct {
	src, tgt sideText
	rate     matchRate // of the 1-1 links of the first pass
	path     []step
	// moved are the pairs of path indices of a 1-0 and a 0-1 link whose
	// sentences are linked out of order (see pairMoved).
	moved []moved
}

func newAligner(docs []Bitext, opt Options) *aligner {
	a := &aligner{opt: opt, docs: make([]*docState, len(docs)),
		srcVocab: newVocabFor(docs, func(b Bitext) []corpus.Sentence { return b.Src }),
		tgtVocab: newVocabFor(docs, func(b Bitext) []corpus.Sentence { return b.Tgt })}
	for i, d := range docs {
		a.docs[i] = &docState{}
		a.work += workOf(len(d.Src), len(d.Tgt))
		a.sentences += max(len(d.Src), len(d.Tgt))
	}
	// Each side has a vocabulary of its own: tokenise the two at once,
	// unless they are short, and find each side's credits with it.
	src := func() {
		for i, d := range docs {
			a.docs[i].src = newSideText(&a.srcVocab, d.Src)
			a.docs[i].src.credits = credits(d.Src)
		}
	}
	var wg sync.WaitGroup
	if a.work < minParallelWork {
		src()
	} else {
		wg.Go(src)
	}
	for i, d := range docs {
		a.docs[i].tgt = newSideText(&a.tgtVocab, d.Tgt)
		a.docs[i].tgt.credits = credits(d.Tgt)
	}
	wg.Wait()
	for _, d := range a.docs {
		oneSidedCredits(&d.src, &d.tgt)
	}
	if !opt.NoSeedLexicon {
		a.seed = a.pickSeed()
	}
	a.params = defaultParams(a.docs)
	return a
}

// pickSeed finds the seed lexicon for the languages. Languages that are not
// given are guessed from the text, and so are both when the text clearly
// says the sides are the other way round.
func (a *aligner) pickSeed() *lexicon {
	probe := sqEn()
	guess := func(v *vocab, side func(*docState) sideText) string {
		// Each type counts once a sentence.
		count := make([]int, len(v.toks))
		for _, d := range a.docs {
			for _, ids := range side(d).types {
				for _, id := range ids {
					count[id]++
				}
			}
		}
		return [...]string{unknownSide: "", srcSide: "sq", tgtSide: "en"}[probe.guessSide(v.toks, count)]
	}
	sl, tl := corpus.BaseLang(a.opt.SrcLang), corpus.BaseLang(a.opt.TgtLang)
	gs := guess(&a.srcVocab, func(d *docState) sideText { return d.src })
	gt := guess(&a.tgtVocab, func(d *docState) sideText { return d.tgt })
	if gs != "" && gt != "" && gs != gt {
		sl, tl = gs, gt
	}
	if sl == "" {
		sl = gs
	}
	if tl == "" {
		tl = gt
	}
	return seedLexicon(sl, tl)
}

// release gives the vocabularies' maps back to their pools, once the
// links are found.
func (a *aligner) release() {
	a.srcVocab.release()
	a.tgtVocab.release()
}

func (a *aligner) run() [][]Link {
	// A first pass with the seed evidence finds confident links; the length
	// model, link shares and induced lexicon estimated from them drive the
	// second.
	keys := a.keys()
	a.pass(keys)
	a.estimate()
	// The keys of the second pass are those of the first and the pairs of
	// the induced lexicon: only these are worked out anew.
	if a.induced != nil {
		addInduced(&a.srcVocab, keys.src, a.induced.src, keys.count)
		addInduced(&a.tgtVocab, keys.tgt, a.induced.tgt, keys.count)
		keys.count += a.induced.pairs
	}
	a.final = true
	a.pass(keys)
	a.report(a.work)
	out := make([][]Link, len(a.docs))
	for di, d := range a.docs {
		links := make([]Link, 0, len(d.path))
		// The links' indices share one array.
		ids := make([]int, 0, len(d.src.types)+len(d.tgt.types))
		span := func(from, to int) []int {
			if from == to {
				return nil
			}
			start := len(ids)
			for x := from; x < to; x++ {
				ids = append(ids, x)
			}
			return ids[start:len(ids):len(ids)]
		}
		// A moved pair is one link, where its source sentence stands; its
		// target sentence's 0-1 link goes.
		pairs := make(map[int]moved, len(d.moved))
		gone := make(map[int]bool, len(d.moved))
		for _, p := range d.moved {
			pairs[p.src], gone[p.tgt] = p, true
		}
		prev := node{}
		for x, s := range d.path {
			from := prev
			prev = s.to
			if gone[x] {
				continue
			}
			l := Link{Src: span(from.i, s.to.i), Tgt: span(from.j, s.to.j), Score: s.post}
			if p, ok := pairs[x]; ok {
				to := d.path[p.tgt].to
				l.Tgt, l.Score = span(to.j-1, to.j), p.score
			}
			links = append(links, l)
		}
		out[di] = links
	}
	return out
}

// pass aligns every document with the given keys of the types of either
// side and the current parameters, several at a time.
func (a *aligner) pass(keys keyTables) {
	if len(a.docs) == 1 {
		a.alignDoc(a.docs[0], keys, &numbering{})
		return
	}
	jobs := make(chan *docState)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var nb numbering
			for d := range jobs {
				a.alignDoc(d, keys, &nb)
			}
		}()
	}
	for _, d := range a.docs {
		jobs <- d
	}
	close(jobs)
	wg.Wait()
}

// keys lists the keys of every source and target type but those of the
// induced lexicon.
func (a *aligner) keys() keyTables {
	ks := &keySpace{ids: keysPool.get(len(a.srcVocab.toks) + len(a.tgtVocab.toks))}
	defer keysPool.put(ks.ids)
	src := typeKeys(ks, &a.srcVocab, true, a.seed)
	tgt := typeKeys(ks, &a.tgtVocab, false, a.seed)
	return keyTables{src: src, tgt: tgt, count: len(ks.ids)}
}

// minParallelWork is the least work (see workOf) for which the two sides
// are tokenised at once: for less, starting a goroutine costs more than it
// saves.
const minParallelWork = 1000

// fullLimit is the largest lattice searched whole; larger inputs are
// searched coarse to fine.
const fullLimit = 1 << 16

// alignDoc searches one document. When the lattice is large, the first pass
// aligns blocks of sentences first, halving the resolution until the lattice
// is small, then refines the path level by level inside a band around it;
// the second searches a band around the path of the first. A document of
// a batch is searched in its own numbering of types and keys, made with nb.
func (a *aligner) alignDoc(d *docState, keys keyTables, nb *numbering) {
	n, m := len(d.src.types), len(d.tgt.types)
	if n == 0 || m == 0 {
		d.path = trivialPath(n, m)
		a.report(1)
		return
	}
	fine := d.level()
	if len(a.docs) > 1 {
		// A lone document uses most of the vocabulary: numbering its types
		// anew would only cost time.
		ds := nb.space(fine.src.types, fine.tgt.types, keys)
		fine.src.types, fine.tgt.types, keys = ds.srcTypes, ds.tgtTypes, ds.keys
	}
	if d.path != nil && n*m > fullLimit {
		lat := a.newLattice(d, fine, 0, keys)
		lat.band = projectBand(d.path, identity(n), identity(m), n, m, max(a.bandWidth()/2, 1))
		// Long searches run in parallel chunks, cut where the guiding path
		// is sure: between two confident links.
		var cuts []node
		for x := 1; x < len(d.path); x++ {
			if d.path[x-1].post > 0.99 && d.path[x].post > 0.99 {
				cuts = append(cuts, d.path[x-1].to)
			}
		}
		a.weighLevel(lat, 0)
		lat.ahead = len(a.docs) == 1
		a.finish(d, lat, lat.searchParallel(cuts, true))
		return
	}
	levels := []level{fine}
	if n*m > fullLimit {
		levels[0] = fine.matchable(keys)
	}
	for l := levels[0]; len(l.src.types)*len(l.tgt.types) > fullLimit; {
		l = l.coarser()
		levels = append(levels, l)
	}
	// The units of a level are built while the coarser one is searched,
	// which for the smaller levels keeps one core only. Its type lists are
	// not needed after that.
	next := make(chan *lattice, 1)
	build := func(li int) {
		l := levels[li]
		levels[li].src.types, levels[li].tgt.types = nil, nil
		if len(levels) == 1 {
			next <- a.newLattice(d, l, li, keys) // nothing to overlap with
			return
		}
		go func() { next <- a.newLattice(d, l, li, keys) }()
	}
	build(len(levels) - 1)
	var path []step
	for li := len(levels) - 1; li >= 0; li-- {
		lat := <-next
		if li > 0 {
			build(li - 1)
		}
		ln, lm := len(lat.src), len(lat.tgt)
		var cuts []node
		if li == len(levels)-1 {
			lat.band = fullBand(ln, lm)
		} else {
			up := levels[li+1]
			lat.band = projectBand(path, up.src.start, up.tgt.start, ln, lm, a.bandWidth())
			// Cut the search into parallel chunks at coarse 1-1 links.
			for x := 1; x < len(path); x++ {
				if path[x-1].kind == oneToOne && path[x].kind == oneToOne {
					cuts = append(cuts, node{up.src.start[path[x-1].to.i], up.tgt.start[path[x-1].to.j]})
				}
			}
			levels[li+1] = level{} // no longer needed
		}
		a.weighLevel(lat, li)
		lat.ahead = len(a.docs) == 1
		path = lat.searchParallel(cuts, li == 0)
		if li == 0 {
			a.finish(d, lat, path)
		}
	}
}

// finish takes path, searched in the sentence lattice lat, as the path of
// document d, with, in the first pass, its match rate and, in the final
// pass, its doubtful links' scores lowered.
func (a *aligner) finish(d *docState, lat *lattice, path []step) {
	d.path = path
	if !a.final {
		// Only the estimates after the first pass read it.
		d.rate = countMatches(lat, path)
	}
	if a.final {
		strands := lat.strands(path)
		if !a.opt.InOrder {
			d.moved = lat.pairMoved(path, strands)
		}
		a.lowerDoubtful(d, lat, path, strands)
	}
}

func trivialPath(n, m int) []step {
	var path []step
	for i := 1; i <= n; i++ {
		path = append(path, step{to: node{i, 0}, kind: srcOnly, post: 1})
	}
	for j := 1; j <= m; j++ {
		path = append(path, step{to: node{n, j}, kind: tgtOnly, post: 1})
	}
	return path
}

func (a *aligner) bandWidth() int {
	if a.opt.Band > 0 {
		return a.opt.Band
	}
	return 3
}

// workOf is the work of aligning a document in both passes, counted in
// rows of the search: the first pass of a long document also searches the
// coarse levels, about as many rows again.
func workOf(n, m int) int {
	switch {
	case n == 0 || m == 0:
		return 2
	case n*m > fullLimit:
		return 3 * (n + 1)
	}
	return 2 * (n + 1)
}

// report adds n to the work done and tells Options.Progress.
func (a *aligner) report(n int) {
	if a.opt.Progress == nil || n == 0 {
		return
	}
	a.mu.Lock()
	a.done = min(a.done+n, a.work)
	done := a.done
	a.opt.Progress(done, a.work)
	a.mu.Unlock()
}
