// Package pair finds which documents of one collection are translations of
// which documents of another: two folders of articles, or the two language
// sides of a crawl, whose names do not tell.
//
// Comparing every document with every other costs the square of their
// number, so pairing works in four steps, each linear in the collection:
//
//  1. Profile. Every document is read once (several at a time, holding
//     only the text under way) and reduced to its evidence keys with their
//     counts, the keys the sentence aligner matches words by
//     (align.Keyer): numbers, words spelt alike on both sides (names,
//     acronyms), cognate prefixes after folding diacritics, and seed
//     lexicon concepts where the language pair has a lexicon; and to its
//     shape: its length and its paragraphs. A key weighs by its rarity,
//     the smaller of its inverse document frequencies on the two sides, so
//     a number or a name found in two documents says much and a common
//     word next to nothing.
//
//  2. Candidates. An inverted index of each side lists the documents that
//     hold each key. A document looks up its rarest keys first and stops
//     when it has visited a fixed budget of postings, so common keys never
//     cost the square of the collection. The documents met most, weighted
//     by key, are scored in full: the weighted overlap of the two key sets
//     as a share of both (a Dice coefficient), lowered when the lengths or
//     the paragraph counts part from what a translation would have. Each
//     document keeps its few best in either direction.
//
//  3. Check. The best two candidates of every document are aligned
//     sentence by sentence with align.AlignAll, a few hundred pairs
//     together, so that they share the lexicon the aligner induces from
//     them: a lexicon learnt across the collection. A translation links
//     nearly every sentence with confidence; a document on the same topic,
//     which shares many names and numbers, does not. The aligner's
//     confidence in a link is not enough on its own (two unrelated texts of
//     four sentences each still align best one to one), so a link earns
//     credit only as its two sides share more evidence than unrelated
//     sentences of the same documents do (the sides of links half a
//     document apart), a bar that follows what evidence the language pair
//     has. A pair's score is the share of the two documents' sentences in
//     links with credit, weighted by the aligner's confidence.
//
//  4. Assignment. Pairs are made one to one, best score first (competitive
//     linking): a document whose partner is taken keeps looking only among
//     its other checked candidates, and a pair under Options.MinScore is
//     not made, so a document without a translation stays unpaired.
//
// Documents that cannot take part are left out and reported by name: one
// that cannot be read or is empty, one with the same text as an earlier one
// of its side, and one that looks like the other side's language. Languages
// are told apart by their commonest words, with no language data: the words
// that occur most on a side are its function words, which a translation
// does not share. Two sides whose commonest words are mostly the same (a
// folder in one language only) are an error.
package pair
