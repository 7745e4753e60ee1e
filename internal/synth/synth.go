// Package synth makes synthetic document pairs for the tests and
// benchmarks of runs at scale: any number of documents, each the same on
// every call, written as the JSON lines of documents that paralel batch -
// and the Beam pipeline read. The words are made up from syllables, a
// source word and its translation spelt differently, with numbers and
// names shared by both sides as real translations share them; a sentence
// is now and then split in two or left untranslated, so that the aligner
// has more than 1-1 links to find.
package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// vocabSize is the number of word pairs.
const vocabSize = 800

var srcSyl = []string{"ka", "ve", "shi", "rë", "ta", "no", "më", "gji", "lu", "pa", "ço", "dhe"}
var tgtSyl = []string{"ber", "ton", "al", "wi", "mo", "ste", "ran", "ex", "ly", "dor", "ping", "cu"}

var vocab = func() [vocabSize][2]string {
	var v [vocabSize][2]string
	for i := range v {
		v[i] = [2]string{word(i, srcSyl), word(i*7+3, tgtSyl)}
	}
	return v
}()

// word spells the number i in syllables, two or three of them.
func word(i int, syl []string) string {
	n := len(syl)
	w := syl[i%n] + syl[(i/n)%n]
	if i%3 != 0 {
		w += syl[(i/(n*n)+i)%n]
	}
	return w
}

var names = []string{"Tirana", "Prishtina", "Berisha", "Kosova", "Durrës", "Rama", "Shkodra", "Vlora"}

// Doc returns the name and the two texts of document i: a few
// paragraphs, one line each, of a few sentences.
func Doc(i int) (name, src, tgt string) {
	r := rand.New(rand.NewPCG(uint64(i), 0x5ca1e))
	var sp, tp []string
	paras := 2 + r.IntN(4)
	for range paras {
		var ss, ts []string
		sents := 1 + r.IntN(4)
		for range sents {
			sw, tw := sentence(r)
			switch x := r.IntN(20); {
			case x == 0: // left untranslated
				tw = ""
			case x == 1 && len(tw) > 40: // split in two in the translation
				tw = splitSentence(tw)
			}
			ss = append(ss, sw)
			if tw != "" {
				ts = append(ts, tw)
			}
		}
		if len(ts) == 0 {
			ts = append(ts, "Ly.")
		}
		sp = append(sp, strings.Join(ss, " "))
		tp = append(tp, strings.Join(ts, " "))
	}
	src, tgt = strings.Join(sp, "\n"), strings.Join(tp, "\n")
	return fmt.Sprintf("doc-%07d", i), src, tgt
}

// sentence makes a sentence and its translation.
func sentence(r *rand.Rand) (src, tgt string) {
	n := 5 + r.IntN(10)
	sw, tw := make([]string, n), make([]string, n)
	for k := range n {
		switch x := r.IntN(30); {
		case x == 0:
			num := fmt.Sprint(r.IntN(3000))
			sw[k], tw[k] = num, num
		case x == 1:
			nm := names[r.IntN(len(names))]
			sw[k], tw[k] = nm, nm
		default:
			// Zipf-like: common words are common.
			p := vocab[int(float64(vocabSize)*r.Float64()*r.Float64())]
			sw[k], tw[k] = p[0], p[1]
		}
	}
	sw[0], tw[0] = capital(sw[0]), capital(tw[0])
	return strings.Join(sw, " ") + ".", strings.Join(tw, " ") + "."
}

// splitSentence ends a sentence after its middle word and starts another.
func splitSentence(s string) string {
	words := strings.Fields(strings.TrimSuffix(s, "."))
	mid := len(words) / 2
	return strings.Join(words[:mid], " ") + ". " + capital(strings.Join(words[mid:], " ")) + "."
}

func capital(w string) string {
	if w == "" {
		return w
	}
	r := []rune(w)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// A Record is the JSON line of a document.
type Record struct {
	Doc string `json:"doc"`
	Src string `json:"src"`
	Tgt string `json:"tgt"`
}

// WriteJSONLines writes documents from to to-1 as JSON lines of documents.
func WriteJSONLines(w io.Writer, from, to int) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := from; i < to; i++ {
		name, src, tgt := Doc(i)
		if err := enc.Encode(Record{name, src, tgt}); err != nil {
			return err
		}
	}
	return bw.Flush()
}
