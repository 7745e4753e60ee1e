package align

import (
	"strings"

	"github.com/paralel/paralel/corpus"
)

// Pairs turns links between two sentence lists into the text pairs that are
// exported: the sentences of each side joined by one space, with the ids and
// the score of the link. The 1-0 and 0-1 links are left out unless
// keepUnaligned is set. Ids outside the lists are skipped rather than
// trusted, since links may come from a file.
func Pairs(src, tgt []corpus.Sentence, links []Link, keepUnaligned bool) []corpus.Pair {
	pairs := make([]corpus.Pair, 0, len(links))
	for _, l := range links {
		if !keepUnaligned && (len(l.Src) == 0 || len(l.Tgt) == 0) {
			continue
		}
		pairs = append(pairs, corpus.Pair{
			Src:    joinSentences(src, l.Src),
			Tgt:    joinSentences(tgt, l.Tgt),
			SrcIDs: l.Src,
			TgtIDs: l.Tgt,
			Score:  l.Score,
		})
	}
	return pairs
}

func joinSentences(sents []corpus.Sentence, ids []int) string {
	var b strings.Builder
	for _, id := range ids {
		if id < 0 || id >= len(sents) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sents[id].Text)
	}
	return b.String()
}
