package english

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "pairs"},
		{1, "pair"},
		{2, "pairs"},
		{-1, "pairs"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Plural(tt.n, "pair"), "%d", tt.n)
	}
}
