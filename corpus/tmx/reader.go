package tmx

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/paralel/paralel/corpus"
)

// Bounds on what one piece of the document may take, so that a hostile or
// broken file cannot make the reader hold without limit: a token (a tag
// with its attributes, a run of text, a comment) and a <tu> or <header>
// with everything in it.
const (
	MaxToken = 1 << 20
	MaxUnit  = 16 << 20
)

// A Reader reads pairs from a TMX document, one <tu> at a time.
type Reader struct {
	// SrcLang and TgtLang, when set before the first Read, choose the two
	// variants of each <tu>; a tag matches without regard to case, and a
	// tag without region matches any region of its language ("en" takes
	// "EN-US"). When SrcLang is empty it is the header's srclang, and when
	// the header names none (or "*all*", or a language no unit has) the
	// language of the most units; when TgtLang is empty it is the language
	// that shares the most units with the source. The languages of the
	// units are counted in a first pass over the input when it can seek
	// (a file); otherwise the target is the first other language of a unit
	// that has the source.
	SrcLang, TgtLang string
	// Warn, if not nil, is told of each <tu> skipped for lack of one of the
	// two languages, and of props that could not be read.
	Warn func(error)
	// KeepXML makes ReadUnit return each <tu> as the file writes it, and
	// Header the <header>, so that a unit can be written back unchanged.
	KeepXML bool

	in       io.Reader
	d        *decoder // made at the first Read, which may block on input
	end      int64    // the offset before which the element being read must end; 0 outside one
	header   string   // the header's srclang
	headXML  string
	want     [2]string // the languages to take, once known
	counted  bool      // want comes from counting the whole input
	src, tgt string    // the languages found, as the file writes them
	root     bool      // <tmx> was met
	body     bool      // <body> was met
	done     bool
	skipped  int
}

// NewReader returns a Reader that reads from r. The encoding is found
// from a byte order mark or the XML declaration: UTF-8, UTF-16 and the
// usual single-byte encodings are read.
func NewReader(r io.Reader) *Reader {
	return &Reader{in: r}
}

// decodeBOM turns UTF-16 input into UTF-8, recognizing it by its byte order
// mark or by how "<?" is written, and drops a UTF-8 byte order mark.
func decodeBOM(r io.Reader) *bufio.Reader {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy) *bufio.Reader {
		return bufio.NewReader(transform.NewReader(br, unicode.UTF16(e, bom).NewDecoder()))
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return utf16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(head, []byte{'<', 0, '?', 0}):
		return utf16(unicode.LittleEndian, unicode.IgnoreBOM)
	case bytes.HasPrefix(head, []byte{0, '<', 0, '?'}):
		return utf16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return br
}

// A decoder is an XML decoder whose input a limiter bounds.
type decoder struct {
	*xml.Decoder
	lim *limiter
}

// newDecoder returns a decoder of r, keeping what it reads if keep.
func newDecoder(r io.Reader, keep bool) *decoder {
	d := &decoder{lim: &limiter{r: decodeBOM(r), keep: keep}}
	d.Decoder = xml.NewDecoder(d.lim)
	d.Strict = true // the default: no HTML entities, no unclosed tags
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be", "ucs-2", "unicode":
			return in, nil // decoded by decodeBOM
		}
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, fmt.Errorf("unsupported encoding %s", excerpt(label))
		}
		// From here the decoder reads the decoded text: bound that.
		old := d.lim
		old.off = true
		d.lim = &limiter{r: bufio.NewReader(transform.NewReader(in, enc.NewDecoder())), delta: d.InputOffset(), keep: keep}
		return d.lim, nil
	}
	return d
}

// A limiter feeds the decoder one byte at a time, failing when a token or
// a unit grows past its bound, and keeps what it read when asked to, so
// that a unit can be cut out of the input as it was written.
type limiter struct {
	r       *bufio.Reader
	n       int64 // bytes read
	limit   int64 // n at which to fail with tooLong; 0 for none
	tooLong error
	off     bool  // the decoder has moved on to a reader over this one
	delta   int64 // the decoder's offset of the first byte read

	keep     bool   // keep what is read in buf
	buf      []byte // what was read from bufStart on
	bufStart int64
}

var (
	errTokenTooLong = fmt.Errorf("a tag, text or comment longer than %d MiB: not a translation memory to read", MaxToken>>20)
	errUnitTooLong  = fmt.Errorf("a <tu> or <header> longer than %d MiB: not a translation memory to read", MaxUnit>>20)
)

// setLimit bounds what the decoder reads from its offset from on: a token
// of MaxToken bytes, within an element that must end before the offset
// end (0 for none).
func (l *limiter) setLimit(from, end int64) {
	l.limit, l.tooLong = from-l.delta+MaxToken, errTokenTooLong
	if end > 0 && end-l.delta < l.limit {
		l.limit, l.tooLong = end-l.delta, errUnitTooLong
	}
}

func (l *limiter) ReadByte() (byte, error) {
	if !l.off && l.limit > 0 && l.n >= l.limit {
		return 0, l.tooLong
	}
	b, err := l.r.ReadByte()
	if err == nil {
		l.n++
		if l.keep && !l.off {
			l.buf = append(l.buf, b)
		}
	}
	return b, err
}

// Read serves the decoder's CharsetReader, which reads the bytes below.
func (l *limiter) Read(p []byte) (int, error) { return l.r.Read(p) }

// bytes returns what the decoder read from its offset from to its offset
// to, or nil if that is not kept.
func (l *limiter) bytes(from, to int64) []byte {
	i, j := from-l.delta-l.bufStart, to-l.delta-l.bufStart
	if i < 0 || j > int64(len(l.buf)) || i > j {
		return nil
	}
	return l.buf[i:j]
}

// forget drops what was kept before the decoder's offset from.
func (l *limiter) forget(from int64) {
	i := from - l.delta - l.bufStart
	if i <= 0 {
		return
	}
	i = min(i, int64(len(l.buf)))
	l.buf = append(l.buf[:0], l.buf[i:]...)
	l.bufStart += i
}

// Langs are the languages of the two sides as the file writes them, once
// Read has found them.
func (r *Reader) Langs() (src, tgt string) {
	return cmp.Or(r.src, r.want[0], r.header), cmp.Or(r.tgt, r.want[1])
}

// Skipped is the number of <tu> skipped for lack of a language.
func (r *Reader) Skipped() int { return r.skipped }

// Header is the document's <header> element as the file writes it, once
// Read has passed it, when KeepXML is set.
func (r *Reader) Header() string { return r.headXML }

// variant is one <tuv>.
type variant struct {
	lang, text string
}

// unit is one <tu> as read.
type unit struct {
	line     int
	props    map[string]string
	variants []variant
}

// A Unit is one <tu> of the document.
type Unit struct {
	// Pair holds the unit's variants in the two languages and its props.
	Pair corpus.Pair
	// OK is false for a unit without the two languages, which Read skips
	// with a warning.
	OK bool
	// XML is the element as the file writes it, from "<tu" to "</tu>",
	// when the Reader's KeepXML is set.
	XML string
}

// Read returns the next pair, or io.EOF at the end of the document.
// Malformed XML is an error giving its line and column.
func (r *Reader) Read() (corpus.Pair, error) {
	for {
		u, err := r.ReadUnit()
		if err != nil || u.OK {
			return u.Pair, err
		}
	}
}

// ReadUnit returns the next <tu>, with or without the two languages, or
// io.EOF at the end of the document.
func (r *Reader) ReadUnit() (Unit, error) {
	if r.done {
		return Unit{}, io.EOF
	}
	if r.d == nil {
		r.start()
	}
	u, err := r.next()
	if err != nil {
		r.done = true
	}
	return u, err
}

// start counts the languages of the input if they are to be chosen and
// the input can be read twice, and makes the decoder.
func (r *Reader) start() {
	r.want = [2]string{r.SrcLang, r.TgtLang}
	if rs, ok := r.in.(io.ReadSeeker); ok && (r.SrcLang == "" || r.TgtLang == "") {
		if at, err := rs.Seek(0, io.SeekCurrent); err == nil {
			c := countLangs(rs)
			if _, err := rs.Seek(at, io.SeekStart); err == nil {
				r.choose(c)
			}
		}
	}
	r.d = newDecoder(r.in, r.KeepXML)
}

// choose sets the languages to take from the counts of a first pass.
func (r *Reader) choose(c *langCount) {
	if c.units == 0 {
		return
	}
	src := r.SrcLang
	if src == "" {
		if h := c.header; h != "" && c.in[corpus.BaseLang(h)] > 0 {
			src = h
		} else {
			src = c.most(nil)
		}
	}
	tgt := r.TgtLang
	if tgt == "" {
		tgt = c.most(c.with[corpus.BaseLang(src)])
	}
	r.want, r.counted = [2]string{src, tgt}, true
}

func (r *Reader) next() (Unit, error) {
	for {
		tok, start, err := r.token()
		if err == io.EOF {
			switch {
			case !r.root:
				return Unit{}, errors.New("tmx: no <tmx> element: not a TMX document")
			case !r.body:
				return Unit{}, errors.New("tmx: no <body> element: not a TMX document")
			}
			return Unit{}, io.EOF
		}
		if err != nil {
			return Unit{}, err
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(t, []byte("<!ENTITY")) {
				return Unit{}, r.errorf("the DOCTYPE declares entities: refusing to expand them")
			}
		case xml.StartElement:
			if !r.root {
				if t.Name.Local != "tmx" {
					return Unit{}, r.errorf("root element is <%s>, not <tmx>: not a TMX document", corpus.Clip(t.Name.Local, 40))
				}
				r.root = true
				continue
			}
			switch t.Name.Local {
			case "header":
				r.header = headerLang(t)
				r.end = start + MaxUnit
				if err := r.skip(); err != nil {
					return Unit{}, err
				}
				r.end = 0
				if r.KeepXML {
					r.headXML = string(r.d.lim.bytes(start, r.d.InputOffset()))
				}
			case "body":
				r.body = true
			case "tu":
				r.end = start + MaxUnit
				u, err := r.readUnit()
				if err != nil {
					return Unit{}, err
				}
				r.end = 0
				var out Unit
				if out.Pair, out.OK, err = r.pair(u); err != nil {
					return Unit{}, err
				}
				if r.KeepXML {
					out.XML = string(r.d.lim.bytes(start, r.d.InputOffset()))
				}
				return out, nil
			default:
				if err := r.skip(); err != nil {
					return Unit{}, err
				}
			}
		}
	}
}

// token returns the next token and the offset where it starts, with the
// position of any error. The decoder reports input that ends inside an
// element as a syntax error, so io.EOF means that the document ended after
// its root element closed (or before it opened): the readers of elements
// below need not check for it.
func (r *Reader) token() (xml.Token, int64, error) {
	start := r.d.InputOffset()
	if r.end == 0 {
		r.d.lim.forget(start) // keep only the element being read
	}
	r.d.lim.setLimit(start, r.end)
	tok, err := r.d.Token()
	switch {
	case err == io.EOF:
		return nil, start, io.EOF
	case err != nil:
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			// The decoder's messages quote the input, which may be binary.
			msg := printable(corpus.Clip(se.Msg, 120))
			if !r.root {
				return nil, start, r.errorf("not a TMX (XML) document: %s", msg)
			}
			return nil, start, r.errorf("%s", msg)
		}
		return nil, start, r.errorf("%w", err)
	}
	return tok, start, nil
}

func (r *Reader) errorf(format string, args ...any) error {
	line, col := r.d.InputPos()
	return &corpus.ParseError{Format: "tmx", Line: line, Column: col, Err: fmt.Errorf(format, args...)}
}

// skip skips to the end of the element just started.
func (r *Reader) skip() error {
	for depth := 0; ; {
		tok, _, err := r.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// readUnit reads a <tu> after its start tag.
func (r *Reader) readUnit() (unit, error) {
	u := unit{props: map[string]string{}}
	u.line, _ = r.d.InputPos()
	for {
		tok, _, err := r.token()
		if err != nil {
			return u, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return u, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "prop":
				text, err := r.readText(false)
				if err != nil {
					return u, err
				}
				u.props[attr(t, "type")] = text
			case "tuv":
				v, err := r.readVariant(t)
				if err != nil {
					return u, err
				}
				u.variants = append(u.variants, v)
			default: // <note> and the like
				if err := r.skip(); err != nil {
					return u, err
				}
			}
		}
	}
}

// readVariant reads a <tuv> after its start tag.
func (r *Reader) readVariant(start xml.StartElement) (variant, error) {
	v := variant{lang: langAttr(start, "lang")} // xml:lang, or lang in TMX 1.1
	for {
		tok, _, err := r.token()
		if err != nil {
			return v, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return v, nil
		case xml.StartElement:
			if t.Name.Local == "seg" {
				if v.text, err = r.readText(true); err != nil {
					return v, err
				}
			} else if err := r.skip(); err != nil {
				return v, err
			}
		}
	}
}

// readText reads the text of the element just started. In a segment
// (inline set), native codes are left out; see the package comment.
func (r *Reader) readText(inline bool) (string, error) {
	var b strings.Builder
	depth, code := 0, 0 // code is the depth of the code element we are in, or 0
	for {
		tok, _, err := r.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if inline && code == 0 && isCode(t.Name.Local) {
				code = depth
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			if depth == code {
				code = 0
			}
			depth--
		case xml.CharData:
			if code == 0 {
				b.Write(t)
			}
		}
	}
}

// isCode reports whether an inline element holds native codes.
func isCode(name string) bool {
	switch name {
	case "bpt", "ept", "it", "ph", "ut":
		return true
	}
	return false
}

// attr returns the value of the attribute with the given local name,
// whatever its namespace.
func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// pair makes a Pair of a <tu>, or reports that it has no variant in one of
// the languages, or fails on a score that is not one.
func (r *Reader) pair(u unit) (corpus.Pair, bool, error) {
	if len(u.variants) == 0 {
		r.skipUnit(u, "it has no <tuv>")
		return corpus.Pair{}, false, nil
	}
	wantSrc := cmp.Or(r.want[0], r.header)
	if i := best(u.variants, "", ""); wantSrc == "" && i >= 0 && best(u.variants[i+1:], "", u.variants[i].lang) >= 0 {
		// Streaming, with no language named: the first unit with two
		// languages says which.
		wantSrc = corpus.BaseLang(u.variants[i].lang)
		r.want[0] = wantSrc
	}
	si := best(u.variants, wantSrc, "")
	wantTgt := r.want[1]
	ti := -1
	switch {
	case wantTgt != "":
		ti = best(u.variants, wantTgt, "")
	case si >= 0:
		// The first other language of a unit that has the source.
		if ti = best(u.variants, "", wantSrc); ti >= 0 {
			r.want[1] = corpus.BaseLang(u.variants[ti].lang)
		}
	}
	if si >= 0 && r.src == "" {
		r.src = u.variants[si].lang
	}
	if ti >= 0 && r.tgt == "" {
		r.tgt = u.variants[ti].lang
	}

	p := corpus.Pair{Link: u.props["x-link"], Doc: u.props["x-document"], Unscored: true}
	if s, ok := u.props["x-score"]; ok {
		score, err := corpus.ParseScore(s)
		if err != nil {
			return p, false, &corpus.ParseError{Format: "tmx", Line: u.line, Err: fmt.Errorf("x-score %q: %w", corpus.Clip(s, 40), corpus.ErrScore)}
		}
		p.Score, p.Unscored = score, false
	}
	if s, ok := u.props["x-status"]; ok {
		st, err := corpus.ParseStatus(strings.TrimSpace(s))
		if err != nil {
			r.warnf(u, "x-status: %v", err)
		}
		p.Status = st
	}
	if s, ok := u.props["x-position"]; ok {
		var err error
		if p.SrcIDs, p.TgtIDs, err = ParsePosition(s); err != nil {
			r.warnf(u, "x-position: %v", err)
		}
	}
	// A side may be missing on purpose: our own 1-0 and 0-1 links say so
	// in x-position or x-link.
	var link string
	if len(p.SrcIDs) > 0 || len(p.TgtIDs) > 0 || p.Link != "" {
		link = p.Type()
	}
	if si >= 0 {
		p.Src = u.variants[si].text
	} else if !strings.HasPrefix(link, "0-") {
		r.skipUnit(u, "it has no variant in "+cmp.Or(corpus.Clip(wantSrc, 40), "a language"))
		return p, false, nil
	}
	if ti >= 0 {
		p.Tgt = u.variants[ti].text
	} else if !strings.HasSuffix(link, "-0") {
		r.skipUnit(u, "it has no variant in "+cmp.Or(corpus.Clip(wantTgt, 40), "a second language"))
		return p, false, nil
	}
	return p, true, nil
}

// best returns the index of the variant whose language matches want best,
// or, with want empty, the first whose language is not other; -1 if none.
func best(vs []variant, want, other string) int {
	found, score := -1, corpus.LangDifferent
	for i, v := range vs {
		if want == "" {
			if corpus.SameLang(v.lang, other) == corpus.LangDifferent && v.lang != "" {
				return i
			}
			continue
		}
		if s := corpus.SameLang(v.lang, want); s > score {
			found, score = i, s
		}
	}
	return found
}

func (r *Reader) skipUnit(u unit, why string) {
	r.skipped++
	r.warnf(u, "<tu> skipped: %s", why)
}

func (r *Reader) warnf(u unit, format string, args ...any) {
	if r.Warn != nil {
		r.Warn(&corpus.ParseError{Format: "tmx", Line: u.line, Err: fmt.Errorf(format, args...)})
	}
}

// excerpt quotes s for a message, shortened: input may hold anything.
func excerpt(s string) string {
	if s == "" {
		return ""
	}
	return strconv.Quote(corpus.Clip(s, 40))
}

// printable escapes in s what a message must not print raw: bytes that
// are not UTF-8 ("\x89") and characters that are not printable, control
// characters first ("\x1b", "\u0085").
func printable(s string) string {
	notPrint := func(c rune) bool { return !strconv.IsPrint(c) }
	if utf8.ValidString(s) && !strings.ContainsFunc(s, notPrint) {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		switch {
		case c == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case notPrint(c):
			q := strconv.QuoteRune(c)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// ParsePosition reads an x-position prop as FormatPosition writes it.
func ParsePosition(s string) (src, tgt []int, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return nil, nil, fmt.Errorf("%s is not [ids]:[ids]", excerpt(s))
	}
	if src, err = parseIDs(a); err != nil {
		return nil, nil, err
	}
	if tgt, err = parseIDs(b); err != nil {
		return nil, nil, err
	}
	return src, tgt, nil
}

func parseIDs(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	inner, ok := strings.CutPrefix(s, "[")
	if inner, ok2 := strings.CutSuffix(inner, "]"); ok && ok2 {
		var ids []int
		for f := range strings.SplitSeq(inner, ",") {
			if strings.TrimSpace(f) == "" && inner == "" {
				break
			}
			id, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || id < 0 {
				return nil, fmt.Errorf("%s is not a list of sentence indices", excerpt(s))
			}
			ids = append(ids, id)
		}
		return ids, nil
	}
	return nil, fmt.Errorf("%s is not a bracketed list of sentence indices", excerpt(s))
}
