package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNumberingSpace(t *testing.T) {
	// Batch keys of each batch type, for the source and the target.
	skeys := [][]int32{{0}, {5, 1}, {}, {7}, {2}, {9, 3}}
	tkeys := [][]int32{{9}, {4}, {1, 5}, {6}}
	tests := []struct {
		name   string
		st, tt [][]int32
	}{
		{"shared keys", [][]int32{{1, 3}, {5}}, [][]int32{{0, 2}, {3}}},
		{"type without keys", [][]int32{{2, 4}, {}}, [][]int32{{1}}},
		{"types out of order of first use", [][]int32{{5}, {0, 4, 5}, {1}}, [][]int32{{3}, {0, 1, 2}}},
	}
	var nb numbering
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := nb.space(tt.st, tt.tt, skeys, tkeys, 10)
			// The document's types, in the batch's order, and the keys
			// each stands for there.
			check := func(lists, local [][]int32, typeKeys, localKeys [][]int32, batchOf map[int32]int32) {
				require.Len(t, local, len(lists))
				seen := map[int32]int32{}
				for i, ids := range lists {
					require.Len(t, local[i], len(ids))
					for x, g := range ids {
						l := local[i][x]
						if x > 0 {
							assert.Less(t, local[i][x-1], l, "lists stay sorted")
						}
						if prev, ok := seen[l]; ok {
							assert.Equal(t, prev, g, "one local type per batch type")
						}
						seen[l] = g
						require.Len(t, localKeys[l], len(typeKeys[g]))
						for y, k := range typeKeys[g] {
							lk := localKeys[l][y]
							require.Less(t, int(lk), ds.nk)
							if b, ok := batchOf[lk]; ok {
								assert.Equal(t, b, k, "one local key per batch key, on both sides")
							}
							batchOf[lk] = k
						}
					}
				}
			}
			batchOf := map[int32]int32{}
			check(tt.st, ds.st, skeys, ds.skeys, batchOf)
			check(tt.tt, ds.tt, tkeys, ds.tkeys, batchOf)
			assert.Len(t, batchOf, ds.nk, "keys are numbered densely")
			for _, tab := range [][]int32{nb.src, nb.tgt, nb.keys} {
				assert.Equal(t, make([]int32, len(tab)), tab, "tables are left cleared")
			}
		})
	}
}
