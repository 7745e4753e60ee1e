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
		if x%3 == 0 {
			// A 1-2 link: the first target sentence ends in a semicolon.
			d.tgt.end = append(d.tgt.end, endSemicolon, endStop)
			prev = node{prev.i + 1, prev.j + 2}
			d.path = append(d.path, step{to: prev, kind: 4})
			continue
		}
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

	src := []unit{{end: endStop}}
	tgt := []unit{{end: endSemicolon}, {end: endStop}}
	assert.InDelta(t, e.last[endStop][endStop]+e.inner[1][endSemicolon], e.score(src, tgt), 1e-12)

	few := &aligner{docs: []*docState{{path: d.path[:minEndLinks-1], src: d.src, tgt: d.tgt}}}
	assert.Nil(t, few.learnEndings(), "too few links to learn from")
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
