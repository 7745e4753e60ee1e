package corpus

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// BenchmarkParagraphReaderLineEnds reads the same 4 MB text with each kind
// of line end, so that one run compares them: a bare CR must cost no more
// than LF.
func BenchmarkParagraphReaderLineEnds(b *testing.B) {
	var text bytes.Buffer
	for i := 0; text.Len() < 4<<20; i++ {
		fmt.Fprintf(&text, "Paragrafi %d: kryeministri tha se Shqipëria do të drejtojë OSBE-në këtë vit, me 57 vende anëtare.\n", i)
	}
	for _, end := range []struct{ name, eol string }{{"LF", "\n"}, {"CRLF", "\r\n"}, {"CR", "\r"}} {
		data := []byte(strings.ReplaceAll(text.String(), "\n", end.eol))
		for _, mode := range []Mode{Lines, Wrapped} {
			b.Run(end.name+"/"+mode.String(), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					r := NewParagraphReader(bytes.NewReader(data), ReadOptions{Mode: mode})
					for {
						if _, err := r.Read(); err == io.EOF {
							break
						} else if err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
