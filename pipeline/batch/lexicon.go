package batch

import (
	"container/heap"
	"context"
	"errors"
	"hash/fnv"
	"io"

	"github.com/paralel/paralel/align"
)

// Sample keeps n documents of src: those whose names hash lowest, so that
// the sample is the same whatever the order of the input and however it
// is cut into shards, and the memory is that of n documents. Entries that
// are not documents (a *LineError) are passed over.
func Sample(src DocSource, n int) ([]Input, error) {
	h := &sampleHeap{}
	for {
		d, err := src.Read()
		var le *LineError
		switch {
		case err == io.EOF:
			out := make([]Input, h.Len())
			for i := len(out) - 1; i >= 0; i-- {
				out[i] = heap.Pop(h).(sampled).doc
			}
			return out, nil
		case errors.As(err, &le):
			continue
		case err != nil:
			return nil, err
		}
		s := sampled{nameHash(d.Name), d}
		if h.Len() < n {
			heap.Push(h, s)
		} else if n > 0 && s.less((*h)[0]) {
			(*h)[0] = s
			heap.Fix(h, 0)
		}
	}
}

func nameHash(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

type sampled struct {
	hash uint64
	doc  Input
}

func (s sampled) less(t sampled) bool {
	if s.hash != t.hash {
		return s.hash < t.hash
	}
	return s.doc.Name < t.doc.Name
}

// sampleHeap is a max-heap: its top is the sampled document to drop first.
type sampleHeap []sampled

func (h sampleHeap) Len() int           { return len(h) }
func (h sampleHeap) Less(i, j int) bool { return h[j].less(h[i]) }
func (h sampleHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *sampleHeap) Push(x any)        { *h = append(*h, x.(sampled)) }
func (h *sampleHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// LearnLexicon reads the documents and learns the lexicon induced from
// them pooled (see align.LearnLexicon), for runs that align each document
// on its own to share. Documents that cannot be read are skipped and
// listed in the Summary, which counts those read as aligned, with the
// warnings of reading them.
func LearnLexicon(ctx context.Context, docs []Input, opt Options) (*align.Lexicon, *Summary, error) {
	s := &Summary{Docs: len(docs)}
	var bitexts []align.Bitext
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, s, err
		}
		b, _, warnings, err := Read(d, opt)
		if err != nil {
			if err := s.fail(d.Name, err, opt.Strict); err != nil {
				return nil, s, err
			}
			continue
		}
		s.warn(d.Name, warnings)
		s.Aligned++
		s.SrcSentences += len(b.Src)
		s.TgtSentences += len(b.Tgt)
		bitexts = append(bitexts, b)
	}
	if len(bitexts) == 0 {
		return nil, s, ErrNoDocuments
	}
	return align.LearnLexicon(bitexts, opt.Align), s, nil
}

// NewDocList gives the documents of a list as a DocSource.
func NewDocList(docs []Doc) DocSource { return &docList{docs: docs} }

type docList struct{ docs []Doc }

func (l *docList) Read() (Input, error) {
	if len(l.docs) == 0 {
		return Input{}, io.EOF
	}
	d := l.docs[0]
	l.docs = l.docs[1:]
	return d.Input(), nil
}
