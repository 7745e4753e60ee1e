package format

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/internal/testio"
)

func writeFile(t *testing.T, name, path string, opt Options, pairs []corpus.Pair) {
	t.Helper()
	_, err := WritePairs(name, path, pairs, opt)
	require.NoError(t, err)
}

func readFile(t *testing.T, name, path string, opt Options) ([]corpus.Pair, [2]string) {
	t.Helper()
	r, err := Open(name, path, opt)
	require.NoError(t, err)
	defer r.Close()
	ps := readAll(t, r)
	src, tgt := r.Langs()
	return ps, [2]string{src, tgt}
}

// comparable keeps what every format carries: texts, score, link type,
// document.
func comparable(ps []corpus.Pair) []corpus.Pair {
	out := make([]corpus.Pair, len(ps))
	for i, p := range ps {
		out[i] = corpus.Pair{Src: p.Src, Tgt: p.Tgt, Score: p.Score, Link: p.Type(), Doc: p.Doc}
	}
	return out
}

// TestRoundTrips converts a TMX to TSV or JSON lines and back, and finds
// every pair, score and language again.
func TestRoundTrips(t *testing.T) {
	ctx := context.Background()
	created := time.Date(2026, 1, 8, 12, 0, 0, 0, time.UTC)
	opt := Options{SrcLang: "sq-AL", TgtLang: "en-GB", KeepUnaligned: true, Created: created}
	for _, via := range []string{"tsv", "jsonl"} {
		t.Run(via, func(t *testing.T) {
			dir := t.TempDir()
			orig := filepath.Join(dir, "orig.tmx")
			writeFile(t, "tmx", orig, opt, sample)
			want, langs := readFile(t, "tmx", orig, Options{})
			require.Len(t, want, len(sample))
			assert.Equal(t, [2]string{"sq-AL", "en-GB"}, langs)

			// Languages are not given again: they travel in the files. The
			// TSV needs its link and document columns to keep every field.
			keep := Options{KeepUnaligned: true, Header: true, TSVMeta: true, Created: created}
			mid := filepath.Join(dir, "mid."+via)
			st, err := Convert(ctx, "tmx", orig, via, mid, keep)
			require.NoError(t, err)
			assert.Equal(t, Stats{Read: 4, Written: 4, SrcLang: "sq-AL", TgtLang: "en-GB", Files: []string{mid}}, st)

			back := filepath.Join(dir, "back.tmx")
			st, err = Convert(ctx, via, mid, "tmx", back, keep)
			require.NoError(t, err)
			assert.Equal(t, 4, st.Written)

			got, langs := readFile(t, "tmx", back, Options{})
			assert.Equal(t, comparable(want), comparable(got))
			assert.Equal(t, [2]string{"sq-AL", "en-GB"}, langs)

			a, err := os.ReadFile(orig)
			require.NoError(t, err)
			b, err := os.ReadFile(back)
			require.NoError(t, err)
			if via == "jsonl" {
				assert.Equal(t, string(a), string(b), "JSON lines keep everything a TMX holds")
			}
		})
	}
}

func TestConvertFilters(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	writeFile(t, "jsonl", in, Options{}, sample)
	out := filepath.Join(dir, "out.tsv")
	st, err := Convert(context.Background(), "jsonl", in, "tsv", out, Options{MinScore: 0.5, Dedupe: true})
	require.NoError(t, err)
	assert.Equal(t, 4, st.Read)
	assert.Equal(t, 1, st.Written)
	assert.Equal(t, corpus.Dropped{Unaligned: 1, BelowScore: 1, Duplicates: 1}, st.Dropped)
	got, _ := readFile(t, "tsv", out, Options{})
	assert.Equal(t, "Rama foli.", got[0].Src)
}

func TestConvertMultilingualTMX(t *testing.T) {
	out := filepath.Join(t.TempDir(), "de.tsv")
	var warnings []error
	st, err := Convert(context.Background(), "tmx", "../../testdata/tmx/multilingual.tmx", "tsv", out,
		Options{SrcLang: "sq", TgtLang: "de", Warn: func(err error) { warnings = append(warnings, err) }})
	require.NoError(t, err)
	assert.Equal(t, 2, st.Written)
	assert.Equal(t, 1, st.Skipped)
	assert.Len(t, warnings, 1)
	assert.Equal(t, [2]string{"sq", "de"}, [2]string{st.SrcLang, st.TgtLang})
}

// A conversion that fails half way leaves no output.
func TestConvertFailureLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.tsv")
	require.NoError(t, os.WriteFile(in, []byte("a\tb\t1\nc\td\t0.5\nbroken line\n"), 0o644))
	out := filepath.Join(dir, "out.tmx")
	_, err := Convert(context.Background(), "tsv", in, "tmx", out, Options{})
	assert.ErrorContains(t, err, "in.tsv: tsv: line 3: wrong number of fields: 1")
	assert.NoFileExists(t, out)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "only the input is left")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.NoError(t, os.WriteFile(in, []byte("a\tb\t1\n"), 0o644))
	_, err = Convert(ctx, "tsv", in, "tmx", out, Options{})
	assert.ErrorIs(t, err, context.Canceled)
	assert.NoFileExists(t, out)
}

func TestConvertBadInput(t *testing.T) {
	dir := t.TempDir()
	_, err := Convert(context.Background(), "tsv", filepath.Join(dir, "missing.tsv"), "tmx", filepath.Join(dir, "o.tmx"), Options{})
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = Convert(context.Background(), "tmx", "../../testdata/tmx/okapi.tmx", "tmx", filepath.Join(dir, "o.tmx"), Options{SrcLang: "sq AL", TgtLang: "en"})
	assert.ErrorContains(t, err, "not a BCP 47 tag")
}

// TestConvertIDsToText: an ids file has no text, so it becomes no format
// of translations (it left an empty file, its links counted as unaligned);
// the link formats take it.
func TestConvertIDsToText(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "x.ids")
	require.NoError(t, os.WriteFile(in, []byte("[0]:[0]:0.5\n"), 0o644))
	for _, to := range []string{"tmx", "tsv", "moses"} {
		out := filepath.Join(dir, "out."+to)
		_, err := Convert(context.Background(), "ids", in, to, out, Options{})
		assert.EqualError(t, err, in+": an ids file holds sentence numbers, not text: there is none to write as "+to+" (align the texts again to write it, or convert the links to jsonl)")
		assert.NoFileExists(t, out)
	}
	out := filepath.Join(dir, "out.jsonl")
	st, err := Convert(context.Background(), "ids", in, "jsonl", out, Options{})
	require.NoError(t, err)
	assert.Equal(t, 1, st.Written)
}

func TestConvertEmptyInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "empty.tsv")
	require.NoError(t, os.WriteFile(in, nil, 0o644))
	out := filepath.Join(dir, "empty.tmx")
	st, err := Convert(context.Background(), "tsv", in, "tmx", out, Options{})
	require.NoError(t, err)
	assert.Zero(t, st.Written)
	ps, _ := readFile(t, "tmx", out, Options{})
	assert.Empty(t, ps)
}

// TestConvertUnscoredAndReviewed: pairs without a score (Moses, a plain
// bitext) pass a minimum score and are counted; links a translator
// checked pass every filter and keep their status and score in every
// format that has room for them.
func TestConvertUnscoredAndReviewed(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "in.sq"), []byte("Po.\nJo.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "in.en"), []byte("Yes.\nNo.\n"), 0o644))
	out := filepath.Join(dir, "out.jsonl")
	st, err := Convert(ctx, "moses", filepath.Join(dir, "in"), "jsonl", out, Options{MinScore: 0.5})
	require.NoError(t, err)
	assert.Equal(t, 2, st.Written)
	assert.Equal(t, corpus.Dropped{Unscored: 2}, st.Dropped)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"score":null`)

	reviewed := []corpus.Pair{
		{Src: "Po.", Tgt: "Yes.", Score: 0.1, Status: corpus.StatusConfirmed},
		{Src: "Titulli", Score: 0.2, Status: corpus.StatusEdited},
		{Src: "Jo.", Tgt: "No.", Score: 0.1},
		{Src: "Mirë.", Tgt: "Good.", Unscored: true},
	}
	in := filepath.Join(dir, "reviewed.jsonl")
	writeFile(t, "jsonl", in, Options{}, reviewed)
	for _, via := range []string{"tsv", "jsonl"} {
		mid := filepath.Join(dir, "mid."+via)
		st, err := Convert(ctx, "jsonl", in, via, mid, Options{MinScore: 0.5, Dedupe: true, TSVMeta: true})
		require.NoError(t, err)
		assert.Equal(t, corpus.Dropped{BelowScore: 1, Unscored: 1}, st.Dropped, via)
		got, _ := readFile(t, via, mid, Options{})
		require.Len(t, got, 3, via)
		assert.Equal(t, []corpus.Status{corpus.StatusConfirmed, corpus.StatusEdited, corpus.StatusAuto},
			[]corpus.Status{got[0].Status, got[1].Status, got[2].Status}, via)
		assert.Equal(t, []float64{0.1, 0.2}, []float64{got[0].Score, got[1].Score}, "%s: the score stays beside the status", via)
		assert.True(t, got[2].Unscored, via)
	}
}

// TestCreateRefusesAnInput: an output that is one of the inputs, by any
// name, is refused before anything is written, and the input is intact.
func TestCreateRefusesAnInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.sq") // one of the Moses corpus "in"
	require.NoError(t, os.WriteFile(in, []byte("Po\tYes\t1\n"), 0o644))
	require.NoError(t, os.Symlink("in.sq", filepath.Join(dir, "link.tsv")))
	tests := []struct{ name, format, out string }{
		{"same name", "tsv", in},
		{"a link", "tsv", filepath.Join(dir, "link.tsv")},
		{"moses files", "moses", filepath.Join(dir, "in")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Convert(context.Background(), "tsv", in, tt.format, tt.out, Options{Inputs: []string{in}})
			require.ErrorContains(t, err, "refusing to write over it")
			data, err := os.ReadFile(in)
			require.NoError(t, err)
			assert.Equal(t, "Po\tYes\t1\n", string(data))
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Len(t, entries, 2, "no temporary file is left")
		})
	}
	files, err := Files("moses", filepath.Join(dir, "x"), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{filepath.Join(dir, "x.sq"), filepath.Join(dir, "x.en")}, files)
}

// TestConvertTMXFirstUnitInOtherLanguages: a TMX whose first unit holds
// other languages loses only that unit, skipped and counted.
func TestConvertTMXFirstUnitInOtherLanguages(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.tmx")
	require.NoError(t, os.WriteFile(in, []byte(`<?xml version="1.0"?>
<tmx version="1.4"><header srclang="*all*"/><body>
<tu><tuv xml:lang="de"><seg>Ja.</seg></tuv><tuv xml:lang="fr"><seg>Oui.</seg></tuv></tu>
<tu><tuv xml:lang="sq"><seg>Po.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
<tu><tuv xml:lang="sq"><seg>Jo.</seg></tuv><tuv xml:lang="en"><seg>No.</seg></tuv></tu>
</body></tmx>`), 0o644))
	out := filepath.Join(dir, "out.tsv")
	var warnings []error
	st, err := Convert(context.Background(), "tmx", in, "tsv", out, Options{Warn: func(err error) { warnings = append(warnings, err) }})
	require.NoError(t, err)
	assert.Equal(t, 2, st.Written)
	assert.Equal(t, 1, st.Skipped)
	assert.Len(t, warnings, 1)
	assert.Equal(t, [2]string{"sq", "en"}, [2]string{st.SrcLang, st.TgtLang})
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "Po.\tYes.\t\nJo.\tNo.\t\n", string(data))
}

// TestCreateContextCancelled: a writer whose run is cancelled (Ctrl+C)
// while it writes, or after it wrote everything but before the commit,
// fails and leaves no file, for each format (Moses writes two files); on
// the standard output it stops writing.
func TestCreateContextCancelled(t *testing.T) {
	pair := corpus.Pair{Src: "Po.", Tgt: "Yes.", Score: 0.9, SrcIDs: []int{0}, TgtIDs: []int{0}}
	for _, name := range Names() {
		for _, whileWriting := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/while writing %v", name, whileWriting), func(t *testing.T) {
				dir := t.TempDir()
				ctx, cancel := context.WithCancel(context.Background())
				w, err := CreateContext(ctx, name, filepath.Join(dir, "out."+name), Options{})
				require.NoError(t, err)
				defer w.Close()
				require.NoError(t, w.Write(pair))
				cancel()
				if whileWriting {
					assert.ErrorIs(t, w.Write(pair), context.Canceled)
				}
				assert.ErrorIs(t, w.Commit(), context.Canceled)
				assert.Empty(t, testio.Files(t, dir), "neither an output nor a temporary file")
			})
		}
	}
	t.Run("standard output", func(t *testing.T) {
		var out bytes.Buffer
		ctx, cancel := context.WithCancel(context.Background())
		w, err := CreateContext(ctx, "tsv", "-", Options{Stdout: &out})
		require.NoError(t, err)
		require.NoError(t, w.Write(pair))
		cancel()
		assert.ErrorIs(t, w.Write(pair), context.Canceled)
		assert.ErrorIs(t, w.Commit(), context.Canceled)
		assert.Empty(t, out.String(), "nothing flushed after the cancellation")
	})
}

// TestCreateOutput: an output that is not pairs is refused at once when it
// is an input or a folder, appears only when committed, and not at all
// when the run is cancelled first.
func TestCreateOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	require.NoError(t, os.WriteFile(in, []byte("a\n"), 0o644))
	_, err := CreateOutput(context.Background(), in, nil, in)
	assert.ErrorContains(t, err, "the output is also an input")
	_, err = CreateOutput(context.Background(), dir, nil)
	assert.ErrorContains(t, err, "is a directory")

	out := filepath.Join(dir, "out.tsv")
	ctx, cancel := context.WithCancel(context.Background())
	o, err := CreateOutput(ctx, out, nil, in)
	require.NoError(t, err)
	_, err = o.Write([]byte("x\n"))
	require.NoError(t, err)
	cancel()
	assert.ErrorIs(t, o.Commit(), context.Canceled)
	assert.Equal(t, map[string]string{"in.txt": "a\n"}, testio.Files(t, dir))

	o, err = CreateOutput(context.Background(), out, nil, in)
	require.NoError(t, err)
	_, err = o.Write([]byte("x\n"))
	require.NoError(t, err)
	require.NoError(t, o.Commit())
	assert.Equal(t, map[string]string{"in.txt": "a\n", "out.tsv": "x\n"}, testio.Files(t, dir))

	var stdout bytes.Buffer
	o, err = CreateOutput(context.Background(), "-", &stdout)
	require.NoError(t, err)
	_, err = o.Write([]byte("y\n"))
	require.NoError(t, err)
	require.NoError(t, o.Commit())
	assert.Equal(t, "y\n", stdout.String())
}
