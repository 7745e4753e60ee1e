package jsonl

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
	{Src: "Rama <foli> & \"tha\".", Tgt: "Rama spoke.", SrcIDs: []int{0}, TgtIDs: []int{0}, Score: 0.97314, Doc: "rama"},
	{Src: "Po. Jo.", Tgt: "Yes, no.", SrcIDs: []int{1, 2}, TgtIDs: []int{1}, Score: 0.5},
	{Tgt: "Caption", TgtIDs: []int{2}, Score: 1, Doc: "rama"},
	{Src: "Jo.", Tgt: "No.", SrcIDs: []int{3}, TgtIDs: []int{3}, Score: 0.25, Status: corpus.StatusConfirmed},
	{Src: "Mirë.", Tgt: "Good.", Unscored: true, Status: corpus.StatusEdited},
}

func TestWrite(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	for _, p := range pairs {
		require.NoError(t, w.Write(p))
	}
	w.Flush()
	require.NoError(t, w.Error())
	assert.Equal(t, `{"src_ids":[0],"tgt_ids":[0],"src":"Rama <foli> & \"tha\".","tgt":"Rama spoke.","score":0.9731,"link":"1-1","doc":"rama"}
{"src_ids":[1,2],"tgt_ids":[1],"src":"Po. Jo.","tgt":"Yes, no.","score":0.5,"link":"2-1"}
{"src_ids":[],"tgt_ids":[2],"src":"","tgt":"Caption","score":1,"link":"0-1","doc":"rama"}
{"src_ids":[3],"tgt_ids":[3],"src":"Jo.","tgt":"No.","score":0.25,"link":"1-1","status":"confirmed"}
{"src_ids":[],"tgt_ids":[],"src":"Mirë.","tgt":"Good.","score":null,"link":"1-1","status":"edited"}
`, b.String())

	r := NewReader(&b)
	for _, want := range pairs {
		got, err := r.Read()
		require.NoError(t, err)
		want.Score = float64(int(want.Score*1e4+0.5)) / 1e4
		want.Link = want.Type()
		assert.Equal(t, want, got)
	}
	_, err := r.Read()
	assert.Equal(t, io.EOF, err)
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, input string
		want        []corpus.Pair
	}{
		{"minimal", `{"src":"Po","tgt":"Yes"}`, []corpus.Pair{{Src: "Po", Tgt: "Yes", Unscored: true}}},
		{"null score, status", `{"src":"Po","tgt":"Yes","score":null,"status":"confirmed"}`, []corpus.Pair{{Src: "Po", Tgt: "Yes", Unscored: true, Status: corpus.StatusConfirmed}}},
		{"score zero", `{"src":"Po","tgt":"Yes","score":0,"status":""}`, []corpus.Pair{{Src: "Po", Tgt: "Yes"}}},
		{"unknown fields, blank lines, CRLF", "\r\n{\"src\":\"a\",\"tgt\":\"b\",\"lang\":\"sq\",\"score\":0.2}\r\n\n",
			[]corpus.Pair{{Src: "a", Tgt: "b", Score: 0.2}}},
		{"link without ids", `{"src":"a b","tgt":"c","link":"2-1"}`, []corpus.Pair{{Src: "a b", Tgt: "c", Link: "2-1", Unscored: true}}},
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
	tests := []struct{ name, input, err string }{
		{"not json", "{\"src\":\"a\"}\nsrc=a\n", "jsonl: line 2: not a JSON object"},
		{"not an object", "[1,2]\n", "jsonl: line 1: not a JSON object"},
		{"a string", `"a"`, "jsonl: line 1: not a JSON object"},
		{"null", "\n\nnull\n", "jsonl: line 3: not a JSON object"},
		{"cut short", `{"src":"a",`, "jsonl: line 1: not valid JSON: unexpected end of JSON input"},
		{"bad syntax", `{"src":'a'}`, "jsonl: line 1: not valid JSON: invalid character '\\'' looking for beginning of value"},
		{"ids not numbers", `{"src_ids":["a"]}`, "jsonl: line 1: src_ids: want a list of sentence indices"},
		{"ids not a list", `{"tgt_ids":3}`, "jsonl: line 1: tgt_ids: want a list of sentence indices"},
		{"ids not whole", `{"tgt_ids":[1.5]}`, "jsonl: line 1: tgt_ids: want a list of sentence indices"},
		{"negative id", `{"src_ids":[-1]}`, "jsonl: line 1: negative sentence index -1"},
		{"text not a string", `{"src":1,"tgt":"b"}`, "jsonl: line 1: src: want a string"},
		{"score a string", `{"score":"high"}`, "jsonl: line 1: score: want a number"},
		{"score a list", "{}\n" + `{"score":[1]}`, "jsonl: line 2: score: want a number"},
		{"score above 1", `{"src":"a","tgt":"b","score":1.5}`, "jsonl: line 1: score 1.5: want a number from 0 to 1"},
		{"score below 0", `{"src":"a","tgt":"b","score":-0.5}`, "jsonl: line 1: score -0.5: want a number from 0 to 1"},
		{"score too large", `{"score":1e999}`, "jsonl: line 1: score 1e999: want a number from 0 to 1"},
		{"unknown status", `{"score":1,"status":"checked"}`, `jsonl: line 1: status "checked": want confirmed, edited or none`},
		{"status not a string", `{"score":1,"status":true}`, "jsonl: line 1: status: want a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.input))
			var err error
			for err == nil {
				_, err = r.Read()
			}
			assert.EqualError(t, err, tt.err)
			assert.NotRegexp(t, `Go |struct|json:`, err.Error(), "the message speaks of the format, not of Go")
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	w := NewWriter(failWriter{})
	require.NoError(t, w.Write(pairs[0]))
	w.Flush()
	assert.EqualError(t, w.Error(), "disk full")
}

// FuzzReader checks that any input gives pairs and then io.EOF or a
// ParseError naming the line, never a panic, and that a pair read writes
// back to a line that reads the same.
func FuzzReader(f *testing.F) {
	f.Add(`{"src_ids":[1,2],"tgt_ids":[1],"src":"Po. Jo.","tgt":"Yes, no.","score":0.5,"link":"2-1"}`)
	f.Add("{}\n[]\n")
	f.Add(`{"src":"Po\u001b[2J","tgt":"Yes\u0007","score":1}`)
	f.Add(`{"src":"a","tgt":"b","score":null,"status":"edited"}` + "\n" + `{"src":"a","tgt":"b","score":0.1,"status":"confirmed"}`)
	f.Add("null\n{\"score\":1.5}\n{\"score\":\"x\"}\n{\"src_ids\":{}}\n")
	f.Fuzz(func(t *testing.T, input string) {
		r := NewReader(strings.NewReader(input))
		for {
			p, err := r.Read()
			if err != nil {
				var pe *corpus.ParseError
				if err != io.EOF && (!errors.As(err, &pe) || pe.Format != "jsonl" || pe.Line < 1) {
					t.Fatalf("Read ended with %v: want io.EOF or a jsonl ParseError with a line", err)
				}
				if strings.Contains(err.Error(), "Go ") {
					t.Fatalf("message in Go's terms: %v", err)
				}
				return
			}
			if !p.Unscored {
				require.NoError(t, corpus.CheckScore(p.Score), "a score read is from 0 to 1")
			}
			var b bytes.Buffer
			w := NewWriter(&b)
			require.NoError(t, w.Write(p))
			w.Flush()
			again, err := NewReader(&b).Read()
			require.NoError(t, err)
			assert.Equal(t, p.Unscored, again.Unscored)
			assert.Equal(t, p.Status, again.Status)
			assert.Equal(t, p.Src, again.Src)
		}
	})
}

func TestLanguages(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.SrcLang, w.TgtLang = "sq-AL", "en-GB"
	require.NoError(t, w.Write(corpus.Pair{Src: "Po", Tgt: "Yes", Score: 1}))
	w.Flush()
	assert.Equal(t, `{"src_ids":[],"tgt_ids":[],"src":"Po","tgt":"Yes","score":1,"link":"1-1","src_lang":"sq-AL","tgt_lang":"en-GB"}`+"\n", b.String())
	r := NewReader(&b)
	_, err := r.Read()
	require.NoError(t, err)
	assert.Equal(t, "sq-AL", r.SrcLang)
	assert.Equal(t, "en-GB", r.TgtLang)
}
