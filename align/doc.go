// Package align pairs the sentences of a text with those of its translation.
//
// Every candidate link (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3) gets one score
// in nats that adds up independent evidence: the prior share of its type,
// the Gale–Church probability of its length ratio, and a log-likelihood ratio
// of lexical matches, where a token matches when it shares a key with a token
// on the other side: a number, a punctuation mark, an identical word or name,
// a cognate prefix, a seed-lexicon concept or a pair of a lexicon induced
// from the input. Rare matches weigh more than common ones. Dynamic
// programming finds the best path, coarse to fine for long texts so that time
// and memory grow linearly; a first pass yields confident links from which
// the length model, the link shares and the induced lexicon are estimated for
// the second. A link's score is its posterior probability among all paths
// in the search band, so the doubtful links are the ones to review first.
package align
