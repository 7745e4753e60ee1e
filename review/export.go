package review

import (
	"slices"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
)

// Pairs turns rows into the units the format writers export, as
// align.Pairs does for links: the sentences of a side joined by a space.
func Pairs(src, tgt []corpus.Sentence, rows []Row, doc string) []corpus.Pair {
	links := make([]align.Link, len(rows))
	for i, r := range rows {
		// Copies, so that the pairs share nothing with the session.
		links[i] = align.Link{Src: slices.Clone(r.Src), Tgt: slices.Clone(r.Tgt), Score: r.Score}
	}
	pairs := align.Pairs(src, tgt, links, true)
	for i := range pairs {
		pairs[i].Doc = doc
	}
	return pairs
}

// writeExport writes pairs to e.Path through the format writers, as
// "paralel align" does, so that both give the same file.
func writeExport(e Export, srcLang, tgtLang string, pairs []corpus.Pair) (SaveResult, error) {
	st, err := format.WritePairs(e.Format, e.Path, pairs, format.Options{
		SrcLang: srcLang, TgtLang: tgtLang, ToolVersion: e.ToolVersion, TSVMeta: e.TSVMeta,
		KeepUnaligned: e.KeepUnaligned, MinScore: e.MinScore, Dedupe: e.Dedupe, Header: e.Header,
	})
	if err != nil {
		return SaveResult{}, err
	}
	return SaveResult{Export: e.Path, Pairs: st.Written, Skipped: st.Dropped.Total()}, nil
}
