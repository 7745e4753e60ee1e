package corpus

import (
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
)

func TestLineScanner(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      error
		errLine  int
	}{
		{"empty", "", nil, nil, 0},
		{"UTF-8", "Një\tçështje\n", []string{"Një\tçështje"}, nil, 0},
		{"LF and CRLF", "a\nb\r\nc", []string{"a", "b", "c"}, nil, 0},
		{"blank lines kept", "a\n\n\nb\n", []string{"a", "", "", "b"}, nil, 0},
		{"BOM dropped at the start only", "\uFEFFa\n\uFEFFb\n", []string{"a", "\uFEFFb"}, nil, 0},
		{"a line at the limit", strings.Repeat("x", 16) + "\r\n", []string{strings.Repeat("x", 16)}, nil, 0},
		{"a line over the limit", "a\n" + strings.Repeat("x", 17) + "\nb\n", []string{"a"}, ErrLineTooLong, 2},
		{"invalid UTF-8", "a\nb\xffc\nd\n", []string{"a"}, ErrInvalidUTF8, 2},
		{"binary", "a\x00b\n", nil, ErrBinary, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newLineScanner(iotest.HalfReader(strings.NewReader(tt.in)), 16)
			var got []string
			for s.Scan() {
				got = append(got, s.Text())
				assert.Equal(t, len(got), s.Line())
			}
			assert.Equal(t, tt.want, got)
			assert.ErrorIs(t, s.Err(), tt.err)
			if tt.err != nil {
				assert.Equal(t, tt.errLine, s.Line())
				assert.False(t, s.Scan(), "an error stops the scanner")
			}
		})
	}
}
