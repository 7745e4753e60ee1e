// Package pdf reads the text layer of a PDF document as paragraphs.
//
// A PDF has no paragraphs, only pieces of text placed on pages. Paragraphs
// parses the file with github.com/ledongthuc/pdf (pure Go) and runs each
// page's drawing instructions to find where every character goes, word
// spacing included, so that justified text keeps its words whole. It
// groups the characters into lines by their baselines, drops the running
// headers and footers (the lines at the top and bottom of the pages that
// recur from page to page with only their numbers changing, page numbers,
// web addresses, and the date and title a browser prints in small type),
// and joins the remaining lines into paragraphs: a new paragraph starts
// after a vertical gap wider than the body's line spacing, at a change of
// type size, at an indented line, or after a short line that ends a
// sentence; a sentence that runs across a page break stays whole. A word
// hyphenated at a line end is joined again when the document has the
// whole word elsewhere, or when its parts are not both words of the
// document (a compound such as "long-term" keeps its hyphen).
//
// A scanned PDF has images but no text layer: Paragraphs says so with
// ErrNoText rather than returning nothing. An encrypted PDF that opens
// with the empty password (one that only forbids printing or copying) is
// read; one that needs a password is ErrEncrypted. Reading is bounded:
// at most MaxPages pages, MaxPageContent bytes of drawing instructions a
// page and MaxContent in all, and a malformed file is an error, never a
// crash.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

// Errors that Paragraphs wraps; their messages are meant for the user,
// after the file's name.
var (
	ErrCorrupt   = errors.New("corrupt or unreadable PDF")
	ErrTooLarge  = errors.New("PDF too large")
	ErrEncrypted = errors.New("PDF is encrypted (password-protected): save it without a password first")
	ErrNoText    = errors.New("no text layer: a scanned PDF? Run OCR on it first")
)

// Bounds on what reading a PDF may cost.
const (
	MaxPages       = 3000
	MaxPageContent = 8 << 20   // decompressed bytes of one page's content streams
	MaxContent     = 512 << 20 // the same, all pages together
	maxTreeDepth   = 64
)

// Paragraphs returns the paragraphs of the PDF in r, of size bytes, in
// reading order.
func Paragraphs(r io.ReaderAt, size int64) (paras []string, err error) {
	defer func() {
		// The library reports some malformed input by panicking.
		if x := recover(); x != nil {
			paras, err = nil, fmt.Errorf("%w: %s", ErrCorrupt, oneLine(fmt.Sprint(x)))
		}
	}()
	rd, err := lpdf.NewReader(r, size)
	if err != nil {
		if errors.Is(err, lpdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: %s", ErrCorrupt, openError(err))
	}
	pv, err := pageValues(rd.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	pages := make([][]line, len(pv))
	text := 0
	var content int64
	for i, v := range pv {
		n, err := checkContent(v.Key("Contents"))
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		if content += n; content > MaxContent {
			return nil, fmt.Errorf("%w: more than %d MB of drawing instructions", ErrTooLarge, MaxContent>>20)
		}
		pages[i] = lines(i, pageGlyphs(lpdf.Page{V: v}))
		for _, l := range pages[i] {
			text += l.runes
		}
	}
	if text == 0 {
		return nil, ErrNoText
	}
	size0 := bodySize(pages)
	pages = dropMargins(pages, rd.Trailer().Key("Info").Key("Title").Text(), size0)
	var all []line
	for _, ls := range pages {
		all = append(all, ls...)
	}
	if len(all) == 0 {
		return nil, ErrNoText
	}
	lo := measure(pages, size0)
	return lo.paragraphs(all), nil
}

// pageValues walks the page tree, bounded in depth and size so that a
// tree that loops back on itself ends.
func pageValues(root lpdf.Value) ([]lpdf.Value, error) {
	var out []lpdf.Value
	visits := 0
	var walk func(v lpdf.Value, depth int) error
	walk = func(v lpdf.Value, depth int) error {
		visits++
		if depth > maxTreeDepth || visits > 2*MaxPages+1000 {
			return fmt.Errorf("%w: the page tree is too deep or loops", ErrCorrupt)
		}
		if kids := v.Key("Kids"); kids.Kind() == lpdf.Array && v.Key("Type").Name() != "Page" {
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if v.Kind() != lpdf.Dict {
			return nil
		}
		if len(out) == MaxPages {
			return fmt.Errorf("%w: more than %d pages", ErrTooLarge, MaxPages)
		}
		out = append(out, v)
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no pages", ErrCorrupt)
	}
	return out, nil
}

// checkContent decompresses a page's content streams to see that they stay
// within MaxPageContent, and returns their size: a few kilobytes of
// compressed instructions can unpack to gigabytes.
func checkContent(v lpdf.Value) (int64, error) {
	streams := []lpdf.Value{v}
	if v.Kind() == lpdf.Array {
		streams = streams[:0]
		for i := 0; i < v.Len(); i++ {
			streams = append(streams, v.Index(i))
		}
	}
	var n int64
	for _, s := range streams {
		if s.Kind() != lpdf.Stream {
			continue
		}
		rc := s.Reader()
		m, _ := io.Copy(io.Discard, io.LimitReader(rc, MaxPageContent+1-n))
		rc.Close()
		if n += m; n > MaxPageContent {
			return 0, fmt.Errorf("%w: more than %d MB of drawing instructions", ErrTooLarge, MaxPageContent>>20)
		}
	}
	return n, nil
}

// openError says why the library could not open a file, in the user's
// terms where it can.
func openError(err error) string {
	msg := oneLine(err.Error())
	if strings.HasSuffix(msg, "missing %%EOF") {
		// A PDF ends with the line "%%EOF": this one was cut short.
		return "cut short: it does not end with the %%EOF marker of a PDF (an incomplete download?)"
	}
	return msg
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
