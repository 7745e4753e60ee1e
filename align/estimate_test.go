package align

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMarkRuns checks that a run of sentences left out counts as one
// link and keeps a prior of its own, while a lone one counts as usual.
func TestMarkRuns(t *testing.T) {
	// Source 0 and target 0 are a 1-1 link, target 1 is left out alone,
	// source 1 and target 2 are a 1-1 link, source 2 and 3 and target 3
	// to 5 are left out in one run of five, and source 4 with target 6 is
	// a 1-1 link.
	path := []step{
		{to: node{1, 1}, kind: oneToOne},
		{to: node{1, 2}, kind: tgtOnly},
		{to: node{2, 3}, kind: oneToOne},
		{to: node{3, 3}, kind: srcOnly},
		{to: node{4, 3}, kind: srcOnly},
		{to: node{4, 4}, kind: tgtOnly},
		{to: node{4, 5}, kind: tgtOnly},
		{to: node{4, 6}, kind: tgtOnly},
		{to: node{5, 7}, kind: oneToOne},
	}
	d := &docState{path: path}
	d.src.types = make([][]typeID, 5)
	d.tgt.types = make([][]typeID, 7)
	a := &aligner{docs: []*docState{d}}
	var counts [nTypes]float64
	for _, s := range path {
		counts[s.kind]++
	}
	total := float64(len(path))
	a.markRuns(&counts, &total)

	assert.Equal(t, 3.0, counts[oneToOne])
	assert.Equal(t, 1.0, counts[srcOnly], "the run counts once, as the type of its first link")
	assert.Equal(t, 1.0, counts[tgtOnly], "the lone target sentence")
	assert.Equal(t, 5.0, total)
	run := math.Log(runLeaveOut)
	assert.Equal(t, []float64{0, 0, run, run, 0}, d.src.leaveOut)
	assert.Equal(t, []float64{0, 0, 0, run, run, run, 0}, d.tgt.leaveOut)
}

// TestMarkRunsShort checks that two sentences left out in a row are no run.
func TestMarkRunsShort(t *testing.T) {
	d := &docState{path: []step{{to: node{1, 0}, kind: srcOnly}, {to: node{1, 1}, kind: tgtOnly}, {to: node{2, 2}, kind: oneToOne}}}
	d.src.types = make([][]typeID, 2)
	d.tgt.types = make([][]typeID, 2)
	a := &aligner{docs: []*docState{d}}
	counts := [nTypes]float64{oneToOne: 1, srcOnly: 1, tgtOnly: 1}
	total := 3.0
	a.markRuns(&counts, &total)
	assert.Equal(t, [nTypes]float64{oneToOne: 1, srcOnly: 1, tgtOnly: 1}, counts)
	assert.Equal(t, 3.0, total)
	assert.Nil(t, d.src.leaveOut)
}

// TestLengthModel checks that the variance of the length model is the
// links' own for a long document and leans towards the default for a
// short one.
func TestLengthModel(t *testing.T) {
	// Source sentences of 100 chars, target ones 1.2 times as long, 20
	// chars more or less by turns: the ratio is 1.2, and the median
	// squared deviation per char that of the shorter target sentences.
	links := func(n int) (ls, lt []float64) {
		for i := range n {
			ls = append(ls, 100)
			lt = append(lt, 120+20*float64(1-2*(i%2)))
		}
		return ls, lt
	}
	own := 20 * 20 / (100 - 20/2.4) * 2 / (math.Ln2 * math.Ln2)
	def := defaultLengthVar * 1.2
	tests := []struct {
		name  string
		links int
	}{
		{"short", 6},
		{"long", 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ratio, variance := lengthModel(links(tt.links))
			assert.InDelta(t, 1.2, ratio, 1e-12)
			n := float64(tt.links)
			assert.InDelta(t, (n*own+lengthPriorLinks*def)/(n+lengthPriorLinks), variance, 1e-9)
		})
	}
	_, short := lengthModel(links(6))
	_, long := lengthModel(links(3000))
	assert.Less(t, math.Abs(short-def), math.Abs(short-own), "a short document says little")
	assert.Less(t, math.Abs(long-own), 0.2, "a long one says it all")

	// Lengths that agree exactly still leave the variance its floor.
	same := slices.Repeat([]float64{100}, 3000)
	_, exact := lengthModel(same, same)
	assert.Equal(t, 1.0, exact)
}
