package align

import (
	"runtime"
	"slices"
	"sync"

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
// translation. The links are in order and cover every sentence exactly
// once.
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
	return a.run()
}

// aligner holds what the documents of one call share: vocabularies, keys
// and the estimated parameters.
type aligner struct {
	opt        Options
	docs       []*docState
	sv, tv     vocab
	seed       *lexicon
	ind        *induced
	prm        params
	work, done int
	final      bool // the pass under way is the last
	mu         sync.Mutex
}

type docState struct {
	src, tgt sideText
	rate     matchRate // of the 1-1 links of the last pass
	path     []step
}

func newAligner(docs []Bitext, opt Options) *aligner {
	a := &aligner{opt: opt, sv: newVocab(), tv: newVocab(), docs: make([]*docState, len(docs))}
	for i, d := range docs {
		a.docs[i] = &docState{}
		a.work += workOf(len(d.Src), len(d.Tgt))
	}
	// Each side has a vocabulary of its own: tokenise the two at once.
	var wg sync.WaitGroup
	wg.Go(func() {
		for i, d := range docs {
			a.docs[i].src = newSideText(&a.sv, d.Src)
		}
	})
	for i, d := range docs {
		a.docs[i].tgt = newSideText(&a.tv, d.Tgt)
	}
	wg.Wait()
	if !opt.NoSeedLexicon {
		a.seed = a.pickSeed()
	}
	a.prm = defaultParams(a.docs)
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
		return [...]string{"", "sq", "en"}[probe.guessSide(v.toks, count)]
	}
	sl, tl := corpus.BaseLang(a.opt.SrcLang), corpus.BaseLang(a.opt.TgtLang)
	gs := guess(&a.sv, func(d *docState) sideText { return d.src })
	gt := guess(&a.tv, func(d *docState) sideText { return d.tgt })
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

func (a *aligner) run() [][]Link {
	// A first pass with the seed evidence finds confident links; the length
	// model, link shares and induced lexicon estimated from them drive the
	// second.
	skeys, tkeys, nk := a.keys()
	a.pass(skeys, tkeys, nk)
	a.estimate()
	// The keys of the second pass are those of the first and the pairs of
	// the induced lexicon: only these are worked out anew.
	if a.ind != nil {
		addInduced(&a.sv, skeys, a.ind.src, nk)
		addInduced(&a.tv, tkeys, a.ind.tgt, nk)
		nk += a.ind.pairs
	}
	a.final = true
	a.pass(skeys, tkeys, nk)
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
		prev := node{}
		for _, s := range d.path {
			links = append(links, Link{Src: span(prev.i, s.to.i), Tgt: span(prev.j, s.to.j), Score: s.post})
			prev = s.to
		}
		out[di] = links
	}
	return out
}

// pass aligns every document with the given keys of the types of either
// side, nk in all, and the current parameters, several at a time.
func (a *aligner) pass(skeys, tkeys [][]int32, nk int) {
	jobs := make(chan *docState)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var nb numbering
			for d := range jobs {
				a.alignDoc(d, skeys, tkeys, nk, &nb)
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
// induced lexicon, and says how many keys there are.
func (a *aligner) keys() (skeys, tkeys [][]int32, nk int) {
	ks := &keySpace{ids: map[string]int32{}}
	skeys = typeKeys(ks, &a.sv, true, a.seed)
	tkeys = typeKeys(ks, &a.tv, false, a.seed)
	return skeys, tkeys, len(ks.ids)
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
