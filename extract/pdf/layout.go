package pdf

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paralel/paralel/extract/internal/office"
)

// A glyph is a piece of text shown at one place on a page: its baseline's
// start (x, y, y growing upwards), its advance width w (0 when the font
// does not tell) and its font size.
type glyph struct {
	x, y, w, size float64
	s             string
}

// A page is the glyphs of one page in the order the page draws them, which
// is the reading order in the PDFs that word processors and browsers print.
type page struct {
	glyphs []glyph
}

// A line is a row of glyphs sharing a baseline.
type line struct {
	page       int
	x, y, size float64
	end        float64 // where the last glyph ends, estimated when widths are unknown
	text       string
	runes      int
}

// ligatures spells out the ligature characters that typesetters draw for
// "fi", "fl" and the like, so that words read as typed.
var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st")

// estimate is the advance of one character, as a share of the font size,
// assumed where the font gives no widths.
const estimate = 0.5

// lines groups a page's glyphs into lines, in drawing order. A glyph starts
// a new line when its baseline moves by more than a third of the font size
// or it jumps back to the left. Where the widths tell, a gap within a line
// wider than a fifth of the font size is a space.
func lines(pageNo int, p page) []line {
	var out []line
	var b strings.Builder
	var cur *line
	var prev glyph
	flush := func() {
		if cur == nil {
			return
		}
		var t office.Text
		t.WriteString(ligatures.Replace(b.String()))
		cur.text = t.String()
		cur.runes = utf8.RuneCountInString(cur.text)
		if cur.runes > 0 {
			out = append(out, *cur)
		}
		cur = nil
		b.Reset()
	}
	for _, g := range p.glyphs {
		if g.s == "" {
			continue
		}
		size := max(g.size, 1)
		if cur != nil {
			dy := g.y - cur.y
			mark := g.size < 0.85*cur.size && dy > cur.size/5 && dy < cur.size // raised and smaller
			if mark && isDigits(g.s) {
				continue // a footnote mark: its number would end up inside the sentence
			}
			if (abs(dy) >= cur.size/3 && !mark) || g.x < prev.x-size {
				flush() // a new baseline, or back to the left: a new column or block
			}
		}
		if cur == nil {
			cur = &line{page: pageNo, x: g.x, y: g.y, size: size}
		} else if prev.w > 0 && g.x-(prev.x+prev.w) > size/5 && !endsSpace(b.String()) && !startsSpace(g.s) {
			b.WriteByte(' ')
		}
		b.WriteString(g.s)
		w := g.w
		if w <= 0 {
			w = estimate * size * float64(utf8.RuneCountInString(g.s))
		}
		cur.end = max(cur.end, g.x+w)
		prev = g
	}
	flush()
	return out
}

// isDigits, unlike internal/ascii.IsDigits, takes the digits of any script
// (unicode.IsDigit): a raised number is a footnote mark whatever digits
// the document writes it in.
func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func abs(f float64) float64 { return max(f, -f) }

// Patterns of the lines a browser or word processor prints in the margins.
var (
	pageNumber = regexp.MustCompile(`(?i)^[-–—(\[]?\s*(page|p\.|faqe|seite|página|pagina)?\s*[0-9ivxlc]+\s*((/|of|nga|von|de|di|-)\s*[0-9]+)?\s*[-–—)\]]?$`)
	pageEnd    = regexp.MustCompile(`(?i)\b(page|faqe|seite|página|pagina)\s*[0-9]+(\s*(/|of|nga|von|de|di)\s*[0-9]+)?$`)
	urlStart   = regexp.MustCompile(`(?i)^(https?://|file:/|www\.)\S+`)
	dateStart  = regexp.MustCompile(`^(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}\s+\p{L}+\.?\s+\d{4})\b`)
	digitRun   = regexp.MustCompile(`\d+`)
)

// dropMargins removes the running headers and footers: among the two top
// and the two bottom lines of each page, a line that recurs on several
// pages (its numbers aside), a page number or a line that ends with one
// ("Page 2"), a web address, or a date or the document's title in type
// smaller than the body's.
func dropMargins(pages [][]line, title string, bodySize float64) [][]line {
	margin := make([]map[int]bool, len(pages)) // line indices of each page
	recur := map[string]int{}                  // pages each margin text is on
	for i, ls := range pages {
		margin[i] = map[int]bool{}
		order := make([]int, len(ls))
		for j := range order {
			order[j] = j
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(ls[b].y, ls[a].y) })
		for k, j := range order {
			if k < 2 || k >= len(order)-2 {
				margin[i][j] = true
			}
		}
		seen := map[string]bool{}
		for j := range margin[i] {
			key := digitRun.ReplaceAllString(ls[j].text, "0")
			if !seen[key] {
				seen[key] = true
				recur[key]++
			}
		}
	}
	title = normalizeTitle(title)
	out := make([][]line, len(pages))
	for i, ls := range pages {
		for j, l := range ls {
			if margin[i][j] && isMargin(l, recur[digitRun.ReplaceAllString(l.text, "0")], len(pages), title, bodySize) {
				continue
			}
			out[i] = append(out[i], l)
		}
	}
	return out
}

func isMargin(l line, pagesWith, pages int, title string, bodySize float64) bool {
	small := l.size < 0.95*bodySize
	switch {
	case pages >= 2 && pagesWith >= max(2, (pages+1)/2):
		return true
	case pageNumber.MatchString(l.text), pageEnd.MatchString(l.text), urlStart.MatchString(l.text):
		return true
	case small && dateStart.MatchString(l.text):
		return true
	case small && title != "" && normalizeTitle(l.text) == title:
		return true
	}
	return false
}

func normalizeTitle(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// bodySize is the font size of most of the text, not counting the lines
// that look like page numbers, addresses or dates. When there is no other
// text it is above every size, so that all of it counts as small type.
func bodySize(pages [][]line) float64 {
	count := map[float64]int{}
	biggest := 0.0
	for _, ls := range pages {
		for _, l := range ls {
			biggest = max(biggest, l.size)
			if !pageNumber.MatchString(l.text) && !urlStart.MatchString(l.text) && !dateStart.MatchString(l.text) {
				count[round(l.size)] += l.runes
			}
		}
	}
	best, n := biggest+1, -1
	for size, c := range count {
		if c > n || (c == n && size < best) {
			best, n = size, c
		}
	}
	return best
}

func round(f float64) float64 { return float64(int(f*2+0.5)) / 2 }

// A layout holds what is typical of the body text, against which the
// breaks between paragraphs are told.
type layout struct {
	size    float64 // font size
	leading float64 // baseline to baseline, as a share of the size
	left    float64 // left margin
	full    int     // characters of a full line

	words     map[string]bool // the document's words, in lower case
	compounds map[string]bool // its hyphenated words within a line
}

func measure(pages [][]line, size float64) layout {
	lo := layout{size: size, words: map[string]bool{}, compounds: map[string]bool{}}
	var gaps []float64
	var lefts []float64
	var lens []int
	for _, ls := range pages {
		for j, l := range ls {
			words := strings.FieldsFunc(l.text, notLetter)
			if len(words) > 0 && strings.HasSuffix(l.text, "-") {
				words = words[:len(words)-1] // the head of a broken word
			}
			if len(words) > 0 && j > 0 && strings.HasSuffix(ls[j-1].text, "-") {
				words = words[1:] // its tail
			}
			for _, w := range words {
				lo.words[strings.ToLower(w)] = true
			}
			for _, w := range strings.Fields(l.text) {
				if w = strings.TrimFunc(w, notLetter); strings.Contains(w, "-") {
					lo.compounds[strings.ToLower(w)] = true
				}
			}
			if round(l.size) != size {
				continue
			}
			lefts = append(lefts, round(l.x))
			lens = append(lens, l.runes)
			if j > 0 && round(ls[j-1].size) == size {
				if g := ls[j-1].y - l.y; g > 0 {
					gaps = append(gaps, g/size)
				}
			}
		}
	}
	lo.leading = 1.2
	if len(gaps) > 0 {
		slices.Sort(gaps)
		lo.leading = gaps[len(gaps)/4] // the closer spacing: lines within paragraphs outnumber breaks
	}
	if len(lefts) > 0 {
		slices.Sort(lefts)
		lo.left = lefts[len(lefts)/10]
	}
	if len(lens) > 0 {
		slices.Sort(lens)
		lo.full = lens[len(lens)*3/4]
	}
	return lo
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// breakBetween tells whether line b starts a new paragraph after line a.
func (lo *layout) breakBetween(a, b line) bool {
	size := max(a.size, b.size)
	switch {
	case abs(a.size-b.size) > 0.1*size:
		return true // a heading and the body
	case b.x > a.x+size && abs(a.x-lo.left) < size/2:
		return true // an indented first line after a line at the margin
	}
	if a.page == b.page {
		gap := a.y - b.y
		if gap > (lo.leading+0.3)*size || gap < -size {
			return true // a blank between paragraphs, or a new column
		}
	}
	// A short line that ends a sentence ends its paragraph.
	return lo.full > 0 && float64(a.runes) < 0.8*float64(lo.full) && endsSentence(a.text)
}

func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(`"'”’»)]`, r) })
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:…", r)
}

// paragraphs joins the lines into paragraphs. A word hyphenated at the end
// of a line is joined without its hyphen when the document has the whole
// word elsewhere; it keeps the hyphen when the document has it hyphenated
// within a line, or has both its parts as words (a compound such as
// "long-term"); otherwise the hyphen was the typesetter's, and goes.
func (lo *layout) paragraphs(ls []line) []string {
	var out []string
	var b strings.Builder
	for i, l := range ls {
		if i > 0 && lo.breakBetween(ls[i-1], l) {
			out = append(out, b.String())
			b.Reset()
		}
		if b.Len() == 0 {
			b.WriteString(l.text)
			continue
		}
		cur := b.String()
		switch {
		case strings.HasSuffix(cur, "-") && lo.dehyphenate(cur, l.text):
			b.Reset()
			b.WriteString(strings.TrimSuffix(cur, "-"))
		case strings.HasSuffix(cur, "-") && startsLetter(l.text) && endsLetter(strings.TrimSuffix(cur, "-")):
		default:
			b.WriteByte(' ')
		}
		b.WriteString(l.text)
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// dehyphenate tells whether the word broken between a (ending in a
// hyphen) and b is to be joined without the hyphen.
func (lo *layout) dehyphenate(a, b string) bool {
	head, tail, ok := brokenWord(a, b)
	if !ok {
		return false
	}
	head, tail = strings.ToLower(head), strings.ToLower(tail)
	switch {
	case lo.words[head+tail]:
		return true
	case lo.compounds[head+"-"+tail], lo.words[head] && lo.words[tail]:
		return false
	}
	return true
}

// brokenWord returns the parts of a word broken at a hyphen between the
// end of line a and the start of line b.
func brokenWord(a, b string) (head, tail string, ok bool) {
	a, ok = strings.CutSuffix(a, "-")
	if !ok || !startsLower(b) || strings.HasSuffix(a, "-") {
		return "", "", false
	}
	heads := strings.FieldsFunc(a, notLetter)
	tails := strings.FieldsFunc(b, notLetter)
	if len(heads) == 0 || len(tails) == 0 || !endsLetter(a) {
		return "", "", false
	}
	return heads[len(heads)-1], tails[0], true
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func endsLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}
