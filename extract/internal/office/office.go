// Package office reads the zip container and the XML parts of office
// documents (DOCX, ODT) within bounds, so that a hostile file costs an error
// rather than memory or time: the number of entries, the decompressed size
// of each part and of all parts read, the compression ratio (a zip bomb
// packs gigabytes of zeros into kilobytes), the nesting depth of the XML and
// the size of any one XML token (a megabyte-long attribute) are all capped.
//
// It also gathers paragraph text with white space collapsed, as both
// formats want it: one line of plain text a paragraph.
package office

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Errors that the readers of office documents wrap; their messages are
// meant for the user, after the file's name.
var (
	ErrCorrupt   = errors.New("corrupt or unreadable document")
	ErrTooLarge  = errors.New("document too large")
	ErrEncrypted = errors.New("document is encrypted (password-protected): save it without a password first")
	ErrNoText    = errors.New("document has no text")
)

// Limits bound what reading a document may cost.
type Limits struct {
	Entries int   // zip entries
	Part    int64 // decompressed bytes of one part
	Total   int64 // decompressed bytes of all parts read
	Ratio   int64 // decompressed to compressed size, checked past RatioFloor
	Depth   int   // XML nesting
	Token   int64 // bytes of one XML token: a tag with its attributes, or a text
}

// RatioFloor is the size under which a part's compression ratio is not
// checked: small runs of repeated markup compress very well and are harmless.
const RatioFloor = 16 << 20

// DefaultLimits fit any real document (a book of a thousand pages has a
// main part of a few tens of megabytes) and keep a hostile one cheap.
var DefaultLimits = Limits{
	Entries: 10000,
	Part:    256 << 20,
	Total:   512 << 20,
	Ratio:   200,
	Depth:   256,
	Token:   16 << 20,
}

// oleMagic starts an OLE compound file: an encrypted DOCX or ODF is stored
// in one, as is an old binary .doc.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// An Archive is an office document's zip container.
type Archive struct {
	limits Limits
	files  map[string]*zip.File
	read   int64 // decompressed bytes read so far, all parts together
}

// Open opens the zip container in r, of size bytes. kind names the format
// in errors ("DOCX").
func Open(r io.ReaderAt, size int64, kind string, limits Limits) (*Archive, error) {
	head := make([]byte, len(oleMagic))
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, oleMagic) {
		if EncryptedOLE(r, size) {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: an old binary (OLE) document, not %s: save it as %s first", ErrCorrupt, kind, kind)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: not a %s file (%v)", ErrCorrupt, kind, err)
	}
	if len(zr.File) > limits.Entries {
		return nil, fmt.Errorf("%w: %d zip entries (at most %d)", ErrTooLarge, len(zr.File), limits.Entries)
	}
	a := &Archive{limits: limits, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		a.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	return a, nil
}

// EncryptedOLE tells whether an OLE file holds the stream of an encrypted
// OOXML or ODF package, as Word, Excel and LibreOffice save a document
// with a password; its directory names are UTF-16.
func EncryptedOLE(r io.ReaderAt, size int64) bool {
	name := []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
	buf := make([]byte, 1<<16)
	for off := int64(0); off < size && off < 64<<20; off += int64(len(buf) - len(name)) {
		n, _ := r.ReadAt(buf, off)
		if bytes.Contains(buf[:n], name) {
			return true
		}
		if n < len(buf) {
			break
		}
	}
	return false
}

// Has tells whether the archive holds the named part.
func (a *Archive) Has(name string) bool {
	_, ok := a.files[name]
	return ok
}

// Open opens the named part for reading, bounded by the limits.
func (a *Archive) Open(name string) (io.ReadCloser, error) {
	f, ok := a.files[name]
	if !ok {
		return nil, fmt.Errorf("%w: no part %s", ErrCorrupt, name)
	}
	if f.UncompressedSize64 > uint64(a.limits.Part) {
		return nil, fmt.Errorf("%w: part %s holds %d MB (at most %d MB)", ErrTooLarge, name, f.UncompressedSize64>>20, a.limits.Part>>20)
	}
	if f.Flags&1 != 0 {
		return nil, ErrEncrypted
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: part %s: %v", ErrCorrupt, name, err)
	}
	return &partReader{rc: rc, a: a, name: name, packed: int64(f.CompressedSize64)}, nil
}

// ReadAll reads the whole named part.
func (a *Archive) ReadAll(name string) ([]byte, error) {
	rc, err := a.Open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// A partReader counts what it decompresses against the limits, whatever
// the zip headers claim.
type partReader struct {
	rc     io.ReadCloser
	a      *Archive
	name   string
	packed int64 // compressed size
	n      int64 // decompressed bytes read
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.rc.Read(b)
	p.n += int64(n)
	p.a.read += int64(n)
	lim := p.a.limits
	switch {
	case p.n > lim.Part:
		return n, fmt.Errorf("%w: part %s decompresses to more than %d MB", ErrTooLarge, p.name, lim.Part>>20)
	case p.a.read > lim.Total:
		return n, fmt.Errorf("%w: decompresses to more than %d MB", ErrTooLarge, lim.Total>>20)
	case p.n > RatioFloor && p.n > lim.Ratio*max(p.packed, 1):
		return n, fmt.Errorf("%w: part %s is compressed more than %d to 1 (a zip bomb?)", ErrTooLarge, p.name, lim.Ratio)
	}
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: part %s: %v", ErrCorrupt, p.name, err)
	}
	return n, err
}

func (p *partReader) Close() error { return p.rc.Close() }

// A Decoder reads XML tokens, refusing nesting deeper than the limit and
// any single token larger than the limit: it stops feeding the XML decoder
// once that much input has gone by since the last token.
type Decoder struct {
	d     *xml.Decoder
	in    *tokenLimiter
	depth int
	max   int
}

// NewDecoder returns a decoder of the XML in r.
func NewDecoder(r io.Reader, limits Limits) *Decoder {
	in := &tokenLimiter{r: r, max: limits.Token}
	return &Decoder{d: xml.NewDecoder(in), in: in, max: limits.Depth}
}

// Token returns the next token, as xml.Decoder.Token does; at the end it
// returns io.EOF, and a malformed document gives an error wrapping
// ErrCorrupt or ErrTooLarge.
func (d *Decoder) Token() (xml.Token, error) {
	t, err := d.d.Token()
	if err != nil {
		if err == io.EOF {
			if d.depth != 0 {
				return nil, fmt.Errorf("%w: the XML ends inside an element", ErrCorrupt)
			}
			return nil, io.EOF
		}
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrCorrupt) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	d.in.mark = d.d.InputOffset()
	switch t.(type) {
	case xml.StartElement:
		d.depth++
		if d.depth > d.max {
			return nil, fmt.Errorf("%w: XML nested more than %d deep", ErrTooLarge, d.max)
		}
	case xml.EndElement:
		d.depth--
	}
	return t, nil
}

// Skip skips the element just started, as xml.Decoder.Skip does, within
// the same limits.
func (d *Decoder) Skip() error {
	for depth := 1; depth > 0; {
		t, err := d.Token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// A tokenLimiter passes bytes on until max bytes beyond mark, the offset of
// the end of the last token, have been read.
type tokenLimiter struct {
	r         io.Reader
	pos, mark int64
	max       int64
}

func (t *tokenLimiter) Read(p []byte) (int, error) {
	if t.pos-t.mark > t.max {
		return 0, fmt.Errorf("%w: an XML element or text of more than %d MB", ErrTooLarge, t.max>>20)
	}
	n, err := t.r.Read(p)
	t.pos += int64(n)
	return n, err
}

// Attr returns the value of the attribute of e with the given local name
// and namespace, and whether it is there.
func Attr(e xml.StartElement, space, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value, true
		}
	}
	return "", false
}

// A Text gathers the text of one paragraph: runs of white space become one
// space, control characters and invalid UTF-8 are dropped, and the ends are
// trimmed.
type Text struct {
	b     strings.Builder
	space bool // a space is pending before the next character
}

// WriteString adds s.
func (t *Text) WriteString(s string) {
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			t.Space()
		case r == utf8.RuneError && isInvalid(s[i:]), unicode.IsControl(r), isInvisible(r):
		default:
			if t.space && t.b.Len() > 0 {
				t.b.WriteByte(' ')
			}
			t.space = false
			t.b.WriteRune(r)
		}
	}
}

func isInvalid(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size == 1
}

// isInvisible reports the format characters that only steer layout: soft
// hyphens, zero-width spaces and joiners, the byte order mark.
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u2060', '\ufeff':
		return true
	}
	return false
}

// Space adds a word break.
func (t *Text) Space() { t.space = true }

// Len returns the length in bytes of the text so far.
func (t *Text) Len() int { return t.b.Len() }

// String returns the paragraph's text.
func (t *Text) String() string { return t.b.String() }
