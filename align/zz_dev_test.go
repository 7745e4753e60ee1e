package align

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/paralel/paralel/corpus"
)

func devRead(p string) []corpus.Sentence {
	b, err := os.ReadFile(p)
	if err != nil {
		panic(err)
	}
	s := strings.TrimRight(string(b), "\n")
	var out []corpus.Sentence
	if s == "" {
		return nil
	}
	for i, l := range strings.Split(s, "\n") {
		out = append(out, corpus.Sentence{Text: strings.TrimSpace(l), Para: i})
	}
	return out
}

func fmtIDs(x []int) string {
	var p []string
	for _, v := range x {
		p = append(p, fmt.Sprint(v))
	}
	return "[" + strings.Join(p, ", ") + "]"
}

// DEVSET=../shared/eval/ntrex-dev DEVMODE=all|each go test -run TestDev ./align
func TestDev(t *testing.T) {
	set := os.Getenv("DEVSET")
	if set == "" {
		t.Skip()
	}
	out := os.Getenv("DEVOUT")
	if out == "" {
		out = "/tmp/devout"
	}
	ents, _ := os.ReadDir(set)
	var docs []Bitext
	var names []string
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		d := filepath.Join(set, e.Name())
		docs = append(docs, Bitext{Name: e.Name(), Src: devRead(filepath.Join(d, "sq.sent")), Tgt: devRead(filepath.Join(d, "en.sent"))})
		names = append(names, e.Name())
	}
	opt := Options{SrcLang: os.Getenv("SL"), TgtLang: os.Getenv("TL"), NoSeedLexicon: os.Getenv("NOSEED") != "", NoInducedLexicon: os.Getenv("NOIND") != ""}
	t0 := time.Now()
	var res [][]Link
	if os.Getenv("DEVMODE") == "each" {
		for _, d := range docs {
			res = append(res, Align(d.Src, d.Tgt, opt))
		}
	} else {
		res = AlignAll(docs, opt)
	}
	t.Logf("aligned in %v", time.Since(t0))
	type sl struct {
		score float64
		wrong bool
	}
	var all []sl
	for i, links := range res {
		gold := map[string]bool{}
		gb, _ := os.ReadFile(filepath.Join(set, names[i], "gold.txt"))
		for _, l := range strings.Split(string(gb), "\n") {
			gold[strings.TrimSpace(l)] = true
		}
		os.MkdirAll(filepath.Join(out, names[i]), 0o755)
		var b strings.Builder
		for _, l := range links {
			s := fmtIDs(l.Src) + ":" + fmtIDs(l.Tgt)
			fmt.Fprintf(&b, "%s\n", s)
			if os.Getenv("SHOW") != "" && !gold[s] {
				t.Logf("%s %s %.3f WRONG", names[i], s, l.Score)
			}
			all = append(all, sl{l.Score, !gold[s]})
		}
		os.WriteFile(filepath.Join(out, names[i], "pred.txt"), []byte(b.String()), 0o644)
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].score < all[b].score })
	wrong, low := 0, 0
	for i, x := range all {
		if x.wrong {
			wrong++
			if i < len(all)/10 {
				low++
			}
		}
	}
	t.Logf("links %d wrong %d, in lowest 10%%: %d (%.2f)", len(all), wrong, low, float64(low)/float64(max(wrong, 1)))
	o, err := exec.Command("python3", filepath.Join(set, "..", "score.py"), "ids", set, out).CombinedOutput()
	t.Logf("%s %v", o, err)
}

// DEVSET=... DEVREP=40 go test -run TestDevConcat
func TestDevConcat(t *testing.T) {
	set := os.Getenv("DEVSET")
	if set == "" || os.Getenv("DEVREP") == "" {
		t.Skip()
	}
	var rep int
	fmt.Sscan(os.Getenv("DEVREP"), &rep)
	ents, _ := os.ReadDir(set)
	var src, tgt []corpus.Sentence
	gold := map[string]bool{}
	ngold := 0
	for r := 0; r < rep; r++ {
		for _, e := range ents {
			if !e.IsDir() {
				continue
			}
			d := filepath.Join(set, e.Name())
			s, g := devRead(filepath.Join(d, "sq.sent")), devRead(filepath.Join(d, "en.sent"))
			gb, _ := os.ReadFile(filepath.Join(d, "gold.txt"))
			for _, l := range strings.Split(strings.TrimSpace(string(gb)), "\n") {
				a, b, _ := strings.Cut(l, ":")
				parse := func(x string, off int) []int {
					x = strings.Trim(x, "[] ")
					var out []int
					for _, f := range strings.Split(x, ",") {
						f = strings.TrimSpace(f)
						if f == "" {
							continue
						}
						var v int
						fmt.Sscan(f, &v)
						out = append(out, v+off)
					}
					return out
				}
				gold[fmtIDs(parse(a, len(src)))+":"+fmtIDs(parse(b, len(tgt)))] = true
				ngold++
			}
			src = append(src, s...)
			tgt = append(tgt, g...)
		}
	}
	t0 := time.Now()
	links := Align(src, tgt, Options{SrcLang: "sq", TgtLang: "en"})
	t.Logf("%d x %d aligned in %v", len(src), len(tgt), time.Since(t0))
	hit := 0
	for _, l := range links {
		if gold[fmtIDs(l.Src)+":"+fmtIDs(l.Tgt)] {
			hit++
		}
	}
	p, r := float64(hit)/float64(len(links)), float64(hit)/float64(ngold)
	t.Logf("strict P %.4f R %.4f F %.4f (approx, deletions in recall)", p, r, 2*p*r/(p+r))
}
