package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/paralel/paralel/align"
)

// A Shard is one of N parts of the documents, I from 1 to N, chosen by a
// hash of the document's name, so that N processes given the same input
// each keep a part and together keep every document exactly once,
// whatever the order of the input. The zero Shard keeps everything.
type Shard struct{ I, N int }

// ParseShard reads a shard written as "I/N", such as "2/8".
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("shard %q: want I/N with 1 <= I <= N, such as 1/4", s)
	}
	return Shard{I: i, N: n}, nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.I, s.N) }

// Keeps reports whether the document of that name belongs to the shard.
func (s Shard) Keeps(name string) bool {
	return s.N <= 1 || ShardOf(name, s.N) == s.I-1
}

// ShardOf is the shard, from 0 to n-1, of the document of that name.
func ShardOf(name string, n int) int {
	return int(nameHash(name) % uint64(n))
}

// A DocSource gives the documents of a stream one at a time, as
// DocReader.Read does: io.EOF at the end, a *LineError for an entry that
// is not a document (counted as a failed document, named by
// LineError.Name), any other error ending the run.
type DocSource interface {
	Read() (Input, error)
}

// Stream aligns the documents of src each on its own (with
// opt.Align.Lexicon when it is set, which keeps the evidence of a pooled
// run) and writes the links of each as soon as it and those before it are
// done, in the order of the input, flushing w after each document when it
// has a Flush method. A few documents per processor are under way at a
// time, so memory is bounded by the largest documents, not by their
// number. Documents outside opt.Shard are passed over. Failures are
// counted and reported as by Run, and Summary.Docs counts the documents
// of the shard.
func Stream(ctx context.Context, src DocSource, w Writer, opt Options) (*Summary, error) {
	s := newSummary(opt)
	flush, _ := w.(interface{ Flush() })
	err := inOrder(ctx, shardSource{src, opt.Shard}, opt, func(d Input, r aligned) error {
		s.Docs++
		if err := s.take(d.Name, r, opt.Strict, w); err != nil {
			return err
		}
		if flush != nil && r.err == nil {
			flush.Flush()
		}
		return nil
	})
	return s.end(w, err)
}

// shardSource passes over the documents of src outside shard.
type shardSource struct {
	src   DocSource
	shard Shard
}

func (s shardSource) Read() (Input, error) {
	for {
		d, err := s.src.Read()
		name := d.Name
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) {
				return d, err
			}
			name = le.Name()
		}
		if s.shard.Keeps(name) {
			return d, err
		}
	}
}

// aligned is one document read and aligned on its own.
type aligned struct {
	bitext   align.Bitext
	links    []align.Link
	warnings []string // of reading it (Read), then align.Check's
	err      error
}

// inOrder aligns the documents of src each on its own and hands them to
// take in the order of src, the failed ones with their error. It stops at
// the end of src, at an error of src other than a *LineError (returned
// once the documents read before it are taken), at the first error of
// take, and when ctx is cancelled, which it notices between documents. It
// returns once the documents under way are done. About two documents
// per processor are read and not yet taken at a time, which bounds the
// memory.
func inOrder(ctx context.Context, src DocSource, opt Options, take func(Input, aligned) error) error {
	opt.Align.Progress = nil // it would follow documents aligned at once
	ctx, cancel := context.WithCancel(ctx)

	type job struct {
		doc    Input
		result chan aligned
	}
	// The reader queues the documents in order for the loop below, which
	// takes them, and hands them to a worker for each processor, whose
	// stacks, grown deep by the aligner, serve document after document.
	queue := make(chan job, 2*runtime.GOMAXPROCS(0))
	work := make(chan job)
	var workers sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		workers.Go(func() {
			for {
				select {
				case j, ok := <-work:
					if !ok || ctx.Err() != nil {
						return
					}
					j.result <- alignOne(j.doc, opt)
				case <-ctx.Done():
					return
				}
			}
		})
	}
	// On the way out, the documents under way finish into their buffered
	// channels; the reader may be waiting on src, and is left to stop on
	// its own.
	defer workers.Wait()
	defer cancel()
	readErr := make(chan error, 1)
	go func() {
		defer close(queue)
		defer close(work)
		for {
			d, err := src.Read()
			var le *LineError
			switch {
			case err == io.EOF:
				readErr <- nil
				return
			case errors.As(err, &le):
				d = Input{Name: le.Name()}
			case err != nil:
				readErr <- err
				return
			}
			j := job{d, make(chan aligned, 1)}
			select {
			case queue <- j:
			case <-ctx.Done():
				readErr <- nil
				return
			}
			if le != nil {
				j.result <- aligned{err: le.Err}
				continue
			}
			select {
			case work <- j:
			case <-ctx.Done():
				readErr <- nil
				return
			}
		}
	}()
	for j := range queue {
		if err := ctx.Err(); err != nil {
			return err
		}
		var r aligned
		select {
		case r = <-j.result:
		case <-ctx.Done(): // the reader may have left j to no worker
			return ctx.Err()
		}
		if err := take(j.doc, r); err != nil {
			return err
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	return ctx.Err()
}

// alignOne reads, aligns and checks one document on its own, in a worker:
// the checks too would take a good share of the time of the goroutine that
// writes the documents in order.
func alignOne(d Input, opt Options) aligned {
	b, langs, warnings, err := Read(d, opt)
	if err != nil {
		return aligned{err: err}
	}
	links := align.Align(b.Src, b.Tgt, opt.Align)
	return aligned{bitext: b, links: links, warnings: append(warnings, align.Check(b.Src, b.Tgt, links, langs)...)}
}

// end counts what the writer's filters kept, and returns the Summary with
// the error of the run, ErrNoDocuments when it ended well but aligned none.
func (s *Summary) end(w Writer, err error) (*Summary, error) {
	s.Dropped = w.Dropped()
	s.Kept = s.Links - s.Dropped.Total()
	if err == nil && s.Aligned == 0 {
		err = ErrNoDocuments
	}
	return s, err
}
