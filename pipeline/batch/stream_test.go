package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/internal/synth"
	"github.com/paralel/paralel/pipeline/input"
)

func TestDocReader(t *testing.T) {
	type read struct {
		doc Input
		err string // of a *LineError
	}
	tests := []struct {
		name, in string
		max      int
		want     []read
	}{
		{"texts and paths", "{\"doc\":\"a\",\"src\":\"Po.\",\"tgt\":\"Yes.\"}\n\n{\"doc\":\"b\",\"src_path\":\"b.sq\",\"tgt_path\":\"http://x/b\",\"lang\":\"x\"}\n", 0,
			[]read{{doc: Input{Name: "a", Src: "Po.", Tgt: "Yes.", Kind: Texts}}, {doc: Input{Name: "b", Src: "b.sq", Tgt: "http://x/b", Kind: Files}}}},
		{"BOM, CRLF, no final end", "\uFEFF{\"doc\":\"a\",\"src\":\"x\",\"tgt\":\"y\"}\r\n{\"doc\":\"b\",\"src\":\"\",\"tgt\":\"y\"}", 0,
			[]read{{doc: Input{Name: "a", Src: "x", Tgt: "y", Kind: Texts}}, {doc: Input{Name: "b", Src: "", Tgt: "y", Kind: Texts}}}},
		{"a bad line does not stop the reader", "nonsense\n{\"doc\":\"a\",\"src\":\"x\",\"tgt\":\"y\"}\n", 0,
			[]read{{err: "line 1: not a JSON object"}, {doc: Input{Name: "a", Src: "x", Tgt: "y", Kind: Texts}}}},
		{"no name", `{"src":"x","tgt":"y"}`, 0, []read{{err: `line 1: no "doc"`}}},
		{"one side", `{"doc":"a","src":"x"}`, 0, []read{{err: `line 1 (a): want both "src" and "tgt"`}}},
		{"texts and paths", `{"doc":"a","src":"x","tgt":"y","src_path":"p"}`, 0, []read{{err: "both texts and paths"}}},
		{"empty path", `{"doc":"a","src_path":"","tgt_path":"q"}`, 0, []read{{err: `want "src" and "tgt", or "src_path" and "tgt_path"`}}},
		{"wrong type", `{"doc":"a","src":1,"tgt":"y"}`, 0, []read{{err: "line 1 (a): not a JSON object of a document"}}},
		{"not UTF-8", "{\"doc\":\"a\",\"src\":\"\xff\",\"tgt\":\"y\"}\n", 0, []read{{err: "line 1: invalid UTF-8"}}},
		{"a long line is skipped", "{\"doc\":\"a\",\"src\":\"" + strings.Repeat("x", 200) + "\",\"tgt\":\"y\"}\n{\"doc\":\"b\",\"src\":\"x\",\"tgt\":\"y\"}\n", 100,
			[]read{{err: "line 1: longer than 100 bytes"}, {doc: Input{Name: "b", Src: "x", Tgt: "y", Kind: Texts}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewDocReader(strings.NewReader(tt.in))
			r.MaxLine = tt.max
			var got []read
			for {
				d, err := r.Read()
				if err == io.EOF {
					break
				}
				var le *LineError
				if err != nil {
					require.ErrorAs(t, err, &le)
					got = append(got, read{err: err.Error()})
					continue
				}
				got = append(got, read{doc: d})
			}
			require.Len(t, got, len(tt.want))
			for i, w := range tt.want {
				if w.err != "" {
					assert.Contains(t, got[i].err, w.err)
				} else {
					assert.Equal(t, w, got[i])
				}
			}
		})
	}
}

func FuzzDocReader(f *testing.F) {
	f.Add("{\"doc\":\"a\",\"src\":\"Po.\",\"tgt\":\"Yes.\"}\n")
	f.Add("{\"doc\":\"b\",\"src_path\":\"b.sq\",\"tgt_path\":\"b.en\"}\r\n\n{")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewDocReader(strings.NewReader(in))
		r.MaxLine = 64
		for range len(in) + 2 {
			d, err := r.Read()
			if err == io.EOF {
				return
			}
			var le *LineError
			if err != nil {
				require.ErrorAs(t, err, &le)
				continue
			}
			require.NotEmpty(t, d.Name)
		}
		t.Fatal("more reads than lines")
	})
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, in string
		docs     bool
	}{
		{"documents", "\n  {\"doc\":\"a\",\"src\":\"x\",\"tgt\":\"y\"}\n", true},
		{"documents by path", "{\"doc\":\"a\",\"src_path\":\"x\",\"tgt_path\":\"y\"}", true},
		{"BOM", "\uFEFF{\"doc\":\"a\",\"src\":\"x\",\"tgt\":\"y\"}\n", true},
		{"list", "a.sq\ta.en\n", false},
		{"pairing as JSON lines", "{\"src\":\"a.sq\",\"tgt\":\"a.en\",\"score\":0.9}\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, docs, err := Sniff(strings.NewReader(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.docs, docs)
			all, err := io.ReadAll(r)
			require.NoError(t, err)
			assert.Equal(t, tt.in, string(all), "the whole input is read again")
		})
	}
}

func TestParseShard(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Shard
		err  bool
	}{
		{"1/2", Shard{1, 2}, false},
		{"8/8", Shard{8, 8}, false},
		{"1/1", Shard{1, 1}, false},
		{"0/2", Shard{}, true},
		{"3/2", Shard{}, true},
		{"1/0", Shard{}, true},
		{"1", Shard{}, true},
		{"a/b", Shard{}, true},
	} {
		got, err := ParseShard(tt.in)
		if tt.err {
			assert.Error(t, err, tt.in)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
		assert.Equal(t, tt.in, got.String())
	}
}

func TestShardKeeps(t *testing.T) {
	const n = 3
	counts := make([]int, n)
	for i := range 3000 {
		name := fmt.Sprintf("doc-%d", i)
		kept := 0
		for s := 1; s <= n; s++ {
			if (Shard{s, n}).Keeps(name) {
				kept++
				counts[s-1]++
			}
		}
		require.Equal(t, 1, kept, "%s in exactly one shard", name)
		assert.True(t, Shard{}.Keeps(name))
	}
	for _, c := range counts {
		assert.InDelta(t, 1000, c, 150, "shards of about equal size")
	}
}

// streamLines runs Stream on JSON lines of documents and returns the
// links as JSON lines, and the summary.
func streamLines(t testing.TB, in []byte, opt Options) ([]string, *Summary) {
	t.Helper()
	var out bytes.Buffer
	w, err := format.NewWriter("jsonl", &out, format.Options{})
	require.NoError(t, err)
	s, err := Stream(context.Background(), NewDocReader(bytes.NewReader(in)), w, opt)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return strings.SplitAfter(out.String(), "\n"), s
}

func TestStream(t *testing.T) {
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, 40))
	in.WriteString("not a document\n")
	in.WriteString(`{"doc":"empty","src":"","tgt":"Yes."}` + "\n")
	in.WriteString(`{"doc":"missing","src_path":"no/such.sq","tgt_path":"no/such.en"}` + "\n")
	opt := Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}}
	lines, s := streamLines(t, in.Bytes(), opt)

	assert.Equal(t, 43, s.Docs)
	assert.Equal(t, 40, s.Aligned)
	var failed []string
	for _, e := range s.Failed {
		failed = append(failed, e.Doc)
	}
	assert.Equal(t, []string{"line 41", "empty", "missing"}, failed)
	assert.Equal(t, s.Links, len(lines)-1)
	assert.Positive(t, s.Kept)

	// The same links as Run aligning each document on its own, in order.
	// The same documents as files.
	dir := t.TempDir()
	var docs []Doc
	for i := range 40 {
		name, src, tgt := synth.Doc(i)
		d := Doc{Name: name, Src: filepath.Join(dir, name+".sq"), Tgt: filepath.Join(dir, name+".en")}
		require.NoError(t, os.WriteFile(d.Src, []byte(src), 0o666))
		require.NoError(t, os.WriteFile(d.Tgt, []byte(tgt), 0o666))
		docs = append(docs, d)
	}
	var out bytes.Buffer
	w, err := format.NewWriter("jsonl", &out, format.Options{})
	require.NoError(t, err)
	opt.Each = true
	_, err = Run(context.Background(), docs, w, opt)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	assert.Equal(t, out.String(), strings.Join(lines, ""))
}

func TestStreamStrict(t *testing.T) {
	in := `{"doc":"a","src":"Po.","tgt":"Yes."}` + "\nnonsense\n" + `{"doc":"c","src":"Jo.","tgt":"No."}` + "\n"
	c := &collector{}
	s, err := Stream(context.Background(), NewDocReader(strings.NewReader(in)), c, Options{Strict: true})
	var de *DocError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "line 2", de.Doc)
	assert.Equal(t, 1, s.Aligned)
}

func TestStreamNothingAligned(t *testing.T) {
	_, err := Stream(context.Background(), NewDocReader(strings.NewReader("nonsense\n")), &collector{}, Options{})
	assert.ErrorIs(t, err, ErrNoDocuments)
}

type failingReader struct{ n int }

func (r *failingReader) Read() (Input, error) {
	if r.n == 0 {
		return Input{}, errors.New("disk on fire")
	}
	r.n--
	return Input{Name: fmt.Sprint(r.n), Src: "Po.", Tgt: "Yes.", Kind: Texts}, nil
}

func TestStreamReadError(t *testing.T) {
	s, err := Stream(context.Background(), &failingReader{n: 3}, &collector{}, Options{})
	assert.EqualError(t, err, "disk on fire")
	assert.Equal(t, 3, s.Aligned)
}

func TestStreamCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, 10))
	_, err := Stream(ctx, NewDocReader(&in), &collector{}, Options{})
	assert.ErrorIs(t, err, context.Canceled)
}

// stallingReader gives n documents, then waits for stall to close, as the
// standard input does when nothing more comes.
type stallingReader struct {
	n     int
	stall chan struct{}
}

func (r *stallingReader) Read() (Input, error) {
	if r.n == 0 {
		<-r.stall
		return Input{}, io.EOF
	}
	r.n--
	name, src, tgt := synth.Doc(r.n)
	return Input{Name: name, Src: src, Tgt: tgt, Kind: Texts}, nil
}

// cancelling cancels a run at its first pair.
type cancelling struct {
	collector
	cancel context.CancelFunc
}

func (c *cancelling) Write(p corpus.Pair) error {
	c.cancel()
	return c.collector.Write(p)
}

// A run cancelled while its source waits for more returns all the same,
// and its Summary counts the documents it took, no more.
func TestStreamCancelledWaiting(t *testing.T) {
	src := &stallingReader{n: 3, stall: make(chan struct{})}
	defer close(src.stall)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	s, err := Stream(ctx, src, &cancelling{cancel: cancel}, Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, s.Aligned)
	assert.Equal(t, s.Aligned+len(s.Failed), s.Docs)
}

func TestStreamDocuments(t *testing.T) {
	dir := t.TempDir()
	name, src, tgt := synth.Doc(7)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.sq"), []byte(src), 0o666))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.en"), []byte(tgt), 0o666))
	byPath := fmt.Sprintf(`{"doc":%q,"src_path":%q,"tgt_path":%q}`+"\n", name, filepath.Join(dir, "a.sq"), filepath.Join(dir, "a.en"))
	byText := fmt.Sprintf(`{"doc":%q,"src":%q,"tgt":%q}`+"\n", name, src, tgt)
	a, _ := streamLines(t, []byte(byPath), Options{})
	b, _ := streamLines(t, []byte(byText), Options{})
	assert.Equal(t, b, a)
}

// Options.Read.Open reads the documents given as paths from storage of its own
// (here a map) with the same result as from files, and its errors fail the
// document.
func TestStreamOpen(t *testing.T) {
	name, src, tgt := synth.Doc(3)
	store := map[string]string{"mem/a.sq": src, "mem/a.en": tgt}
	var (
		mu     sync.Mutex
		opened []string
	)
	opt := Options{Read: input.Options{Open: func(path string) (io.ReadCloser, error) {
		mu.Lock()
		opened = append(opened, path)
		mu.Unlock()
		text, ok := store[path]
		if !ok {
			return nil, fmt.Errorf("%s: %w", path, os.ErrNotExist)
		}
		return io.NopCloser(strings.NewReader(text)), nil
	}}}
	in := fmt.Sprintf(`{"doc":%q,"src_path":"mem/a.sq","tgt_path":"mem/a.en"}`+"\n", name) +
		`{"doc":"gone","src_path":"mem/b.sq","tgt_path":"mem/b.en"}` + "\n"
	got, s := streamLines(t, []byte(in), opt)
	want, _ := streamLines(t, []byte(fmt.Sprintf(`{"doc":%q,"src":%q,"tgt":%q}`+"\n", name, src, tgt)), Options{})
	assert.Equal(t, want[:len(want)-1], got[:len(got)-1])
	require.Len(t, s.Failed, 1)
	assert.EqualError(t, s.Failed[0], `"gone": mem/b.sq: file does not exist`)
	assert.ElementsMatch(t, []string{"mem/a.sq", "mem/a.en", "mem/b.sq"}, opened)
}

// shardUnion checks that the shards of n documents together write exactly
// the links of one run, each document in one shard only.
func shardUnion(t *testing.T, n, shards int) {
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, n))
	opt := Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}}
	whole, s := streamLines(t, in.Bytes(), opt)
	require.Equal(t, n, s.Aligned)
	var union []string
	seen := map[string]int{}
	for i := 1; i <= shards; i++ {
		opt.Shard = Shard{i, shards}
		part, ps := streamLines(t, in.Bytes(), opt)
		assert.Positive(t, ps.Aligned)
		union = append(union, part[:len(part)-1]...)
		for _, e := range ps.Failed {
			t.Errorf("shard %d: %v", i, e)
		}
		names, _ := byDoc(readJSONL(t, part))
		for _, name := range names {
			if prev, ok := seen[name]; ok {
				t.Fatalf("document %s in shards %d and %d", name, prev, i)
			}
			seen[name] = i
		}
	}
	assert.Len(t, seen, n)
	whole = whole[:len(whole)-1]
	slices.Sort(whole)
	slices.Sort(union)
	require.Equal(t, len(whole), len(union))
	assert.True(t, slices.Equal(whole, union), "the shards write the links of the whole run")
}

func readJSONL(t *testing.T, lines []string) []corpus.Pair {
	r, err := format.NewReader("jsonl", strings.NewReader(strings.Join(lines, "")), format.Options{})
	require.NoError(t, err)
	pairs, err := corpus.ReadAll(r.Read)
	require.NoError(t, err)
	return pairs
}

func TestShardUnion(t *testing.T) {
	shardUnion(t, 500, 2)
	shardUnion(t, 300, 3)
}

// TestShardUnionLarge is the target: 50,000 documents in two shards.
func TestShardUnionLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("aligns 50,000 documents three times")
	}
	shardUnion(t, 50000, 2)
}

func TestSample(t *testing.T) {
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, 200))
	in.WriteString("nonsense\n")
	all, err := Sample(NewDocReader(bytes.NewReader(in.Bytes())), 1000)
	require.NoError(t, err)
	assert.Len(t, all, 200)

	some, err := Sample(NewDocReader(bytes.NewReader(in.Bytes())), 20)
	require.NoError(t, err)
	require.Len(t, some, 20)
	// The same sample from the documents in another order.
	lines := strings.SplitAfter(in.String(), "\n")
	slices.Reverse(lines)
	again, err := Sample(NewDocReader(strings.NewReader(strings.Join(lines, "\n"))), 20)
	require.NoError(t, err)
	assert.Equal(t, some, again)
	// The lowest hashes of all.
	slices.SortFunc(all, func(a, b Input) int { return cmpHash(a.Name, b.Name) })
	assert.Equal(t, all[:20], some)

	none, err := Sample(NewDocReader(bytes.NewReader(in.Bytes())), 0)
	require.NoError(t, err)
	assert.Empty(t, none)
}

func cmpHash(a, b string) int {
	ha, hb := nameHash(a), nameHash(b)
	switch {
	case ha < hb:
		return -1
	case ha > hb:
		return 1
	}
	return strings.Compare(a, b)
}

func TestLearnLexicon(t *testing.T) {
	var in bytes.Buffer
	require.NoError(t, synth.WriteJSONLines(&in, 0, 300))
	docs, err := Sample(NewDocReader(&in), 300)
	require.NoError(t, err)
	docs = append(docs, Input{Name: "empty", Src: "", Tgt: "x", Kind: Texts})
	lx, s, err := LearnLexicon(context.Background(), docs, Options{})
	require.NoError(t, err)
	assert.Equal(t, 300, s.Aligned)
	require.Len(t, s.Failed, 1)
	assert.Equal(t, "empty", s.Failed[0].Doc)
	assert.Greater(t, lx.Len(), 50, "the made-up words pair up")

	_, _, err = LearnLexicon(context.Background(), docs[300:], Options{})
	assert.ErrorIs(t, err, ErrNoDocuments)
}
