package batch

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/internal/synth"
)

// BenchmarkRun reads, aligns and writes as JSON lines the documents of
// ntrex-dev-raw, once (60 documents) and ten times over (600), pooled and
// each on its own. docs/s is the throughput.
func BenchmarkRun(b *testing.B) {
	dir := shared.Require(b, "eval/ntrex-dev-raw")
	set, err := LoadDir(dir, corpus.Lines)
	if err != nil {
		b.Fatal(err)
	}
	for _, times := range []int{1, 10} {
		var docs []Doc
		for i := range times {
			for _, d := range set {
				d.Name = fmt.Sprintf("%s.%d", d.Name, i)
				docs = append(docs, d)
			}
		}
		for _, each := range []bool{false, true} {
			name := fmt.Sprintf("docs=%d/%s", len(docs), map[bool]string{false: "pooled", true: "each"}[each])
			b.Run(name, func(b *testing.B) {
				opt := Options{Each: each, Align: align.Options{SrcLang: "sq", TgtLang: "en"}}
				for b.Loop() {
					w, err := format.NewWriter("jsonl", io.Discard, format.Options{})
					if err != nil {
						b.Fatal(err)
					}
					if _, err := Run(b.Context(), docs, w, opt); err != nil {
						b.Fatal(err)
					}
					if err := w.Close(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
			})
		}
	}
}

// BenchmarkStream streams 2,000 synthetic documents (about 2.6 MB of JSON
// lines) through Stream to JSON lines; MB/s is of the input.
func BenchmarkStream(b *testing.B) {
	var in bytes.Buffer
	if err := synth.WriteJSONLines(&in, 0, 2000); err != nil {
		b.Fatal(err)
	}
	opt := Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}}
	b.SetBytes(int64(in.Len()))
	for b.Loop() {
		w, err := format.NewWriter("jsonl", io.Discard, format.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Stream(b.Context(), NewDocReader(bytes.NewReader(in.Bytes())), w, opt); err != nil {
			b.Fatal(err)
		}
	}
}
