package tmx

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

// readAll reads every pair, collecting warnings.
func readAll(t testing.TB, r *Reader) (pairs []corpus.Pair, warnings []string, err error) {
	t.Helper()
	r.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	pairs, err = corpus.ReadAll(r.Read)
	return pairs, warnings, err
}

// texts gives each pair as "source|target".
func texts(pairs []corpus.Pair) []string {
	var out []string
	for _, p := range pairs {
		out = append(out, p.Src+"|"+p.Tgt)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	for _, langs := range [][2]string{{"sq", "en"}, {"sq-AL", "en-GB"}} {
		doc := writeTMX(t, langs[0], langs[1], handmade)
		r := NewReader(strings.NewReader(doc))
		got, warnings, err := readAll(t, r)
		require.NoError(t, err)
		assert.Empty(t, warnings)
		require.Len(t, got, len(handmade))
		for i, want := range handmade {
			want.Score = float64(int(want.Score*1e4+0.5)) / 1e4
			want.Link = want.Type()
			assert.Equal(t, want, got[i])
		}
		src, tgt := r.Langs()
		assert.Equal(t, langs, [2]string{src, tgt})
	}
}

// TestReadOtherTools reads a hand-written file in the style of each tool
// whose TMX users bring: inline codes, TMX 1.1 lang attributes, upper-case
// and regional tags, UTF-16, props and notes.
func TestReadOtherTools(t *testing.T) {
	tests := []struct {
		file             string
		srcLang, tgtLang string // asked for
		wantSrc, wantTgt string // as found
		want             []corpus.Pair
	}{
		{"omegat.tmx", "", "", "SQ", "EN-GB", []corpus.Pair{
			{Src: "Rama tha se është një ngjarje fantastike.", Tgt: "Rama said it is a fantastic event.", Unscored: true},
			{Src: "Kryeministri Edi Rama foli nga Vjena.", Tgt: "Prime Minister Edi Rama spoke from Vienna.", Unscored: true},
			{Src: "Natyrisht që është shumë kompleks sepse duhet të biem dakort.", Tgt: "Of course it is very complex because we have to agree.", Unscored: true},
		}},
		{"okapi.tmx", "sq", "en", "sq-AL", "en-GB", []corpus.Pair{
			{Src: "Ne kemi bërë shumë punë për OSBE-në.", Tgt: "We have done a lot of work for the OSCE.", Unscored: true},
			{Src: "Foto: Edi Rama.", Tgt: "Photo: Edi Rama.", Unscored: true},
			{Src: "Do të bëjmë më të mirën tonë & më shumë.", Tgt: "We will do our best & more.", Unscored: true},
		}},
		{"translate-toolkit.tmx", "SQ", "EN", "sq", "en", []corpus.Pair{
			{Src: "Shqipëria nuk është në rrezik.", Tgt: "Albania is not in danger.", Unscored: true},
			{Src: "Janë marrë masa shtesë sigurie.", Tgt: "Additional security measures have been taken.", Unscored: true},
		}},
		{"lfaligner-utf16.tmx", "sq-al", "en-gb", "SQ-AL", "EN-GB", []corpus.Pair{
			{Src: "Në vendet ku ka konflikte, janë edhe vende anëtare.", Tgt: "In the countries where there are conflicts, there are also member states.", Unscored: true},
			{Src: "Edhe ministri në detyrë, edhe ambasadori.", Tgt: "Both the minister in office and the ambassador.", Unscored: true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("..", "..", "testdata", "tmx", tt.file))
			require.NoError(t, err)
			defer f.Close()
			r := NewReader(f)
			r.SrcLang, r.TgtLang = tt.srcLang, tt.tgtLang
			got, warnings, err := readAll(t, r)
			require.NoError(t, err)
			assert.Empty(t, warnings)
			assert.Equal(t, tt.want, trimAll(got))
			src, tgt := r.Langs()
			assert.Equal(t, tt.wantSrc, src)
			assert.Equal(t, tt.wantTgt, tgt)
		})
	}
}

// trimAll trims the indentation some tools put around a segment's text.
func trimAll(ps []corpus.Pair) []corpus.Pair {
	for i := range ps {
		ps[i].Src, ps[i].Tgt = strings.TrimSpace(ps[i].Src), strings.TrimSpace(ps[i].Tgt)
	}
	return ps
}

func TestReadMultilingual(t *testing.T) {
	tests := []struct {
		srcLang, tgtLang string
		want             []string // source|target
		skipped          int
	}{
		{"sq", "en-GB", []string{"Rama foli në Vjenë.|Rama spoke in Vienna (GB).", "Shqipëria.|Albania."}, 1},
		{"sq", "en", []string{"Rama foli në Vjenë.|Rama spoke in Vienna.", "Shqipëria.|Albania."}, 1},
		{"sq-AL", "de", []string{"Rama foli në Vjenë.|Rama sprach in Wien.", "Vetëm gjermanisht dhe shqip.|Nur Deutsch und Albanisch."}, 1},
		{"en-us", "sq", []string{"Rama spoke in Vienna.|Rama foli në Vjenë.", "Albania.|Shqipëria."}, 1}, // "en" has no region: it matches
		// Languages from the whole file: sq is in the most units, de and en
		// each share two with it, and de comes first.
		{"", "", []string{"Rama foli në Vjenë.|Rama sprach in Wien.", "Vetëm gjermanisht dhe shqip.|Nur Deutsch und Albanisch."}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.srcLang+"-"+tt.tgtLang, func(t *testing.T) {
			f, err := os.Open("../../testdata/tmx/multilingual.tmx")
			require.NoError(t, err)
			defer f.Close()
			r := NewReader(f)
			r.SrcLang, r.TgtLang = tt.srcLang, tt.tgtLang
			pairs, warnings, err := readAll(t, r)
			require.NoError(t, err)
			assert.Equal(t, tt.want, texts(pairs))
			assert.Equal(t, tt.skipped, r.Skipped())
			assert.Len(t, warnings, tt.skipped)
		})
	}
}

const header = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="sq" datatype="plaintext"/>
`

func TestReadBadInput(t *testing.T) {
	tests := []struct {
		name, input, err string
	}{
		{"empty", "", "tmx: no <tmx> element: not a TMX document"},
		{"not TMX", "<html><body>Po</body></html>", "tmx: line 1, column 7: root element is <html>, not <tmx>"},
		{"binary", "\x1f\x8b&\x89\xf9\xd8 x", `tmx: line 1, column 7: not a TMX (XML) document: invalid character entity &\x89\xf9\xd8 (no semicolon)`},
		{"control character", "\x1b[2J", `tmx: line 1, column 5: not a TMX (XML) document: illegal character code U+001B`},
		{"binary in a unit", header + "<body>\n<tu><tuv xml:lang=\"sq\"><seg>&\x85\u0085;</seg>",
			`tmx: line 4, column 34: invalid character entity &\x85\u0085;`},
		{"no body", header + "</tmx>", "tmx: no <body> element: not a TMX document"},
		{"malformed", header + "<body>\n<tu><tuv xml:lang=\"sq\"><seg>Po</tuv></tu></body></tmx>",
			"tmx: line 4, column 37: element <seg> closed by </tuv>"},
		{"truncated", header + "<body>\n<tu><tuv xml:lang=\"sq\"><seg>Po", "tmx: line 4, column 31: unexpected EOF"},
		{"truncated in <tu>", header + "<body>\n<tu><prop type=\"x-score\">1</prop>", "tmx: line 4, column 34: unexpected EOF"},
		{"truncated in <tuv>", header + "<body>\n<tu><tuv xml:lang=\"sq\">", "tmx: line 4, column 24: unexpected EOF"},
		{"truncated in <prop>", header + "<body>\n<tu><prop type=\"x-score\">1", "tmx: line 4, column 27: unexpected EOF"},
		{"truncated in a skipped element", header + "<body>\n<tu><note>a<b>", "tmx: line 4, column 15: unexpected EOF"},
		{"undeclared entity", header + "<body><tu><tuv xml:lang=\"sq\"><seg>&nbsp;</seg></tuv></tu></body></tmx>",
			"tmx: line 3, column 41: invalid character entity &nbsp;"},
		{"bad character reference", header + "<body><tu><tuv xml:lang=\"sq\"><seg>&#0;</seg></tuv></tu></body></tmx>",
			"tmx: line 3, column 39: illegal character code U+0000"},
		{"entity expansion bomb", `<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="sq"><seg>&lol2;</seg></tuv></tu></body></tmx>`,
			"tmx: line 6, column 3: the DOCTYPE declares entities: refusing to expand them"},
		{"unknown encoding", `<?xml version="1.0" encoding="EBCDIC-FOO"?><tmx/>`, `unsupported encoding "EBCDIC-FOO"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readAll(t, NewReader(strings.NewReader(tt.input)))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

func TestReadSkipsUnitMissingALanguage(t *testing.T) {
	doc := header + `<body>
<tu><tuv xml:lang="sq"><seg>Vetëm shqip.</seg></tuv></tu>
<tu><tuv xml:lang="sq"><seg>Po.</seg></tuv><tuv xml:lang="en"><seg>Yes.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>English only.</seg></tuv></tu>
<tu><note>no variants at all</note></tu>
</body></tmx>`
	r := NewReader(strings.NewReader(doc))
	r.SrcLang, r.TgtLang = "sq", "en"
	got, warnings, err := readAll(t, r)
	require.NoError(t, err)
	assert.Equal(t, []corpus.Pair{{Src: "Po.", Tgt: "Yes.", Unscored: true}}, got)
	assert.Equal(t, []string{
		"tmx: line 4: <tu> skipped: it has no variant in en",
		"tmx: line 6: <tu> skipped: it has no variant in sq",
		"tmx: line 7: <tu> skipped: it has no <tuv>",
	}, warnings)
	assert.Equal(t, 3, r.Skipped())
}

// A DOCTYPE naming a DTD elsewhere is read past, never fetched.
func TestReadNeverFetchesDTD(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.WriteString(w, `<!ENTITY x "fetched">`)
	}))
	defer srv.Close()
	doc := `<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "` + srv.URL + `/tmx14.dtd">
<tmx version="1.4"><header srclang="sq"/><body><tu><tuv xml:lang="sq"><seg>Po</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>`
	got, _, err := readAll(t, NewReader(strings.NewReader(doc)))
	require.NoError(t, err)
	assert.Equal(t, []corpus.Pair{{Src: "Po", Tgt: "Yes", Unscored: true}}, got)
	assert.Zero(t, hits.Load(), "the DTD was fetched")
}

func TestReadEncodings(t *testing.T) {
	body := `<tmx version="1.4"><header srclang="sq"/><body><tu><tuv xml:lang="sq"><seg>Është çfarë</seg></tuv><tuv xml:lang="en"><seg>It is what</seg></tuv></tu></body></tmx>`
	utf16 := func(s string, bigEndian, bom bool) string {
		var b []byte
		if bom {
			if bigEndian {
				b = append(b, 0xFE, 0xFF)
			} else {
				b = append(b, 0xFF, 0xFE)
			}
		}
		for _, r := range s { // the text is in the BMP
			if bigEndian {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		return string(b)
	}
	decl16 := `<?xml version="1.0" encoding="UTF-16"?>`
	tests := map[string]string{
		"UTF-8 with BOM":       "\ufeff" + body,
		"UTF-16LE with BOM":    utf16(decl16+body, false, true),
		"UTF-16BE with BOM":    utf16(decl16+body, true, true),
		"UTF-16LE without BOM": utf16(decl16+body, false, false),
		"ISO-8859-1":           `<?xml version="1.0" encoding="ISO-8859-1"?>` + strings.NewReplacer("Ë", "\xcb", "ë", "\xeb", "ç", "\xe7").Replace(body),
	}
	for name, input := range tests {
		t.Run(name, func(t *testing.T) {
			got, _, err := readAll(t, NewReader(strings.NewReader(input)))
			require.NoError(t, err)
			assert.Equal(t, []corpus.Pair{{Src: "Është çfarë", Tgt: "It is what", Unscored: true}}, got)
		})
	}
}

func TestReadBadProps(t *testing.T) {
	doc := header + `<body><tu><prop type="x-status">ok</prop><prop type="x-position">[a]:[1]</prop>` +
		`<tuv xml:lang="sq"><seg>Po</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>`
	got, warnings, err := readAll(t, NewReader(strings.NewReader(doc)))
	require.NoError(t, err)
	assert.Equal(t, []corpus.Pair{{Src: "Po", Tgt: "Yes", Unscored: true}}, got)
	assert.Equal(t, []string{
		`tmx: line 3: x-status: status "ok": want confirmed, edited or none`,
		`tmx: line 3: x-position: "[a]" is not a list of sentence indices`,
	}, warnings)
}

// TestReadBadScore: a score that is not a number from 0 to 1 stops the
// reader at its unit's line, as it does in every format.
func TestReadBadScore(t *testing.T) {
	unit := func(score string) string {
		return `<tu><prop type="x-score">` + score + `</prop><tuv xml:lang="sq"><seg>Po</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu>` + "\n"
	}
	for _, score := range []string{"high", "1.5", "-0.1", "NaN", "Inf", ""} {
		doc := header + "<body>\n" + unit("0.5") + unit(score) + "</body></tmx>"
		got, _, err := readAll(t, NewReader(strings.NewReader(doc)))
		assert.EqualError(t, err, `tmx: line 5: x-score "`+score+`": want a number from 0 to 1`)
		assert.ErrorIs(t, err, corpus.ErrScore)
		assert.Len(t, got, 1, "the units before")
	}
}

func TestPosition(t *testing.T) {
	for _, ids := range [][2][]int{{{1, 2}, {3}}, {{0}, nil}, {nil, {9}}} {
		src, tgt, err := ParsePosition(FormatPosition(ids[0], ids[1]))
		require.NoError(t, err)
		assert.Equal(t, ids, [2][]int{src, tgt})
	}
	for _, bad := range []string{"", "[1]", "[1]:2", "[1,]:[2]", "[-1]:[]"} {
		_, _, err := ParsePosition(bad)
		assert.Error(t, err, bad)
	}
}

// FuzzReader checks that no input makes the reader panic or loop, and
// that it ends with io.EOF or an error.
func FuzzReader(f *testing.F) {
	f.Add(header + `<body><tu><prop type="x-score">0.5</prop><tuv xml:lang="sq"><seg>P<bpt i="1">&lt;b&gt;</bpt>o<hi>!</hi></seg></tuv><tuv lang="EN"><seg>Yes</seg></tuv></tu></body></tmx>`)
	f.Add(`<tmx><body><tu><tuv xml:lang="sq"><seg>a<sub>b</sub></seg></tuv></tu>`)
	f.Add(`<tmx><body><tu><prop type="x-score">1.5</prop><tuv xml:lang="sq"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu></body></tmx>`)
	f.Add("\xff\xfe<\x00?\x00")
	f.Add("\x1f\x8b&\x89\xf9\xd8 x")
	f.Add(`<!DOCTYPE tmx [<!ENTITY a "b">]><tmx/>`)
	for _, name := range []string{"omegat.tmx", "okapi.tmx"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "tmx", name)); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(`<?xml version="1.0" encoding="ISO-8859-1"?><tmx><header srclang="*all*"/><body><tu><tuv xml:lang="de"><seg>\xe4</seg></tuv><tuv xml:lang="fr"/></tu><tu/></body></tmx>`)
	f.Fuzz(func(t *testing.T, input string) {
		r := NewReader(strings.NewReader(input))
		for range len(input) + 2 { // a Read consumes at least one <tu>
			if _, err := r.Read(); err != nil {
				goto units
			}
		}
		t.Fatal("Read did not end")
	units:
		// Streamed, keeping each unit as written.
		r = NewReader(stream{strings.NewReader(input)})
		r.KeepXML = true
		for range len(input) + 2 {
			u, err := r.ReadUnit()
			if err != nil {
				return
			}
			if !strings.HasPrefix(u.XML, "<tu") || !strings.HasSuffix(u.XML, ">") || !strings.Contains(input, u.XML) && utf8.ValidString(input) && !strings.Contains(input, "encoding") {
				t.Fatalf("unit XML %q is not a piece of the input", u.XML)
			}
		}
		t.Fatal("ReadUnit did not end")
	})
}

// TestReadUnitXML: with KeepXML, each unit, and the header, come as the file
// writes them, whatever the encoding; units without the pair come too.
func TestReadUnitXML(t *testing.T) {
	units := []string{
		`<tu creationdate="20200108T120000Z" creationid="anna"><note>Checked.</note><prop type="x-document">rama</prop>
  <tuv xml:lang="sq"><seg>Është <bpt i="1">&lt;b&gt;</bpt>çfarë<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="de"><seg>Es ist</seg></tuv><tuv xml:lang="en"><seg>It is &amp; what</seg></tuv></tu>`,
		`<tu><tuv xml:lang="de"><seg>Nur Deutsch.</seg></tuv></tu>`,
		`<tu/>`,
	}
	head := `<header srclang="sq" creationtool="x"><note>A header note.</note></header>`
	body := `<tmx version="1.4">` + "\n" + head + "\n<body>\n" + strings.Join(units, "\n  ") + "\n</body></tmx>\n"
	for name, input := range map[string]string{
		"UTF-8":      `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + body,
		"ISO-8859-1": `<?xml version="1.0" encoding="ISO-8859-1"?>` + strings.NewReplacer("Ë", "\xcb", "ë", "\xeb", "ç", "\xe7").Replace(body),
	} {
		t.Run(name, func(t *testing.T) {
			r := NewReader(strings.NewReader(input))
			r.KeepXML = true
			r.TgtLang = "en"
			r.Warn = func(error) {}
			var got []Unit
			for {
				u, err := r.ReadUnit()
				if err == io.EOF {
					break
				}
				require.NoError(t, err)
				got = append(got, u)
			}
			require.Len(t, got, 3)
			for i, u := range got {
				assert.Equal(t, units[i], u.XML)
			}
			assert.Equal(t, head, r.Header())
			assert.True(t, got[0].OK)
			assert.Equal(t, corpus.Pair{Src: "Është çfarë", Tgt: "It is & what", Doc: "rama", Unscored: true}, got[0].Pair)
			assert.False(t, got[1].OK)
			assert.False(t, got[2].OK)
			assert.Equal(t, 2, r.Skipped())
		})
	}
}

// TestReadStatusAndScore: x-status and x-score are read back as written; a
// unit without x-score is unscored.
func TestReadStatusAndScore(t *testing.T) {
	pairs := []corpus.Pair{
		{Src: "Po.", Tgt: "Yes.", Score: 0.25, Status: corpus.StatusConfirmed},
		{Src: "Jo.", Tgt: "No.", Score: 0.5, Status: corpus.StatusEdited},
		{Src: "Ndoshta.", Tgt: "Maybe.", Unscored: true},
		{Src: "Mirë.", Tgt: "Good.", Score: 0},
	}
	doc := writeTMX(t, "sq", "en", pairs)
	assert.Equal(t, 3, strings.Count(doc, `<prop type="x-score">`))
	assert.Contains(t, doc, `<prop type="x-status">confirmed</prop>`)
	assert.Contains(t, doc, `<prop type="x-status">edited</prop>`)
	got, warnings, err := readAll(t, NewReader(strings.NewReader(doc)))
	require.NoError(t, err)
	assert.Empty(t, warnings)
	for i := range got {
		got[i].Link = ""
	}
	assert.Equal(t, pairs, got)

	bad := header + `<body><tu><prop type="x-status">maybe</prop><tuv xml:lang="sq"><seg>Po</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu></body></tmx>`
	got, warnings, err = readAll(t, NewReader(strings.NewReader(bad)))
	require.NoError(t, err)
	assert.Equal(t, []corpus.Pair{{Src: "Po", Tgt: "Yes", Unscored: true}}, got)
	assert.Equal(t, []string{`tmx: line 3: x-status: status "maybe": want confirmed, edited or none`}, warnings)
}
