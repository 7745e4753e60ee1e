package batch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/pipeline/evalset"
	"github.com/paralel/paralel/segment"
)

const testdata = "../../testdata/batch"

// collector is a Writer that keeps the pairs its filter lets through.
type collector struct {
	corpus.Filter
	pairs []corpus.Pair
}

func (c *collector) Write(p corpus.Pair) error {
	if c.Keep(p) {
		c.pairs = append(c.pairs, p)
	}
	return nil
}

func (c *collector) Dropped() corpus.Dropped { return c.Filter.Dropped }

// byDoc groups pairs by document, in the order they came.
func byDoc(pairs []corpus.Pair) (names []string, docs map[string][]corpus.Pair) {
	docs = make(map[string][]corpus.Pair)
	for _, p := range pairs {
		if _, ok := docs[p.Doc]; !ok {
			names = append(names, p.Doc)
		}
		docs[p.Doc] = append(docs[p.Doc], p)
	}
	return names, docs
}

// covers reports whether the links of pairs take every one of nsrc source
// and ntgt target sentences once, in order.
func covers(pairs []corpus.Pair, nsrc, ntgt int) bool {
	var src, tgt []int
	for _, p := range pairs {
		src = append(src, p.SrcIDs...)
		tgt = append(tgt, p.TgtIDs...)
	}
	return slices.Equal(src, count(nsrc)) && slices.Equal(tgt, count(ntgt))
}

func count(n int) []int {
	v := make([]int, n)
	for i := range v {
		v[i] = i
	}
	return v
}

func sentences(t *testing.T, path, lang string) int {
	t.Helper()
	doc, err := segment.ReadFile(path, corpus.ReadOptions{Lang: lang})
	require.NoError(t, err)
	return len(doc.Sentences)
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name   string
		inputs []string
		want   []Doc
	}{
		{"set folder", []string{testdata}, []Doc{
			{"bashkia", testdata + "/bashkia/sq.txt", testdata + "/bashkia/en.txt"},
			{"moti", testdata + "/moti/sq.txt", testdata + "/moti/en.txt"},
		}},
		{"document folder", []string{testdata + "/moti"}, []Doc{
			{"moti", testdata + "/moti/sq.txt", testdata + "/moti/en.txt"},
		}},
		{"list file", []string{testdata + "/list.tsv"}, []Doc{
			{"rama", "../../testdata/rama/sq.txt", "../../testdata/rama/en.txt"},
			{"bashkia/sq.txt", testdata + "/bashkia/sq.txt", testdata + "/bashkia/en.txt"},
			{"moti", testdata + "/moti/sq.txt", testdata + "/moti/en.txt"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Load(tt.inputs, corpus.Lines)
			require.NoError(t, err)
			for i := range tt.want {
				tt.want[i].Src, tt.want[i].Tgt = filepath.Clean(tt.want[i].Src), filepath.Clean(tt.want[i].Tgt)
			}
			assert.Equal(t, tt.want, docs)
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.Mkdir(empty, 0o755))
	blank := filepath.Join(dir, "blank.tsv")
	require.NoError(t, os.WriteFile(blank, []byte("# nothing\n\n"), 0o644))
	bad := filepath.Join(dir, "bad.tsv")
	require.NoError(t, os.WriteFile(bad, []byte("a\tb\nc\n"), 0o644))
	tests := []struct {
		name   string
		inputs []string
		want   string
	}{
		{"missing input", []string{filepath.Join(dir, "nowhere")}, "no such file"},
		{"folder without documents", []string{empty}, "no documents: want sq.txt and en.txt"},
		{"empty list", []string{blank}, "no documents: want one SRC<TAB>TGT[<TAB>NAME] line"},
		{"malformed list", []string{bad}, "bad.tsv: list: line 2: wrong number of fields: 1"},
		{"a name twice", []string{testdata, testdata + "/moti"}, `document "moti" is named twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.inputs, corpus.Lines)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestRun aligns the sample article and two short hand-written pairs, all
// together and each on its own: every document's links come out, named
// after it and covering its sentences once.
func TestRun(t *testing.T) {
	docs, err := Load([]string{testdata + "/list.tsv"}, corpus.Lines)
	require.NoError(t, err)
	for _, each := range []bool{false, true} {
		t.Run(map[bool]string{false: "pooled", true: "each"}[each], func(t *testing.T) {
			var calls, last int
			opt := Options{Each: each, Align: align.Options{SrcLang: "sq", TgtLang: "en"}}
			opt.Align.Progress = func(done, total int) { calls++; last = total - done }
			w := &collector{Filter: corpus.Filter{KeepUnaligned: true}}
			s, err := Run(t.Context(), docs, w, opt)
			require.NoError(t, err)

			names, got := byDoc(w.pairs)
			assert.Equal(t, []string{"rama", "bashkia/sq.txt", "moti"}, names)
			var nsrc, ntgt int
			for _, d := range docs {
				ns, nt := sentences(t, d.Src, "sq"), sentences(t, d.Tgt, "en")
				assert.True(t, covers(got[d.Name], ns, nt), "%s: links cover every sentence once", d.Name)
				nsrc, ntgt = nsrc+ns, ntgt+nt
			}
			assert.Equal(t, []align.Link{{Src: []int{1}, Tgt: []int{1, 2}}}, only21(got["bashkia/sq.txt"]), "the hand-made 1-2")

			assert.Equal(t, 3, s.Aligned)
			assert.Empty(t, s.Failed)
			assert.Equal(t, nsrc, s.SrcSentences)
			assert.Equal(t, ntgt, s.TgtSentences)
			assert.Equal(t, len(w.pairs), s.Links)
			assert.Equal(t, len(w.pairs), s.Kept)
			assert.Positive(t, calls, "progress reported")
			assert.Zero(t, last, "progress ends at the total")
		})
	}
}

// only21 gives the links of pairs other than 1-1, without scores.
func only21(pairs []corpus.Pair) []align.Link {
	var out []align.Link
	for _, p := range pairs {
		if len(p.SrcIDs) != 1 || len(p.TgtIDs) != 1 {
			out = append(out, align.Link{Src: p.SrcIDs, Tgt: p.TgtIDs})
		}
	}
	return out
}

// TestRunFilters: the writer's filters decide what is written, and the
// Summary says how much they dropped.
func TestRunFilters(t *testing.T) {
	docs, err := Load([]string{testdata + "/list.tsv"}, corpus.Lines)
	require.NoError(t, err)
	// Some of these documents' links score under 0.999.
	const minScore = 0.999
	w := &collector{Filter: corpus.Filter{MinScore: minScore}}
	s, err := Run(t.Context(), docs, w, Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}})
	require.NoError(t, err)
	assert.Positive(t, s.Dropped.BelowScore)
	assert.Equal(t, s.Links, s.Kept+s.Dropped.Total())
	assert.Len(t, w.pairs, s.Kept)
	for _, p := range w.pairs {
		assert.GreaterOrEqual(t, p.Score, minScore)
	}
	assert.Contains(t, s.String(), s.Dropped.String())
}

// TestBadDocument puts a bad document between two good ones: it is
// reported by name and skipped, or ends a strict run.
func TestBadDocument(t *testing.T) {
	good, err := os.ReadFile(testdata + "/moti/sq.txt")
	require.NoError(t, err)
	goodEn, err := os.ReadFile(testdata + "/moti/en.txt")
	require.NoError(t, err)
	tests := []struct {
		name   string
		sq, en []byte // nil: no file
		want   string
	}{
		{"invalid UTF-8", append([]byte("Mirë.\n"), 0xff, 0xfe), goodEn, "b/sq.txt: invalid UTF-8 at byte 7"},
		{"binary", good, []byte("PK\x03\x04\x00\x00"), "b/en.txt: corrupt file: a damaged ZIP archive"},
		{"missing side", good, nil, "b/en.txt: no such file"},
		{"empty side", []byte("\n  \n"), goodEn, "b/sq.txt: no text"},
		{"pre-split folder", nil, nil, "is it pre-split input?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(doc, name string, b []byte) {
				require.NoError(t, os.MkdirAll(filepath.Join(dir, doc), 0o755))
				if b != nil {
					require.NoError(t, os.WriteFile(filepath.Join(dir, doc, name), b, 0o644))
				}
			}
			for _, d := range []string{"a", "c"} {
				write(d, "sq.txt", good)
				write(d, "en.txt", goodEn)
			}
			write("b", "sq.txt", tt.sq)
			write("b", "en.txt", tt.en)
			if tt.sq == nil {
				write("b", "sq.sent", good)
				write("b", "en.sent", goodEn)
			}
			docs, err := Load([]string{dir}, corpus.Lines)
			require.NoError(t, err)
			require.Len(t, docs, 3)

			for _, each := range []bool{false, true} {
				w := &collector{}
				s, err := Run(t.Context(), docs, w, Options{Each: each})
				require.NoError(t, err)
				names, _ := byDoc(w.pairs)
				assert.Equal(t, []string{"a", "c"}, names)
				assert.Equal(t, 2, s.Aligned)
				require.Len(t, s.Failed, 1)
				assert.Equal(t, "b", s.Failed[0].Doc)
				assert.Contains(t, s.Failed[0].Error(), tt.want)
				assert.True(t, strings.HasPrefix(s.Failed[0].Error(), `"b": `), s.Failed[0].Error())
				assert.Contains(t, s.String(), `failed: "b": `)

				w = &collector{}
				s, err = Run(t.Context(), docs, w, Options{Each: each, Strict: true})
				var de *DocError
				require.ErrorAs(t, err, &de)
				assert.Equal(t, "b", de.Doc)
				// Pooled, every document is read before any is aligned.
				wantAligned := map[bool]int{false: 0, true: 1}[each]
				assert.Equal(t, wantAligned, s.Aligned, "strict stops at b")
			}
		})
	}
}

func TestNoDocuments(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sq.txt"), []byte("Po.\n"), 0o644))
	docs, err := Load([]string{dir}, corpus.Lines)
	require.NoError(t, err)
	s, err := Run(t.Context(), docs, &collector{}, Options{})
	assert.ErrorIs(t, err, ErrNoDocuments)
	require.Len(t, s.Failed, 1)
	assert.Contains(t, s.Failed[0].Error(), "en.txt")
}

// TestSwapped: a document whose sides read as each other's language fails,
// or with AllowSwapped is aligned with align.Check's warning, pooled or
// each on its own.
func TestSwapped(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "rama"), 0o755))
	for from, to := range map[string]string{"sq.txt": "en.txt", "en.txt": "sq.txt"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/rama", from))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "rama", to), data, 0o644))
	}
	docs, err := Load([]string{dir}, corpus.Lines)
	require.NoError(t, err)
	for _, each := range []bool{false, true} {
		opt := Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}, Each: each}
		s, err := Run(t.Context(), docs, &collector{}, opt)
		assert.ErrorIs(t, err, ErrNoDocuments)
		require.Len(t, s.Failed, 1)
		assert.ErrorIs(t, s.Failed[0], align.ErrSwapped)

		opt.AllowSwapped = true
		s, err = Run(t.Context(), docs, &collector{}, opt)
		require.NoError(t, err)
		assert.Contains(t, s.Warnings, Warning{"rama", "the source looks English and the target Albanian: are the sides swapped?"}, "each: %v", each)
	}
}

// TestPresplit reads a folder of pre-split documents: one segment a line.
func TestPresplit(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "d"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "d", "sq.sent"), []byte("Po. Jo.\nMirë.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "d", "en.sent"), []byte("Yes. No.\nGood.\n"), 0o644))
	docs, err := Load([]string{dir}, corpus.Presplit)
	require.NoError(t, err)
	w := &collector{}
	s, err := Run(t.Context(), docs, w, Options{Mode: corpus.Presplit})
	require.NoError(t, err)
	assert.Equal(t, 2, s.SrcSentences, "segments are not split")
	require.Len(t, w.pairs, 2)
	assert.Equal(t, "Po. Jo.", w.pairs[0].Src)
	assert.Equal(t, "d", w.pairs[0].Doc)
}

// TestNTREXRaw aligns the raw development set as one batch: every
// document's links come out, and they are those "paralel eval" scores.
func TestNTREXRaw(t *testing.T) {
	dir := shared.Require(t, "eval/ntrex-dev-raw")
	if testing.Short() {
		t.Skip("aligns a whole evaluation set")
	}
	docs, err := Load([]string{dir}, corpus.Lines)
	require.NoError(t, err)
	w := &collector{Filter: corpus.Filter{KeepUnaligned: true}}
	s, err := Run(t.Context(), docs, w, Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}})
	require.NoError(t, err)
	assert.Empty(t, s.Failed)
	assert.Equal(t, len(docs), s.Aligned)

	set, err := evalset.Load(dir)
	require.NoError(t, err)
	res, err := evalset.Evaluate(set, evalset.Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}})
	require.NoError(t, err)
	require.Len(t, res.EndToEnd.Docs, len(docs))

	_, got := byDoc(w.pairs)
	for i, d := range docs {
		ns, nt := sentences(t, d.Src, "sq"), sentences(t, d.Tgt, "en")
		assert.True(t, covers(got[d.Name], ns, nt), "%s: links cover every sentence once", d.Name)
		want := res.EndToEnd.Docs[i]
		require.Equal(t, d.Name, want.Name)
		require.Len(t, got[d.Name], len(want.Links), d.Name)
		for j, l := range want.Links {
			p := got[d.Name][j]
			assert.Equal(t, align.Link{Src: l.Src, Tgt: l.Tgt, Score: l.Score}, align.Link{Src: p.SrcIDs, Tgt: p.TgtIDs, Score: p.Score}, "%s link %d", d.Name, j)
		}
	}
}

// TestCancel: a cancelled run stops between documents.
func TestCancel(t *testing.T) {
	docs, err := Load([]string{testdata + "/list.tsv"}, corpus.Lines)
	require.NoError(t, err)
	for _, each := range []bool{false, true} {
		ctx, cancel := context.WithCancel(t.Context())
		opt := Options{Each: each}
		opt.Align.Progress = func(done, total int) {
			if done > 0 {
				cancel()
			}
		}
		w := &collector{}
		s, err := Run(ctx, docs, w, opt)
		assert.ErrorIs(t, err, context.Canceled)
		assert.Less(t, s.Aligned, len(docs), "each=%v", each)
		cancel()
	}
}

// TestLoadStdin reads a list from the standard input, as from paralel
// pair: paths relative to the working folder, unpaired documents skipped.
func TestLoadStdin(t *testing.T) {
	list := filepath.Join(t.TempDir(), "pairs.tsv")
	in := testdata + "/moti/sq.txt\t" + testdata + "/moti/en.txt\t0.93\n" + testdata + "/bashkia/sq.txt\t\t0\n"
	require.NoError(t, os.WriteFile(list, []byte(in), 0o644))
	f, err := os.Open(list)
	require.NoError(t, err)
	defer f.Close()
	stdin := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = stdin }()
	docs, err := Load([]string{"-"}, corpus.Lines)
	require.NoError(t, err)
	moti := filepath.Clean(testdata + "/moti/sq.txt")
	assert.Equal(t, []Doc{{moti, moti, filepath.Clean(testdata + "/moti/en.txt")}}, docs)
}
