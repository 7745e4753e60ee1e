package tsv

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

var pairs = []corpus.Pair{
	{Src: "Rama foli.", Tgt: "Rama spoke.", SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 0.9731, Doc: "rama"},
	{Src: "Po. Jo.", Tgt: "Yes, no.", SrcIDs: []int{1, 2}, TgtIDs: []int{1}, Score: 0.5, Doc: "rama"},
	{Src: "Titulli", SrcIDs: []int{3}, Score: 1, Doc: "rama"},
	{Src: "Jo.", Tgt: "No.", SrcIDs: []int{4}, TgtIDs: []int{2}, Score: 0.25, Doc: "rama", Status: corpus.StatusConfirmed},
	{Src: "Mirë.", Tgt: "Good.", Unscored: true, Doc: "rama", Status: corpus.StatusEdited},
}

func write(t *testing.T, header, meta bool, ps ...corpus.Pair) string {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Header, w.Meta = header, meta
	w.SrcLang, w.TgtLang = "sq", "en"
	for _, p := range ps {
		require.NoError(t, w.Write(p))
	}
	w.Flush()
	require.NoError(t, w.Error())
	return b.String()
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name         string
		header, meta bool
		want         string
	}{
		{"three columns", false, false, "Rama foli.\tRama spoke.\t0.9731\n" +
			"Po. Jo.\tYes, no.\t0.5\n" +
			"Titulli\t\t1\n" +
			"Jo.\tNo.\t0.25\n" +
			"Mirë.\tGood.\t\n"},
		{"three columns, header", true, false, "sq\ten\tscore\n" +
			"Rama foli.\tRama spoke.\t0.9731\n" +
			"Po. Jo.\tYes, no.\t0.5\n" +
			"Titulli\t\t1\n" +
			"Jo.\tNo.\t0.25\n" +
			"Mirë.\tGood.\t\n"},
		{"link, document and status", false, true, "Rama foli.\tRama spoke.\t0.9731\t1-1\trama\t\n" +
			"Po. Jo.\tYes, no.\t0.5\t2-1\trama\t\n" +
			"Titulli\t\t1\t1-0\trama\t\n" +
			"Jo.\tNo.\t0.25\t1-1\trama\tconfirmed\n" +
			"Mirë.\tGood.\t\t1-1\trama\tedited\n"},
		{"link, document and status, header", true, true, "sq\ten\tscore\tlink\tdocument\tstatus\n" +
			"Rama foli.\tRama spoke.\t0.9731\t1-1\trama\t\n" +
			"Po. Jo.\tYes, no.\t0.5\t2-1\trama\t\n" +
			"Titulli\t\t1\t1-0\trama\t\n" +
			"Jo.\tNo.\t0.25\t1-1\trama\tconfirmed\n" +
			"Mirë.\tGood.\t\t1-1\trama\tedited\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, write(t, tt.header, tt.meta, pairs...))
		})
	}
}

func TestWriteKeepsOneRecordALine(t *testing.T) {
	got := write(t, false, true, corpus.Pair{Src: "a\tb\nc", Tgt: "d\r\ne\u2029f", Score: 0.25, Doc: "x\ty"})
	assert.Equal(t, "a b c\td  e f\t0.25\t1-1\tx y\t\n", got)
}

func TestRoundTrip(t *testing.T) {
	for _, header := range []bool{false, true} {
		for _, meta := range []bool{false, true} {
			r := NewReader(strings.NewReader(write(t, header, meta, pairs...)))
			for _, want := range pairs {
				got, err := r.Read()
				require.NoError(t, err)
				assert.Equal(t, want.Src, got.Src)
				assert.Equal(t, want.Tgt, got.Tgt)
				assert.Equal(t, want.Score, got.Score)
				assert.Equal(t, want.Unscored, got.Unscored)
				if meta {
					assert.Equal(t, want.Type(), got.Type())
					assert.Equal(t, want.Doc, got.Doc)
					assert.Equal(t, want.Status, got.Status)
				}
			}
			_, err := r.Read()
			assert.Equal(t, io.EOF, err)
			if header {
				assert.Equal(t, "sq", r.SrcLang)
				assert.Equal(t, "en", r.TgtLang)
			}
		}
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []corpus.Pair
	}{
		{"two columns", "Po\tYes\n", []corpus.Pair{{Src: "Po", Tgt: "Yes", Unscored: true}}},
		{"empty score", "Po\tYes\t\t1-1\n", []corpus.Pair{{Src: "Po", Tgt: "Yes", Unscored: true, Link: "1-1"}}},
		{"score zero", "Po\tYes\t0\n", []corpus.Pair{{Src: "Po", Tgt: "Yes"}}},
		{"status", "Po\tYes\t0.1\t1-1\td\tconfirmed\nJo\tNo\t\t1-1\td\tedited\nA\tB\t1\t1-1\td\t\n", []corpus.Pair{
			{Src: "Po", Tgt: "Yes", Score: 0.1, Link: "1-1", Doc: "d", Status: corpus.StatusConfirmed},
			{Src: "Jo", Tgt: "No", Unscored: true, Link: "1-1", Doc: "d", Status: corpus.StatusEdited},
			{Src: "A", Tgt: "B", Score: 1, Link: "1-1", Doc: "d"}}},
		{"CRLF and BOM", "\ufeffPo\tYes\t0.5\r\nJo\tNo\t1\r\n",
			[]corpus.Pair{{Src: "Po", Tgt: "Yes", Score: 0.5}, {Src: "Jo", Tgt: "No", Score: 1}}},
		{"no final newline, blank lines", "\nPo\tYes\t0.5\t2-1\n\nJo\tNo", []corpus.Pair{
			{Src: "Po", Tgt: "Yes", Score: 0.5, Link: "2-1"}, {Src: "Jo", Tgt: "No", Unscored: true}}},
		{"empty side", "\tCaption\t0.7\t0-1\td\n", []corpus.Pair{{Tgt: "Caption", Score: 0.7, Link: "0-1", Doc: "d"}}},
		{"header without languages", "source\ttarget\tscore\nPo\tYes\t1\n", []corpus.Pair{{Src: "Po", Tgt: "Yes", Score: 1}}},
		{"empty input", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := corpus.ReadAll(NewReader(strings.NewReader(tt.input)).Read)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadBadInput(t *testing.T) {
	tests := []struct {
		name, input, err string
	}{
		{"one column", "Po\tYes\nonly one column\n", "tsv: line 2: wrong number of fields: 1, want source<TAB>target"},
		{"seven columns", "a\tb\t1\t1-1\td\tconfirmed\te\n", "tsv: line 1: wrong number of fields: 7"},
		{"bad status", "a\tb\t1\t1-1\td\tchecked\n", `tsv: line 1: status "checked": want confirmed, edited or none`},
		{"score not a number", "a\tb\thigh\n", `tsv: line 1: score "high": want a number from 0 to 1`},
		{"score not finite", "a\tb\tNaN\n", `tsv: line 1: score "NaN": want a number from 0 to 1`},
		{"score infinite", "a\tb\t-Inf\n", `tsv: line 1: score "-Inf": want a number from 0 to 1`},
		{"score above 1", "a\tb\t0.5\nc\td\t1.5\n", `tsv: line 2: score "1.5": want a number from 0 to 1`},
		{"score below 0", "a\tb\t-0.25\n", `tsv: line 1: score "-0.25": want a number from 0 to 1`},
		{"bad link", "a\tb\t1\tone-one\n", `tsv: line 1: link "one-one" is not a link type`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := corpus.ReadAll(NewReader(strings.NewReader(tt.input)).Read)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
			var pe *corpus.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "tsv", pe.Format)
		})
	}
	_, err := corpus.ReadAll(NewReader(strings.NewReader("x\n")).Read)
	assert.ErrorIs(t, err, ErrFieldCount)
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	w := NewWriter(failWriter{})
	require.NoError(t, w.Write(pairs[0])) // buffered
	w.Flush()
	assert.EqualError(t, w.Error(), "disk full")
	assert.Error(t, w.Write(pairs[0]))
}

// FuzzReader checks that any input gives pairs and then io.EOF or a
// ParseError naming the line, never a panic, and that what is read writes
// back to a line that reads the same.
func FuzzReader(f *testing.F) {
	f.Add("Po\tYes\t0.5\t1-1\trama\n")
	f.Add("sq\ten\tscore\tlink\tdocument\nPo\tYes\t1\n")
	f.Add("one\n\t\t\t\t\t\n")
	f.Add("\ufeffa\tb\r\n")
	f.Add("a\tb\t\t1-1\td\tconfirmed\nc\td\t0.5\t2-1\t\tedited\n")
	f.Add("a\tb\t\t\t\t\n")
	f.Add("Po\x1b[2J\tYes\a\t0.5\t1-1\td\x7f\tconfirmed\r\n")
	f.Add("a\tb\t1.5\nc\td\tNaN\ne\tf\t-0\n")
	f.Fuzz(func(t *testing.T, input string) {
		r := NewReader(strings.NewReader(input))
		for {
			p, err := r.Read()
			if err != nil {
				var pe *corpus.ParseError
				if err != io.EOF && (!errors.As(err, &pe) || pe.Format != "tsv" || pe.Line < 1) {
					t.Fatalf("Read ended with %v: want io.EOF or a tsv ParseError with a line", err)
				}
				return
			}
			again, err := NewReader(strings.NewReader(write(t, false, true, p))).Read()
			if strings.TrimSpace(p.Src+p.Tgt) == "" {
				continue // an empty record writes a line of tabs
			}
			require.NoError(t, err)
			assert.Equal(t, strings.TrimPrefix(corpus.OneLine(p.Src), "\ufeff"), again.Src)
			assert.Equal(t, corpus.OneLine(p.Tgt), again.Tgt)
			assert.Equal(t, p.Unscored, again.Unscored)
			assert.Equal(t, p.Status, again.Status)
			if !p.Unscored {
				require.NoError(t, corpus.CheckScore(p.Score), "a score read is from 0 to 1")
				assert.Equal(t, corpus.FormatScore(p.Score), corpus.FormatScore(again.Score))
			}
		}
	})
}
