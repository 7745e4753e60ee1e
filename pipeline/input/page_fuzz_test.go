package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/paralel/paralel/corpus"
)

// FuzzPage checks that no page makes the page reader panic, and that the
// sentences it keeps lie in the page's text, in order on each side.
func FuzzPage(f *testing.F) {
	for _, name := range []string{"page.txt", "en.html"} {
		data, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("Ai erdhi në shtëpi.\n\nHe came home.\n\nAlso read:\n\nThe end of the story.\n")
	f.Add("Rama: Hosting MEK Now a Security Issue\n\nRama says hosting MEK is now a security issue\n\nHe came home.\n\nAi erdhi në shtëpi.\n\nRama: Hosting MEK Now a Security Issue\n")
	f.Fuzz(func(t *testing.T, page string) {
		text, err := NewText(strings.NewReader(page), Options{MaxSize: 1 << 20})
		if err != nil {
			return
		}
		p, _ := text.page("sq", "en")
		if p == nil {
			return
		}
		for _, doc := range [][]corpus.Sentence{p.Src.Sentences, p.Tgt.Sentences} {
			last := -1
			for _, s := range doc {
				if s.Start < last || s.End < s.Start || !utf8.ValidString(s.Text) {
					t.Fatalf("sentence %+v after offset %d", s, last)
				}
				last = s.End
			}
		}
	})
}
