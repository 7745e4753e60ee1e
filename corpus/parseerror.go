package corpus

import "fmt"

// A ParseError reports malformed input in one of the formats of pairs and
// links (TMX, TSV, JSON lines, Moses, ids) or in a list of documents, and
// where it is. Its message starts with the format's name, so that a
// message that reaches the user after the file's name says both what the
// file was read as and where it went wrong:
//
//	pairs.tsv: tsv: line 2: wrong number of fields: 1
//	memory.tmx: tmx: line 4, column 37: element <seg> closed by </tuv>
type ParseError struct {
	Format string // the format's name, such as "tsv"
	Line   int    // line number, from 1
	Column int    // column, from 1, where the reader knows it; else 0
	Err    error  // what is wrong
}

func (e *ParseError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("%s: line %d, column %d: %v", e.Format, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s: line %d: %v", e.Format, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
