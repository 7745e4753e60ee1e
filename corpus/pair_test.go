package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDocName(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	tests := []struct {
		path, lang, want string
	}{
		{"testdata/rama/sq.txt", "sq", "rama"},
		{"testdata/rama/sq.txt", "sq-AL", "rama"},
		{"articles/42/SQ.sent", "sq", "42"},
		{"rama.txt", "sq", "rama"},
		{"/data/rama.sq.txt", "sq", "rama.sq"},
		{"corpus/news.sq", "sq", "news"},
		{"en.txt", "sq", "en"}, // named after another language: not a set's layout
		{"sq.txt", "sq", filepath.Base(wd)},
		{"/sq.txt", "sq", "sq"},
		{"README", "", "README"},
		{".sq", "sq", ".sq"},
		{"-", "sq", ""},
		{"", "sq", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DocName(tt.path, tt.lang), "DocName(%q, %q)", tt.path, tt.lang)
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		in       string
		want     Status
		reviewed bool
		err      string
	}{
		{"", StatusAuto, false, ""},
		{"confirmed", StatusConfirmed, true, ""},
		{"edited", StatusEdited, true, ""},
		{"Confirmed", "", false, `status "Confirmed"`},
		{"ok", "", false, `status "ok": want confirmed, edited or none`},
		{strings.Repeat("x", 1000), "", false, `status "` + strings.Repeat("x", 40) + `…"`},
	}
	for _, tt := range tests {
		got, err := ParseStatus(tt.in)
		if tt.err != "" {
			require.ErrorContains(t, err, tt.err)
			assert.Less(t, len(err.Error()), 100, "a long status is quoted short")
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
		assert.Equal(t, tt.reviewed, got.Reviewed())
	}
}
