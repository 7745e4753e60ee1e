package extract

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/paralel/paralel/internal/shared"
)

// BenchmarkHTML extracts the news pages of formats-dev (both sides of each
// document); the figure to read is ms/page (the target is 20 ms on one
// core: go test -bench HTML -cpu 1 ./extract).
func BenchmarkHTML(b *testing.B) {
	dir := shared.Require(b, "eval/formats-dev/html")
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.html"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no pages in %s: %v", dir, err)
	}
	pages := make([][]byte, len(paths))
	size := 0
	for i, p := range paths {
		if pages[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
		size += len(pages[i])
	}
	b.SetBytes(int64(size / len(pages)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, _, err := NewReader(bytes.NewReader(pages[i%len(pages)]), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/page")
}
