package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckPaths(t *testing.T) {
	for _, tt := range []struct {
		src, tgt string
		err      error
	}{
		{"-", "-", ErrStdinTwice},
		{"-", "en.txt", nil},
		{"sq.txt", "-", nil},
		{"sq.txt", "en.txt", nil},
		{"page.html", "", nil},
	} {
		assert.Equal(t, tt.err, CheckPaths(tt.src, tt.tgt), "%s %s", tt.src, tt.tgt)
	}
}
