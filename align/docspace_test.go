package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNumberingSpace(t *testing.T) {
	// Batch keys of each batch type, for the source and the target.
	keys := keyTables{
		src:   [][]keyID{{0}, {5, 1}, {}, {7}, {2}, {9, 3}},
		tgt:   [][]keyID{{9}, {4}, {1, 5}, {6}},
		count: 10,
	}
	tests := []struct {
		name               string
		srcTypes, tgtTypes [][]typeID
	}{
		{"shared keys", [][]typeID{{1, 3}, {5}}, [][]typeID{{0, 2}, {3}}},
		{"type without keys", [][]typeID{{2, 4}, {}}, [][]typeID{{1}}},
		{"types out of order of first use", [][]typeID{{5}, {0, 4, 5}, {1}}, [][]typeID{{3}, {0, 1, 2}}},
	}
	var nb numbering
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := nb.space(tt.srcTypes, tt.tgtTypes, keys)
			// The document's types, in the batch's order, and the keys
			// each stands for there.
			check := func(lists, local [][]typeID, typeKeys, localKeys [][]keyID, batchOf map[keyID]keyID) {
				require.Len(t, local, len(lists))
				seen := map[typeID]typeID{}
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
							require.Less(t, int(lk), ds.keys.count)
							if b, ok := batchOf[lk]; ok {
								assert.Equal(t, b, k, "one local key per batch key, on both sides")
							}
							batchOf[lk] = k
						}
					}
				}
			}
			batchOf := map[keyID]keyID{}
			check(tt.srcTypes, ds.srcTypes, keys.src, ds.keys.src, batchOf)
			check(tt.tgtTypes, ds.tgtTypes, keys.tgt, ds.keys.tgt, batchOf)
			assert.Len(t, batchOf, ds.keys.count, "keys are numbered densely")
			assert.Equal(t, make([]typeID, len(nb.src)), nb.src, "tables are left cleared")
			assert.Equal(t, make([]typeID, len(nb.tgt)), nb.tgt, "tables are left cleared")
			assert.Equal(t, make([]keyID, len(nb.keys)), nb.keys, "tables are left cleared")
		})
	}
}
