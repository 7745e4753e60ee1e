package langid

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIdentify(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Welsh AMs worried about 'looking like muppets'", "en"},
		{"Anëtarët e Asamblesë së Uellsit të shqetësuar se “duken si budallenj“", "sq"},
		{"Foto: Pamje nga vendi i ngjarjes.", "sq"},
		{"Peter Jones 'furious' after Holly Willoughby pulls out of £11million deal", "en"},
		{"Derri vrasës plagos për vdekje fermerin kinez", "sq"},
		{"Volcano spews ash on Mexico City", "en"},
		{"Tirana", ""},
		{"Home", ""},
		{"https://www.gazeta-agimi.al/bota/2018/10/tre-meshkuj-te-moshave-33-34-dhe-39-vjec-jane-arrestuar", ""},
		{"— End —", ""},
		{"2018", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Identify(tt.text, "sq", "en"), tt.text)
	}
	// The tags are returned as given.
	assert.Equal(t, "en-GB", Identify("The vote was close.", "sq-AL", "en-GB"))
}

func TestScript(t *testing.T) {
	assert.True(t, CanTell("sq", "en"))
	assert.True(t, CanTell("ru", "de"))
	assert.False(t, CanTell("de", "fr"))
	assert.Equal(t, "ru", Identify("Премьер-министр заявил об этом в среду.", "de", "ru"))
	assert.Equal(t, "de", Identify("Der Ministerpräsident sagte das am Mittwoch.", "de", "ru"))
	assert.Equal(t, "", Identify("2018", "de", "ru"))
}
