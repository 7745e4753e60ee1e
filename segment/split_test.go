package segment

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

func TestSplitAlbanian(t *testing.T) {
	tests := []splitCase{
		{"simple", "Ai erdhi. Ajo iku.", []string{"Ai erdhi.", "Ajo iku."}},
		{"question and exclamation", "A erdhe? Po! Mirë.", []string{"A erdhe?", "Po!", "Mirë."}},
		{"title abbreviations", "E tha z. Rama dhe znj. Kryemadhi me dr. Hoxha dhe prof. Dr. Ymeri.",
			[]string{"E tha z. Rama dhe znj. Kryemadhi me dr. Hoxha dhe prof. Dr. Ymeri."}},
		{"capitalized title", "Z. Rama foli. Zj. Basha heshti.", []string{"Z. Rama foli.", "Zj. Basha heshti."}},
		{"abbreviation before lower case", "Fruta, p.sh. mollë, dardha etj. janë të mira.",
			[]string{"Fruta, p.sh. mollë, dardha etj. janë të mira."}},
		{"etj. ends a sentence", "Bleu mollë, dardha etj. Pastaj iku.", []string{"Bleu mollë, dardha etj.", "Pastaj iku."}},
		{"etj. before a name", "Mollë, dardha etj. Rama foli.", []string{"Mollë, dardha etj.", "Rama foli."}},
		{"e.t.j. before a name", "Mollë, dardha e.t.j. Rama foli.", []string{"Mollë, dardha e.t.j.", "Rama foli."}},
		{"company", "Punon te Albtelecom sh.a. në Tiranë.", []string{"Punon te Albtelecom sh.a. në Tiranë."}},
		{"numbers with abbreviations", "Shih nr. 5 në fq. 12, rr. Kavaja, shek. XX.",
			[]string{"Shih nr. 5 në fq. 12, rr. Kavaja, shek. XX."}},
		{"dates and times", "Më 8.1.2020 në orën 10.30 u mblodhën. Më 1. Janar nisi.",
			[]string{"Më 8.1.2020 në orën 10.30 u mblodhën.", "Më 1. Janar nisi."}},
		{"year ends a sentence", "Ndodhi në vitin 2019. Në vitin 2020 jo.", []string{"Ndodhi në vitin 2019.", "Në vitin 2020 jo."}},
		{"initials", "E shkroi Edi R. Rama.", []string{"E shkroi Edi R. Rama."}},
		{"url and e-mail", "Shkruani në info@rtsh.al ose vizitoni www.rtsh.al. Faleminderit.",
			[]string{"Shkruani në info@rtsh.al ose vizitoni www.rtsh.al.", "Faleminderit."}},
		{"ellipsis", "Ai priti... Askush nuk erdhi… Pastaj iku.", []string{"Ai priti...", "Askush nuk erdhi…", "Pastaj iku."}},
		{"ellipsis inside", "Ai priti... dhe priti.", []string{"Ai priti... dhe priti."}},
		{"closing quotes", "“Po.” Ai iku. «Jo!» Ajo qeshi. “Mirë?“ Ata heshtën.",
			[]string{"“Po.”", "Ai iku.", "«Jo!»", "Ajo qeshi.", "“Mirë?“", "Ata heshtën."}},
		{"quote then period", "Tha “po”. Pastaj iku.", []string{"Tha “po”.", "Pastaj iku."}},
		{"question in quote, lower case after", "“Po?” pyeti ai.", []string{"“Po?” pyeti ai."}},
		{"dialogue dashes", "– Po, – tha ai. – Jo! – bërtiti ajo. - Mirë.",
			[]string{"– Po, – tha ai.", "– Jo! – bërtiti ajo.", "- Mirë."}},
		{"reported speech after colon", "Babai e pyet: Kush je ti? Ai hesht.", []string{"Babai e pyet:", "Kush je ti?", "Ai hesht."}},
		{"dialogue after colon", "Ai tha: – Jo.", []string{"Ai tha:", "– Jo."}},
		{"headline colon stays", "Rama flet për masat: Ja çfarë shkruhet", []string{"Rama flet për masat: Ja çfarë shkruhet"}},
		{"quotation after colon stays", "Ai u shpreh: “Ne jemi gati.”", []string{"Ai u shpreh: “Ne jemi gati.”"}},
		{"spaced period", "Camp Ashraf 3 Albania . MEK , ISIS", []string{"Camp Ashraf 3 Albania .", "MEK , ISIS"}},
		{"lone closing quote", "Ne jemi këtu. “", []string{"Ne jemi këtu. “"}},
		{"no final punctuation", "Titulli pa pikë", []string{"Titulli pa pikë"}},
		{"nbsp kept", "Një\u00a0dy. Tre\u00a0", []string{"Një\u00a0dy.", "Tre"}},
		{"only punctuation", " … ", []string{"…"}},
		{"empty", "", nil},
		{"space", " \t ", nil},
	}
	testSplit(t, "sq", tests)
}

func TestSplitEnglish(t *testing.T) {
	tests := []splitCase{
		{"titles", "Mr. Smith met Dr. Jones in St. Louis.", []string{"Mr. Smith met Dr. Jones in St. Louis."}},
		{"U.S. before a starter", "I live in the U.S. How about you?", []string{"I live in the U.S.", "How about you?"}},
		{"U.S. before a name", "I work for the U.S. Government in Virginia.", []string{"I work for the U.S. Government in Virginia."}},
		{"initials", "Did you see Albert I. Jones yesterday?", []string{"Did you see Albert I. Jones yesterday?"}},
		{"pronoun I ends a sentence", "You and I. Did you see him?", []string{"You and I.", "Did you see him?"}},
		{"time and acronym", "The rally is at 7 p.m. ET tonight.", []string{"The rally is at 7 p.m. ET tonight."}},
		{"money", "She has $100.00. It is in her bag.", []string{"She has $100.00.", "It is in her bag."}},
		{"page", "Please turn to p. 55.", []string{"Please turn to p. 55."}},
		{"number abbreviation", "See No. 5 in Fig. 2. The answer is no. Then yes.",
			[]string{"See No. 5 in Fig. 2.", "The answer is no.", "Then yes."}},
		{"ellipsis before I", "The thing is . . . I didn’t mean it.", []string{"The thing is . . . I didn’t mean it."}},
		{"period and ellipsis", "It was weakened. . . . The practice was not abandoned.",
			[]string{"It was weakened.", ". . . The practice was not abandoned."}},
		{"brackets", "Bohr [...] used the analogy [...] (Smith 55).", []string{"Bohr [...] used the analogy [...] (Smith 55)."}},
		{"no space", "Hello world.Today is Tuesday.Mr. Smith went.", []string{"Hello world.", "Today is Tuesday.", "Mr. Smith went."}},
		{"e-mail with capitals", "Write to Jane.Doe@example.com. I did.", []string{"Write to Jane.Doe@example.com.", "I did."}},
		{"numbered list", "1. The first item 2. The second item", []string{"1. The first item", "2. The second item"}},
		{"lettered list", "a) one b) two c) three", []string{"a) one", "b) two", "c) three"}},
		{"bullets", "• first • second", []string{"• first", "• second"}},
		{"parenthesis", "He (an engineer.) works here.", []string{"He (an engineer.) works here."}},
		{"who spoke", `"There's a shark!" Hammel added. He ran.`, []string{`"There's a shark!" Hammel added.`, "He ran."}},
		{"speech verb in a new sentence", `"There's neither." He said the bars were gone.`,
			[]string{`"There's neither."`, "He said the bars were gone."}},
	}
	testSplit(t, "en", tests)
}

// A splitCase is a text and the sentences it splits into.
type splitCase struct {
	name string
	in   string
	want []string
}

// testSplit splits each case with the splitter of lang.
func testSplit(t *testing.T, lang string, tests []splitCase) {
	t.Helper()
	sp, err := NewSplitter(lang)
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sp.Split(tt.in)
			assert.Equal(t, tt.want, nilIfEmpty(texts(got)))
			checkInvariants(t, tt.in, got)
		})
	}
}

func TestSplitUnknownLanguage(t *testing.T) {
	sp, err := NewSplitter("xx")
	require.NoError(t, err)
	assert.Equal(t, []string{"Eins.", "Zwei?", "Drei!"}, texts(sp.Split("Eins. Zwei? Drei!")))
}

// TestSplitRegionalTag: a tag with a region, in any case, uses the data of
// its language.
func TestSplitRegionalTag(t *testing.T) {
	const in = "Sipas prof. Dr. Agim Çeliku etj. ata erdhën në shek. XIX. Pastaj ikën."
	want := []string{"Sipas prof. Dr. Agim Çeliku etj. ata erdhën në shek. XIX.", "Pastaj ikën."}
	for _, lang := range []string{"sq", "sq-AL", "SQ_al", "sq-XK"} {
		sp, err := NewSplitter(lang)
		require.NoError(t, err)
		assert.Equal(t, want, texts(sp.Split(in)), lang)
	}
}

func TestSplitOffsets(t *testing.T) {
	sp, err := NewSplitter("sq")
	require.NoError(t, err)
	in := "  Ai erdhi.   Ajo iku.  "
	got := sp.Split(in)
	require.Len(t, got, 2)
	assert.Equal(t, corpus.Sentence{Text: "Ai erdhi.", Start: 2, End: 11}, got[0])
	assert.Equal(t, corpus.Sentence{Text: "Ajo iku.", Start: 14, End: 22}, got[1])
}

func TestSplitNFC(t *testing.T) {
	sp, err := NewSplitter("sq")
	require.NoError(t, err)
	in := "Nje\u0308 dite\u0308. Dy."
	got := sp.Split(in)
	require.Len(t, got, 2)
	assert.Equal(t, "Një ditë.", got[0].Text)
	assert.Equal(t, in[got[0].Start:got[0].End], "Nje\u0308 dite\u0308.")
}

// TestSplitLongLine checks that a long line without punctuation, and one
// full of it, are split in linear time (a quadratic pass would take
// minutes on these) and keep the invariants.
func TestSplitLongLine(t *testing.T) {
	sp, err := NewSplitter("sq")
	require.NoError(t, err)
	for _, in := range []string{
		strings.Repeat("fjalë ", 50_000/6),
		strings.Repeat("a", 50_000),
		strings.Repeat(". ", 25_000),
		strings.Repeat("z. ", 16_000),
		strings.Repeat("1. ", 16_000),
		"1. " + strings.Repeat("x ", 25_000),
		strings.Repeat("A.", 25_000),
		strings.Repeat("ab.Cd", 10_000),
		strings.Repeat("ab.Cd ", 10_000),
		strings.Repeat("“- ", 16_000),
		"x. " + strings.Repeat("– ", 16_000) + "Y",
		strings.Repeat("tha: ", 10_000),
		strings.Repeat("a… ", 10_000),
	} {
		checkInvariants(t, in, sp.Split(in))
	}
}

// checkInvariants asserts what every split must satisfy: sentences in
// order, not overlapping, inside the text, Text the NFC of the trimmed
// span, and every non-space character inside some sentence.
func checkInvariants(t *testing.T, text string, got []corpus.Sentence) {
	t.Helper()
	prev := 0
	for _, s := range got {
		if !assert.True(t, prev <= s.Start && s.Start < s.End && s.End <= len(text), "offsets %d:%d after %d in %d bytes", s.Start, s.End, prev, len(text)) {
			return
		}
		assert.Equal(t, strings.TrimSpace(text[prev:s.Start]), "", "uncovered text")
		assert.Equal(t, sentenceText(text[s.Start:s.End]), s.Text)
		assert.Equal(t, strings.TrimSpace(s.Text), s.Text)
		prev = s.End
	}
	assert.Equal(t, strings.TrimSpace(text[prev:]), "", "uncovered text at the end")
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
