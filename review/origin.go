package review

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/tmx"
)

// An Origin is what a review begun from an export, rather than from two
// texts, keeps of that export, so that Save writes back as it was what the
// review did not change: the export's units in order, with the props the
// formats carry and, from a TMX, each unit as the file wrote it (its other
// languages, notes, props, attributes and inline codes), and the unit each
// sentence came from.
//
// A row that holds exactly the sentences of one unit is that unit, written
// back as it was but for its status. A row the review made is written
// afresh, naming the document of its first sentence's unit, with the link
// type its sentences had in their units (a row joining a 2-1 and a 1-1 unit
// is a 3-2). Units that gave no sentence (a TMX unit without the two
// languages) are written back where they were.
type Origin struct {
	Header  string // a TMX's <header>, as written
	Units   []Unit
	SrcUnit []int // the unit of each source sentence
	TgtUnit []int // the unit of each target sentence

	sizes []int // sentences of each unit, counted by check
}

// A Unit is one unit of the export a review began from.
type Unit struct {
	// Pair holds the unit's props: document, link type, score, status,
	// sentence position. Its texts are the sentences'.
	Pair corpus.Pair
	// XML is a TMX unit as the file wrote it; empty for other formats.
	XML string
}

// check verifies that o fits texts of nsrc and ntgt sentences: one unit a
// sentence, in the order of the units.
func (o *Origin) check(nsrc, ntgt int) error {
	o.sizes = make([]int, len(o.Units))
	for s, side := range [2][]int{o.SrcUnit, o.TgtUnit} {
		if n := [2]int{nsrc, ntgt}[s]; len(side) != n {
			return fmt.Errorf("origin: %d units for %d %s sentences", len(side), n, Side(s))
		}
		last := 0
		for i, u := range side {
			if u < last || u >= len(o.Units) {
				return fmt.Errorf("origin: %s sentence %d: unit %d out of order or range", Side(s), i, u)
			}
			last = u
			o.sizes[u]++
		}
	}
	return nil
}

// unitOf returns the unit whose sentences r holds, all of them and no
// other; ok is false for a row the review made.
func (o *Origin) unitOf(r Row) (u int, ok bool) {
	u = -1
	for s, ids := range [2][]int{r.Src, r.Tgt} {
		for _, id := range ids {
			v := [2][]int{o.SrcUnit, o.TgtUnit}[s][id]
			if u >= 0 && v != u {
				return -1, false
			}
			u = v
		}
	}
	return u, u >= 0 && o.sizes[u] == len(r.Src)+len(r.Tgt)
}

// first returns the unit of the first sentence of r.
func (o *Origin) first(r Row) int {
	u := len(o.Units)
	if len(r.Src) > 0 {
		u = o.SrcUnit[r.Src[0]]
	}
	if len(r.Tgt) > 0 {
		u = min(u, o.TgtUnit[r.Tgt[0]])
	}
	return u
}

// span returns the rows around rows[at] whose first units name the same
// document, as rows[a:b].
func (o *Origin) span(rows []Row, at int) (a, b int) {
	if len(rows) == 0 {
		return 0, 0
	}
	at = max(0, min(at, len(rows)-1))
	doc := func(i int) string { return o.Units[o.first(rows[i])].Pair.Doc }
	d := doc(at)
	for a = at; a > 0 && doc(a-1) == d; a-- {
	}
	for b = at + 1; b < len(rows) && doc(b) == d; b++ {
	}
	return a, b
}

// An item is what Save writes for a row or a unit: a TMX unit as written,
// or else a pair.
type item struct {
	pair corpus.Pair
	xml  string
}

// items returns what to write for rows over the sentences src and tgt, in
// order. doc, when not empty, is the document every pair names.
func (o *Origin) items(src, tgt []corpus.Sentence, rows []Row, doc string) []item {
	var out []item
	next := 0 // the next unit that gave no sentence and is not yet written
	flush := func(until int) {
		for ; next < until; next++ {
			if o.sizes[next] == 0 && o.Units[next].XML != "" {
				out = append(out, item{xml: o.Units[next].XML})
			}
		}
	}
	for _, r := range rows {
		flush(o.first(r))
		p := Pairs(src, tgt, []Row{r}, doc)[0]
		if u, ok := o.unitOf(r); ok {
			out = append(out, o.unit(u, p, doc))
			continue
		}
		out = append(out, item{pair: o.made(r, p, doc)})
	}
	flush(len(o.Units))
	return out
}

// unit is the item of a unit the review left as it was but for its status,
// made of the row's pair p.
func (o *Origin) unit(u int, p corpus.Pair, doc string) item {
	orig := o.Units[u].Pair
	orig.Src, orig.Tgt, orig.Status = p.Src, p.Tgt, p.Status
	if doc != "" {
		orig.Doc = doc
	}
	it := item{pair: orig, xml: o.Units[u].XML}
	if it.xml == "" {
		return it
	}
	var err error
	if orig.Status != o.Units[u].Pair.Status {
		it.xml, err = tmx.SetProp(it.xml, "x-status", string(orig.Status))
	}
	if err == nil && orig.Doc != o.Units[u].Pair.Doc {
		it.xml, err = tmx.SetProp(it.xml, "x-document", orig.Doc)
	}
	if err != nil { // not a unit SetProp can edit: write the pair instead
		it.xml = ""
	}
	return it
}

// made returns the pair of a row the review made, p, with the document of
// its first unit and the link type and positions of its sentences there.
func (o *Origin) made(r Row, p corpus.Pair, doc string) corpus.Pair {
	first := o.Units[o.first(r)].Pair
	p.Doc = cmp.Or(doc, first.Doc)
	// Each sentence stands for the sentences its side held in its unit.
	var n [2]int
	var pos [2][]int
	known := true
	for s, ids := range [2][]int{r.Src, r.Tgt} {
		for _, id := range ids {
			u := o.Units[[2][]int{o.SrcUnit, o.TgtUnit}[s][id]].Pair
			n[s] += sides(u)[s]
			upos := [2][]int{u.SrcIDs, u.TgtIDs}[s]
			known = known && len(upos) > 0 && u.Doc == first.Doc
			pos[s] = append(pos[s], upos...)
		}
	}
	p.SrcIDs, p.TgtIDs = nil, nil
	if known {
		p.SrcIDs, p.TgtIDs = pos[0], pos[1]
	}
	p.Link = strconv.Itoa(n[0]) + "-" + strconv.Itoa(n[1])
	return p
}

// sides returns how many sentences each side of p holds, by its link
// type; a side with text counts at least one.
func sides(p corpus.Pair) [2]int {
	a, b, _ := strings.Cut(p.Type(), "-")
	n := [2]int{}
	for s, t := range [2]string{a, b} {
		k, err := strconv.Atoi(t)
		if err != nil || k < 1 {
			k = 1
		}
		n[s] = k
	}
	return n
}

// originFile is an Origin in the session file.
type originFile struct {
	Header  string     `json:"header,omitempty"`
	Units   []unitFile `json:"units"`
	SrcUnit []int      `json:"src_unit"`
	TgtUnit []int      `json:"tgt_unit"`
}

type unitFile struct {
	XML    string   `json:"xml,omitempty"`
	Doc    string   `json:"doc,omitempty"`
	Link   string   `json:"link,omitempty"`
	SrcIDs []int    `json:"src_ids,omitempty"`
	TgtIDs []int    `json:"tgt_ids,omitempty"`
	Score  *float64 `json:"score,omitempty"` // nil when unscored
	Status string   `json:"status,omitempty"`
}

func (o *Origin) file() *originFile {
	if o == nil {
		return nil
	}
	f := &originFile{Header: o.Header, Units: make([]unitFile, len(o.Units)), SrcUnit: o.SrcUnit, TgtUnit: o.TgtUnit}
	for i, u := range o.Units {
		p := u.Pair
		f.Units[i] = unitFile{XML: u.XML, Doc: p.Doc, Link: p.Link, SrcIDs: p.SrcIDs, TgtIDs: p.TgtIDs, Status: string(p.Status)}
		if !p.Unscored {
			f.Units[i].Score = &p.Score
		}
	}
	return f
}

func (f *originFile) origin() *Origin {
	o := &Origin{Header: f.Header, Units: make([]Unit, len(f.Units)), SrcUnit: f.SrcUnit, TgtUnit: f.TgtUnit}
	for i, u := range f.Units {
		p := corpus.Pair{Doc: u.Doc, Link: u.Link, SrcIDs: u.SrcIDs, TgtIDs: u.TgtIDs, Status: corpus.Status(u.Status), Unscored: u.Score == nil}
		if u.Score != nil {
			p.Score = *u.Score
		}
		o.Units[i] = Unit{Pair: p, XML: u.XML}
	}
	return o
}
