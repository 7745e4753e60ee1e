// Command paralel-beam aligns JSON lines of documents on Apache Beam, or
// pairs two collections of documents first, as paralel pair does: the
// direct and Prism runners locally, Flink, Spark and Dataflow through the
// portable runner. See beam/README.md.
//
//	paralel-beam --input 'docs/*.jsonl' --output out/links --shards 8
//	paralel-beam --src 'sq/*/*' --tgt 'en/*/*' --pair-by dir --output out/links
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
	"github.com/paralel/paralel/pipeline/pair"
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

	src          = flag.String("src", "", "`GLOB` of the source documents to pair (text, HTML, DOCX... as paralel pair reads them), with --tgt, in place of --input")
	tgt          = flag.String("tgt", "", "`GLOB` of the target documents to pair")
	pairBy       = flag.String("pair-by", "", "pair within groups: dir (the name of a document's folder) or a `REGEXP` on the path whose first group is the key; default: each collection is one group")
	pairMinScore = flag.Float64("pair-min-score", pair.DefaultMinScore, "make no pair of documents scored below this (0 to 1), as paralel pair --min-score")
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
	pairing := *src != "" || *tgt != ""
	switch {
	case *output == "":
		return fmt.Errorf("give --output PREFIX")
	case pairing && (*src == "" || *tgt == ""):
		return fmt.Errorf("give both --src GLOB and --tgt GLOB, the collections to pair")
	case pairing && *input != "":
		return fmt.Errorf("give --input GLOB of documents, or --src and --tgt of collections to pair, not both")
	case !pairing && *input == "":
		return fmt.Errorf("give --input GLOB, or --src GLOB and --tgt GLOB")
	case !pairing && *pairBy != "":
		return fmt.Errorf("--pair-by groups the collections of --src and --tgt")
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
	pc := pipeline.PairConfig{By: *pairBy, MinScore: pair.FlagMinScore(*pairMinScore)}
	if err := pc.Check(); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if pairing {
		pipeline.BuildPairs(s, *src, *tgt, *output, c, pc)
	} else {
		pipeline.Build(s, *input, *output, c)
	}
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
