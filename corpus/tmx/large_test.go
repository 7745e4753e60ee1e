package tmx

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// generated is a TMX document made on the fly as it is read, so that a
// test can stream gigabytes without holding them anywhere.
type generated struct {
	size int64 // at least this many bytes of <tu>
	n    int64 // <tu> produced
	sent int64
	buf  bytes.Buffer
	done bool
}

func (g *generated) Read(p []byte) (int, error) {
	for g.buf.Len() < len(p) && !g.done {
		switch {
		case g.n == 0 && g.buf.Len() == 0 && g.sent == 0:
			g.buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
				`<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="sq" datatype="plaintext"/><body>` + "\n")
			fallthrough
		case g.sent < g.size:
			before := g.buf.Len()
			fmt.Fprintf(&g.buf, `<tu><prop type="x-score">0.9</prop><prop type="x-position">[%d]:[%d]</prop>`+
				`<tuv xml:lang="sq"><seg>Fjalia e %d-të: Rama foli për <bpt i="1">&lt;b&gt;</bpt>OSBE-në<ept i="1">&lt;/b&gt;</ept> në Vjenë.</seg></tuv>`+
				`<tuv xml:lang="en"><seg>Sentence %d: Rama spoke about the OSCE in Vienna.</seg></tuv></tu>`+"\n", g.n, g.n, g.n, g.n)
			g.n++
			g.sent += int64(g.buf.Len() - before)
		default:
			g.buf.WriteString("</body></tmx>\n")
			g.done = true
		}
	}
	if g.buf.Len() == 0 {
		return 0, io.EOF
	}
	return g.buf.Read(p)
}

// readLarge reads a generated TMX of size bytes and returns the number of
// pairs and the largest live heap seen while reading.
func readLarge(t testing.TB, size int64) (pairs int64, peakHeap uint64) {
	g := &generated{size: size}
	r := NewReader(g)
	var m runtime.MemStats
	for {
		p, err := r.Read()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if len(p.SrcIDs) != 1 || p.SrcIDs[0] != int(pairs) {
			t.Fatalf("pair %d has position %v", pairs, p.SrcIDs)
		}
		pairs++
		if pairs%20000 == 0 {
			runtime.GC() // measure what is live, not what awaits collection
			runtime.ReadMemStats(&m)
			peakHeap = max(peakHeap, m.HeapAlloc)
		}
	}
	require.Equal(t, g.n, pairs)
	return pairs, peakHeap
}

// TestReadLargeStreamBoundedMemory reads 16 MB of TMX and checks that the
// live heap stays a small fraction of it: the reader holds one <tu> at a
// time. BenchmarkReadLarge does the same with 1 GB.
func TestReadLargeStreamBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 16 MB: skipped in -short mode")
	}
	const size = 16 << 20
	pairs, peak := readLarge(t, size)
	t.Logf("%d pairs from %d MB of TMX, peak live heap %.1f MB", pairs, size>>20, float64(peak)/(1<<20))
	assert.Less(t, peak, uint64(8<<20), "live heap should not grow with the input")
}

// BenchmarkReadLarge reads a generated 1 GB TMX:
//
//	go test ./corpus/tmx -run '^$' -bench ReadLarge -benchtime 1x
func BenchmarkReadLarge(b *testing.B) {
	const size = 1 << 30
	for b.Loop() {
		pairs, peak := readLarge(b, size)
		b.ReportMetric(float64(pairs), "pairs")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	}
	b.SetBytes(size)
}
