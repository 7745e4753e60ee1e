// Package align pairs the sentences of a text with those of its translation.
//
// Every candidate link (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, and in the
// final search also 4-1, 1-4, 3-2, 2-3) gets one score in nats that adds up
// independent evidence: the prior share of its type; the Gale–Church
// evidence of its length ratio, with a Laplace law for the deviation; a
// log-likelihood ratio of lexical matches; and, where the input has real
// paragraphs, their boundaries. A token matches when it shares a key with a
// token on the other side: a number, a punctuation mark, an identical word
// or name, a cognate prefix after folding (ë→e, ç→c, case), a concept of the
// embedded seed lexicon (Albanian–English) or a pair of a lexicon induced
// from the input itself. A match weighs more the rarer its key is on the
// other side, so a shared name counts for much and a shared function word
// for little.
//
// Dynamic programming finds the best path. Long texts are searched coarse
// to fine: blocks of sentences are aligned first, then each finer level
// inside a band around the coarser path, in parallel chunks, so that time
// and memory grow linearly. A first pass yields links from which the length
// model, the link shares, the match rates and the induced lexicon are
// estimated for the second, final pass; AlignAll pools them over all its
// documents. A link's score is its posterior probability among all paths
// in the search band, so the doubtful links are the ones to review first.
package align
