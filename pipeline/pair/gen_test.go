package pair

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/paralel/paralel/internal/shared"
	"github.com/paralel/paralel/pipeline/evalset"
	"github.com/paralel/paralel/pipeline/input"
)

// A unit is a gold link of the development articles: a segment and its
// translation.
type unit struct{ sq, en string }

// loadArticles reads the articles of ntrex-dev-raw as lists of translated
// units, the material the generated collections are made of.
func loadArticles(tb testing.TB) [][]unit {
	dir := shared.Require(tb, "eval/ntrex-dev-raw")
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	lines := func(path string) []string {
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	}
	var out [][]unit
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		d := filepath.Join(dir, e.Name())
		sq, en := lines(filepath.Join(d, "lines.sq")), lines(filepath.Join(d, "lines.en"))
		links, err := evalset.ReadLinks(filepath.Join(d, "gold.lines"))
		if err != nil {
			tb.Fatal(err)
		}
		var art []unit
		for _, l := range links {
			if len(l.Src) == 0 || len(l.Tgt) == 0 {
				continue
			}
			var u unit
			for _, i := range l.Src {
				u.sq += " " + sq[i]
			}
			for _, i := range l.Tgt {
				u.en += " " + en[i]
			}
			art = append(art, unit{strings.TrimSpace(u.sq), strings.TrimSpace(u.en)})
		}
		out = append(out, art)
	}
	return out
}

// A collection is a generated pairing task with its answer.
type generated struct {
	src, tgt []Doc
	gold     map[int]int // source index -> target index
	bytes    int
}

// generate makes a collection like docpair-dev from the development
// articles: n variants of articles, each with its paragraphs shuffled and
// its numbers and names (the words spelt alike on both sides) replaced by
// made-up ones, the same way on both sides; each variant is cut into two
// halves, near twins on one topic; about a tenth of the documents of each
// side lose their partner. Many variants share an article, so documents
// differ mostly by their numbers and names.
func generate(arts [][]unit, n int, seed uint64) *generated {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := &generated{gold: map[int]int{}}
	type half struct{ sq, en string }
	var halves []half
	for range n {
		art := arts[rng.IntN(len(arts))]
		names := map[string]string{}
		var paras [][]unit
		for i := 0; i < len(art); {
			k := 1 + rng.IntN(3)
			paras = append(paras, rewrite(art[i:min(i+k, len(art))], names, rng))
			i += k
		}
		rng.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
		cut := (len(paras) + 1) / 2
		for _, part := range [][][]unit{paras[:cut], paras[cut:]} {
			if len(part) == 0 {
				continue
			}
			var sq, en []string
			for _, p := range part {
				var s, e []string
				for _, u := range p {
					s, e = append(s, u.sq), append(e, u.en)
				}
				sq, en = append(sq, strings.Join(s, " ")), append(en, strings.Join(e, " "))
			}
			halves = append(halves, half{strings.Join(sq, "\n\n"), strings.Join(en, "\n\n")})
		}
	}
	// Each side in its own order, a tenth of each without partner.
	srcOrder, tgtOrder := rng.Perm(len(halves)), rng.Perm(len(halves))
	where := make([]int, len(halves))
	for _, h := range tgtOrder {
		if rng.IntN(10) == 0 {
			where[h] = -1
			continue
		}
		where[h] = len(g.tgt)
		g.tgt = append(g.tgt, Text(name("e", len(g.tgt)), halves[h].en, input.Options{Lang: "en"}))
		g.bytes += len(halves[h].en)
	}
	for _, h := range srcOrder {
		if rng.IntN(10) == 0 {
			continue
		}
		if where[h] >= 0 {
			g.gold[len(g.src)] = where[h]
		}
		g.src = append(g.src, Text(name("d", len(g.src)), halves[h].sq, input.Options{Lang: "sq"}))
		g.bytes += len(halves[h].sq)
	}
	return g
}

func name(prefix string, i int) string { return fmt.Sprintf("%s%06d", prefix, i) }

// rewrite gives the units new numbers and names: a number or a capitalised
// word found on both sides of a unit is replaced by a made-up one on both,
// a number on one side only by a random one. names keeps a document's
// replacements, so that a name stays the same throughout.
func rewrite(units []unit, names map[string]string, rng *rand.Rand) []unit {
	out := make([]unit, len(units))
	for i, u := range units {
		sqWords := wordSet(u.sq)
		repl := func(w string) string {
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsDigit(r):
				if _, ok := names[w]; !ok {
					names[w] = randomNumber(w, rng)
				}
				return names[w]
			case unicode.IsUpper(r) && len(w) > 2 && sqWords[w]:
				if _, ok := names[w]; !ok {
					names[w] = randomName(rng)
				}
				return names[w]
			}
			return w
		}
		out[i] = unit{mapWords(u.sq, repl), mapWords(u.en, repl)}
	}
	return out
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	mapWords(s, func(w string) string { set[w] = true; return w })
	return set
}

// mapWords replaces every run of letters or of digits of s by f of it.
func mapWords(s string, f func(string) string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		class := func(r rune) int {
			switch {
			case unicode.IsDigit(r):
				return 1
			case unicode.IsLetter(r):
				return 2
			}
			return 0
		}
		c := class(r)
		if c == 0 {
			b.WriteString(s[i : i+w])
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if class(r2) != c {
				break
			}
			j += w2
		}
		b.WriteString(f(s[i:j]))
		i = j
	}
	return b.String()
}

func randomNumber(digits string, rng *rand.Rand) string {
	b := make([]byte, len(digits))
	for i := range b {
		b[i] = byte('0' + rng.IntN(10))
	}
	if len(b) > 1 && b[0] == '0' {
		b[0] = '1' + byte(rng.IntN(9))
	}
	return string(b)
}

func randomName(rng *rand.Rand) string {
	const cons, vows = "bcdfghjklmnprstvz", "aeiou"
	var b []byte
	for range 2 + rng.IntN(2) {
		b = append(b, cons[rng.IntN(len(cons))], vows[rng.IntN(len(vows))])
	}
	b = append(b, cons[rng.IntN(len(cons))])
	b[0] = byte(unicode.ToUpper(rune(b[0])))
	return string(b)
}

// f1 compares a pairing with the gold of a generated collection.
func (g *generated) f1(res *Result) (p, r, f float64) {
	hit := 0
	for _, m := range res.Pairs {
		if t, ok := g.gold[m.Src]; ok && t == m.Tgt {
			hit++
		}
	}
	if len(res.Pairs) > 0 {
		p = float64(hit) / float64(len(res.Pairs))
	}
	if len(g.gold) > 0 {
		r = float64(hit) / float64(len(g.gold))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
