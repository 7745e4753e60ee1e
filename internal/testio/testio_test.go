package testio

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRepeat(t *testing.T) {
	tests := []struct {
		unit string
		n    int
	}{
		{"abc", 0},
		{"abc", 1},
		{"fjalë ", 1000},
		{"", 5},
	}
	for _, tt := range tests {
		got, err := io.ReadAll(Repeat([]byte(tt.unit), tt.n))
		require.NoError(t, err)
		assert.Equal(t, strings.Repeat(tt.unit, tt.n), string(got))
	}
	require.NoError(t, iotest.TestReader(Repeat([]byte("xyz"), 100), []byte(strings.Repeat("xyz", 100))))
}
