package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLanguageData(t *testing.T) {
	for _, lang := range []string{"sq", "en"} {
		l, err := loadLanguage(lang)
		require.NoError(t, err, lang)
		for name, s := range map[string]set{"title": l.title, "number": l.number, "abbrev": l.abbrev,
			"final": l.final, "starters": l.starters, "months": l.months, "speech": l.speech} {
			assert.NotEmpty(t, s, "%s: [%s]", lang, name)
			for w := range s {
				assert.NotRegexp(t, `\.$|^$`, w, "%s: [%s] entry %q: two final periods?", lang, name, w)
			}
		}
	}
	sq, err := loadLanguage("sq")
	require.NoError(t, err)
	assert.True(t, sq.lower["presidenti"], "sq: [lower] is loaded")
	assert.True(t, sq.endings["ja"], "sq: [endings] is loaded")
	en, err := loadLanguage("en")
	require.NoError(t, err)
	assert.True(t, en.abbrev["calif"], "Punkt abbreviations are loaded")
	assert.False(t, en.abbrev["ill"], "[words] filters Punkt abbreviations")
	assert.NotEmpty(t, en.ortho)

	generic, err := loadLanguage("xx")
	require.NoError(t, err)
	assert.Empty(t, generic.title)
	_, err = loadLanguage("../sq")
	require.NoError(t, err, "a path is an unknown language, not a file to read")
}

func TestParseLangFile(t *testing.T) {
	tests := []struct {
		in, err string
	}{
		{"[title]\nZ.\n# comment\n\nDr # doctor\n", ""},
		{"z\n", "line 1: entry before the first section"},
		{"[title]\nz\n[nouns]\n", "line 3: unknown section [nouns]"},
	}
	for _, tt := range tests {
		l := &language{title: set{}}
		_, err := parseLangFile(l, tt.in)
		if tt.err != "" {
			assert.EqualError(t, err, tt.err)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, set{"z": true, "dr": true}, l.title)
	}
}
