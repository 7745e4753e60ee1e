package tmx

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

// stream hides whether a reader can seek, as a pipe would.
type stream struct{ io.Reader }

// TestReadLanguagesFromWholeFile: the languages are the header's source
// language and the one sharing the most units with it, not those of the
// first unit, which may be in other languages and is then skipped.
func TestReadLanguagesFromWholeFile(t *testing.T) {
	body := `<body>
<tu><tuv xml:lang="de"><seg>Ja.</seg></tuv><tuv xml:lang="fr"><seg>Oui.</seg></tuv></tu>
<tu><tuv xml:lang="sq-AL"><seg>Po.</seg></tuv><tuv xml:lang="en-GB"><seg>Yes.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>No.</seg></tuv><tuv xml:lang="sq"><seg>Jo.</seg></tuv></tu>
<tu><tuv xml:lang="sq"><seg>Vetëm shqip.</seg></tuv></tu>
</body></tmx>`
	doc := func(srclang string) string {
		return `<?xml version="1.0"?><tmx version="1.4"><header srclang="` + srclang + `"/>` + body
	}
	sqEn := []string{"Po.|Yes.", "Jo.|No."}
	tests := []struct {
		name     string
		input    io.Reader
		want     []string
		skipped  int
		src, tgt string
	}{
		{"file, header sq", strings.NewReader(doc("sq")), sqEn, 2, "sq-AL", "en-GB"},
		{"file, header *all*", strings.NewReader(doc("*all*")), sqEn, 2, "sq-AL", "en-GB"},
		{"stream, header sq", stream{strings.NewReader(doc("sq"))}, sqEn, 2, "sq-AL", "en-GB"},
		// A stream that names no source language can only go by the
		// first unit with two languages.
		{"stream, header *all*", stream{strings.NewReader(doc("*all*"))}, []string{"Ja.|Oui."}, 3, "de", "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(tt.input)
			pairs, warnings, err := readAll(t, r)
			require.NoError(t, err)
			assert.Equal(t, tt.want, texts(pairs))
			assert.Equal(t, tt.skipped, r.Skipped())
			assert.Len(t, warnings, tt.skipped, "each skipped unit is reported")
			src, tgt := r.Langs()
			assert.Equal(t, [2]string{tt.src, tt.tgt}, [2]string{src, tgt})
		})
	}
}

// repeat is n bytes of c.
type repeat struct {
	c byte
	n int64
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), r.n)
	for i := range k {
		p[i] = r.c
	}
	r.n -= k
	return int(k), nil
}

// TestReadBounds: a huge attribute, text, name or unit is an error with a
// short message, read in bounded memory.
func TestReadBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs are not in the short tier")
	}
	const huge = 100 << 20 // read only up to the bound
	head := `<tmx version="1.4"><header srclang="sq"/><body>`
	tests := []struct {
		name        string
		before      string
		fill        byte
		n           int64
		after, want string
	}{
		{"xml:lang", head + `<tu><tuv xml:lang="`, 'a', huge, `"><seg>Po</seg></tuv></tu></body></tmx>`, "longer than 1 MiB"},
		{"segment", head + `<tu><tuv xml:lang="sq"><seg>`, 'a', huge, `</seg></tuv></tu></body></tmx>`, "longer than 1 MiB"},
		{"element name", `<`, 'x', huge, `/>`, "longer than 1 MiB"},
		{"many tokens in a unit", head + `<tu><tuv xml:lang="sq"><seg>`, ' ', 0, `</seg></tuv></tu></body></tmx>`, "<tu> or <header> longer than 16 MiB"},
		{"header", `<tmx version="1.4"><header srclang="sq">`, ' ', 0, `</header><body/></tmx>`, "<tu> or <header> longer than 16 MiB"},
		{"close tag", head + "<tu><note><a></", 'b', 500 << 10, ">", "element <a> closed by </bbbb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fill io.Reader = &repeat{tt.fill, tt.n}
			if tt.n == 0 { // many tokens, each within bounds
				text := "<hi>" + strings.Repeat("a", 512<<10) + "</hi>"
				var parts []io.Reader
				for range 40 {
					parts = append(parts, strings.NewReader(text))
				}
				fill = io.MultiReader(parts...)
			}
			in := stream{io.MultiReader(strings.NewReader(tt.before), fill, strings.NewReader(tt.after))}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r := NewReader(in)
			r.KeepXML = true
			_, err := corpus.ReadAll(r.Read)
			runtime.ReadMemStats(&after)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Less(t, len(err.Error()), 200, "the message quotes a short excerpt")
			if tt.n > 0 { // a reader holding the whole token would allocate over 100 MB
				assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(50<<20), "memory stays bounded")
			}
		})
	}
}

// TestReadSeekableBounds: the first pass that counts languages is bounded
// too, and leaves the error to the reading proper.
func TestReadSeekableBounds(t *testing.T) {
	doc := `<tmx version="1.4"><header srclang="*all*"/><body><tu><tuv xml:lang="` + strings.Repeat("a", 2<<20) + `"/></tu></body></tmx>`
	_, _, err := readAll(t, NewReader(strings.NewReader(doc)))
	assert.ErrorContains(t, err, "tmx: line 1, column ")
	assert.ErrorContains(t, err, "longer than 1 MiB")
}

// TestReadLongPropWarning: a warning about a long prop quotes an excerpt.
func TestReadLongPropWarning(t *testing.T) {
	long := strings.Repeat("[1", 100<<10)
	doc := header + `<body><tu><prop type="x-position">` + long + `</prop><prop type="x-document">` + long + `</prop><prop type="x-status">` + long + `</prop>` +
		`<tuv xml:lang="sq"><seg>Po</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>`
	_, warnings, err := readAll(t, NewReader(strings.NewReader(doc)))
	require.NoError(t, err)
	require.Len(t, warnings, 2)
	for _, w := range warnings {
		assert.Less(t, len(w), 120, w)
	}
	doc = header + `<body><tu><prop type="x-score">` + long + `</prop>` +
		`<tuv xml:lang="sq"><seg>Po</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>`
	_, _, err = readAll(t, NewReader(strings.NewReader(doc)))
	assert.ErrorIs(t, err, corpus.ErrScore)
	assert.Less(t, len(err.Error()), 120)
}

// TestReadLongLanguage: a language tag too long to be one is taken for none,
// so that no message or header repeats it.
func TestReadLongLanguage(t *testing.T) {
	long := strings.Repeat("x", 100<<10)
	doc := `<tmx version="1.4"><header srclang="` + long + `"/><body>` +
		`<tu><tuv xml:lang="` + long + `"><seg>?</seg></tuv><tuv xml:lang="sq"><seg>Po</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>`
	for _, in := range []io.Reader{strings.NewReader(doc), stream{strings.NewReader(doc)}} {
		r := NewReader(in)
		r.TgtLang = "en"
		pairs, warnings, err := readAll(t, r)
		require.NoError(t, err)
		assert.Empty(t, warnings)
		assert.Equal(t, []string{"Po|Yes"}, texts(pairs))
		src, tgt := r.Langs()
		assert.Equal(t, [2]string{"sq", "en"}, [2]string{src, tgt})
	}
}
