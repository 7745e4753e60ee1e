package format

import (
	"io"

	"github.com/paralel/paralel/corpus/ids"
	"github.com/paralel/paralel/corpus/jsonl"
	"github.com/paralel/paralel/corpus/moses"
	"github.com/paralel/paralel/corpus/tmx"
	"github.com/paralel/paralel/corpus/tsv"
)

func init() {
	registry = append(registry,
		spec{
			name: "tmx",
			exts: []string{".tmx"},
			doc:  "TMX 1.4 translation memory, for CAT tools (OmegaT, Trados, memoQ)",
			newWriter: func(w []io.Writer, opt Options) pairWriter {
				tw := tmx.NewWriter(w[0])
				tw.SrcLang, tw.TgtLang = opt.langs()
				tw.ToolVersion = opt.ToolVersion
				tw.Created = opt.Created
				tw.Warn = opt.Warn
				return tw
			},
			newReader: func(r []io.Reader, opt Options) pairReader {
				tr := tmx.NewReader(r[0])
				tr.SrcLang, tr.TgtLang = opt.SrcLang, opt.TgtLang
				tr.Warn = opt.Warn
				return tr
			},
		},
		spec{
			name: "tsv",
			exts: []string{".tsv", ".tab"},
			doc:  "source<TAB>target<TAB>score[<TAB>link<TAB>document], one link a line",
			newWriter: func(w []io.Writer, opt Options) pairWriter {
				tw := tsv.NewWriter(w[0])
				tw.Header, tw.Meta = opt.Header, opt.TSVMeta
				if opt.Header {
					tw.SrcLang, tw.TgtLang = opt.langs()
				}
				return tw
			},
			newReader: func(r []io.Reader, opt Options) pairReader {
				return tsvReader{tsv.NewReader(r[0])}
			},
		},
		spec{
			name:  "jsonl",
			exts:  []string{".jsonl", ".ndjson"},
			doc:   "JSON lines, one object a link: ids, texts, score, link type, document",
			links: true,
			newWriter: func(w []io.Writer, opt Options) pairWriter {
				jw := jsonl.NewWriter(w[0])
				jw.SrcLang, jw.TgtLang = opt.langs()
				return jw
			},
			newReader: func(r []io.Reader, opt Options) pairReader {
				return jsonlReader{jsonl.NewReader(r[0])}
			},
		},
		spec{
			name:     "moses",
			doc:      "Moses parallel corpus: NAME.sq and NAME.en, line i of one translating line i of the other",
			twoFiles: true,
			newWriter: func(w []io.Writer, opt Options) pairWriter {
				return moses.NewWriter(w[0], w[1])
			},
			newReader: func(r []io.Reader, opt Options) pairReader {
				return moses.NewReader(r[0], r[1])
			},
		},
		spec{
			name:   "ids",
			exts:   []string{".ids"},
			doc:    "links as sentence ids, like the gold files: [1, 2]:[1]:0.9731",
			links:  true,
			noText: true,
			newWriter: func(w []io.Writer, opt Options) pairWriter {
				return ids.NewWriter(w[0])
			},
			newReader: func(r []io.Reader, opt Options) pairReader {
				return ids.NewReader(r[0])
			},
		},
	)
}

// tsvReader gives the languages of a TSV header row, if any.
type tsvReader struct{ *tsv.Reader }

func (r tsvReader) Langs() (string, string) {
	if r.SrcLang == "source" && r.TgtLang == "target" {
		return "", "" // a header without languages
	}
	return r.SrcLang, r.TgtLang
}

// jsonlReader gives the languages the records name, if any.
type jsonlReader struct{ *jsonl.Reader }

func (r jsonlReader) Langs() (string, string) { return r.SrcLang, r.TgtLang }
