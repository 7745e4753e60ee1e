package corpus

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

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

func TestParseScore(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		err  string
	}{
		{"0", 0, ""},
		{"1", 1, ""},
		{" 0.9731 ", 0.9731, ""},
		{"1e-1", 0.1, ""},
		{"1.5", 0, `score "1.5": want a number from 0 to 1`},
		{"-0.1", 0, `score "-0.1": want a number from 0 to 1`},
		{"NaN", 0, `score "NaN": want a number from 0 to 1`},
		{"+Inf", 0, `score "+Inf": want a number from 0 to 1`},
		{"high", 0, `score "high": want a number from 0 to 1`},
		{"", 0, `score "": want a number from 0 to 1`},
		{strings.Repeat("9", 1000), 0, `score "` + strings.Repeat("9", 40) + `…"`},
	}
	for _, tt := range tests {
		got, err := ParseScore(tt.in)
		if tt.err != "" {
			require.ErrorIs(t, err, ErrScore, "%q", tt.in)
			require.ErrorContains(t, err, tt.err)
			continue
		}
		require.NoError(t, err, "%q", tt.in)
		assert.Equal(t, tt.want, got)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1.0001, -1e-9} {
		assert.ErrorIs(t, CheckScore(f), ErrScore, "%v", f)
	}
	assert.NoError(t, CheckScore(0.5))
}

func TestStripControls(t *testing.T) {
	tests := []struct {
		name, in, want string
		removed        []rune
	}{
		{"clean", "Rama foli.", "Rama foli.", nil},
		{"escape sequence", "\x1b[31mkuq\x1b[0m", "[31mkuq[0m", []rune{0x1b, 0x1b}},
		{"bell and delete", "a\ab\x7fc", "abc", []rune{7, 0x7f}},
		{"C1 controls", "a\u009bb\u0090c", "abc", []rune{0x9b, 0x90}},
		{"NUL", "a\x00b", "ab", []rune{0}},
		{"tab and line ends stay", "a\tb\nc\r\nd", "a\tb\nc\r\nd", nil},
		{"other breaks become spaces", "a\vb\fc\u0085d\x1ce\x1df\x1eg", "a b c d e f g", nil},
		{"not controls", "a\u2028b\u200bc\u00a0d", "a\u2028b\u200bc\u00a0d", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, removed := StripControls(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.removed, removed)
			for _, r := range got {
				assert.False(t, unicode.IsControl(r) && !strings.ContainsRune("\t\n\r", r), "%U left", r)
			}
		})
	}
}

// TestOncePerDoc: a document's name that lost characters is warned of
// once, whatever the number of its pairs; other warnings all pass.
func TestOncePerDoc(t *testing.T) {
	var got []string
	warn := OncePerDoc(func(err error) { got = append(got, err.Error()) })
	for range 3 {
		for _, doc := range []string{"a\x1b", "b\x1b"} {
			_, errs := StripPairControls(Pair{Src: "x\a", Doc: doc}, 1)
			for _, err := range errs {
				warn(err)
			}
		}
	}
	assert.Equal(t, 6+2, len(got), "each pair's source, each name once")
	assert.Nil(t, OncePerDoc(nil))
}

func TestStripPairControls(t *testing.T) {
	p := Pair{Src: "Po\x1b[2J.", Tgt: "Yes.\a", SrcIDs: []int{2, 3}, TgtIDs: []int{4}, Doc: "rama\x1b", Score: 0.5}
	clean, errs := StripPairControls(p, 7)
	assert.Equal(t, Pair{Src: "Po[2J.", Tgt: "Yes.", SrcIDs: []int{2, 3}, TgtIDs: []int{4}, Doc: "rama", Score: 0.5}, clean)
	require.Len(t, errs, 3)
	assert.EqualError(t, errs[0], `pair 7 of "rama" (sentences [2, 3]:[4]), source: removed 1 control character: U+001B`)
	assert.EqualError(t, errs[1], `pair 7 of "rama" (sentences [2, 3]:[4]), target: removed 1 control character: U+0007`)
	var ce *ControlError
	require.ErrorAs(t, errs[2], &ce)
	assert.EqualError(t, errs[2], `document name "rama\x1b": removed 1 control character: U+001B`, "quoted: no raw ESC")
	var de *DocNameError
	require.ErrorAs(t, errs[2], &de)
	assert.Equal(t, "rama\x1b", de.Doc)

	// A name that is not UTF-8 reaches no warning raw either.
	_, errs = StripPairControls(Pair{Src: "a\a", Doc: "sq\xff"}, 1)
	require.Len(t, errs, 1)
	assert.EqualError(t, errs[0], `pair 1 of "sq\xff", source: removed 1 control character: U+0007`)

	same, errs := StripPairControls(Pair{Src: "a", Tgt: "b"}, 1)
	assert.Empty(t, errs)
	assert.Equal(t, Pair{Src: "a", Tgt: "b"}, same)
}
