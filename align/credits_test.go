package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsCredit(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"( Traduit par L. S. )", true},
		{"(Traduction d'Annelise Rigo)", true},
		{"( Traduction d’ Annelise Rigo )", true},
		{"Übersetzt von Roswitha Beyer , Bern .", true},
		{"Translated by Jane Doe.", true},
		{"Përktheu: Arben Hoxha", true},
		{"Përktheu nga anglishtja Arben Hoxha.", false},
		{"Përktheu nga Arben Hoxha.", true},
		{"[Traducción de María López]", true},
		{"TRANSLATED BY JANE DOE", true},
		{"Translated from the Albanian by Jane Doe.", true},
		{"Aus dem Französischen übersetzt von Hans Meier", true},
		{"Translated from the Albanian, the novel won a prize.", false},
		// A caption runs on after the credit's bracket.
		{"( Traduction de Denis Stulz ) Départ en parapente depuis le Rheinwaldhorn .", false},
		// Words that open a credit, in a sentence of the text.
		{"Translated by machines, the letters lost their charm.", false},
		{"Traduit par moments en justice, il se tut.", false},
		{"Traduit parfois de travers .", false},
		{"Translated by whom?", false},
		{"Übersetzt von der Redaktion", false},
		{"The book was translated by Jane Doe.", false},
		{"(Traduit par L. S.", false},
		{"", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, isCredit(tt.text), tt.text)
	}
}

// TestCreditLeftOut: a translator's credit at the end of the translation
// is left out, not joined to the last sentence; credits on both sides may
// translate each other and are aligned as any sentence.
func TestCreditLeftOut(t *testing.T) {
	src, tgt := synthetic(30, 7)
	// The last translation is short by a clause, which the credit's length
	// would make up for.
	src = append(src, "Ministri Rama tha se buxheti do të rritet me 7 përqind, ndërsa taksat mbi pagat dhe fitimet do të mbeten të njëjta.")
	tgt = append(tgt, "Minister Rama said that the budget will grow by 7 percent.")
	links := Align(sents(src...), sents(append(tgt, "(Translated from the Albanian by Jane Doe.)")...), Options{SrcLang: "sq", TgtLang: "en"})
	requireCover(t, links, len(src), len(tgt)+1)
	last := links[len(links)-1]
	assert.Empty(t, last.Src)
	assert.Equal(t, []int{len(tgt)}, last.Tgt)
	assert.Greater(t, last.Score, 0.9)

	links = Align(sents(append(src, "(Përktheu: Jane Doe.)")...), sents(append(tgt, "(Translated by Jane Doe.)")...), Options{SrcLang: "sq", TgtLang: "en"})
	requireCover(t, links, len(src)+1, len(tgt)+1)
	last = links[len(links)-1]
	assert.Equal(t, []int{len(src)}, last.Src)
	assert.Equal(t, []int{len(tgt)}, last.Tgt)
}

func FuzzIsCredit(f *testing.F) {
	for _, s := range []string{"( Traduit par L. S. )", "Übersetzt von Roswitha Beyer , Bern .", "Traduction d'", "(İ", "Përktheu:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		isCredit(s)
	})
}

func BenchmarkIsCredit(b *testing.B) {
	src, tgt := synthetic(1000, 1)
	texts := append(src, tgt...)
	for b.Loop() {
		for _, t := range texts {
			isCredit(t)
		}
	}
}
