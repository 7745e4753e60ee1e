package corpus

import (
	"strconv"
	"strings"
)

// Pair is one aligned unit as it is exported: the text of each side and
// where it came from. A side with no sentences is empty (a 1-0 or 0-1 link).
type Pair struct {
	Src, Tgt       string  // several sentences of a side are joined by a space
	SrcIDs, TgtIDs []int   // sentence indices within the document, from 0
	Score          float64 // confidence of the link, in [0,1]
	Doc            string  // document name, may be empty
}

// Type is the link type of the pair, such as "1-1" or "2-1".
func (p Pair) Type() string {
	return strconv.Itoa(len(p.SrcIDs)) + "-" + strconv.Itoa(len(p.TgtIDs))
}

// Unaligned reports whether one side of the pair is empty.
func (p Pair) Unaligned() bool {
	return strings.TrimSpace(p.Src) == "" || strings.TrimSpace(p.Tgt) == ""
}
