package review

import (
	"strings"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
)

// Pairs turns rows into the units the format writers export: the sentences
// of a side joined by a space, as corpus.Pair documents.
func Pairs(src, tgt []corpus.Sentence, rows []Row, doc string) []corpus.Pair {
	pairs := make([]corpus.Pair, len(rows))
	for i, r := range rows {
		pairs[i] = corpus.Pair{
			Src:    text(src, r.Src),
			Tgt:    text(tgt, r.Tgt),
			SrcIDs: append([]int(nil), r.Src...),
			TgtIDs: append([]int(nil), r.Tgt...),
			Score:  r.Score,
			Doc:    doc,
		}
	}
	return pairs
}

func text(sents []corpus.Sentence, ids []int) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sents[id].Text)
	}
	return b.String()
}

// writeExport writes pairs to e.Path through the format writers, as
// "paralel align" does, so that both give the same file.
func writeExport(e Export, srcLang, tgtLang string, pairs []corpus.Pair) (SaveResult, error) {
	st, err := format.WritePairs(e.Format, e.Path, pairs, format.Options{
		SrcLang: srcLang, TgtLang: tgtLang, ToolVersion: e.ToolVersion, TSVMeta: e.TSVMeta,
	})
	if err != nil {
		return SaveResult{}, err
	}
	return SaveResult{Export: e.Path, Pairs: st.Written, Skipped: st.Dropped.Total()}, nil
}
