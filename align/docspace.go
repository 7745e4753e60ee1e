package align

import "slices"

// docSpace is a document's own numbering of the token types and keys it
// uses. The tables the search keeps by type or by key (document
// frequencies, what a type brings, the matcher's slots) are then the size
// of the document rather than of the vocabulary of the whole batch, which
// would make a batch of many short documents cost documents × vocabulary.
// Types keep the order of the batch's numbers, so that sorted type lists
// stay sorted and ties between slots break as they would: the alignment
// is the same. The order of keys matters nowhere.
type docSpace struct {
	srcTypes, tgtTypes [][]typeID // type lists of the sentences, in local types
	keys               keyTables  // keys of each local type, in local keys
}

// A numbering holds, by the batch's number of a type or key, its number in
// the document under way plus one, or 0. One is kept per worker and
// cleared where it was set after each document: clearing or allocating it
// whole would again cost the vocabulary each time.
type numbering struct {
	src, tgt []typeID
	keys     []keyID
}

// space numbers the types and keys of a document given by its type lists
// and the keys of every type.
func (nb *numbering) space(srcTypes, tgtTypes [][]typeID, keys keyTables) docSpace {
	var ds docSpace
	var sg, tg []typeID // the batch's number of each local type
	ds.srcTypes, sg = renumber(srcTypes, fit(&nb.src, len(keys.src)))
	ds.tgtTypes, tg = renumber(tgtTypes, fit(&nb.tgt, len(keys.tgt)))
	local := fit(&nb.keys, keys.count)
	var used []keyID
	keysOf := func(global []typeID, typeKeys [][]keyID) [][]keyID {
		n := 0
		for _, t := range global {
			n += len(typeKeys[t])
		}
		arena := make([]keyID, 0, n)
		out := make([][]keyID, len(global))
		for i, t := range global {
			start := len(arena)
			for _, k := range typeKeys[t] {
				if local[k] == 0 {
					used = append(used, k)
					local[k] = keyID(len(used))
				}
				arena = append(arena, local[k]-1)
			}
			out[i] = arena[start:len(arena):len(arena)]
		}
		return out
	}
	ds.keys.src = keysOf(sg, keys.src)
	ds.keys.tgt = keysOf(tg, keys.tgt)
	ds.keys.count = len(used)
	for _, k := range used {
		local[k] = 0
	}
	return ds
}

// renumber numbers the types of the lists from 0 in their order, with the
// help of local, which it leaves cleared, and returns the lists so
// numbered and the old number of each new one.
func renumber(lists [][]typeID, local []typeID) (out [][]typeID, global []typeID) {
	n := 0
	for _, ids := range lists {
		n += len(ids)
		for _, t := range ids {
			if local[t] == 0 {
				local[t] = 1
				global = append(global, t)
			}
		}
	}
	slices.Sort(global)
	for i, t := range global {
		local[t] = typeID(i + 1)
	}
	arena := make([]typeID, n)
	out = make([][]typeID, len(lists))
	for i, ids := range lists {
		l := arena[:len(ids):len(ids)]
		arena = arena[len(ids):]
		for x, t := range ids {
			l[x] = local[t] - 1
		}
		out[i] = l
	}
	for _, t := range global {
		local[t] = 0
	}
	return out, global
}

// fit makes *s at least n long and returns it.
func fit[T typeID | keyID](s *[]T, n int) []T {
	if len(*s) < n {
		*s = make([]T, n)
	}
	return *s
}
