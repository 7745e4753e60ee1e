// Command paralel-beam aligns JSON lines of documents on Apache Beam: the
// direct and Prism runners locally, Flink, Spark and Dataflow through the
// portable runner. See beam/README.md.
//
//	paralel-beam --input 'docs/*.jsonl' --output out/links --shards 8
//	paralel-beam --runner=flink --endpoint=localhost:8099 \
//	    --environment_type=LOOPBACK --input ... --output ...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/paralel/paralel/beam/pipeline"
	"github.com/paralel/paralel/corpus"
)

var (
	input         = flag.String("input", "", "`GLOB` of JSON lines of documents, one {\"doc\", \"src\", \"tgt\"} object a line")
	output        = flag.String("output", "", "`PREFIX` of the shards: PREFIX-SSSSS-of-NNNNN.jsonl, and PREFIX-failures.txt")
	outFormat     = flag.String("format", "jsonl", "`format` of the shards: jsonl, tsv, ids or moses")
	shards        = flag.Int("shards", 8, "number of output shards")
	srcLang       = flag.String("src-lang", "sq", "BCP 47 language of the source side, as paralel batch takes it")
	tgtLang       = flag.String("tgt-lang", "en", "BCP 47 language of the target side, as paralel batch takes it")
	presplit      = flag.Bool("presplit", false, "texts are one segment a line: do not split sentences")
	lexicon       = flag.String("lexicon", "", "align with the lexicon in `FILE`, learnt by paralel lexicon")
	minScore      = flag.Float64("min-score", 0, "drop links scored under this")
	keepUnaligned = flag.Bool("keep-unaligned", false, "keep 1-0 and 0-1 links in TSV and Moses")
	tsvMeta       = flag.Bool("tsv-meta", true, "TSV: add the link type, document and status columns")
)

func main() {
	flag.Parse()
	beam.Init()
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "paralel-beam:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	if *input == "" || *output == "" {
		return fmt.Errorf("give --input GLOB and --output PREFIX")
	}
	c := pipeline.Config{
		SrcLang: *srcLang, TgtLang: *tgtLang, Lexicon: *lexicon,
		Format: *outFormat, Shards: *shards, MinScore: *minScore,
		KeepUnaligned: *keepUnaligned, TSVMeta: *tsvMeta,
	}
	if *presplit {
		c.Mode = corpus.Presplit
	}
	if err := c.Check(); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, *input, *output, c)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return err
	}
	if res != nil {
		for _, line := range pipeline.Report(res.Metrics()) {
			fmt.Fprintln(os.Stderr, "paralel-beam:", line)
		}
	}
	return nil
}
