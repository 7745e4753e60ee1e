package batch

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

func TestListReader(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Doc
		err      string
	}{
		{"two fields", "a/sq.txt\ta/en.txt\n", []Doc{{"a/sq.txt", "a/sq.txt", "a/en.txt"}}, ""},
		{"named", "a.sq\ta.en\tfirst\nb.sq\tb.en\tsecond", []Doc{{"first", "a.sq", "a.en"}, {"second", "b.sq", "b.en"}}, ""},
		{"empty name", "a.sq\ta.en\t\n", []Doc{{"a.sq", "a.sq", "a.en"}}, ""},
		{"comments, blank lines, CRLF, BOM", "\uFEFF# docs\r\n\r\n  \na.sq\ta.en\tx\r\n", []Doc{{"x", "a.sq", "a.en"}}, ""},
		{"spaces around fields", " a b.sq \t a b.en \t my doc \n", []Doc{{"my doc", "a b.sq", "a b.en"}}, ""},
		{"empty", "", nil, ""},
		{"a pairing", "a.sq\ta.en\t0.97\nb.sq\t\t0\n\tc.en\t0\nd.sq\td.en\t1\td\n", []Doc{{"a.sq", "a.sq", "a.en"}, {"d", "d.sq", "d.en"}}, ""},
		{"a pairing as JSON lines", `{"src":"a.sq","tgt":"a.en","score":0.5}` + "\n" + `{"src":"b.sq","tgt":"","score":0}` + "\n" + `{"src":"c.sq","tgt":"c.en","name":"c"}`, []Doc{{"a.sq", "a.sq", "a.en"}, {"c", "c.sq", "c.en"}}, ""},
		{"a name that is no score", "a.sq\ta.en\t1.5\n", []Doc{{"1.5", "a.sq", "a.en"}}, ""},
		{"bad JSON", "{\"src\": 1}\n", nil, "list: line 1: json: cannot unmarshal number into Go struct field .Src of type string"},
		{"JSON without target", `{"src":"a.sq"}` + "\n", nil, "list: line 1: empty target path"},
		{"one field", "a.sq\tb.en\nonly\n", nil, "list: line 2: wrong number of fields: 1, want SRC<TAB>TGT[<TAB>SCORE][<TAB>NAME]"},
		{"four fields", "a\tb\tc\td\n", nil, "list: line 1: wrong number of fields: 4, want SRC<TAB>TGT[<TAB>SCORE][<TAB>NAME]"},
		{"space, not tab", "a.sq b.en\n", nil, "list: line 1: wrong number of fields: 1, want SRC<TAB>TGT[<TAB>SCORE][<TAB>NAME]"},
		{"empty source", "\tb.en\n", nil, "list: line 1: empty source path"},
		{"empty target", "a.sq\t \tname\n", nil, "list: line 1: empty target path"},
		{"NUL byte", "a.sq\tb\x00.en\n", nil, "list: line 1: binary data (NUL byte) at byte 6 of the line"},
		{"invalid UTF-8", "a.sq\tb.en\t\xff\n", nil, "list: line 1: invalid UTF-8 at byte 10 of the line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := NewListReader(strings.NewReader(tt.in)).ReadAll()
			if tt.err != "" {
				require.Error(t, err)
				assert.Equal(t, tt.err, err.Error())
				var pe *corpus.ParseError
				assert.ErrorAs(t, err, &pe)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, docs)
		})
	}
}

func TestListReaderLongLine(t *testing.T) {
	in := io.MultiReader(strings.NewReader("a\tb\n"), strings.NewReader(strings.Repeat("x", corpus.MaxLine+1)))
	r := NewListReader(in)
	_, err := r.Read()
	require.NoError(t, err)
	_, err = r.Read()
	assert.ErrorIs(t, err, corpus.ErrLineTooLong)
	assert.Contains(t, err.Error(), "list: line 2")
}

func FuzzListReader(f *testing.F) {
	f.Add("a/sq.txt\ta/en.txt\tname\n# comment\n\nb.sq\tb.en\n")
	f.Add("\uFEFFa\tb\r\nc\n")
	f.Add("\t\t\t\n\xff")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewListReader(strings.NewReader(in))
		for range len(in) + 1 {
			d, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var pe *corpus.ParseError
				if !errors.As(err, &pe) || pe.Line < 1 || pe.Format != "list" {
					t.Fatalf("error %v: want a *ParseError with a line number", err)
				}
				return
			}
			if d.Src == "" || d.Tgt == "" || d.Name == "" {
				t.Fatalf("%+v: a document needs both paths and a name", d)
			}
			if strings.ContainsAny(d.Src+d.Tgt+d.Name, "\t\n") {
				t.Fatalf("%+v: a field holds a tab or line break", d)
			}
		}
		t.Fatalf("more documents than bytes of input")
	})
}
