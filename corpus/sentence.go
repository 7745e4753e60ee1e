package corpus

// Sentence is one segment of a document.
type Sentence struct {
	Text  string // the segment, NFC, surrounding space trimmed, a line break read as a space
	Start int    // byte offset of the segment's first byte in the input
	End   int    // byte offset just past its last byte
	Para  int    // index of the paragraph it belongs to, from 0
}
