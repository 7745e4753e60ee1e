// Package align pairs the sentences of a text with those of its
// translation.
//
// # The method
//
// An alignment is a path through a lattice whose node (i, j) stands for
// "the first i source and the first j target sentences are aligned". Each
// step of the path is a link that takes a source and b target sentences:
// 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, and in the final search also 4-1,
// 1-4, 3-2, 2-3, 3-3, 1-5 and 5-1. A 1-0 or 0-1 link leaves a sentence
// without counterpart.
//
// A link's score, in nats, adds up independent evidence:
//
//   - the prior share of its type: most links are 1-1;
//   - its length, after Gale and Church: the target length is about c
//     times the source length, with a variance that grows with the length.
//     The deviation is taken as Laplace rather than normal, since real
//     translations have heavy tails;
//   - its words, as a log-likelihood ratio of lexical matches. A token
//     matches when it shares a key with a token on the other side: a
//     number, a punctuation mark, an identical word or name, a cognate
//     prefix after folding (ë→e, ç→c, case), a concept of the embedded seed
//     lexicon (Albanian–English), or a pair of a lexicon induced from the
//     input itself. A match weighs more the rarer its key is on the other
//     side, so a shared name counts for much and a shared function word
//     for little. The sum treats the tokens as independent, which they
//     are not: beyond some tens of nats it grows like a logarithm. In the
//     final search it does so cell by cell, a cell being a source and a
//     target sentence of the link: a match counts in the cell where it
//     was found, a sentence's misses in the cells of its partners by how
//     much of it each covers along the link's diagonal, and a cell's
//     capacity is its share of the diagonal, so that the strong matches
//     of one pair of sentences no longer pay for a sentence joined to
//     them that does not belong;
//   - in the final pass, how the sentences end (a question as a question,
//     a semicolon where the other side goes on) and begin (in lower case,
//     going on the sentence before), as learnt from the first;
//   - where the input has real paragraphs, their boundaries.
//
// Dynamic programming finds the path of the highest total score. Long
// texts are searched coarse to fine: blocks of sentences are aligned
// first, then each finer level inside a band around the coarser path, in
// parallel chunks, so that time and memory grow linearly with the text.
//
// The aligner makes two passes. The first scores with the length ratio of
// the whole input, default parameters and the seed lexicon. From its links it estimates the length ratio and
// variance, the shares of the link types (a run of sentences left out
// counts once, and its sentences keep a prior of their own), how often a
// token finds a match in its translation and what sentence endings say;
// from its confident links it induces a
// lexicon: pairs of word stems that share links far more often than
// chance would have them (by the Dice coefficient and Dunning's G test),
// as in the second passes of hunalign and Moore's aligner. The second pass
// searches again with all of that, a long text only in a band around the
// first path.
// AlignAll pools these estimates over all its documents, so a batch of
// short documents aligns better than each one alone.
//
// Finally a link's score becomes its posterior probability: the share of
// all paths through the search band, each weighted by the exponential of
// its score, that contain the link, computed by the forward–backward
// algorithm over paths that take a run of sentences left out on both sides
// in one order only (the same links in another order are the same
// alignment); a sentence left out has the probability that it is left out
// at all. A doubtful link has a low posterior, so sorting by score puts
// the links worth checking first. The posterior trusts the model, which
// favours small links: a group of sentences cut in two can score near one.
// So the score is lowered, in log odds, on signs of error the search does
// not weigh: words that match nothing in their own link but match unmatched
// words of the next one, more one way across the boundary than the other;
// a boundary inside brackets that one sentence opens and the next closes;
// a link whose sentences match in crossed order; a sentence left out whose
// words match a sentence near it on the other side, and the link that
// holds that sentence; a link that joins a line of scanning debris to
// other sentences; and one that joins a short sentence ending in a colon
// ("Literatur :") to others when the colon finds no counterpart in it. A link next to one these signs found wrong is lowered
// too: the two share a boundary, and the posterior, which spreads its own
// doubt to the neighbours of a link, does not know of the signs. In a
// short input, whose few links leave the shares of the link types to
// their defaults, a 1-1 link whose lengths do not fit is lowered as well:
// the posterior kept it for the cost of the other link types, not for its
// evidence.
//
// # Using it
//
// Align aligns the sentences of one document; its Options can fix links
// that a translator confirmed, name the languages (otherwise guessed among
// those with a seed lexicon) or switch evidence off. AlignAll aligns many
// documents together. Check looks at an input and its alignment for signs
// that something is off, and Pairs turns links into the text pairs that
// are exported.
package align

// Reading the code: the files follow the method.
//
//	align.go       the API: Link, Options, Bitext, Align, AlignAll
//	aligner.go     the two passes (run), and alignDoc: one document, level by level
//	fixed.go       links fixed by a translator
//	credits.go     a translator's credit ("Traduit par L. S."), which the final pass leaves out
//	tokens.go      tokens: scanning, folding diacritics, numbers, punctuation
//	vocab.go       the vocabulary of a side (typeID) and its sentences as type lists
//	keys.go        the keys a token matches by (keyID, keyTables)
//	lexicon.go     the embedded seed lexicon, and guessing a text's language
//	induce.go      the lexicon induced from the confident links of the first pass
//	lexiconfile.go Lexicon: an induced lexicon learnt once, kept in a file, used again
//	estimate.go    default parameters, and their estimation from the first pass
//	units.go       units, what the search aligns: their token slots and keys
//	match.go       which token slots of two units share a key
//	evidence.go    link types, parameters, and a link's score: lengthLogProb (the
//	               length model), weigh (the lexical weights), lattice.score
//	lexcache.go    the lexical evidence of the units near the search's current row
//	cells.go       the final search's lexical evidence, saturated cell by cell
//	search.go      the dynamic programme: lattice, band, search, forward
//	confidence.go  posteriors: the backward pass, where a score becomes a probability;
//	               lowerDoubtful, where signs of error lower it
//	ends.go        how sentences end and begin, and what that says of a link
//	levels.go      coarse to fine: coarser levels, bands projected from a coarser path
//	docspace.go    a document's own numbering of types and keys, for batches
//	check.go       Check; pairs.go: Pairs
//	keyer.go       Keyer: the keys of a text, for comparing whole documents
//	pool.go        maps and tables used again from one alignment to the next
