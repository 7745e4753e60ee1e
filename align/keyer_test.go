package align

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKeyer(t *testing.T) {
	keys := func(k *Keyer, s string) []string {
		var out []string
		k.Keys(s, func(key []byte) { out = append(out, string(key)) })
		return out
	}
	src, tgt := NewKeyer("sq", "en-GB", true), NewKeyer("sq", "en-GB", false)
	sq := keys(src, "Parlamenti miratoi 1.200 ligje")
	en := keys(tgt, "Parliament passed 1,200 laws")
	assert.Contains(t, sq, "#1200")
	assert.Contains(t, en, "#1200")
	assert.Contains(t, sq, "~parl")
	assert.Contains(t, en, "~parl")
	assert.Contains(t, sq, "=parlamenti")
	// The seed lexicon gives ligje and laws one concept.
	var shared []string
	for _, k := range sq {
		if k[0] == '@' && slices.Contains(en, k) {
			shared = append(shared, k)
		}
	}
	assert.NotEmpty(t, shared, "%v %v", sq, en)
	// Without a lexicon for the pair, no concepts.
	for _, k := range keys(NewKeyer("de", "fr", true), "Die Expedition erreichte 8848 Meter") {
		assert.NotEqual(t, byte('@'), k[0], k)
	}
	assert.Empty(t, keys(src, " ... — "))
}
