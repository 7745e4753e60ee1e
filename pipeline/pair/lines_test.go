package pair

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/pipeline/input"
)

func TestLinesRoundTrip(t *testing.T) {
	lines := []Line{{"a/d1.txt", "b/e1.txt", 0.97314}, {"a/d2 x.txt", "b/e2.txt", 1}, {"a/d3.txt", "", 0}, {"", "b/e4.txt", 0}}
	for _, format := range []string{"tsv", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(&buf, format)
			require.NoError(t, err)
			for _, l := range lines {
				require.NoError(t, w.Write(l))
			}
			w.Flush()
			require.NoError(t, w.Error())
			got, err := ReadLines(&buf)
			require.NoError(t, err)
			want := append([]Line(nil), lines...)
			want[0].Score = 0.9731 // four decimals, as every export
			assert.Equal(t, want, got)
		})
	}
	_, err := NewWriter(nil, "tmx")
	assert.Error(t, err)
	w, _ := NewWriter(&bytes.Buffer{}, "tsv")
	assert.Error(t, w.Write(Line{Src: "a\tb", Tgt: "c"}))
}

func TestReadLinesErrors(t *testing.T) {
	for _, in := range []string{"one field\n", "a\tb\tc\td\n", "a\tb\tmany\n", "\t\t0.5\n", "{\"src\": 1}\n"} {
		_, err := ReadLines(strings.NewReader(in))
		assert.Error(t, err, "%q", in)
	}
	got, err := ReadLines(strings.NewReader("# gold\r\nd1.txt\te1.txt\r\n\n"))
	require.NoError(t, err)
	assert.Equal(t, []Line{{"d1.txt", "e1.txt", 1}}, got)
}

func TestCompare(t *testing.T) {
	gold := []Line{{"d1.txt", "e1.txt", 1}, {"d2.txt", "e2.txt", 1}, {"d3.txt", "e3.txt", 1}, {"d4.txt", "e4.txt", 1}}
	pred := []Line{
		{"set/sq/d1.txt", "set/en/e1.txt", 0.9}, // right, with folders
		{"d2.txt", "e3.txt", 0.8},               // wrong
		{"set/sq/d9.txt", "set/en/e9.txt", 0.7}, // not in gold
		{"d4.txt", "", 0},                       // unpaired: not a prediction
	}
	s := Compare(gold, pred)
	assert.Equal(t, [3]int{3, 4, 1}, [3]int{s.Pred, s.Gold, s.Correct})
	assert.InDelta(t, 1.0/3, s.Precision, 1e-9)
	assert.InDelta(t, 0.25, s.Recall, 1e-9)
	assert.InDelta(t, 2.0/7, s.F1, 1e-9)
	assert.Equal(t, Scores{Gold: 4}, Compare(gold, nil))
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(path, text string) {
		p := filepath.Join(dir, path)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	write("sq/a.txt", "Një.")
	write("sq/sub/b.txt", "Dy.")
	write("sq/.hidden.txt", "Fshehur.")
	write("sq/.git/c.txt", "Jo.")
	write("list.txt", "# documents\nsq/a.txt\n\n"+filepath.Join(dir, "sq/sub/b.txt")+"\n")
	write("docs.jsonl", `{"id": "x1", "text": "Tre."}`+"\n"+`{"path": "sq/a.txt"}`+"\n")

	names := func(docs []Doc) []string {
		var out []string
		for _, d := range docs {
			out = append(out, d.Name)
		}
		return out
	}
	docs, err := Load(filepath.Join(dir, "sq"), input.Options{Lang: "sq"})
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "sq/a.txt"), filepath.Join(dir, "sq/sub/b.txt")}, names(docs))

	docs, err = Load(filepath.Join(dir, "list.txt"), input.Options{Lang: "sq"})
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "sq/a.txt"), filepath.Join(dir, "sq/sub/b.txt")}, names(docs))
	s, _, err := docs[1].Read()
	require.NoError(t, err)
	assert.Equal(t, "Dy.", s[0].Text)

	docs, err = Load(filepath.Join(dir, "docs.jsonl"), input.Options{Lang: "sq"})
	require.NoError(t, err)
	assert.Equal(t, []string{"x1", filepath.Join(dir, "sq/a.txt")}, names(docs))
	s, _, err = docs[0].Read()
	require.NoError(t, err)
	assert.Equal(t, "Tre.", s[0].Text)

	for name, text := range map[string]string{
		"empty.txt":     "# nothing\n",
		"twice.txt":     "sq/a.txt\nsq/a.txt\n",
		"bad.jsonl":     `{"text": 3}` + "\n",
		"noname.jsonl":  `{"text": "Një."}` + "\n",
		"nothing.jsonl": `{}` + "\n",
	} {
		write(name, text)
		_, err := Load(filepath.Join(dir, name), input.Options{Lang: "sq"})
		if assert.Error(t, err, name) {
			assert.Contains(t, err.Error(), name)
		}
	}
	// A text given for a list names no file: it is refused as a whole, not
	// read as documents each missing. A web address needs no file.
	write("text.txt", "Kërcënimet e Iranit.\nRama tha se jemi të sigurt.\n")
	_, err = Load(filepath.Join(dir, "text.txt"), input.Options{Lang: "sq"})
	assert.ErrorIs(t, err, input.ErrNotList)
	assert.EqualError(t, err, filepath.Join(dir, "text.txt")+` is not a list file or a folder: none of the 2 files it names exists (the first: "Kërcënimet e Iranit.")`)
	write("urls.txt", "https://example.com/a\n")
	_, err = Load(filepath.Join(dir, "urls.txt"), input.Options{Lang: "sq"})
	assert.NoError(t, err)

	write("emptydir/.keep", "")
	_, err = Load(filepath.Join(dir, "emptydir"), input.Options{Lang: "sq"})
	assert.ErrorContains(t, err, "no documents")
	_, err = Load(filepath.Join(dir, "missing"), input.Options{Lang: "sq"})
	assert.Error(t, err)
}

func FuzzReadLines(f *testing.F) {
	for _, s := range []string{"d1.txt\te1.txt\n", "a\tb\t0.5\n", "{\"src\":\"a\",\"tgt\":\"b\",\"score\":1}\n", "a\t\t0\n", "#x\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lines, err := ReadLines(strings.NewReader(in))
		if err != nil {
			return
		}
		// What was read writes back as JSON lines and reads the same.
		var buf bytes.Buffer
		w, _ := NewWriter(&buf, "jsonl")
		for _, l := range lines {
			l.Score = 0
			w.Write(l)
		}
		w.Flush()
		again, err := ReadLines(&buf)
		require.NoError(t, err)
		require.Len(t, again, len(lines))
	})
}

// FuzzLoad reads any content as a list of documents: it is an error that
// names the list, or documents with names.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{"a.txt\n# c\n\nsub/b.txt\n", `{"id":"x","text":"Një."}` + "\n" + `{"path":"a.txt"}`, "{\n", "\x00\xff", "https://example.com/a\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		list := filepath.Join(t.TempDir(), "list.txt")
		require.NoError(t, os.WriteFile(list, []byte(in), 0o644))
		docs, err := Load(list, input.Options{Lang: "sq"})
		if err != nil {
			assert.Contains(t, err.Error(), "list.txt")
			return
		}
		for _, d := range docs {
			assert.NotEmpty(t, d.Name)
			assert.NotNil(t, d.Read)
		}
	})
}

// TestWriteAll: WriteAll writes what Write and Flush write, and stops at
// the first line it cannot write.
func TestWriteAll(t *testing.T) {
	lines := []Line{{"a/d1.txt", "b/e1.txt", 0.5}, {"a/d2.txt", "b/e2.txt", 1}}
	var one, all bytes.Buffer
	w, err := NewWriter(&one, "tsv")
	require.NoError(t, err)
	for _, l := range lines {
		require.NoError(t, w.Write(l))
	}
	w.Flush()
	require.NoError(t, w.Error())
	w, err = NewWriter(&all, "tsv")
	require.NoError(t, err)
	require.NoError(t, w.WriteAll(lines))
	assert.Equal(t, one.String(), all.String())

	w, _ = NewWriter(&bytes.Buffer{}, "tsv")
	assert.Error(t, w.WriteAll([]Line{{Src: "a\tb", Tgt: "c"}}))
}
