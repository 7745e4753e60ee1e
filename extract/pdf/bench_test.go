package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/paralel/paralel/internal/shared"
)

// BenchmarkPages reads all the development PDFs, each loop; ms/page is
// the time per page.
func BenchmarkPages(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(shared.Require(b, "eval/formats-dev/pdf"), "*", "*.pdf"))
	var docs [][]byte
	pages := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		r, err := lpdf.NewReader(bytes.NewReader(d), int64(len(d)))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		pages += r.NumPage()
	}
	for b.Loop() {
		for _, d := range docs {
			if _, err := Paragraphs(bytes.NewReader(d), int64(len(d))); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*pages), "ms/page")
	b.ReportMetric(float64(pages), "pages")
}
