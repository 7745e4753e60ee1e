package align

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEndingOf(t *testing.T) {
	tests := []struct {
		in   string
		want ending
	}{
		{"Er kam.", endStop},
		{"Il vint ... ", endStop},
		{"Die Teilnehmer waren :", endColon},
		{"le temps finit par s' améliorer ;", endSemicolon},
		{"« Qui ? »", endQuestion},
		{"Hop debout !", endExclaim},
		{"(Achtung, Achtung!)", endExclaim},
		{"1952 ,", endComma},
		{"Kapitel 3", endOther},
		{"", endOther},
		{"»", endOther},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, endingOf(tt.in))
		})
	}
}

// TestLearnEndings checks the ratios learnt from a first pass in which the
// target side splits sentences at semicolons that the source side joins.
func TestLearnEndings(t *testing.T) {
	d := &docState{}
	var prev node
	for x := range 30 {
		d.src.end = append(d.src.end, endStop)
		d.src.begin = append(d.src.begin, beginUpper)
		if x%3 == 0 {
			// A 1-2 link: the first target sentence ends in a semicolon,
			// the second begins in lower case.
			d.tgt.end = append(d.tgt.end, endSemicolon, endStop)
			d.tgt.begin = append(d.tgt.begin, beginUpper, beginLower)
			prev = node{prev.i + 1, prev.j + 2}
			d.path = append(d.path, step{to: prev, kind: 4})
			continue
		}
		d.tgt.begin = append(d.tgt.begin, beginUpper)
		if x%3 == 1 {
			d.src.end[x] = endQuestion
			d.tgt.end = append(d.tgt.end, endQuestion)
		} else {
			d.tgt.end = append(d.tgt.end, endStop)
		}
		prev = node{prev.i + 1, prev.j + 1}
		d.path = append(d.path, step{to: prev, kind: oneToOne})
	}
	require.Equal(t, linkTypes[4], struct{ a, b int }{1, 2})
	a := &aligner{docs: []*docState{d}}
	e := a.learnEndings()
	require.NotNil(t, e)
	assert.Greater(t, e.last[endQuestion][endQuestion], 0.5, "a question stays a question")
	assert.Less(t, e.last[endQuestion][endStop], -0.5)
	assert.Greater(t, e.inner[1][endSemicolon], 1.0, "a semicolon ends a sentence that goes on")
	assert.Less(t, e.inner[1][endStop], 0.0)

	assert.Greater(t, e.later[1][endSemicolon][beginLower], 0.5, "a sentence in lower case after a semicolon goes on")
	assert.Less(t, e.later[1][endStop][beginUpper], 0.0)
	// No sentence of the target side ends in a colon: after one, a
	// beginning says what it says after any ending. Ten sentences go on,
	// all in lower case; 29 begin a link (the first does not count), none
	// in lower case.
	assert.InDelta(t, math.Log(share(10, 10, nBeginnings)/share(0, 29, nBeginnings)), e.later[1][endColon][beginLower], 1e-12)

	src := []unit{{end: endStop, begin: beginUpper}}
	tgt := []unit{{end: endSemicolon, begin: beginUpper}, {end: endStop, begin: beginLower}}
	want := e.last[endStop][endStop] + e.inner[1][endSemicolon] + e.first[beginUpper][beginUpper] + e.later[1][endSemicolon][beginLower]
	assert.InDelta(t, want, e.score(src, tgt), 1e-12)

	few := &aligner{docs: []*docState{{path: d.path[:minEndLinks-1], src: d.src, tgt: d.tgt}}}
	assert.Nil(t, few.learnEndings(), "too few links to learn from")
}

func TestBeginningOf(t *testing.T) {
	tests := []struct {
		in   string
		want beginning
	}{
		{"Er kam.", beginUpper},
		{"la journée est chaude .", beginLower},
		{"« Qui ? »", beginUpper},
		{"( voir Alpine Journal )", beginLower},
		{"- und dann", beginLower},
		{"1956 , p. 310-329 ) .", beginOther},
		{"Übersetzt von", beginUpper},
		{"élargie", beginLower},
		{"", beginOther},
		{"»", beginOther},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, beginningOf(tt.in))
		})
	}
}

func TestSaturate(t *testing.T) {
	assert.Equal(t, 0.0, saturate(0))
	assert.InDelta(t, 1, saturate(1), 0.02, "small evidence stays as it is")
	assert.InDelta(t, -saturate(100), saturate(-100), 1e-12)
	assert.InDelta(t, lexSaturation*math.Log(2), saturate(lexSaturation), 1e-12)
	prev := 0.0
	for x := 1.0; x < 1000; x *= 1.5 {
		assert.Greater(t, saturate(x), prev)
		assert.Less(t, saturate(x), x)
		prev = saturate(x)
	}
}

func TestSaturateTable(t *testing.T) {
	for x := 0.0; x < 600; x += 0.37 {
		assert.InDelta(t, exactSaturate(x), saturate(x), 5e-5, "at %g", x)
		assert.InDelta(t, -exactSaturate(x), saturate(-x), 5e-5, "at %g", -x)
	}
}
