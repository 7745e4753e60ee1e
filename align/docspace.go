package align

import "slices"

// docSpace is a document's own numbering of the token types and keys it
// uses. The tables the search keeps by type or by key (document
// frequencies, what a type brings, the matcher's slots) are then the size
// of the document rather than of the vocabulary of the whole batch, which
// would make a batch of many short documents cost documents × vocabulary.
// The numbering keeps the order of the batch's, so that sorted type lists
// stay sorted and ties break as they would: the alignment is the same.
type docSpace struct {
	st, tt       [][]int32 // type lists of the sentences, in local types
	skeys, tkeys [][]int32 // keys of each local type, in local keys
	nk           int
}

func newDocSpace(st, tt, skeys, tkeys [][]int32) docSpace {
	var ds docSpace
	var sg, tg []int32 // the batch's number of each local type
	ds.st, sg = renumber(st)
	ds.tt, tg = renumber(tt)
	var keys []int32
	for _, t := range sg {
		keys = append(keys, skeys[t]...)
	}
	for _, t := range tg {
		keys = append(keys, tkeys[t]...)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	ds.nk = len(keys)
	ds.skeys = localKeys(sg, skeys, keys)
	ds.tkeys = localKeys(tg, tkeys, keys)
	return ds
}

// renumber numbers the types of the lists from 0 in their order and
// returns the lists so numbered and the old number of each new one.
func renumber(lists [][]int32) (local [][]int32, global []int32) {
	n := 0
	for _, ids := range lists {
		n += len(ids)
	}
	arena := make([]int32, 0, n)
	for _, ids := range lists {
		arena = append(arena, ids...)
	}
	global = slices.Clone(arena)
	slices.Sort(global)
	global = slices.Compact(global)
	local = make([][]int32, len(lists))
	for i, ids := range lists {
		l := arena[:len(ids):len(ids)]
		arena = arena[len(ids):]
		for x, t := range l {
			l[x] = index(global, t)
		}
		local[i] = l
	}
	return local, global
}

// localKeys gives the keys of the types numbered global in the numbering
// of keys.
func localKeys(global []int32, typeKeys [][]int32, keys []int32) [][]int32 {
	n := 0
	for _, t := range global {
		n += len(typeKeys[t])
	}
	arena := make([]int32, 0, n)
	out := make([][]int32, len(global))
	for i, t := range global {
		start := len(arena)
		for _, k := range typeKeys[t] {
			arena = append(arena, index(keys, k))
		}
		out[i] = arena[start:len(arena):len(arena)]
	}
	return out
}

// index returns the position of x in the sorted s, which holds it.
func index(s []int32, x int32) int32 {
	i, _ := slices.BinarySearch(s, x)
	return int32(i)
}
