package corpus

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLangTag(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"sq", "sq", ""},
		{"SQ_al", "sq-AL", ""},
		{"en-gb", "en-GB", ""},
		{"sr-latn-rs", "sr-Latn-RS", ""},
		{"es-419", "es-419", ""},
		{"", "", "empty language code"},
		{"sq AL", "", "not a BCP 47 tag"},
		{"en--GB", "", "not a BCP 47 tag"},
		{"e", "", "two- or three-letter language"},
		{"albanian", "", "two- or three-letter language"},
	}
	for _, tt := range tests {
		got, err := LangTag(tt.in)
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err, tt.in)
			continue
		}
		assert.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got)
	}
}

func TestSameLang(t *testing.T) {
	tests := []struct {
		tag, want string
		match     LangMatch
	}{
		{"EN-US", "en-us", LangEqual},
		{"en", "en-GB", LangRelated},
		{"en-GB", "en", LangRelated},
		{"en_GB", "en-gb", LangEqual},
		{"en-GB", "en-US", LangDifferent},
		{"eng", "en", LangDifferent},
		{"sq", "en", LangDifferent},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.match, SameLang(tt.tag, tt.want), "%s %s", tt.tag, tt.want)
	}
}

func TestBaseLang(t *testing.T) {
	for in, want := range map[string]string{"sq-AL": "sq", "EN_gb": "en", "en": "en", "": ""} {
		assert.Equal(t, want, BaseLang(in), in)
	}
}
