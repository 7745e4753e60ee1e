// Package corpus holds the types that every layer of paralel shares and
// the plain I/O beneath them.
//
// Text comes in through a ParagraphReader: UTF-8 with or without a byte
// order mark and with any line ends, cut into paragraphs (a line each by
// default, blank-line separated in Wrapped mode, or one segment a line in
// Presplit mode). Input that is not text (invalid UTF-8, a NUL byte) is an
// InputError naming the byte where it starts. Package segment cuts the
// paragraphs into Sentences, each keeping the byte range of the input it
// came from, so that exports can carry the exact text.
//
// Aligned units go out as Pairs. A Filter makes the choices users expect
// of an export (1-0 and 0-1 links out, a minimum score, no duplicates) and
// CreateFile writes a file that appears only once it is complete. The
// formats themselves are sub-packages, tmx, tsv, moses, jsonl and ids, with
// readers and writers shaped like encoding/csv (the line-based ones read
// through a LineScanner); package format chooses among them by name.
package corpus
