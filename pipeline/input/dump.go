package input

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/extract"
)

// DumpName is the name of the file in Options.DumpDir that holds the text
// of the input of that name: the path or address, without its scheme,
// with each folder separator and each character unsafe in a file name made
// "_", and ".txt" after it ("sq.html.txt", "docs_a_sq.pdf.txt").
func DumpName(name string) string {
	if extract.IsURL(name) {
		_, name, _ = strings.Cut(name, "://")
	}
	var parts []string
	for _, p := range strings.Split(filepath.ToSlash(name), "/") {
		if p != "" && p != "." && p != ".." {
			parts = append(parts, p)
		}
	}
	safe := strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '_'
	}, strings.Join(parts, "_"))
	// Within the 255 bytes a file name may have, keeping its end, which
	// names the file.
	const max = 200
	if len(safe) > max {
		cut := len(safe) - max
		for !utf8.RuneStart(safe[cut]) {
			cut++
		}
		safe = safe[cut:]
	}
	safe = strings.TrimLeft(safe, ".") // not hidden
	if safe == "" {
		safe = "input"
	}
	return safe + ".txt"
}

// dump copies the text as it is read to its file in Options.DumpDir,
// which commit makes visible.
type dump struct {
	r    io.Reader // the text
	file *corpus.File
	name string // of the input
	err  error  // of writing the file
}

// newDump starts the dump of the text that r reads, named after name.
func newDump(r io.Reader, dir, name string) (*dump, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("%s: writing its text: %w", name, err)
	}
	f, err := corpus.CreateFile(filepath.Join(dir, DumpName(name)))
	if err != nil {
		return nil, fmt.Errorf("%s: writing its text: %w", name, err)
	}
	return &dump{r: r, file: f, name: name}, nil
}

func (d *dump) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if n > 0 && d.err == nil {
		_, d.err = d.file.Write(p[:n])
	}
	return n, err
}

// commit reads what is left of the text, so that the file holds all of
// it, and makes the file visible.
func (d *dump) commit() error {
	_, err := io.Copy(io.Discard, d)
	if err == nil && d.err != nil {
		err = fmt.Errorf("%s: writing its text: %w", d.name, d.err)
	}
	if err != nil {
		d.file.Close()
		return err
	}
	return d.file.Commit()
}
