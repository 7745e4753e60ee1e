package align

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/shared"
)

// readSent reads a one-segment-a-line file of the evaluation data.
func readSent(tb testing.TB, path string) []corpus.Sentence {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var out []corpus.Sentence
	for i, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		out = append(out, corpus.Sentence{Text: strings.TrimSpace(l), Para: i})
	}
	return out
}

// ntrexDocs reads the source and target segments of every document of
// ntrex-dev, in the order of their folders.
func ntrexDocs(tb testing.TB) [][2][]corpus.Sentence {
	dir := shared.Require(tb, "eval/ntrex-dev")
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var docs [][2][]corpus.Sentence
	for _, e := range ents {
		if e.IsDir() {
			d := filepath.Join(dir, e.Name())
			docs = append(docs, [2][]corpus.Sentence{readSent(tb, filepath.Join(d, "sq.sent")), readSent(tb, filepath.Join(d, "en.sent"))})
		}
	}
	return docs
}

// longPair builds a bitext of about n segments a side by concatenating the
// ntrex-dev documents over and over, as a book-length input.
func longPair(tb testing.TB, n int) (src, tgt []corpus.Sentence) {
	docs := ntrexDocs(tb)
	for len(src) < n || len(tgt) < n {
		for _, d := range docs {
			src = append(src, d[0]...)
			tgt = append(tgt, d[1]...)
		}
	}
	return src[:n], tgt[:n]
}

// peakHeap samples the heap in use while f runs and returns its peak in MB.
// It reads runtime/metrics rather than runtime.ReadMemStats, which stops
// the world at every sample and slowed the aligner by a tenth.
func peakHeap(f func()) float64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Their sum is what runtime.MemStats calls HeapInuse.
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if inUse := s[0].Value.Uint64() + s[1].Value.Uint64(); inUse > peak.Load() {
				peak.Store(inUse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	return float64(peak.Load()) / (1 << 20)
}

// benchPeakHeap runs f as the body of the benchmark and reports the peak
// heap in use over its runs.
func benchPeakHeap(b *testing.B, f func()) {
	runtime.GC()
	b.ResetTimer()
	var mb float64
	for b.Loop() {
		mb = max(mb, peakHeap(f))
	}
	b.ReportMetric(mb, "peak-heap-MB")
}

// BenchmarkAlign30k aligns a pair of 30,000 segments a side; the target is
// under 2 s and under 300 MB.
func BenchmarkAlign30k(b *testing.B) {
	src, tgt := longPair(b, 30000)
	benchPeakHeap(b, func() { Align(src, tgt, Options{SrcLang: "sq", TgtLang: "en"}) })
}

// BenchmarkAlign200k aligns a book-length pair of 200,000 segments a side,
// to show that time and memory grow linearly.
func BenchmarkAlign200k(b *testing.B) {
	src, tgt := longPair(b, 200000)
	benchPeakHeap(b, func() { Align(src, tgt, Options{SrcLang: "sq", TgtLang: "en"}) })
}

// manyDocs builds n short bitexts from the ntrex-dev documents, each
// word of copy c of a document spelt with a suffix of its own, so that the
// pooled vocabulary grows with the number of documents as in a large batch
// of unrelated articles.
func manyDocs(tb testing.TB, n int) []Bitext {
	base := ntrexDocs(tb)
	word := regexp.MustCompile(`\pL+`)
	distinct := func(sents []corpus.Sentence, suffix string) []corpus.Sentence {
		out := make([]corpus.Sentence, len(sents))
		for i, s := range sents {
			out[i] = corpus.Sentence{Text: word.ReplaceAllString(s.Text, "${0}"+suffix), Para: s.Para}
		}
		return out
	}
	docs := make([]Bitext, n)
	for i := range docs {
		b := base[i%len(base)]
		suffix := strings.Map(func(r rune) rune { return 'a' + (r-'0')%10 }, strconv.Itoa(i/len(base)))
		docs[i] = Bitext{Name: strconv.Itoa(i), Src: distinct(b[0], suffix), Tgt: distinct(b[1], suffix)}
	}
	return docs
}

// BenchmarkAlignAllManyDocs aligns 3,000 short documents pooled, with a
// vocabulary that grows with their number: time and memory must grow with
// the documents, not with documents times vocabulary.
func BenchmarkAlignAllManyDocs(b *testing.B) {
	docs := manyDocs(b, 3000)
	benchPeakHeap(b, func() { AlignAll(docs, Options{SrcLang: "sq", TgtLang: "en"}) })
}
