package align

import "slices"

// maxSlots is the number of tokens of a unit that take part in lexical
// matching: the rarest ones, so that a pair's matches fit in one uint64.
const maxSlots = 64

// A keyTok says that a token slot of a unit carries a key: key<<8 | slot.
// Keys beyond 24 bits wrap around, which in texts of more than sixteen
// million distinct keys may let a few unrelated tokens match.
type keyTok uint32

func makeKeyTok(key keyID, slot int) keyTok { return keyTok(uint32(key)<<8 | uint32(slot)) }

func (kt keyTok) key() uint32 { return uint32(kt) >> 8 }

func (kt keyTok) slot() uint { return uint(kt) & 0xff }

// A unit is what the search aligns: a sentence, or at the coarse levels of
// the search a block of consecutive sentences.
type unit struct {
	chars float64 // length in runes of NFC text
	para  bool    // begins a paragraph
	alone bool    // must stay unaligned
	// leaveOut, when not 0, is the log prior of a 1-0 or 0-1 link of this
	// unit, in place of that of the link type.
	leaveOut float64
	end      ending    // how the unit ends; at coarse levels endOther
	begin    beginning // how it begins; at coarse levels beginOther
	keys     []keyTok

	// Lexical evidence for a link that gives this unit k+1 partners:
	// base[k] is the log-likelihood ratio when no token matches; what a
	// match of a token adds depends only on its df (see weigh).
	base  [maxSpan]float32
	nslot int
	df    []int32 // of each slot: how many units of the other side hold one of its keys
}

// docFreq counts in how many units each key occurs.
// The counts come from countsPool: give them back when done.
func docFreq(types [][]typeID, typeKeys [][]keyID, nkeys int) []int32 {
	df := countsPool.get(nkeys)
	seen := countsPool.get(nkeys)
	defer countsPool.put(seen)
	for i, ids := range types {
		stamp := int32(i + 1)
		for _, t := range ids {
			for _, k := range typeKeys[t] {
				if seen[k] != stamp {
					seen[k] = stamp
					df[k]++
				}
			}
		}
	}
	return df
}

// typeInfo is what a type brings to every unit that holds it (see
// buildUnits).
type typeInfo struct {
	done bool
	df   int32
	keys []keyID
}

// buildUnits turns type lists into units: each token whose keys occur on
// the other side gets a slot, the rarest maxSlots of them when there are
// more. Call weigh before scoring.
func buildUnits(types [][]typeID, chars []float64, para []bool, typeKeys [][]keyID, dfOther []int32, nOther int) []unit {
	units := make([]unit, len(types))
	// What a type brings is the same in every unit: its keys that occur on
	// the other side and their df. Work it out once per type.
	info := infoPool.get(len(typeKeys))
	defer infoPool.put(info)
	get := func(t typeID) *typeInfo {
		ti := &info[t]
		if !ti.done {
			ti.done = true
			df := 0
			for _, k := range typeKeys[t] {
				if dfOther[k] > 0 {
					ti.keys = append(ti.keys, k)
					df += int(dfOther[k])
				}
			}
			ti.df = int32(min(df, nOther))
		}
		return ti
	}
	// A slot is a type with keys, as df<<32 | type, so that sorting puts
	// the rarest first.
	var slots []uint64
	// Units take their slices from shared arenas: far fewer allocations.
	var keyArena []keyTok
	var dfArena []int32
	left := lenSum(types) // types left, a bound on the slots
	for i, ids := range types {
		u := &units[i]
		u.chars = chars[i]
		u.para = para[i]
		slots = slots[:0]
		nkeys := 0
		for _, t := range ids {
			if ti := get(t); len(ti.keys) > 0 {
				slots = append(slots, uint64(ti.df)<<32|uint64(t))
				nkeys += len(ti.keys)
			}
		}
		if len(slots) > maxSlots {
			slots = smallest(slots, maxSlots)
			nkeys = 0
			for _, s := range slots {
				nkeys += len(info[typeID(s)].keys)
			}
		}
		if len(keyArena) < nkeys {
			keyArena = make([]keyTok, max(nkeys, min(2*left, 1<<14)))
		}
		if len(dfArena) < len(slots) {
			dfArena = make([]int32, max(len(slots), min(left, 1<<12)))
		}
		left -= len(ids)
		u.nslot = len(slots)
		u.df, dfArena = dfArena[:len(slots):len(slots)], dfArena[len(slots):]
		u.keys, keyArena = keyArena[:0:nkeys], keyArena[nkeys:]
		for si, s := range slots {
			ti := &info[typeID(s)]
			u.df[si] = ti.df
			for _, k := range ti.keys {
				u.keys = append(u.keys, makeKeyTok(k, si))
			}
		}
	}
	return units
}

// smallest moves the k smallest values of s to its front, in ascending
// order, and returns them. It keeps a heap of k rather than sorting all of s: the slot
// lists of coarse blocks run to thousands. The heap starts from the end,
// where the rare words are: types are numbered as they first occur, so
// the common ones come first and would each displace a heap top.
func smallest(s []uint64, k int) []uint64 {
	h := s[len(s)-k:]
	for i := k/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
	for x := len(s) - k - 1; x >= 0; x-- {
		if s[x] < h[0] {
			h[0] = s[x]
			siftDown(h, 0)
		}
	}
	slices.Sort(h)
	return s[:copy(s, h)]
}

// siftDown restores the max-heap h below node i.
func siftDown(h []uint64, i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h[c+1] > h[c] {
			c++
		}
		if h[i] >= h[c] {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}
