package segment

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neurosnap/sentences/english"

	"github.com/paralel/paralel/internal/shared"

	"github.com/paralel/paralel/corpus"
)

// benchText is about 10 MB of Albanian news text: the sample article and,
// when ../shared is present, the Albanian side of ntrex-dev-raw, repeated.
func benchText(b *testing.B) []byte {
	b.Helper()
	var unit []byte
	sample, err := os.ReadFile(filepath.Join("..", "testdata", "rama", "sq.txt"))
	if err != nil {
		b.Fatal(err)
	}
	unit = append(unit, sample...)
	if d, ok := shared.Dir(); ok {
		files, _ := filepath.Glob(filepath.Join(d, "eval", "ntrex-dev-raw", "*", "sq.txt"))
		for _, f := range files {
			t, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			unit = append(unit, t...)
			unit = append(unit, '\n')
		}
	}
	return bytes.Repeat(unit, 10<<20/len(unit)+1)
}

// BenchmarkReadAlbanian measures reading and splitting Albanian news text
// on one core, from bytes to sentences; MB/s is the throughput.
func BenchmarkReadAlbanian(b *testing.B) {
	text := benchText(b)
	opt := corpus.ReadOptions{Lang: "sq"}
	if _, err := NewSplitter("sq"); err != nil { // load the data outside the timing
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sr := NewReader(bytes.NewReader(text), opt)
		for {
			if _, err := sr.Read(); err != nil {
				break
			}
		}
	}
}

// BenchmarkSplitAlbanian measures the splitter alone, paragraph by
// paragraph.
func BenchmarkSplitAlbanian(b *testing.B) {
	paras := bytes.Split(benchText(b), []byte("\n"))
	strs := make([]string, len(paras))
	n := 0
	for i, p := range paras {
		strs[i] = string(p)
		n += len(p) + 1
	}
	sp, err := NewSplitter("sq")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range strs {
			sp.Split(p)
		}
	}
}

// BenchmarkSplitEnglish compares the splitter with the Punkt tokenizer of
// neurosnap/sentences, whose English model it borrows, on the paragraphs
// of the English side of ntrex-dev-raw.
func BenchmarkSplitEnglish(b *testing.B) {
	d := shared.Require(b, "eval/ntrex-dev-raw")
	files, _ := filepath.Glob(filepath.Join(d, "*", "en.txt"))
	var paras []string
	n := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for p := range strings.Lines(string(t)) {
			paras = append(paras, p)
			n += len(p)
		}
	}
	sp, err := NewSplitter("en")
	if err != nil {
		b.Fatal(err)
	}
	punkt, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("splitter", func(b *testing.B) {
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, p := range paras {
				sp.Split(p)
			}
		}
	})
	b.Run("punkt", func(b *testing.B) {
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, p := range paras {
				punkt.Tokenize(p)
			}
		}
	})
}

// BenchmarkSplitLongLine splits lines of 50 KB that offer the splitter
// nothing or everything to look at; time per byte must not grow with the
// length of the line.
func BenchmarkSplitLongLine(b *testing.B) {
	sp, err := NewSplitter("sq")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, unit string }{
		{"words", "fjalë "},
		{"letters", "a"},
		{"periods", ". "},
		{"titles", "z. "},
		{"no-space", "ab.Cd"},
		{"dashes", "x. – "},
	} {
		line := strings.Repeat(bc.unit, 50_000/len(bc.unit))
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(line)))
			for b.Loop() {
				sp.Split(line)
			}
		})
	}
}
