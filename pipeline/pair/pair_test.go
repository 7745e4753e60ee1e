package pair

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/pipeline/input"
)

// sample makes a small collection from the documents of testdata: the
// sample article cut into three parts on one topic, near twins, and two
// short articles. Source names are sN, target names tN, partners share N.
func sample(t *testing.T) (src, tgt map[string]string) {
	t.Helper()
	read := func(path string) string {
		b, err := os.ReadFile(filepath.Join("../../testdata", path))
		require.NoError(t, err)
		return string(b)
	}
	paras := func(s string) []string { return strings.Split(strings.TrimSpace(s), "\n\n") }
	sq, en := paras(read("rama/sq.txt")), paras(read("rama/en.txt"))
	require.Len(t, sq, 10)
	require.Len(t, en, 10)
	src, tgt = map[string]string{}, map[string]string{}
	// Where the paragraphs of the two sides meet (the Albanian side has a
	// title and a caption, the English two link captions of its own).
	for i, cut := range [][4]int{{0, 5, 0, 3}, {5, 8, 3, 7}, {8, 10, 7, 10}} {
		n := string(rune('1' + i))
		src["s"+n] = strings.Join(sq[cut[0]:cut[1]], "\n\n")
		tgt["t"+n] = strings.Join(en[cut[2]:cut[3]], "\n\n")
	}
	src["s4"], tgt["t4"] = read("batch/bashkia/sq.txt"), read("batch/bashkia/en.txt")
	src["s5"], tgt["t5"] = read("batch/moti/sq.txt"), read("batch/moti/en.txt")
	return src, tgt
}

func docs(texts map[string]string, lang string) []Doc {
	var out []Doc
	for name, text := range texts {
		out = append(out, Text(name, text, input.Options{Lang: lang}))
	}
	// Map order is random: sort by name so that failures repeat.
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Name < out[i].Name {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// pairs runs Pair and returns its pairs by name and its problems by name.
func pairs(t *testing.T, src, tgt []Doc, opt Options) (map[string]string, map[string]string) {
	t.Helper()
	if opt.SrcLang == "" {
		opt.SrcLang, opt.TgtLang = "sq", "en"
	}
	res, err := Pair(src, tgt, opt)
	require.NoError(t, err)
	got := map[string]string{}
	for _, m := range res.Pairs {
		got[src[m.Src].Name] = tgt[m.Tgt].Name
		assert.GreaterOrEqual(t, m.Score, DefaultMinScore)
		assert.LessOrEqual(t, m.Score, 1.0)
	}
	problems := map[string]string{}
	for _, p := range res.Problems {
		side := src
		if p.Side == Tgt {
			side = tgt
		}
		problems[side[p.Doc].Name] = p.Reason
	}
	// Every document is paired or listed unpaired, never both.
	n := len(res.Pairs) + len(res.Unpaired[Src])
	assert.Equal(t, len(src), n)
	assert.Equal(t, len(tgt), len(res.Pairs)+len(res.Unpaired[Tgt]))
	return got, problems
}

var samplePairs = map[string]string{"s1": "t1", "s2": "t2", "s3": "t3", "s4": "t4", "s5": "t5"}

func TestPairSample(t *testing.T) {
	src, tgt := sample(t)
	got, problems := pairs(t, docs(src, "sq"), docs(tgt, "en"), Options{})
	assert.Equal(t, samplePairs, got)
	assert.Empty(t, problems)
}

func TestPairBadInput(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(src, tgt map[string]string)
		pairs    map[string]string
		problems map[string]string // document -> part of the reason
	}{{
		name: "empty documents",
		edit: func(src, tgt map[string]string) {
			src["s6"] = ""
			tgt["t6"] = " \n\n \t\n"
		},
		pairs:    samplePairs,
		problems: map[string]string{"s6": "empty", "t6": "empty"},
	}, {
		name: "the same text twice on one side",
		edit: func(src, tgt map[string]string) {
			tgt["t0"] = tgt["t5"]
		},
		pairs: map[string]string{"s1": "t1", "s2": "t2", "s3": "t3", "s4": "t4", "s5": "t0"},
		// t0 comes first, so t5 is the copy.
		problems: map[string]string{"t5": "the same text as t0"},
	}, {
		name: "mixed languages on one side",
		edit: func(src, tgt map[string]string) {
			src["s6"] = tgt["t4"] // English among the Albanian
			tgt["t6"] = src["s5"] // Albanian among the English
		},
		pairs:    samplePairs,
		problems: map[string]string{"s6": "looks like the target language", "t6": "looks like the source language"},
	}, {
		name: "documents without partner",
		edit: func(src, tgt map[string]string) {
			delete(tgt, "t2")
			delete(src, "s4")
		},
		pairs:    map[string]string{"s1": "t1", "s3": "t3", "s5": "t5"},
		problems: map[string]string{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, tgt := sample(t)
			tt.edit(src, tgt)
			got, problems := pairs(t, docs(src, "sq"), docs(tgt, "en"), Options{})
			assert.Equal(t, tt.pairs, got)
			assert.Len(t, problems, len(tt.problems))
			for name, reason := range tt.problems {
				assert.Contains(t, problems[name], reason, name)
			}
		})
	}
}

func TestPairOneLanguage(t *testing.T) {
	src, tgt := sample(t)
	// Both sides English: the target folder given twice.
	_, err := Pair(docs(tgt, "en"), docs(tgt, "en"), Options{SrcLang: "sq", TgtLang: "en"})
	assert.True(t, errors.Is(err, ErrOneLanguage), "%v", err)
	// Both sides Albanian.
	_, err = Pair(docs(src, "sq"), docs(src, "sq"), Options{SrcLang: "sq", TgtLang: "en"})
	assert.True(t, errors.Is(err, ErrOneLanguage), "%v", err)
}

func TestPairUnreadable(t *testing.T) {
	src, tgt := sample(t)
	s := docs(src, "sq")
	s = append(s, File(filepath.Join(t.TempDir(), "missing.txt"), input.Options{Lang: "sq"}))
	bin := filepath.Join(t.TempDir(), "binary.txt")
	require.NoError(t, os.WriteFile(bin, []byte("Rama\x00\x01\x02"), 0o644))
	s = append(s, File(bin, input.Options{Lang: "sq"}))
	res, err := Pair(s, docs(tgt, "en"), Options{SrcLang: "sq", TgtLang: "en"})
	require.NoError(t, err)
	assert.Len(t, res.Pairs, 5)
	require.Len(t, res.Problems, 2)
	assert.Contains(t, res.Problems[0].Reason, "missing.txt")
	assert.Contains(t, res.Problems[1].Reason, "binary")
}

func TestPairNothing(t *testing.T) {
	res, err := Pair(nil, nil, Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Pairs)
	src, _ := sample(t)
	res, err = Pair(docs(src, "sq"), nil, Options{SrcLang: "sq", TgtLang: "en"})
	require.NoError(t, err)
	assert.Empty(t, res.Pairs)
	assert.Len(t, res.Unpaired[Src], len(src))
}

// TestDevSets measures the pairing of the development sets; docpair-dev
// must reach 0.99 precision and recall.
func TestDevSets(t *testing.T) {
	for _, set := range []struct {
		dir, src, tgt string
		precision     float64
		recall        float64
	}{
		{"eval/docpair-dev", "sq", "en", 0.99, 0.99},
		// German and French, no seed lexicon. One gold pair has an empty
		// German chapter, which is never paired.
		{"eval/docpair-dev-book", "de", "fr", 0.9, 0.9},
	} {
		t.Run(filepath.Base(set.dir), func(t *testing.T) {
			dir := shared.Require(t, set.dir)
			src, err := Load(filepath.Join(dir, "sq"), input.Options{Lang: set.src})
			require.NoError(t, err)
			tgt, err := Load(filepath.Join(dir, "en"), input.Options{Lang: set.tgt})
			require.NoError(t, err)
			res, err := Pair(src, tgt, Options{SrcLang: set.src, TgtLang: set.tgt})
			require.NoError(t, err)
			f, err := os.Open(filepath.Join(dir, "gold.tsv"))
			require.NoError(t, err)
			defer f.Close()
			gold, err := ReadLines(f)
			require.NoError(t, err)
			s := Compare(gold, res.Lines(src, tgt, false))
			t.Logf("%s: %d pairs, %d gold, %d right: precision %.4f recall %.4f F1 %.4f", set.dir, s.Pred, s.Gold, s.Correct, s.Precision, s.Recall, s.F1)
			for _, p := range res.Problems {
				t.Logf("left out: %s %s: %s", p.Side, []Doc{src[min(p.Doc, len(src)-1)], tgt[min(p.Doc, len(tgt)-1)]}[p.Side].Name, p.Reason)
			}
			assert.GreaterOrEqual(t, s.Precision, set.precision)
			assert.GreaterOrEqual(t, s.Recall, set.recall)
		})
	}
}

func TestPairRepeats(t *testing.T) {
	src, tgt := sample(t)
	src["s6"], tgt["t6"] = src["s1"]+"\n\n"+src["s5"], tgt["t2"]+"\n\n"+tgt["t4"]
	first, err := Pair(docs(src, "sq"), docs(tgt, "en"), Options{SrcLang: "sq", TgtLang: "en", Workers: 4})
	require.NoError(t, err)
	for range 5 {
		again, err := Pair(docs(src, "sq"), docs(tgt, "en"), Options{SrcLang: "sq", TgtLang: "en", Workers: 4})
		require.NoError(t, err)
		require.Equal(t, first, again)
	}
}

// TestFormats pairs the articles of formats-dev across formats: the
// Albanian side in one, the English side in another. (PDF, DOCX and ODT
// join when package input reads them.)
func TestFormats(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 240 documents in several formats: not under -short")
	}
	dir := shared.Require(t, "eval/formats-dev")
	for _, v := range [][2]string{{"html", "enc"}, {"srt", "html"}, {"enc2", "vtt"}} {
		t.Run(v[0]+"-"+v[1], func(t *testing.T) {
			side := func(variant, lang string) []Doc {
				files, err := filepath.Glob(filepath.Join(dir, variant, "*", lang+".*"))
				require.NoError(t, err)
				require.NotEmpty(t, files)
				var out []Doc
				for _, f := range files {
					out = append(out, File(f, input.Options{Lang: lang}))
				}
				return out
			}
			src, tgt := side(v[0], "sq"), side(v[1], "en")
			res, err := Pair(src, tgt, Options{SrcLang: "sq", TgtLang: "en"})
			require.NoError(t, err)
			right := 0
			for _, m := range res.Pairs {
				if filepath.Base(filepath.Dir(src[m.Src].Name)) == filepath.Base(filepath.Dir(tgt[m.Tgt].Name)) {
					right++
				}
			}
			t.Logf("%s against %s: %d pairs of %d documents, %d right, %d problems", v[0], v[1], len(res.Pairs), len(src), right, len(res.Problems))
			for _, p := range res.Problems {
				t.Errorf("%s", p.Reason)
			}
			assert.GreaterOrEqual(t, right, len(src)*95/100)
			assert.Equal(t, right, len(res.Pairs))
		})
	}
}

func TestPairProgress(t *testing.T) {
	src, tgt := sample(t)
	var last [2]int
	calls := 0
	_, err := Pair(docs(src, "sq"), docs(tgt, "en"), Options{SrcLang: "sq", TgtLang: "en", Workers: 1,
		Progress: func(done, total int) {
			calls++
			assert.LessOrEqual(t, done, total)
			assert.GreaterOrEqual(t, done, last[0], "never backwards")
			last = [2]int{done, total}
		}})
	require.NoError(t, err)
	assert.Greater(t, calls, 10)
	assert.Equal(t, last[0], last[1], "ends complete")
	assert.Greater(t, last[1], len(src)+len(tgt), "checking counts too")
}

// TestFlagMinScore: a flag of 0 or less asks for every pair, which Options
// spells as a negative MinScore; other values pass as they are.
func TestFlagMinScore(t *testing.T) {
	tests := []struct{ flag, want float64 }{
		{0, -1}, {-0.5, -1}, {0.25, 0.25}, {1, 1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FlagMinScore(tt.flag), "flag %v", tt.flag)
	}
}

// TestPairWarnings: a problem met in reading a document that did not stop
// the reading (a subtitle cue whose timing is broken) is in
// Result.Warnings once, naming the input and the line, though the
// document is read again for the check; the others are paired all the
// same.
func TestPairWarnings(t *testing.T) {
	src, tgt := sample(t)
	srt, err := os.ReadFile("../../testdata/formats/en.srt")
	require.NoError(t, err)
	broken := strings.Replace(string(srt), "00:00:03,000 --> 00:00:06,000", "00:00:03,000 - -> 00:00:06,000", 1)
	tgtDocs := append(docs(tgt, "en"), Text("t6.srt", broken, input.Options{Lang: "en"}))
	res, err := Pair(docs(src, "sq"), tgtDocs, Options{SrcLang: "sq", TgtLang: "en"})
	require.NoError(t, err)
	assert.Equal(t, []Warning{{Side: Tgt, Doc: 5, Text: `t6.srt: srt: line 7: cue timing not understood, left out with the cue's number: "00:00:03,000 - -> 00:00:06,000"`}}, res.Warnings)
	assert.Len(t, res.Pairs, len(samplePairs))
}
