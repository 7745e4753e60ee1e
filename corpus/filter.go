package corpus

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/paralel/paralel/internal/english"
)

// A Filter decides which pairs an export keeps. The zero Filter keeps
// everything but 1-0 and 0-1 links, which are not translations. A link a
// translator confirmed or edited is always kept, and so is one without a
// score whatever MinScore says: Dropped counts those kept unscored.
type Filter struct {
	KeepUnaligned bool    // keep links with an empty side
	MinScore      float64 // drop links scored below this
	Dedupe        bool    // drop a pair whose two texts were already kept

	// Dropped counts the pairs Keep refused, by reason.
	Dropped Dropped

	// seen holds a digest of each kept pair rather than its text, so that
	// deduplicating a large corpus costs 32 bytes a pair.
	seen map[[sha256.Size]byte]struct{}
}

// Dropped counts the pairs a Filter left out, by the first reason that
// applied, and the unscored pairs it kept though a minimum score was set.
type Dropped struct {
	Unaligned  int // 1-0 or 0-1 links
	BelowScore int // scored under MinScore
	Duplicates int // repeats of a kept pair

	// Unscored counts pairs without a score that a MinScore above zero
	// kept, having nothing to compare: they are not in Total.
	Unscored int
}

// Total is the number of pairs dropped for any reason.
func (d Dropped) Total() int { return d.Unaligned + d.BelowScore + d.Duplicates }

// String describes the counts for a user, e.g. "dropped 3 pairs: 2 below
// the minimum score, 1 duplicate". It is empty when nothing was dropped
// and no unscored pair was kept.
func (d Dropped) String() string {
	var kept string
	if d.Unscored > 0 {
		kept = fmt.Sprintf("kept %d %s without a score, which the minimum score cannot judge", d.Unscored, english.Plural(d.Unscored, "pair"))
	}
	if d.Total() == 0 {
		return kept
	}
	var parts []string
	if d.Unaligned > 0 {
		parts = append(parts, fmt.Sprintf("%d unaligned (1-0/0-1)", d.Unaligned))
	}
	if d.BelowScore > 0 {
		parts = append(parts, fmt.Sprintf("%d below the minimum score", d.BelowScore))
	}
	if d.Duplicates > 0 {
		parts = append(parts, fmt.Sprintf("%d duplicate", d.Duplicates))
	}
	s := fmt.Sprintf("dropped %d %s: %s", d.Total(), english.Plural(d.Total(), "pair"), strings.Join(parts, ", "))
	if kept != "" {
		s += "; " + kept
	}
	return s
}

// Keep reports whether p passes the filter, and counts it when it does not.
// A reviewed pair passes every test, and later copies of it are duplicates.
func (f *Filter) Keep(p Pair) bool {
	reviewed := p.Status.Reviewed()
	switch {
	case reviewed:
	case !f.KeepUnaligned && p.Unaligned():
		f.Dropped.Unaligned++
		return false
	case p.Unscored:
		if f.MinScore > 0 {
			f.Dropped.Unscored++
		}
	case p.Score < f.MinScore:
		f.Dropped.BelowScore++
		return false
	}
	if !f.Dedupe {
		return true
	}
	h := sha256.New()
	h.Write([]byte(p.Src))
	h.Write([]byte{0})
	h.Write([]byte(p.Tgt))
	var key [sha256.Size]byte
	h.Sum(key[:0])
	if _, dup := f.seen[key]; dup && !reviewed {
		f.Dropped.Duplicates++
		return false
	}
	if f.seen == nil {
		f.seen = make(map[[sha256.Size]byte]struct{})
	}
	f.seen[key] = struct{}{}
	return true
}
