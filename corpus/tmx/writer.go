package tmx

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/ids"
)

// dateLayout is TMX's creationdate, ISO 8601 basic format in UTC.
const dateLayout = "20060102T150405Z"

// A Writer writes pairs as a TMX 1.4 document. Set its fields before the
// first Write.
type Writer struct {
	// SrcLang and TgtLang are the BCP 47 codes of the two sides ("sq" and
	// "en" when empty).
	SrcLang, TgtLang string
	// ToolVersion is the header's creationtoolversion.
	ToolVersion string
	// Created is the header's creationdate; the zero time means now.
	Created time.Time
	// Warn, if not nil, is told of each segment that lost characters XML
	// cannot carry.
	Warn func(error)
	// Header, when set, is the <header> element written as it is in place
	// of paralel's, such as one a Reader with KeepXML read.
	Header string

	w       *bufio.Writer
	n       int // pairs written
	started bool
	closed  bool
	err     error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

func (w *Writer) langs() (src, tgt string, err error) {
	src, tgt = w.SrcLang, w.TgtLang
	if src == "" {
		src = "sq"
	}
	if tgt == "" {
		tgt = "en"
	}
	if src, err = corpus.LangTag(src); err != nil {
		return "", "", fmt.Errorf("tmx: %w", err)
	}
	if tgt, err = corpus.LangTag(tgt); err != nil {
		return "", "", fmt.Errorf("tmx: %w", err)
	}
	return src, tgt, nil
}

func (w *Writer) start() {
	w.started = true
	src, tgt, err := w.langs()
	if err != nil {
		w.err = err
		return
	}
	w.SrcLang, w.TgtLang = src, tgt
	created := w.Created
	if created.IsZero() {
		created = time.Now()
	}
	version := w.ToolVersion
	if version == "" {
		version = "unknown"
	}
	w.w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<tmx version=\"1.4\">\n")
	if w.Header != "" {
		fmt.Fprintf(w.w, "  %s\n", w.Header)
	} else {
		fmt.Fprintf(w.w, `  <header creationtool="paralel" creationtoolversion="%s" segtype="sentence" o-tmf="paralel" adminlang="en" srclang="%s" datatype="plaintext" creationdate="%s"/>`+"\n",
			escape(version, true), src, created.UTC().Format(dateLayout))
	}
	w.w.WriteString("  <body>\n")
}

// WriteUnit writes a <tu> element as it is, such as one a Reader with
// KeepXML read, so that what paralel does not know of it (other
// languages, notes, props, attributes, inline codes) is kept.
func (w *Writer) WriteUnit(xml string) error {
	if w.closed {
		return fmt.Errorf("tmx: write after Close")
	}
	if !w.started {
		w.start()
	}
	if w.err != nil {
		return w.err
	}
	w.n++
	if _, err := fmt.Fprintf(w.w, "    %s\n", xml); err != nil {
		w.err = err
	}
	return w.err
}

// Write writes one pair as a <tu>. A side with no text has no <tuv>, and a
// pair with no text at all is not written. Writes are buffered: call Close
// at the end.
func (w *Writer) Write(p corpus.Pair) error {
	if w.closed {
		return fmt.Errorf("tmx: write after Close")
	}
	if !w.started {
		w.start()
	}
	if w.err != nil || p.Src == "" && p.Tgt == "" {
		return w.err
	}
	w.n++
	b := w.w
	b.WriteString("    <tu>\n")
	if !p.Unscored {
		w.prop("x-score", corpus.FormatScore(p.Score))
	}
	if p.Status != corpus.StatusAuto {
		w.prop("x-status", string(p.Status))
	}
	w.prop("x-link", p.Type())
	if p.Doc != "" {
		w.prop("x-document", w.cleanDoc(p.Doc))
	}
	if len(p.SrcIDs) > 0 || len(p.TgtIDs) > 0 {
		w.prop("x-position", FormatPosition(p.SrcIDs, p.TgtIDs))
	}
	for _, side := range []struct{ lang, text string }{{w.SrcLang, p.Src}, {w.TgtLang, p.Tgt}} {
		if side.text == "" {
			continue
		}
		fmt.Fprintf(b, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", side.lang,
			escape(w.clean(side.text, p, side.lang+" segment"), false))
	}
	if _, err := b.WriteString("    </tu>\n"); err != nil {
		w.err = err
	}
	return w.err
}

func (w *Writer) prop(typ, value string) {
	fmt.Fprintf(w.w, "      <prop type=\"%s\">%s</prop>\n", typ, escape(value, false))
}

// clean drops what XML 1.0 cannot carry, and says so.
func (w *Writer) clean(s string, p corpus.Pair, what string) string {
	kept, dropped := xmlChars(s)
	if len(dropped) > 0 && w.Warn != nil {
		where := corpus.PairPlace(w.n, p.Doc)
		if len(p.SrcIDs) > 0 || len(p.TgtIDs) > 0 {
			where += " " + FormatPosition(p.SrcIDs, p.TgtIDs)
		}
		w.Warn(fmt.Errorf("tmx: %s, %s: dropped %d character(s) that XML 1.0 does not allow: %s",
			where, what, len(dropped), strings.Join(dropped, " ")))
	}
	return kept
}

// cleanDoc drops from a document name what XML 1.0 cannot carry, and says
// so in a *corpus.DocNameError, which Warn receives at every pair of the
// document: give it corpus.OncePerDoc to hear of it once.
func (w *Writer) cleanDoc(doc string) string {
	kept, dropped := xmlChars(doc)
	if len(dropped) > 0 && w.Warn != nil {
		w.Warn(&corpus.DocNameError{Doc: doc, Err: fmt.Errorf("tmx: document name %q: dropped %d character(s) that XML 1.0 does not allow: %s",
			doc, len(dropped), strings.Join(dropped, " "))})
	}
	return kept
}

// xmlChars returns s without the characters outside XML 1.0's Char
// production (and bytes that are not UTF-8), and a description of each
// dropped one.
func xmlChars(s string) (kept string, dropped []string) {
	ok := func(r rune, size int) bool {
		if r == utf8.RuneError && size == 1 {
			return false
		}
		return r == 0x9 || r == 0xA || r == 0xD ||
			0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
	}
	clean := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ok(r, size) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if ok(r, size) {
			b.WriteString(s[i : i+size])
		} else if r == utf8.RuneError && size == 1 {
			dropped = append(dropped, fmt.Sprintf("byte %#x", s[i]))
		} else {
			dropped = append(dropped, fmt.Sprintf("U+%04X", r))
		}
		i += size
	}
	return b.String(), dropped
}

// escape writes s as XML character data, or as an attribute value when
// attr is set. Only what must be is escaped, so that the text stays
// readable; a carriage return is written as a reference because a parser
// would otherwise turn it into a newline.
func escape(s string, attr bool) string {
	if !strings.ContainsAny(s, "&<>\r\"\t\n") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case attr && r == '"':
			b.WriteString("&quot;")
		case attr && r == '\t':
			b.WriteString("&#x9;")
		case attr && r == '\n':
			b.WriteString("&#xA;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FormatPosition writes the sentence indices of a link as the x-position
// prop holds them, in the notation of the gold files (see package ids):
// "[1, 2]:[3]".
func FormatPosition(src, tgt []int) string {
	return string(ids.AppendLink(nil, src, tgt))
}

// Flush writes any buffered data to the underlying io.Writer.
func (w *Writer) Flush() {
	if err := w.w.Flush(); err != nil && w.err == nil {
		w.err = err
	}
}

// Error reports any error from a previous Write, Flush or Close.
func (w *Writer) Error() error { return w.err }

// Close ends the document and flushes it. It does not close the
// underlying io.Writer. A Writer closed without any Write still writes a
// valid TMX, with an empty body.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	if !w.started {
		w.start()
	}
	w.closed = true
	if w.err == nil {
		w.w.WriteString("  </body>\n</tmx>\n")
	}
	w.Flush()
	return w.err
}
