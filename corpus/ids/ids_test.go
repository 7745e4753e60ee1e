package ids

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []corpus.Pair
	}{
		{"one to one", "[0]:[0]\n", []corpus.Pair{{SrcIDs: []int{0}, TgtIDs: []int{0}, Unscored: true}}},
		{"merge", "[1, 2]:[1]", []corpus.Pair{{SrcIDs: []int{1, 2}, TgtIDs: []int{1}, Unscored: true}}},
		{"deletion", "[7]:[]\n", []corpus.Pair{{SrcIDs: []int{7}, Unscored: true}}},
		{"insertion", "[]:[9]\n", []corpus.Pair{{TgtIDs: []int{9}, Unscored: true}}},
		{"score", "[0]:[0]:0.9731\n", []corpus.Pair{{SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 0.9731}}},
		{"loose spacing and CRLF", " [ 3 ,4 ] : [5]  : 1 \r\n", []corpus.Pair{{SrcIDs: []int{3, 4}, TgtIDs: []int{5}, Score: 1}}},
		{"blank lines skipped", "\n[0]:[1]\n\n  \n[1]:[2]\n", []corpus.Pair{
			{SrcIDs: []int{0}, TgtIDs: []int{1}, Unscored: true},
			{SrcIDs: []int{1}, TgtIDs: []int{2}, Unscored: true},
		}},
		{"empty input", "", nil},
		{"BOM and CRLF", "\ufeff[0]:[0]\r\n[1]:[]\r\n", []corpus.Pair{{SrcIDs: []int{0}, TgtIDs: []int{0}, Unscored: true}, {SrcIDs: []int{1}, Unscored: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NewReader(strings.NewReader(tt.in)).ReadAll()
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no brackets", "0:0\n", "ids: line 1: want [ to open the source ids"},
		{"unclosed", "[0]:[1\n", "ids: line 1: missing ] after the target ids"},
		{"no colon", "[0] [1]\n", `ids: line 1: want ":" between the source and target ids`},
		{"negative id", "[0]:[-1]\n", `ids: line 1: bad target id "-1"`},
		{"plus sign", "[+1]:[1]\n", `ids: line 1: bad source id "+1"`},
		{"empty id", "[0,,1]:[1]\n", `ids: line 1: bad source id ""`},
		{"space separated", "[0 1]:[1]\n", `ids: line 1: bad source id "0 1"`},
		{"too large", "[99999999999999999999]:[1]\n", `ids: line 1: bad source id "99999999999999999999"`},
		{"bad score", "[0]:[1]:high\n", `ids: line 1: score "high": want a number from 0 to 1`},
		{"NaN score", "[0]:[1]:NaN\n", `ids: line 1: score "NaN": want a number from 0 to 1`},
		{"infinite score", "[0]:[1]:Inf\n", `ids: line 1: score "Inf": want a number from 0 to 1`},
		{"score above 1", "[0]:[0]:1\n[1]:[1]:1.5\n", `ids: line 2: score "1.5": want a number from 0 to 1`},
		{"negative score", "[0]:[1]:-0.5\n", `ids: line 1: score "-0.5": want a number from 0 to 1`},
		{"trailing text", "[0]:[1] x\n", `ids: line 1: unexpected "x" after the target ids`},
		{"line number counts blank lines", "[0]:[0]\n\n[1]:[1]\n[2]\n", `ids: line 4: want ":" between the source and target ids`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader(strings.NewReader(tt.in)).ReadAll()
			require.Error(t, err)
			assert.EqualError(t, err, tt.want)
			var pe *corpus.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "ids", pe.Format)
		})
	}
}

func TestWrite(t *testing.T) {
	pairs := []corpus.Pair{
		{SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 0.97314},
		{SrcIDs: []int{1, 2}, TgtIDs: []int{1}, Score: 0.5},
		{SrcIDs: []int{3}, Score: 0.1},
		{TgtIDs: []int{2}, Score: 0},
		{SrcIDs: []int{4}, TgtIDs: []int{3}, Unscored: true},
	}
	tests := []struct {
		name      string
		omitScore bool
		want      string
	}{
		{"with scores", false, "[0]:[0]:0.9731\n[1, 2]:[1]:0.5\n[3]:[]:0.1\n[]:[2]:0\n[4]:[3]\n"},
		{"like gold", true, "[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[]:[2]\n[4]:[3]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf)
			w.OmitScore = tt.omitScore
			for _, p := range pairs {
				require.NoError(t, w.Write(p))
			}
			w.Flush()
			require.NoError(t, w.Error())
			assert.Equal(t, tt.want, buf.String())
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	w := NewWriter(failingWriter{})
	require.NoError(t, w.Write(corpus.Pair{SrcIDs: []int{0}})) // buffered
	w.Flush()
	assert.EqualError(t, w.Error(), "disk full")
}

// FuzzReader checks that any input either reads or fails with a line
// number, and that what reads writes back to the same links.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[]:[4]\n",
		"[0]:[0]:0.9731\n",
		"[0]:[1\n",
		" [ 3 ,4 ] : [5]  : 1e-3 \r\n\n",
		"[0]:[1]:\n",
		"[0]:[1]:1.5\n[1]:[2]:-1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		pairs, err := NewReader(strings.NewReader(in)).ReadAll()
		if err != nil {
			var pe *corpus.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without a line number: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		w := NewWriter(&buf)
		for _, p := range pairs {
			if err := w.Write(p); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		r := NewReader(&buf)
		for _, p := range pairs {
			q, err := r.Read()
			if err != nil {
				t.Fatalf("reading back %q: %v", buf.String(), err)
			}
			if !slices.Equal(p.SrcIDs, q.SrcIDs) || !slices.Equal(p.TgtIDs, q.TgtIDs) {
				t.Fatalf("ids changed: %v:%v became %v:%v", p.SrcIDs, p.TgtIDs, q.SrcIDs, q.TgtIDs)
			}
			if !p.Unscored && corpus.CheckScore(p.Score) != nil {
				t.Fatalf("read a score out of range: %v", p.Score)
			}
			if p.Unscored != q.Unscored {
				t.Fatalf("unscored %v became %v", p.Unscored, q.Unscored)
			}
			if d := p.Score - q.Score; d > 5e-5 || d < -5e-5 {
				t.Fatalf("score %v became %v", p.Score, q.Score)
			}
		}
		if _, err := r.Read(); err != io.EOF {
			t.Fatalf("extra link read back: %v", err)
		}
	})
}
