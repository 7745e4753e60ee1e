package tmx

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/paralel/paralel/corpus"
)

// A Reader reads pairs from a TMX document, one <tu> at a time.
type Reader struct {
	// SrcLang and TgtLang, when set before the first Read, choose the two
	// variants of each <tu>; a tag matches without regard to case, and a
	// tag without region matches any region of its language ("en" takes
	// "EN-US"). When SrcLang is empty it is the header's srclang; when
	// TgtLang is empty it is the first other language met.
	SrcLang, TgtLang string
	// Warn, if not nil, is told of each <tu> skipped for lack of one of the
	// two languages, and of props that could not be read.
	Warn func(error)

	in       io.Reader
	d        *xml.Decoder // made at the first Read, which may block on input
	header   string       // the header's srclang
	src, tgt string       // the languages found, as the file writes them
	root     bool         // <tmx> was met
	body     bool         // <body> was met
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
func decodeBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(head, []byte{'<', 0, '?', 0}):
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
	case bytes.HasPrefix(head, []byte{0, '<', 0, '?'}):
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
	}
	return br
}

// charsetReader serves encodings other than UTF-8 named by the XML
// declaration. UTF-16 was already decoded by decodeBOM.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-16", "utf-16le", "utf-16be", "ucs-2", "unicode":
		return r, nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return transform.NewReader(r, enc.NewDecoder()), nil
}

// Langs are the languages of the two sides as the file writes them, once
// Read has found them.
func (r *Reader) Langs() (src, tgt string) { return cmp.Or(r.src, r.header), r.tgt }

// Skipped is the number of <tu> skipped for lack of a language.
func (r *Reader) Skipped() int { return r.skipped }

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

// Read returns the next pair, or io.EOF at the end of the document.
// Malformed XML is an error giving its line and column.
func (r *Reader) Read() (corpus.Pair, error) {
	if r.done {
		return corpus.Pair{}, io.EOF
	}
	if r.d == nil {
		r.d = xml.NewDecoder(decodeBOM(r.in))
		r.d.Strict = true // the default: no HTML entities, no unclosed tags
		r.d.CharsetReader = charsetReader
	}
	p, err := r.next()
	if err != nil {
		r.done = true
	}
	return p, err
}

func (r *Reader) next() (corpus.Pair, error) {
	for {
		tok, err := r.token()
		if err == io.EOF {
			switch {
			case !r.root:
				return corpus.Pair{}, errors.New("tmx: no <tmx> element: not a TMX document")
			case !r.body:
				return corpus.Pair{}, errors.New("tmx: no <body> element: not a TMX document")
			}
			return corpus.Pair{}, io.EOF
		}
		if err != nil {
			return corpus.Pair{}, err
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(t, []byte("<!ENTITY")) {
				return corpus.Pair{}, r.errorf("the DOCTYPE declares entities: refusing to expand them")
			}
		case xml.StartElement:
			if !r.root {
				if t.Name.Local != "tmx" {
					return corpus.Pair{}, r.errorf("root element is <%s>, not <tmx>: not a TMX document", t.Name.Local)
				}
				r.root = true
				continue
			}
			switch t.Name.Local {
			case "header":
				if l := attr(t, "srclang"); !strings.EqualFold(l, "*all*") {
					r.header = l
				}
				if err := r.skip(); err != nil {
					return corpus.Pair{}, err
				}
			case "body":
				r.body = true
			case "tu":
				u, err := r.readUnit()
				if err != nil {
					return corpus.Pair{}, err
				}
				if p, ok := r.pair(u); ok {
					return p, nil
				}
			default:
				if err := r.skip(); err != nil {
					return corpus.Pair{}, err
				}
			}
		}
	}
}

// token returns the next token, with the position of any error. The
// decoder reports input that ends inside an element as a syntax error, so
// io.EOF means that the document ended after its root element closed (or
// before it opened): the readers of elements below need not check for it.
func (r *Reader) token() (xml.Token, error) {
	tok, err := r.d.Token()
	switch {
	case err == io.EOF:
		return nil, io.EOF
	case err != nil:
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, r.errorf("%s", se.Msg)
		}
		return nil, r.errorf("%w", err)
	}
	return tok, nil
}

func (r *Reader) errorf(format string, args ...any) error {
	line, col := r.d.InputPos()
	return &corpus.ParseError{Format: "tmx", Line: line, Column: col, Err: fmt.Errorf(format, args...)}
}

// skip skips to the end of the element just started.
func (r *Reader) skip() error {
	for depth := 0; ; {
		tok, err := r.token()
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
		tok, err := r.token()
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
	v := variant{lang: attr(start, "lang")} // xml:lang, or lang in TMX 1.1
	for {
		tok, err := r.token()
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
		tok, err := r.token()
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
// the languages.
func (r *Reader) pair(u unit) (corpus.Pair, bool) {
	if len(u.variants) == 0 {
		r.skipUnit(u, "it has no <tuv>")
		return corpus.Pair{}, false
	}
	wantSrc := cmp.Or(r.SrcLang, r.header, r.src, u.variants[0].lang)
	si := best(u.variants, wantSrc, "")
	wantTgt := cmp.Or(r.TgtLang, r.tgt)
	var ti int
	if wantTgt != "" {
		ti = best(u.variants, wantTgt, "")
	} else {
		ti = best(u.variants, "", wantSrc) // the first other language
	}
	if si >= 0 && r.src == "" {
		r.src = u.variants[si].lang
	}
	if ti >= 0 && r.tgt == "" {
		r.tgt = u.variants[ti].lang
	}

	p := corpus.Pair{Link: u.props["x-link"], Doc: u.props["x-document"]}
	if s, ok := u.props["x-score"]; ok {
		score, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || math.IsNaN(score) || math.IsInf(score, 0) {
			r.warnf(u, "x-score %q is not a number", s)
			score = 0
		}
		p.Score = score
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
		r.skipUnit(u, "it has no variant in "+wantSrc)
		return corpus.Pair{}, false
	}
	if ti >= 0 {
		p.Tgt = u.variants[ti].text
	} else if !strings.HasSuffix(link, "-0") {
		r.skipUnit(u, "it has no variant in "+cmp.Or(wantTgt, "a second language"))
		return corpus.Pair{}, false
	}
	return p, true
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

// ParsePosition reads an x-position prop as FormatPosition writes it.
func ParsePosition(s string) (src, tgt []int, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return nil, nil, fmt.Errorf("%q is not [ids]:[ids]", s)
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
				return nil, fmt.Errorf("%q is not a list of sentence indices", s)
			}
			ids = append(ids, id)
		}
		return ids, nil
	}
	return nil, fmt.Errorf("%q is not a bracketed list of sentence indices", s)
}
