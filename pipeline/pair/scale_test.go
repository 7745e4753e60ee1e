package pair

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestGenerated1200(t *testing.T) {
	if testing.Short() {
		t.Skip("a collection of 1,200 × 1,200 documents: not under -short")
	}
	g := generate(loadArticles(t), 670, 1)
	start := time.Now()
	res, err := Pair(g.src, g.tgt, Options{SrcLang: "sq", TgtLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	p, r, f := g.f1(res)
	t.Logf("%d × %d documents (%d pairs): precision %.4f recall %.4f F1 %.4f in %v", len(g.src), len(g.tgt), len(g.gold), p, r, f, time.Since(start))
	if f < 0.98 {
		t.Errorf("F1 %.4f, want at least 0.98", f)
	}
}

// BenchmarkPair pairs generated collections of growing size in one run, so
// that their times compare: 1k, 3k and 10k documents a side
// (PARALEL_BENCH_SIZES, such as "1000 3000 10000 100000", to change).
func BenchmarkPair(b *testing.B) {
	arts := loadArticles(b)
	sizes := []int{1000, 3000, 10000}
	if s := os.Getenv("PARALEL_BENCH_SIZES"); s != "" {
		sizes = nil
		for _, f := range strings.Fields(s) {
			n, err := strconv.Atoi(f)
			if err != nil {
				b.Fatal(err)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		// Two halves a variant, a tenth of each side dropped.
		g := generate(arts, n*10/18, uint64(n))
		b.Run(fmt.Sprintf("docs=%d", len(g.src)), func(b *testing.B) {
			var f float64
			cpu := cpuTime()
			for b.Loop() {
				res, err := Pair(g.src, g.tgt, Options{SrcLang: "sq", TgtLang: "en"})
				if err != nil {
					b.Fatal(err)
				}
				_, _, f = g.f1(res)
			}
			b.ReportMetric(f, "F1")
			// The machine may be shared: processor time says what the
			// pairing itself cost.
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(g.src)), "µs/doc")
		})
	}
}

// cpuTime is the processor time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
