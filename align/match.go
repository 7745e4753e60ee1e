package align

// A matcher finds which token slots of two units share a key: it marks the
// slots of one unit in a table by key, then looks up the keys of the other,
// which is cheaper than comparing key lists when one unit meets many.
type matcher struct {
	slotsOf []uint64 // by key: the marked unit's slots that carry it
}

func (mt *matcher) mark(keys []keyTok) {
	for _, kt := range keys {
		k := int(kt.key())
		if k >= len(mt.slotsOf) {
			grown := slotsPool.get(max(k+1, 2*len(mt.slotsOf)))
			grown = grown[:cap(grown)]
			copy(grown, mt.slotsOf)
			mt.slotsOf = grown
		}
		mt.slotsOf[k] |= 1 << kt.slot()
	}
}

// probe returns the slots of the marked unit that have a key among keys,
// and the slots of keys that have one in the marked unit.
func (mt *matcher) probe(keys []keyTok) (marked, other uint64) {
	for _, kt := range keys {
		if k := int(kt.key()); k < len(mt.slotsOf) {
			// Whether a key matches is as good as random: the slot is
			// added without a branch, (m | -m) >> 63 being 1 when m != 0
			// (and a slot below 64, which the mask tells the compiler).
			m := mt.slotsOf[k]
			marked |= m
			other |= (m | -m) >> 63 << (kt.slot() & 63)
		}
	}
	return marked, other
}

func (mt *matcher) unmark(keys []keyTok) {
	for _, kt := range keys {
		mt.slotsOf[kt.key()] = 0
	}
}

// release gives the slot table to the pool for another matcher.
func (mt *matcher) release() {
	slotsPool.put(mt.slotsOf)
	mt.slotsOf = nil
}

// match returns which token slots of a have a key in b and which of b have
// one in a.
func (mt *matcher) match(a, b []keyTok) (ma, mb uint64) {
	mt.mark(a)
	ma, mb = mt.probe(b)
	mt.unmark(a)
	return ma, mb
}
