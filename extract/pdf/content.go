package pdf

import (
	"math"

	lpdf "github.com/ledongthuc/pdf"
)

// pageGlyphs reads the text a page shows, with where it shows it. It runs
// the page's content stream through the library's interpreter as the
// library's own Page.Content does, but keeps the word spacing (Tw) and
// horizontal scaling (Tz) that Page.Content leaves out (justified text
// sets its spaces wider with Tw, and without it every word after the
// first space of a run is placed short, which reads as gaps inside words),
// and it follows form XObjects, in which some producers wrap a page's text.
func pageGlyphs(p lpdf.Page) page {
	in := interpreter{forms: maxForms}
	in.run(p.V.Key("Contents"), resources(p.V), identity, 0)
	return in.out
}

// Bounds on form XObjects: how deep they nest and how many a page draws.
const (
	maxFormDepth = 8
	maxForms     = 1000
)

// resources returns the resources of a page or form, looking up the page
// tree a bounded number of levels: a tree whose parent links loop ends.
func resources(v lpdf.Value) lpdf.Value {
	for range maxTreeDepth {
		if v.IsNull() {
			break
		}
		if r := v.Key("Resources"); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return lpdf.Value{}
}

type interpreter struct {
	out   page
	forms int // form XObjects that may still be drawn
}

// run interprets one content stream (or array of streams) with its
// resources, starting from the transformation ctm.
func (in *interpreter) run(contents, res lpdf.Value, ctm matrix, depth int) {
	if contents.Kind() != lpdf.Stream && contents.Kind() != lpdf.Array {
		return
	}
	fonts := map[string]*fontState{}
	g := textState{ctm: ctm, th: 1}
	var stack []textState
	// put draws one character code at the pen, w0 wide (in thousandths of
	// the font size), and moves the pen past it.
	put := func(code string, w0 float64, wordSpace bool) {
		trm := matrix{{g.tfs * g.th, 0, 0}, {0, g.tfs, 0}, {0, g.rise, 1}}.mul(g.tm).mul(g.ctm)
		in.out.glyphs = append(in.out.glyphs, glyph{x: trm[2][0], y: trm[2][1], w: w0 / 1000 * trm[0][0],
			size: math.Hypot(trm[1][0], trm[1][1]), s: g.font.enc.Decode(code)})
		tx := w0/1000*g.tfs + g.tc
		if wordSpace {
			tx += g.tw
		}
		g.tm = translate(tx*g.th, 0).mul(g.tm)
	}
	show := func(s string) {
		switch {
		case g.font == nil:
		case g.font.cid:
			for i := 0; i+1 < len(s); i += 2 {
				put(s[i:i+2], g.font.width(int(s[i])<<8|int(s[i+1])), false)
			}
		case g.font.composite:
			// Codes of one to four bytes by a CMap: the run is one piece
			// at its start, and without widths the pen stays.
			put(s, 0, false)
		default:
			for i := range len(s) {
				put(s[i:i+1], g.font.font.Width(int(s[i])), s[i] == ' ')
			}
		}
	}
	nextLine := func() {
		g.tlm = translate(0, -g.tl).mul(g.tlm)
		g.tm = g.tlm
	}
	lpdf.Interpret(contents, func(stk *lpdf.Stack, op string) {
		args := make([]lpdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 { return args[i].Float64() }
		switch {
		case op == "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case op == "Q" && len(stack) > 0:
			g = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
		case op == "cm" && len(args) == 6:
			g.ctm = matrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}.mul(g.ctm)
		case op == "Do" && len(args) == 1:
			x := res.Key("XObject").Key(args[0].Name())
			if x.Key("Subtype").Name() != "Form" || depth >= maxFormDepth || in.forms <= 0 {
				return
			}
			in.forms--
			m := identity
			if mv := x.Key("Matrix"); mv.Kind() == lpdf.Array && mv.Len() == 6 {
				m = matrix{{mv.Index(0).Float64(), mv.Index(1).Float64(), 0}, {mv.Index(2).Float64(), mv.Index(3).Float64(), 0}, {mv.Index(4).Float64(), mv.Index(5).Float64(), 1}}
			}
			formRes := x.Key("Resources")
			if formRes.IsNull() {
				formRes = res
			}
			in.run(x, formRes, m.mul(g.ctm), depth+1)
		case op == "BT":
			g.tm, g.tlm = identity, identity
		case op == "Tf" && len(args) == 2:
			name := args[0].Name()
			f, ok := fonts[name]
			if !ok {
				f = newFontState(res.Key("Font").Key(name))
				fonts[name] = f
			}
			g.font, g.tfs = f, num(1)
		case op == "Tc" && len(args) == 1:
			g.tc = num(0)
		case op == "Tw" && len(args) == 1:
			g.tw = num(0)
		case op == "Tz" && len(args) == 1:
			g.th = num(0) / 100
		case op == "TL" && len(args) == 1:
			g.tl = num(0)
		case op == "Ts" && len(args) == 1:
			g.rise = num(0)
		case (op == "Td" || op == "TD") && len(args) == 2:
			if op == "TD" {
				g.tl = -num(1)
			}
			g.tlm = translate(num(0), num(1)).mul(g.tlm)
			g.tm = g.tlm
		case op == "Tm" && len(args) == 6:
			g.tlm = matrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}
			g.tm = g.tlm
		case op == "T*":
			nextLine()
		case op == "Tj" && len(args) == 1:
			show(args[0].RawString())
		case op == "'" && len(args) == 1:
			nextLine()
			show(args[0].RawString())
		case op == "\"" && len(args) == 3:
			g.tw, g.tc = num(0), num(1)
			nextLine()
			show(args[2].RawString())
		case op == "TJ" && len(args) == 1:
			for i := 0; i < args[0].Len(); i++ {
				switch x := args[0].Index(i); x.Kind() {
				case lpdf.String:
					show(x.RawString())
				case lpdf.Integer, lpdf.Real:
					g.tm = translate(-x.Float64()/1000*g.tfs*g.th, 0).mul(g.tm)
				}
			}
		}
	})
}

// newFontState returns the font of a font dictionary, or nil when v is not
// one or has no usable encoding.
func newFontState(v lpdf.Value) *fontState {
	if v.Kind() != lpdf.Dict {
		return nil
	}
	f := &fontState{font: lpdf.Font{V: v}}
	if f.enc = f.font.Encoder(); f.enc == nil {
		return nil
	}
	if v.Key("Subtype").Name() == "Type0" {
		if enc := v.Key("Encoding").Name(); enc == "Identity-H" || enc == "Identity-V" {
			f.cid = true
			f.readWidths(v.Key("DescendantFonts").Index(0))
		} else {
			f.composite = true
		}
	}
	return f
}

type fontState struct {
	font lpdf.Font
	enc  lpdf.TextEncoding

	// A composite font with two-byte codes has its widths by code in the
	// W array of its descendant font, and DW for the others.
	cid    bool
	widths map[int]float64
	dw     float64

	composite bool // a composite font with another CMap, read run by run
}

// maxCodes bounds the widths read from a W array: two-byte codes are 65536.
const maxCodes = 1 << 16

// readWidths reads the widths of a CID font: W lists "first [w1 w2 ...]"
// and "first last w" entries.
func (f *fontState) readWidths(desc lpdf.Value) {
	f.dw = 1000
	if dw := desc.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
		f.dw = dw.Float64()
	}
	f.widths = map[int]float64{}
	w := desc.Key("W")
	for i := 0; i+1 < w.Len() && len(f.widths) < maxCodes; {
		first := int(w.Index(i).Int64())
		if ws := w.Index(i + 1); ws.Kind() == lpdf.Array {
			for j := 0; j < ws.Len() && j < maxCodes; j++ {
				f.widths[first+j] = ws.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
		for c := first; c <= last && c-first < maxCodes; c++ {
			f.widths[c] = width
		}
		i += 3
	}
}

// width returns the advance of a code of a CID font, in thousandths of the
// font size.
func (f *fontState) width(code int) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	return f.dw
}

// textState is the part of the graphics state that places text.
type textState struct {
	ctm, tm, tlm matrix
	font         *fontState
	tfs          float64 // font size
	tc, tw       float64 // character and word spacing
	th           float64 // horizontal scaling, 1 for 100%
	tl           float64 // leading
	rise         float64
}

// A matrix is a PDF transformation matrix; the third column is 0 0 1.
type matrix [3][3]float64

var identity = matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func translate(x, y float64) matrix { return matrix{{1, 0, 0}, {0, 1, 0}, {x, y, 1}} }

func (m matrix) mul(n matrix) matrix {
	var r matrix
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				r[i][j] += m[i][k] * n[k][j]
			}
		}
	}
	return r
}
