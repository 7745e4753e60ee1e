// Package docx reads the text of a Word document (Office Open XML, .docx)
// as paragraphs.
//
// A DOCX file is a zip archive whose main part, word/document.xml, holds
// the body as a sequence of w:p paragraphs (headings, list items and table
// cells are paragraphs too) made of runs of w:t text. Paragraphs reads the
// body in order and then the footnotes and endnotes, each paragraph one
// line of plain text: tabs and line breaks become spaces, text deleted by
// tracked changes (w:del, w:moveFrom), hidden text (w:vanish) and field
// codes are left out, inserted text is kept, and the footnote marks, which
// Word numbers itself, leave nothing in the sentence. The archive and its
// XML are read within the bounds of office.DefaultLimits, so that a zip
// bomb or a deeply nested part is an error, not a crash.
package docx

import (
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/paralel/paralel/extract/internal/office"
)

// Errors that Paragraphs wraps.
var (
	ErrCorrupt   = office.ErrCorrupt
	ErrTooLarge  = office.ErrTooLarge
	ErrEncrypted = office.ErrEncrypted
	ErrNoText    = office.ErrNoText
)

// Namespaces of WordprocessingML: transitional, as Word writes it, and
// strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// Relationship types are URLs; only their last segment matters here.
const (
	relDocument = "/officeDocument"
	relFootnote = "/footnotes"
	relEndnote  = "/endnotes"
)

// Paragraphs returns the paragraphs of the DOCX document in r, of size
// bytes: the body's, then the footnotes' and the endnotes'.
func Paragraphs(r io.ReaderAt, size int64) ([]string, error) {
	a, err := office.Open(r, size, "DOCX", office.DefaultLimits)
	if err != nil {
		return nil, err
	}
	main := "word/document.xml"
	if rels, err := relations(a, "_rels/.rels", ""); err != nil {
		return nil, err
	} else if t := rels[relDocument]; t != "" {
		main = t
	}
	if !a.Has(main) {
		return nil, fmt.Errorf("%w: not a Word document (no %s)", ErrCorrupt, main)
	}
	rels, err := relations(a, path.Join(path.Dir(main), "_rels", path.Base(main)+".rels"), path.Dir(main))
	if err != nil {
		return nil, err
	}
	var paras []string
	for _, part := range []string{main, rels[relFootnote], rels[relEndnote]} {
		if part == "" || (part != main && !a.Has(part)) {
			continue
		}
		if paras, err = readPart(a, part, paras); err != nil {
			return nil, err
		}
	}
	if len(paras) == 0 {
		return nil, ErrNoText
	}
	return paras, nil
}

// relations reads a relationships part and returns the target of each
// relationship type of interest, resolved against dir; a missing part has
// none.
func relations(a *office.Archive, name, dir string) (map[string]string, error) {
	out := map[string]string{}
	if !a.Has(name) {
		return out, nil
	}
	rc, err := a.Open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := office.NewDecoder(rc, office.DefaultLimits)
	for {
		t, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		e, ok := t.(xml.StartElement)
		if !ok || e.Name.Local != "Relationship" {
			continue
		}
		typ, _ := office.Attr(e, "", "Type")
		target, _ := office.Attr(e, "", "Target")
		if mode, _ := office.Attr(e, "", "TargetMode"); mode == "External" || target == "" {
			continue
		}
		for _, rel := range []string{relDocument, relFootnote, relEndnote} {
			if strings.HasSuffix(typ, rel) && out[rel] == "" {
				if strings.HasPrefix(target, "/") {
					out[rel] = strings.TrimPrefix(target, "/")
				} else {
					out[rel] = path.Join(dir, target)
				}
			}
		}
	}
}

// readPart appends the paragraphs of a document, footnotes or endnotes part.
func readPart(a *office.Archive, name string, paras []string) ([]string, error) {
	rc, err := a.Open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	w := walker{d: office.NewDecoder(rc, office.DefaultLimits), paras: paras}
	if err := w.walk(); err != nil {
		return nil, err
	}
	return w.paras, nil
}

// A walker goes through the tokens of a part, keeping a paragraph open for
// each w:p it is inside (a text box nests paragraphs in a paragraph).
type walker struct {
	d      *office.Decoder
	paras  []string
	open   []*office.Text // paragraphs being read, innermost last
	names  []string       // local names of the open WordprocessingML elements
	hidden bool           // the current run is hidden
	inText bool           // inside w:t
}

func (w *walker) walk() error {
	for {
		t, err := w.d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := w.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			if w.inText && !w.hidden && len(w.open) > 0 {
				w.open[len(w.open)-1].WriteString(string(t))
			}
		}
	}
}

func (w *walker) start(e xml.StartElement) error {
	if e.Name.Space == nsMC && e.Name.Local == "Fallback" {
		return w.d.Skip() // the same content as mc:Choice, for older readers
	}
	if e.Name.Space != nsW && e.Name.Space != nsWStrict {
		w.names = append(w.names, "")
		return nil
	}
	switch e.Name.Local {
	case "del", "moveFrom", "instrText", "delInstrText", "rPrChange", "pPrChange", "footnoteRef", "endnoteRef":
		return w.d.Skip()
	case "footnote", "endnote":
		// The separator lines that Word keeps among the notes.
		if typ, _ := office.Attr(e, e.Name.Space, "type"); typ != "" && typ != "normal" {
			return w.d.Skip()
		}
	case "p":
		w.open = append(w.open, &office.Text{})
	case "r":
		w.hidden = false
	case "vanish":
		if w.parent(1) == "rPr" && w.parent(2) == "r" {
			v, _ := office.Attr(e, e.Name.Space, "val")
			w.hidden = v != "0" && v != "false" && v != "off"
		}
	case "t":
		w.inText = true
	case "tab", "ptab", "br", "cr":
		if len(w.open) > 0 && w.parent(1) == "r" {
			w.open[len(w.open)-1].Space()
		}
	case "noBreakHyphen":
		if len(w.open) > 0 && !w.hidden {
			w.open[len(w.open)-1].WriteString("-")
		}
	}
	w.names = append(w.names, e.Name.Local)
	return nil
}

func (w *walker) end(e xml.EndElement) {
	w.names = w.names[:len(w.names)-1]
	if e.Name.Space != nsW && e.Name.Space != nsWStrict {
		return
	}
	switch e.Name.Local {
	case "p":
		p := w.open[len(w.open)-1]
		w.open = w.open[:len(w.open)-1]
		if p.Len() > 0 {
			w.paras = append(w.paras, p.String())
		}
	case "r":
		w.hidden = false
	case "t":
		w.inText = false
	}
}

// parent returns the local name of the open element n levels up (1 is the
// innermost), or "" when it is not WordprocessingML.
func (w *walker) parent(n int) string {
	if len(w.names) < n {
		return ""
	}
	return w.names[len(w.names)-n]
}
