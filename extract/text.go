package extract

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/paralel/paralel/corpus"
)

// textReader returns the reader of a plain text whose first bytes are head:
// the input itself when it is UTF-8 (so offsets refer to the file), else
// the input decoded as it is read. It fills in the encoding and whether
// the lines are hard-wrapped.
func textReader(br *bufio.Reader, head []byte, opt Options, rep *Report) (io.Reader, error) {
	name, enc, err := chooseEncoding(head, opt)
	if err != nil {
		return nil, err
	}
	rep.Encoding = name
	if enc == nil {
		rep.Wrapped = isWrapped(string(head))
		return br, nil
	}
	sample, _, _ := transform.Bytes(enc.NewDecoder(), head)
	rep.Wrapped = isWrapped(string(sample))
	return transform.NewReader(br, enc.NewDecoder()), nil
}

// decodeAll decodes a whole text read to be parsed (subtitles, a sniffed
// head) and names its encoding.
func decodeAll(data []byte, opt Options) (string, string, error) {
	name, enc, err := chooseEncoding(data[:min(len(data), sniffSize)], opt)
	if err != nil {
		return "", "", err
	}
	if enc == nil {
		if i := invalidUTF8(data); i >= 0 {
			return "", "", &corpus.InputError{Name: opt.Name, Offset: int64(i), Err: corpus.ErrInvalidUTF8}
		}
		return strings.TrimPrefix(string(data), "\uFEFF"), name, nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return "", "", fmt.Errorf("decoding %s: %w", name, err)
	}
	return string(out), name, nil
}

// chooseEncoding names the encoding of a text from its first bytes, with
// its decoder, or a nil decoder for UTF-8 (which is read as it is).
func chooseEncoding(head []byte, opt Options) (string, encoding.Encoding, error) {
	if opt.Encoding != "" {
		return lookupEncoding(opt.Encoding)
	}
	if e := utf16Encoding(head); e != "" {
		return lookupEncoding(e)
	}
	if !looksSingleByte(head) {
		return "utf-8", nil, nil
	}
	return guessSingleByte(head, opt.Lang)
}

// lookupEncoding finds an encoding by its IANA or WHATWG name.
func lookupEncoding(name string) (string, encoding.Encoding, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "utf-8", "utf8":
		return "utf-8", nil, nil
	case "utf-16le", "utf-16be":
		// WHATWG maps utf-16 to LE with a BOM taking precedence; keep the
		// byte order asked for.
		order := xunicode.LittleEndian
		if n == "utf-16be" {
			order = xunicode.BigEndian
		}
		return n, xunicode.UTF16(order, xunicode.UseBOM), nil
	}
	if n == "iso-8859-1" || n == "latin1" || n == "latin-1" {
		// WHATWG reads ISO-8859-1 as windows-1252; asked by name, give the
		// real one, which keeps 0x80-0x9F as control characters.
		return "iso-8859-1", charmap.ISO8859_1, nil
	}
	enc, err := htmlindex.Get(n)
	if err != nil {
		return "", nil, fmt.Errorf("%w %q", ErrEncoding, name)
	}
	canon, _ := htmlindex.Name(enc)
	return canon, enc, nil
}

// isUTF16 reports whether head starts with a UTF-16 byte order mark or
// shows the NUL pattern of UTF-16 text.
func isUTF16(head []byte) bool {
	return utf16Encoding(head) != ""
}

// utf16Encoding names the byte order of UTF-16 text, "utf-16le" or
// "utf-16be", from its byte order mark or else its NUL bytes; "" when
// head is not UTF-16.
func utf16Encoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\xFF\xFE")):
		return "utf-16le"
	case bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return "utf-16be"
	}
	return utf16ByNULs(head)
}

// utf16ByNULs tells UTF-16 text without a byte order mark from the NUL
// bytes of its Latin characters: every other byte is NUL, at odd offsets
// for little-endian and at even ones for big-endian.
func utf16ByNULs(head []byte) string {
	n := len(head) &^ 1
	if n < 8 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*6 && even*20 < half:
		return "utf-16le"
	case even*10 >= half*6 && odd*20 < half:
		return "utf-16be"
	}
	return ""
}

// looksSingleByte reports whether head is not UTF-8 but text in a
// single-byte encoding: it has bytes that are not valid UTF-8 and no valid
// multi-byte sequence. UTF-8 with a stray bad byte stays UTF-8, so the
// reader reports where the bad byte is.
func looksSingleByte(head []byte) bool {
	// A multi-byte sequence cut at the end of the head is not evidence.
	for k := 1; k <= 3 && k <= len(head); k++ {
		if utf8.RuneStart(head[len(head)-k]) {
			if !utf8.FullRune(head[len(head)-k:]) {
				head = head[:len(head)-k]
			}
			break
		}
	}
	if utf8.Valid(head) {
		return false
	}
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if n > 1 && r != utf8.RuneError {
			return false
		}
		i += n
	}
	return true
}

// invalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// The single-byte encodings that Albanian and English text come in. Albanian
// is written in the Central European code pages (the Windows locale uses
// windows-1250), English in the Western ones; for text that decodes alike
// in several, the order of the language's list names the encoding.
var (
	centralFirst = []string{"windows-1250", "iso-8859-2", "windows-1252", "iso-8859-1"}
	westernFirst = []string{"windows-1252", "iso-8859-1", "windows-1250", "iso-8859-2"}
)

//go:embed data/letters.txt
var lettersFile string

// plausible holds the characters above ASCII that Albanian, English and
// the other languages of these encodings commonly use, by weight.
var plausible = parseLetters(lettersFile)

func parseLetters(text string) map[rune]int {
	m := map[rune]int{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var w int
		chars, weight, ok := strings.Cut(line, "\t")
		if !ok {
			panic("extract: data/letters.txt: want CHARS<TAB>WEIGHT: " + line)
		}
		fmt.Sscan(weight, &w)
		for _, r := range chars {
			if r != ' ' {
				m[r] = w
			}
		}
	}
	return m
}

// guessSingleByte picks the single-byte encoding in which head decodes to
// the most plausible text: letters the languages use, curly quotes and
// dashes rather than control characters or letters of other alphabets.
func guessSingleByte(head []byte, lang string) (string, encoding.Encoding, error) {
	order := westernFirst
	if corpus.BaseLang(lang) == "sq" {
		order = centralFirst
	}
	best, bestScore := "", 0
	for i, name := range order {
		_, enc, err := lookupEncoding(name)
		if err != nil {
			return "", nil, err
		}
		s := plausibility(head, enc)
		if i == 0 || s > bestScore {
			best, bestScore = name, s
		}
	}
	return lookupEncoding(best)
}

// plausibility scores the decoding of the bytes above ASCII in head.
func plausibility(head []byte, enc encoding.Encoding) int {
	dec := enc.NewDecoder()
	score := 0
	var buf [8]byte
	for _, b := range head {
		if b < 0x80 {
			continue
		}
		n, _, err := dec.Transform(buf[:], []byte{b}, true)
		r, _ := utf8.DecodeRune(buf[:n])
		switch {
		case err != nil || r == utf8.RuneError || unicode.IsControl(r):
			score -= 10
		case plausible[r] > 0:
			score += plausible[r]
		case unicode.IsLetter(r):
			// a letter, but not one these languages use much
		default:
			score--
		}
	}
	return score
}

// isWrapped tells hard-wrapped text from text with a paragraph a line by
// its line lengths: in wrapped text most lines run on into the next one
// and fill the width, so the lines that do are long and of even length.
func isWrapped(sample string) bool {
	// The last line of the sample may be cut.
	if i := strings.LastIndexByte(sample, '\n'); i >= 0 {
		sample = sample[:i]
	}
	var lengths []int
	runOn := 0 // lines followed by a non-blank line
	lines := strings.Split(strings.ReplaceAll(sample, "\r\n", "\n"), "\n")
	for i, l := range lines {
		n := utf8.RuneCountInString(strings.TrimRightFunc(l, unicode.IsSpace))
		if n == 0 {
			continue
		}
		lengths = append(lengths, n)
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			runOn++
		}
	}
	if len(lengths) < 6 || runOn*2 < len(lengths) {
		return false
	}
	sorted := slices.Clone(lengths)
	slices.Sort(sorted)
	width := sorted[len(sorted)*9/10] // most lines are no longer
	if width > 120 || width < 20 {
		return false
	}
	// Lines that run on fill most of the width.
	full := 0
	for _, n := range lengths {
		if n*10 >= width*6 {
			full++
		}
	}
	return full*10 >= len(lengths)*7
}
