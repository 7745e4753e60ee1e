// Package odt reads the text of an OpenDocument text document (.odt, as
// LibreOffice writes it) as paragraphs.
//
// An ODT file is a zip archive whose content.xml holds the body,
// office:text, as text:h headings and text:p paragraphs, nested in lists,
// tables, sections and frames. Paragraphs reads them in order, each one
// line of plain text: text:s, text:tab and text:line-break become spaces.
// A footnote or endnote (text:note) sits inside its paragraph: its
// citation, the number the reader sees, is dropped and its body comes out
// after the document's paragraphs. Tracked changes keep the deleted text
// apart, in text:tracked-changes, which is left out; inserted text is in
// the body and kept. Comments, generated indexes and the descriptions of
// drawings are left out too. The archive and its XML are read within the
// bounds of office.DefaultLimits, so that a zip bomb or a deeply nested
// part is an error, not a crash; an encrypted document is ErrEncrypted.
package odt

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/paralel/paralel/extract/internal/office"
)

// Errors that Paragraphs wraps.
var (
	ErrCorrupt   = office.ErrCorrupt
	ErrTooLarge  = office.ErrTooLarge
	ErrEncrypted = office.ErrEncrypted
	ErrNoText    = office.ErrNoText
)

const (
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsDraw   = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
	nsSVG    = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
)

// skipped are the elements whose content is not the document's running
// text: deleted text of tracked changes, comments, generated indexes (a
// table of contents repeats the headings), drawing descriptions, forms.
var skipped = map[xml.Name]bool{
	{Space: nsText, Local: "tracked-changes"}:      true,
	{Space: nsText, Local: "note-citation"}:        true,
	{Space: nsOffice, Local: "annotation"}:         true,
	{Space: nsOffice, Local: "forms"}:              true,
	{Space: nsText, Local: "table-of-content"}:     true,
	{Space: nsText, Local: "illustration-index"}:   true,
	{Space: nsText, Local: "table-index"}:          true,
	{Space: nsText, Local: "object-index"}:         true,
	{Space: nsText, Local: "user-index"}:           true,
	{Space: nsText, Local: "alphabetical-index"}:   true,
	{Space: nsText, Local: "bibliography"}:         true,
	{Space: nsText, Local: "sequence-decls"}:       true,
	{Space: nsText, Local: "variable-decls"}:       true,
	{Space: nsText, Local: "user-field-decls"}:     true,
	{Space: nsSVG, Local: "title"}:                 true,
	{Space: nsSVG, Local: "desc"}:                  true,
	{Space: nsDraw, Local: "object-ole"}:           true,
	{Space: nsText, Local: "deletion"}:             true,
	{Space: nsText, Local: "dde-connection-decls"}: true,
}

// Paragraphs returns the paragraphs of the ODT document in r, of size
// bytes: the body's, then the notes'.
func Paragraphs(r io.ReaderAt, size int64) ([]string, error) {
	a, err := office.Open(r, size, "ODT", office.DefaultLimits)
	if err != nil {
		return nil, err
	}
	if !a.Has("content.xml") {
		return nil, fmt.Errorf("%w: not an OpenDocument file (no content.xml)", ErrCorrupt)
	}
	if a.Has("META-INF/manifest.xml") {
		m, err := a.ReadAll("META-INF/manifest.xml")
		if err != nil {
			return nil, err
		}
		if bytes.Contains(m, []byte("encryption-data")) {
			return nil, ErrEncrypted
		}
	}
	rc, err := a.Open("content.xml")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	w := walker{d: office.NewDecoder(rc, office.DefaultLimits)}
	if err := w.walk(); err != nil {
		return nil, err
	}
	paras := append(w.body, w.notes...)
	if len(paras) == 0 {
		return nil, ErrNoText
	}
	return paras, nil
}

// A walker goes through content.xml keeping a paragraph open for each
// text:p or text:h it is inside: a note, a frame or a table can sit in a
// paragraph and hold paragraphs of its own.
type walker struct {
	d           *office.Decoder
	body, notes []string
	open        []*office.Text // innermost last
	inNote      int            // depth of text:note-body
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
			if skipped[t.Name] {
				if err := w.d.Skip(); err != nil {
					return err
				}
				continue
			}
			w.start(t)
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			if len(w.open) > 0 {
				w.open[len(w.open)-1].WriteString(string(t))
			}
		}
	}
}

func (w *walker) start(e xml.StartElement) {
	if e.Name.Space != nsText {
		return
	}
	switch e.Name.Local {
	case "p", "h":
		w.open = append(w.open, &office.Text{})
	case "note-body":
		w.inNote++
	case "s", "tab", "line-break":
		if len(w.open) > 0 {
			w.open[len(w.open)-1].Space()
		}
	}
}

func (w *walker) end(e xml.EndElement) {
	if e.Name.Space != nsText {
		return
	}
	switch e.Name.Local {
	case "p", "h":
		p := w.open[len(w.open)-1]
		w.open = w.open[:len(w.open)-1]
		switch {
		case p.Len() == 0:
		case w.inNote > 0:
			w.notes = append(w.notes, p.String())
		default:
			w.body = append(w.body, p.String())
		}
	case "note-body":
		w.inNote--
	}
}
