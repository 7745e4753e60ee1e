package ascii

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsDigits(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"0", true},
		{"0123456789", true},
		{"", false},
		{"1-2", false},
		{"+1", false},
		{" 1", false},
		{"١٢", false}, // Arabic-Indic digits: not ASCII
		{"²", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, IsDigits(tt.s), "%q", tt.s)
	}
}
