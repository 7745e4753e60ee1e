package review

import (
	"slices"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/corpus/tmx"
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
		pairs[i].Status = rows[i].Status()
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

// writeItems writes what Save writes for a review begun from an export:
// the units kept as the file wrote them, in a TMX under its header, and
// the pairs of the rows the review made, through the filters of e.
func writeItems(e Export, srcLang, tgtLang, header string, items []item) (SaveResult, error) {
	if e.Format != "tmx" {
		var pairs []corpus.Pair
		for _, it := range items {
			if it.xml == "" || it.pair.Src != "" || it.pair.Tgt != "" {
				pairs = append(pairs, it.pair)
			}
		}
		return writeExport(e, srcLang, tgtLang, pairs)
	}
	f, err := corpus.CreateFile(e.Path)
	if err != nil {
		return SaveResult{}, err
	}
	defer f.Close()
	w := tmx.NewWriter(f)
	w.SrcLang, w.TgtLang, w.ToolVersion, w.Header = srcLang, tgtLang, e.ToolVersion, header
	filter := corpus.Filter{KeepUnaligned: e.KeepUnaligned, MinScore: e.MinScore, Dedupe: e.Dedupe}
	res := SaveResult{Export: e.Path}
	n := 0
	for _, it := range items {
		if it.xml != "" {
			err = w.WriteUnit(it.xml)
			if it.pair.Src != "" || it.pair.Tgt != "" { // not a unit kept aside
				res.Pairs++
			}
		} else {
			// The rule every other export applies in format's writer:
			// control characters out before the filters look at a pair.
			n++
			p, _ := corpus.StripPairControls(it.pair, n)
			if filter.Keep(p) {
				err = w.Write(p)
				res.Pairs++
			}
		}
		if err != nil {
			return SaveResult{}, err
		}
	}
	if err := w.Close(); err != nil {
		return SaveResult{}, err
	}
	res.Skipped = filter.Dropped.Total()
	return res, f.Commit()
}
