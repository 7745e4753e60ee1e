package tmx

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSetProp(t *testing.T) {
	unit := "<tu creationid=\"anna\">\n      <note>x-status: none</note>\n      <prop type=\"x-score\">0.5</prop>\n      <tuv xml:lang=\"sq\"><seg>Po</seg></tuv>\n    </tu>"
	confirmed := "<tu creationid=\"anna\">\n      <prop type=\"x-status\">confirmed</prop>\n      <note>x-status: none</note>\n      <prop type=\"x-score\">0.5</prop>\n      <tuv xml:lang=\"sq\"><seg>Po</seg></tuv>\n    </tu>"
	tests := []struct {
		name, unit, typ, value, want string
	}{
		{"added", unit, "x-status", "confirmed", confirmed},
		{"replaced", confirmed, "x-status", "edited", strings.Replace(confirmed, ">confirmed<", ">edited<", 1)},
		{"removed", confirmed, "x-status", "", unit},
		{"absent and removed", unit, "x-status", "", unit},
		{"escaped", `<tu><tuv xml:lang="sq"><seg>Po</seg></tuv></tu>`, "x-document", "a & <b>",
			`<tu><prop type="x-document">a &amp; &lt;b&gt;</prop><tuv xml:lang="sq"><seg>Po</seg></tuv></tu>`},
		{"a prop of a variant is not the unit's", `<tu><tuv xml:lang="sq"><prop type="x-status">edited</prop><seg>Po</seg></tuv></tu>`, "x-status", "confirmed",
			`<tu><prop type="x-status">confirmed</prop><tuv xml:lang="sq"><prop type="x-status">edited</prop><seg>Po</seg></tuv></tu>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetProp(tt.unit, tt.typ, tt.value)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	for _, bad := range []string{`<tu/>`, `<tuv/>`, `<tu><seg>`, ``} {
		got, err := SetProp(bad, "x-status", "edited")
		assert.Error(t, err, bad)
		assert.Equal(t, bad, got)
	}
}

// TestWriteUnit: units and the header a Reader kept are written back as
// they were, beside new pairs.
func TestWriteUnit(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="memoQ" creationtoolversion="9" segtype="sentence" o-tmf="memoQ" adminlang="en" srclang="sq" datatype="plaintext"><prop type="x-origin">memoQ</prop></header>
  <body>
    <tu creationdate="20200108T120000Z"><note>N</note><tuv xml:lang="sq"><seg>Po <ph>{1}</ph></seg></tuv><tuv xml:lang="de"><seg>Ja</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu>
    <tu><tuv xml:lang="de"><seg>Nur</seg></tuv></tu>
  </body>
</tmx>
`
	r := NewReader(strings.NewReader(in))
	r.KeepXML, r.SrcLang, r.TgtLang = true, "sq", "en"
	r.Warn = func(error) {}
	var b strings.Builder
	w := NewWriter(&b)
	for {
		u, err := r.ReadUnit()
		if err != nil {
			break
		}
		w.Header = r.Header()
		require.NoError(t, w.WriteUnit(u.XML))
	}
	require.NoError(t, w.Close())
	assert.Equal(t, in, b.String())
	validate(t, b.String())
}

// FuzzSetProp: SetProp never panics, and a prop it sets reads back.
func FuzzSetProp(f *testing.F) {
	f.Add(`<tu><tuv xml:lang="sq"><seg>Po</seg></tuv><tuv xml:lang="en"><seg>Yes</seg></tuv></tu>`, "confirmed")
	f.Add("<tu>\n <prop type=\"x-status\">edited</prop>\n <tuv xml:lang=\"sq\"><seg>Po</seg></tuv><tuv xml:lang=\"en\"><seg>Yes</seg></tuv></tu>", "")
	f.Add(`<tu/>`, "edited")
	f.Fuzz(func(t *testing.T, unit, value string) {
		got, err := SetProp(unit, "x-status", value)
		if err != nil {
			return
		}
		doc := `<tmx version="1.4"><header srclang="sq"/><body>` + got + `</body></tmx>`
		r := NewReader(strings.NewReader(doc))
		r.SrcLang, r.TgtLang = "sq", "en"
		r.Warn = func(error) {}
		u, err := r.ReadUnit()
		if err != nil || !u.OK || strings.ContainsAny(value, "\r") || !utf8ValidXML(value) {
			return
		}
		if string(u.Pair.Status) != value && (value == "confirmed" || value == "edited" || value == "") {
			t.Fatalf("status %q set, %q read from %q", value, u.Pair.Status, got)
		}
	})
}

func utf8ValidXML(s string) bool {
	kept, dropped := xmlChars(s)
	return kept == s && dropped == nil
}
