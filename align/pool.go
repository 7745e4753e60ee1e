package align

import (
	"math/bits"
	"sync"
)

// The maps of vocabularies, key spaces, stems and language probes are used
// again from one alignment to the next: in a stream of short documents,
// made anew for each, they would be much of the memory allocated.
var (
	idsPool   mapPool[token, typeID]
	rawPool   mapPool[string, typeID]
	keysPool  mapPool[string, keyID]
	stemsPool mapPool[string, int32]
	probePool mapPool[string, sideCounts]
)

// So are the slot tables of matchers, the key counts of docFreq and the
// type tables of buildUnits.
var (
	slotsPool  slicePool[uint64]
	countsPool slicePool[int32]
	infoPool   slicePool[typeInfo]
)

// A mapPool holds empty maps for use again.
type mapPool[K comparable, V any] struct{ p sync.Pool }

// get returns an empty map, made with room for n entries if the pool has
// none.
func (p *mapPool[K, V]) get(n int) map[K]V {
	if m, ok := p.p.Get().(map[K]V); ok {
		return m
	}
	return make(map[K]V, n)
}

// maxPooled is the most entries a map may have held to be pooled: clearing
// a larger one costs more than making one, and it would hold the memory.
const maxPooled = 1 << 12

// put empties m and keeps it for a later get.
func (p *mapPool[K, V]) put(m map[K]V) {
	if m == nil || len(m) > maxPooled {
		return
	}
	clear(m)
	p.p.Put(m)
}

// A slicePool holds slices, all zero, for use again.
type slicePool[T any] struct{ p sync.Pool }

// get returns a slice of n zeros; its capacity, all zeros too, may be
// larger.
func (p *slicePool[T]) get(n int) []T {
	if s, ok := p.p.Get().(*[]T); ok && cap(*s) >= n {
		return (*s)[:n]
	}
	// Room to the next power of two, so that the slice serves the next
	// few texts, which are seldom just as long.
	return make([]T, n, 1<<bits.Len(uint(n)))
}

// maxPooledLen is the longest slice pooled: a longer one, from a long
// text, would hold its memory.
const maxPooledLen = 1 << 16

// put zeroes s and keeps it for a later get.
func (p *slicePool[T]) put(s []T) {
	if cap(s) == 0 || cap(s) > maxPooledLen {
		return
	}
	s = s[:cap(s)]
	clear(s)
	p.p.Put(&s)
}
