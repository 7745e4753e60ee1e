package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"

	"github.com/paralel/paralel/extract/internal/office"
)

// detect tells the format of a document from its first bytes, or takes
// the one opt forces.
func detect(head []byte, opt Options) (string, error) {
	if opt.Format != "" {
		return opt.Format, nil
	}
	if f, err := detectBinary(head); f != "" || err != nil {
		return f, err
	}
	// The markup formats are told from text, in whatever encoding it is.
	text := head
	if isUTF16(head) || opt.Encoding != "" {
		if s, _, err := decodeAll(head, opt); err == nil {
			text = []byte(s)
		}
	}
	return detectText(text), nil
}

// detectBinary recognises the binary formats by their magic numbers: those
// read and those refused with a reason.
func detectBinary(head []byte) (string, error) {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return PDF, nil
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		// Which kind of ZIP archive, its directory at the end tells.
		return zipFormat, nil
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		// An old .doc or .xls, or an encrypted DOCX or ODT: its
		// directory, anywhere in the file, tells.
		return oleFormat, nil
	case bytes.HasPrefix(head, []byte(`{\rtf`)):
		return "", fmt.Errorf("%w: RTF; save it as DOCX", ErrUnsupported)
	}
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return "", fmt.Errorf("%w: %s", ErrUnsupported, m.what)
		}
	}
	return "", nil
}

// zipFormat is the format of a ZIP archive until zipKind has read its
// directory.
const zipFormat = "zip"

// zipKind tells a Word from an OpenDocument text by the files the archive
// holds.
func zipKind(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: a damaged ZIP archive: %v", ErrCorrupt, err)
	}
	names := map[string]*zip.File{}
	for _, f := range zr.File {
		names[f.Name] = f
	}
	switch {
	case names["word/document.xml"] != nil:
		return DOCX, nil
	case names["content.xml"] != nil:
		if m := names["mimetype"]; m != nil && m.UncompressedSize64 < 100 {
			if r, err := m.Open(); err == nil {
				b, _ := io.ReadAll(r)
				r.Close()
				if !bytes.HasPrefix(b, []byte("application/vnd.oasis.opendocument.text")) {
					return "", fmt.Errorf("%w: an OpenDocument file of type %s, not a text", ErrUnsupported, b)
				}
			}
		}
		return ODT, nil
	}
	return "", fmt.Errorf("%w: a ZIP archive that is neither DOCX nor ODT", ErrUnsupported)
}

// oleFormat is the format of an OLE compound file until oleKind has read
// its directory.
const oleFormat = "ole"

// oleKind says why an OLE compound file is not read: a password-protected
// document (Office and LibreOffice store the encrypted package in an OLE
// file) or a binary format of Office 97-2003.
func oleKind(data []byte) error {
	if office.EncryptedOLE(bytes.NewReader(data), int64(len(data))) {
		return ErrEncrypted
	}
	return fmt.Errorf("%w: a Word 97-2003 (.doc) or other OLE file; save it as DOCX", ErrUnsupported)
}

var magics = []struct{ prefix, what string }{
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1F\x8B", "gzip-compressed data"},
	{"7z\xBC\xAF", "a 7-Zip archive"},
	{"Rar!", "a RAR archive"},
}

var (
	srtTiming = regexp.MustCompile(`^\s*(?:\d+\s*\r?\n\s*)?\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->`)
	htmlStart = regexp.MustCompile(`(?i)^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b`)
	htmlTags  = regexp.MustCompile(`(?i)<(?:p|div|br|h[1-6]|body|span|a\s+href)\b[^>]*>`)
)

// detectText tells the text formats apart: WebVTT, SRT, HTML, plain text.
func detectText(head []byte) string {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	switch {
	case bytes.HasPrefix(t, []byte("WEBVTT")):
		return VTT
	case srtTiming.Match(t[:min(len(t), 1024)]):
		return SRT
	case htmlStart.Match(t[:min(len(t), 4096)]):
		return HTML
	case len(htmlTags.FindAllIndex(t, 10)) >= 10:
		// A fragment of HTML, saved without its head.
		return HTML
	}
	return Text
}
