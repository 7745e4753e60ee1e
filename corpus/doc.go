// Package corpus moves parallel text in and out of paralel.
//
// Text comes in through a SentenceReader (or ReadFile): UTF-8 with or
// without a byte order mark and with any line ends, cut into paragraphs (a
// line each by default, blank-line separated in Wrapped mode, or one
// segment a line, left whole, in Presplit mode) and the paragraphs into
// sentences by the Splitter of the language, whose abbreviations and other
// rules are data files embedded in the binary. Every Sentence keeps the
// byte range of the input it came from, so that exports can carry the
// exact text; input that is not text (invalid UTF-8, a NUL byte) is an
// InputError naming the byte where it starts.
//
// Aligned units go out as Pairs. A Filter makes the choices users expect
// of an export (1-0 and 0-1 links out, a minimum score, no duplicates) and
// CreateFile writes a file that appears only once it is complete. The
// formats themselves are sub-packages, tmx, tsv, moses, jsonl and ids, with
// readers and writers shaped like encoding/csv (the line-based ones read
// through a LineScanner); package format chooses among them by name.
package corpus
