package corpus

// Sentence is one segment of a document.
type Sentence struct {
	Text  string // the segment, NFC, with surrounding space trimmed
	Start int    // byte offset of the segment's first byte in the input
	End   int    // byte offset just past its last byte
	Para  int    // index of the paragraph it belongs to, from 0
}
