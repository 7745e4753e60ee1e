// Package corpus moves parallel text in and out of paralel.
//
// A document is read as UTF-8 text, cut into paragraphs and then into
// sentences; every Sentence remembers the byte range of the original input it
// came from, so that exports can carry the exact text. Aligned units leave the
// program as Pairs, through streaming readers and writers for TMX, TSV, Moses
// and JSON lines that follow the shape of encoding/csv.
package corpus
