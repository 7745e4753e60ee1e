package corpus

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseError(t *testing.T) {
	tests := []struct {
		err  ParseError
		want string
	}{
		{ParseError{Format: "tsv", Line: 2, Err: errors.New("wrong number of fields: 1")}, "tsv: line 2: wrong number of fields: 1"},
		{ParseError{Format: "tmx", Line: 4, Column: 37, Err: errors.New("element <seg> closed by </tuv>")}, "tmx: line 4, column 37: element <seg> closed by </tuv>"},
		{ParseError{Format: "ids", Line: 1, Err: ErrInvalidUTF8}, "ids: line 1: invalid UTF-8"},
	}
	for _, tt := range tests {
		assert.EqualError(t, &tt.err, tt.want)
		assert.ErrorIs(t, &tt.err, tt.err.Err)
	}
}
