package align

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpread: a unit's misses go to its partners by cover, a match to the
// partner it was found in, a match found in several partners to them by
// cover smoothed by cellSmoothing; nothing is lost or made up.
func TestSpread(t *testing.T) {
	// Slot 0 has df 1, slot 1 df 2, slot 2 df 3: w gives what each adds
	// with k+1 partners.
	w := [][maxSpan]float32{{}, {0, 4, 3}, {0, 2, 1.5}, {0, 1, 0.5}}
	u := &unit{base: [maxSpan]float32{0, -6, -9}, df: []int32{1, 2, 3}, nslot: 3}
	tests := []struct {
		name  string
		cover []float64
		m     []uint64
		want  []float64
	}{
		{"misses by cover", []float64{0.25, 0.75}, []uint64{0, 0}, []float64{-1.5, -4.5}},
		{"a match in its partner", []float64{0.5, 0.5}, []uint64{1, 0}, []float64{-3 + 4, -3}},
		{"matches in either", []float64{0.5, 0.5}, []uint64{1, 2}, []float64{-3 + 4, -3 + 2}},
		// near = 0.8 cover + 0.1: 0.9 and 0.1 of the shared match's 2.
		{"a match in both, by cover", []float64{1, 0}, []uint64{2, 2}, []float64{-6 + 1.8, 0.2}},
		{"a match in both, alike", []float64{0.5, 0.5}, []uint64{3, 2}, []float64{-3 + 4 + 1, -3 + 1}},
		// Three partners, near 0.8+1/15, 1/15 and 1/15: slot 2 in the
		// first two, slot 1 in all three.
		{"three partners", []float64{1, 0, 0}, []uint64{6, 6, 2}, []float64{
			-9 + 0.5*(0.8+1.0/15)/(0.8+2.0/15) + 1.5*(0.8+1.0/15), 0.5*(1.0/15)/(0.8+2.0/15) + 1.5/15, 1.5 / 15,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.m)
			alone := make([]float64, n)
			for y, m := range tt.m {
				var v [maxSpan]float64
				addAlone(&v, m, u, w)
				alone[y] = v[n-1]
			}
			out := make([]float64, n)
			spread(u, tt.cover, tt.m, alone, w, out)
			assert.InDeltaSlice(t, tt.want, out, 1e-9)
			var union uint64
			for _, m := range tt.m {
				union |= m
			}
			var sum float64
			for _, v := range out {
				sum += v
			}
			assert.InDelta(t, slotSum(u, n-1, union, w), sum, 1e-6, "what the unit adds in all")
		})
	}
}

// cellLattice builds a lattice whose units carry the given keys, one a
// slot, each unit 50 runes long unless lengths says otherwise, ready for
// the final search by cell.
func cellLattice(src, tgt [][]int, srcLen, tgtLen []float64) (*lattice, *lexCache) {
	build := func(keys [][]int, lengths []float64) []unit {
		units := make([]unit, len(keys))
		for x, ks := range keys {
			units[x].chars = 50
			if lengths != nil {
				units[x].chars = lengths[x]
			}
			for slot, k := range ks {
				units[x].keys = append(units[x].keys, makeKeyTok(keyID(k), slot))
			}
			units[x].nslot = len(ks)
		}
		return units
	}
	lat := &lattice{src: build(src, srcLen), tgt: build(tgt, tgtLen), params: &params{lexWeight: 1}, searched: nTypes, byCell: true, delScale: 1}
	// df of each slot: the units of the other side that hold its key.
	setDF := func(units, other []unit) {
		for x := range units {
			units[x].df = make([]int32, units[x].nslot)
			for _, kt := range units[x].keys {
				for _, o := range other {
					for _, ok := range o.keys {
						if ok.key() == kt.key() {
							units[x].df[kt.slot()]++
							break
						}
					}
				}
			}
		}
	}
	setDF(lat.src, lat.tgt)
	setDF(lat.tgt, lat.src)
	lat.srcGain = weigh(lat.src, 0.6, len(lat.tgt))
	lat.tgtGain = weigh(lat.tgt, 0.6, len(lat.src))
	lat.band = fullBand(len(src), len(tgt))
	return lat, newLexCache(lat)
}

// TestCellLexOneToOne: a 1-1 link is one cell of capacity cellSaturation.
func TestCellLexOneToOne(t *testing.T) {
	lat, lc := cellLattice([][]int{{1, 2, 3, 9}, {4}}, [][]int{{1, 2, 3}, {5}}, nil, nil)
	defer lc.release()
	lc.enter(1)
	sum := lc.srcLex(0, 0, 1) + lc.tgtLex(0, 1)
	require.Greater(t, sum, 0.0)
	assert.InDelta(t, saturateTo(sum, cellSaturation), lat.cellLex(lc, 1, 1, 1, 1), 1e-9)
}

// TestCellLexStraySentence: joined to a sentence whose words match, a
// sentence that matches nothing costs a 2-1 link more by cell than in one
// sum of the same capacity, where the strong matches of the other cell pay
// for its misses.
func TestCellLexStraySentence(t *testing.T) {
	// Source 0 and target 0 share 30 keys; source 1 has 10 keys of its
	// own, found in target 1, which is not in the link; 20 more units a
	// side make the keys rare.
	var src, tgt [][]int
	var shared, stray []int
	for k := range 30 {
		shared = append(shared, 100+k)
	}
	for k := range 10 {
		stray = append(stray, 200+k)
	}
	src = append(src, shared, stray)
	tgt = append(tgt, shared, stray)
	for x := range 20 {
		src = append(src, []int{300 + x})
		tgt = append(tgt, []int{300 + x})
	}
	lat, lc := cellLattice(src, tgt, nil, nil)
	defer lc.release()
	lc.enter(2)
	sum := lc.srcLex(0, 0, 1) + lc.srcLex(1, 0, 1) + lc.tgtLex(0, 2)
	require.Less(t, lc.srcLex(1, 0, 1), 0.0, "the stray sentence's misses")
	require.Greater(t, sum, 0.0)
	assert.Less(t, lat.cellLex(lc, 2, 1, 2, 1), saturateTo(sum, 2*cellSaturation))
}

// TestLexBound: lexBound, which lets the search skip links that cannot
// matter, is never below cellLex, whatever the lengths and matches.
func TestLexBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 12))
	side := func(n int) ([][]int, []float64) {
		keys := make([][]int, n)
		lengths := make([]float64, n)
		for x := range keys {
			for range rng.IntN(12) {
				keys[x] = append(keys[x], rng.IntN(40))
			}
			lengths[x] = float64(1 + rng.IntN(200))
		}
		return keys, lengths
	}
	for trial := range 20 {
		src, sl := side(8)
		tgt, tl := side(9)
		lat, lc := cellLattice(src, tgt, sl, tl)
		for i := 1; i <= len(src); i++ {
			lc.enter(i)
			for j := 1; j <= len(tgt); j++ {
				for _, lt := range linkTypes {
					a, b := lt.a, lt.b
					if a == 0 || b == 0 || a+b < 3 || a > i || b > j {
						continue
					}
					assert.GreaterOrEqual(t, lc.lexBound(i, j, a, b), lat.cellLex(lc, i, j, a, b), "trial %d, %d-%d link to (%d, %d)", trial, a, b, i, j)
				}
			}
		}
		lc.release()
	}
}
