package evalset

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/internal/shared"
)

// makeSet writes files (doc/file -> content) into a new folder.
func makeSet(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	makeFiles(t, dir, files)
	return dir
}

// makeFiles writes files, named by their slash-separated paths under dir.
func makeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
}

func TestLoad(t *testing.T) {
	dir := makeSet(t, map[string]string{
		"b/sq.sent":    "Një.\r\nDy.\r\n",
		"b/en.sent":    "One.\nTwo.\nThree.\n",
		"b/gold.txt":   "[0]:[0]\n[1]:[1, 2]\n",
		"b/sq.txt":     "Një. Dy.\n",
		"b/en.txt":     "One. Two. Three.\n",
		"a/sq.txt":     "Një. Dy.\n",
		"a/en.txt":     "One.\n",
		"a/lines.sq":   "Një.\nDy.\n",
		"a/lines.en":   "One.\n",
		"a/gold.lines": "[0]:[0]\n[1]:[]\n",
		"notes.md":     "not a document",
	})
	set, err := Load(dir)
	require.NoError(t, err)
	require.Len(t, set.Docs, 2)
	assert.False(t, set.Presplit())
	assert.True(t, set.Raw())

	a, b := set.Docs[0], set.Docs[1]
	assert.Equal(t, "a", a.Name)
	assert.False(t, a.Presplit())
	assert.True(t, a.Raw())
	assert.Equal(t, []string{"Një.", "Dy."}, a.SrcLines)
	assert.Equal(t, []align.Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}}}, a.LineGold)

	assert.Equal(t, "b", b.Name)
	assert.True(t, b.Presplit())
	assert.True(t, b.Raw(), "pre-split documents with raw text are scored on their segments")
	assert.Equal(t, filepath.Join(dir, "b", "sq.sent"), b.SrcSent)
	assert.Equal(t, []align.Link{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1, 2}}}, b.Gold)
	assert.Equal(t, []string{"Një.", "Dy."}, b.SrcLines, "CRLF read as line ends")
	assert.Equal(t, b.Gold, b.LineGold)

	one, err := Load(filepath.Join(dir, "b"))
	require.NoError(t, err)
	require.Len(t, one.Docs, 1, "a document folder is a set of one")
	assert.Equal(t, "b", one.Docs[0].Name)
	assert.True(t, one.Presplit())
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no documents", map[string]string{"README": "x"}, "no document folders"},
		{"not a document", map[string]string{"d/sq.sent": "A.\n"}, "d: not a document folder"},
		{"missing side", map[string]string{"d/sq.sent": "A.\n", "d/gold.txt": "[0]:[]\n"}, "gold.txt needs sq.sent and en.sent"},
		{"missing lines", map[string]string{"d/sq.txt": "A.\n", "d/en.txt": "B.\n", "d/gold.lines": "[0]:[0]\n"}, "gold.lines needs lines.sq and lines.en"},
		{
			"id out of range",
			map[string]string{"d/sq.sent": "A.\n", "d/en.sent": "B.\n", "d/gold.txt": "[0]:[0]\n[]:[1]\n"},
			"gold.txt: link 2: target id 1 out of range: the side has 1 segments",
		},
		{
			"bad link line",
			map[string]string{"d/sq.sent": "A.\n", "d/en.sent": "B.\n", "d/gold.txt": "[0]:[0]\n[0]-[1]\n"},
			"gold.txt: ids: line 2: want \":\" between the source and target ids",
		},
		{
			"invalid UTF-8",
			map[string]string{"d/sq.sent": "A.\n\xff\n", "d/en.sent": "B.\n", "d/gold.txt": "[0]:[0]\n"},
			"sq.sent: invalid UTF-8 at byte 3",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(makeSet(t, tt.files))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := Load(filepath.Join(t.TempDir(), "missing"))
	assert.Error(t, err)
}

// TestLoadShared loads the shared evaluation sets and checks them against
// the figures of their README.
func TestLoadShared(t *testing.T) {
	dir := shared.Require(t, "eval")
	tests := []struct {
		set           string
		docs, links   int
		presplit, raw bool
	}{
		{"rama", 1, 27, true, true},
		{"ntrex-dev", 60, 782, true, false},
		{"ntrex-dev-raw", 60, 956, false, true},
		{"textberg-dev", 1, 422, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.set, func(t *testing.T) {
			set, err := Load(filepath.Join(dir, tt.set))
			require.NoError(t, err)
			assert.Len(t, set.Docs, tt.docs)
			assert.Equal(t, tt.presplit, set.Presplit())
			assert.Equal(t, tt.raw, set.Raw())
			n := 0
			for _, d := range set.Docs {
				n += len(d.LineGold)
			}
			assert.Equal(t, tt.links, n)
		})
	}
}
