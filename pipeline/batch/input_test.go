package batch

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
)

// TestReadDocuments reads sides that are not UTF-8 text: a text in
// windows-1250 and a web page, told by their content.
func TestReadDocuments(t *testing.T) {
	opt := Options{Align: align.Options{SrcLang: "sq", TgtLang: "en"}}
	b, err := Read(Input{Name: "rama", Src: "../../testdata/formats/sq-windows1250.txt", Tgt: "../../testdata/formats/en.html"}, opt)
	require.NoError(t, err)
	require.NotEmpty(t, b.Src)
	require.NotEmpty(t, b.Tgt)
	assert.Contains(t, b.Src[0].Text, "Kërcënimet nga Irani")
	assert.Equal(t, "Rama: US said hosting MEK humanitarian not political – now it’s a national security issue", b.Tgt[0].Text)

	// A forced format reads the page as plain text, markup and all.
	opt.Format = "text"
	b, err = Read(Input{Name: "rama", Src: "../../testdata/formats/sq-windows1250.txt", Tgt: "../../testdata/formats/en.html"}, opt)
	require.NoError(t, err)
	assert.Equal(t, "<!DOCTYPE html>", b.Tgt[0].Text)
}
