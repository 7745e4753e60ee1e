package pair

import (
	"hash/fnv"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
)

// A keyCount is one evidence key of a document and how often it occurs.
type keyCount struct {
	key int32
	n   int32
}

// profile is what pairing keeps of a document once it is read: its
// evidence keys and its shape. The text itself is dropped, so that memory
// grows with the keys of the collection rather than with its text.
type profile struct {
	keys  []keyCount // sorted by key
	chars int        // runes of the sentences
	paras []int32    // runes of each paragraph, in order
	sents int
	hash  uint64   // of the sentences' text, to find the same text twice
	words int      // word tokens, for the language check
	err   error    // reading failed
	warns []string // of reading it (see Doc.Read)

	// The distinct keys of each sentence, for the check: those of
	// sentence i are sentKeys[sentEnd[i-1]:sentEnd[i]], sorted. Keeping
	// them costs about the text's size again, but spares tokenising every
	// candidate once more.
	sentKeys, sentEnd []int32
}

// sentence returns the keys of sentence i.
func (p *profile) sentence(i int) []int32 {
	from := int32(0)
	if i > 0 {
		from = p.sentEnd[i-1]
	}
	return p.sentKeys[from:p.sentEnd[i]]
}

// keySpace numbers the keys of both sides: a key means the same on either
// side, so a source and a target document share evidence when they hold
// the same number.
type keySpace struct {
	mu    sync.Mutex
	ids   map[string]int32
	names []string
}

func newKeySpace() *keySpace { return &keySpace{ids: map[string]int32{}} }

// number interns the keys of one document, given in the order of their
// local numbers with their counts, and returns their numbers here.
func (ks *keySpace) number(keys []string) []int32 {
	out := make([]int32, len(keys))
	ks.mu.Lock()
	for i, k := range keys {
		id, ok := ks.ids[k]
		if !ok {
			id = int32(len(ks.names))
			ks.ids[k] = id
			ks.names = append(ks.names, k)
		}
		out[i] = id
	}
	ks.mu.Unlock()
	return out
}

// sort renumbers the keys in the order of their spelling and the keys of
// the profiles with them: keys are numbered as documents finish reading,
// in no set order, and the numbers decide ties later on, so that without
// this the same input could give another pairing. All documents are read
// by then: the spelling-to-number map is let go, as nothing looks keys up
// any more.
func (ks *keySpace) sort(sides ...[]profile) {
	order := make([]int32, len(ks.names))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(ks.names[a], ks.names[b]) })
	renumber := make([]int32, len(order))
	names := make([]string, len(order))
	for i, old := range order {
		renumber[old] = int32(i)
		names[i] = ks.names[old]
	}
	ks.names, ks.ids = names, nil
	for _, profiles := range sides {
		for _, p := range profiles {
			p.renumber(renumber)
		}
	}
}

// tag is the kind of evidence key id is: '#', '=', '~' or '@' (see
// align.Keyer).
func (ks *keySpace) tag(id int32) byte { return ks.names[id][0] }

// readProfiles reads the documents of one side, workers at a time, and
// profiles them. Each worker holds one document's text at a time.
func readProfiles(docs []Doc, keyer *align.Keyer, ks *keySpace, workers int, done func()) []profile {
	out := make([]profile, len(docs))
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			l := &local{ids: map[string]int32{}}
			for i := range next {
				out[i] = profileOf(docs[i], keyer, ks, l)
				if done != nil {
					done()
				}
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// local numbers the keys of one document as they come.
type local struct {
	ids    map[string]int32
	keys   []string
	counts []int32
}

func (l *local) id(key []byte) int32 {
	if id, ok := l.ids[string(key)]; ok {
		l.counts[id]++
		return id
	}
	id := int32(len(l.keys))
	k := string(key)
	l.ids[k] = id
	l.keys = append(l.keys, k)
	l.counts = append(l.counts, 1)
	return id
}

func (l *local) reset() {
	clear(l.ids)
	l.keys, l.counts = l.keys[:0], l.counts[:0]
}

func profileOf(d Doc, keyer *align.Keyer, ks *keySpace, l *local) profile {
	sents, warns, err := d.Read()
	if err != nil {
		return profile{err: err}
	}
	l.reset()
	p := profile{sents: len(sents), sentEnd: make([]int32, len(sents)), warns: warns}
	h := fnv.New64a()
	para := -1
	for i, s := range sents {
		n := utf8.RuneCountInString(s.Text)
		p.chars += n
		if s.Para != para || len(p.paras) == 0 {
			p.paras = append(p.paras, 0)
			para = s.Para
		}
		p.paras[len(p.paras)-1] += int32(n)
		h.Write([]byte(s.Text))
		h.Write([]byte{'\n'})
		keyer.Keys(s.Text, func(key []byte) {
			if key[0] == '=' {
				p.words++
			}
			p.sentKeys = append(p.sentKeys, l.id(key))
		})
		p.sentEnd[i] = int32(len(p.sentKeys))
	}
	p.hash = h.Sum64()
	global := ks.number(l.keys)
	p.keys = make([]keyCount, len(global))
	for i, id := range global {
		p.keys[i] = keyCount{id, l.counts[i]}
	}
	for x, k := range p.sentKeys {
		p.sentKeys[x] = global[k]
	}
	p.renumber(nil)
	return p
}

// renumber gives the keys new numbers, or with nil keeps them, and puts
// the lists back in order: the document's keys sorted, each sentence's
// keys sorted and distinct.
func (p *profile) renumber(to []int32) {
	if to != nil {
		for x := range p.keys {
			p.keys[x].key = to[p.keys[x].key]
		}
		for x, k := range p.sentKeys {
			p.sentKeys[x] = to[k]
		}
	}
	slices.SortFunc(p.keys, func(a, b keyCount) int { return int(a.key - b.key) })
	from, w := int32(0), int32(0)
	for i, end := range p.sentEnd {
		keys := slices.Compact(slices.Sorted(slices.Values(p.sentKeys[from:end])))
		w += int32(copy(p.sentKeys[w:], keys))
		from = end
		p.sentEnd[i] = w
	}
	p.sentKeys = slices.Clip(p.sentKeys[:w])
}

// sentencesOf reads a document for the final check.
func sentencesOf(d Doc) []corpus.Sentence {
	s, _, err := d.Read() // its warnings were taken with its profile
	if err != nil {
		return nil
	}
	return s
}
