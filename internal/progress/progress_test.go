package progress

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clock is a fake time source moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestBar(t *testing.T) {
	var buf bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	b := newBar(&buf, "aligning", c.now)

	b.Update(1, 10)
	c.advance(900 * time.Millisecond)
	b.Update(2, 10)
	assert.Empty(t, buf.String(), "nothing drawn in the first second")

	c.advance(100 * time.Millisecond)
	b.Update(5, 10)
	assert.Equal(t, "\raligning [===============               ]  50%  1s left", buf.String())

	buf.Reset()
	c.advance(50 * time.Millisecond)
	b.Update(6, 10)
	assert.Empty(t, buf.String(), "no redraw within the interval")

	b.Update(10, 10)
	assert.Equal(t, "\raligning [==============================] 100%         ", buf.String(),
		"the end is always drawn, over the longer line before")

	buf.Reset()
	b.Finish()
	assert.Equal(t, "\r"+strings.Repeat(" ", 46)+"\r", buf.String())
	buf.Reset()
	b.Finish()
	assert.Empty(t, buf.String(), "cleared once")
}

func TestBarQuickWorkPrintsNothing(t *testing.T) {
	var buf bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	b := newBar(&buf, "aligning", c.now)
	for i := range 100 {
		b.Update(i+1, 100)
	}
	b.Finish()
	assert.Empty(t, buf.String())
}

func TestBarOddInput(t *testing.T) {
	var buf bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	b := newBar(&buf, "x", c.now)
	c.advance(2 * time.Second)
	b.Update(5, 0) // no total: nothing to show
	assert.Empty(t, buf.String())
	b.Update(15, 10)
	assert.Equal(t, "\rx [==============================] 100%", buf.String(), "done clamped to the total")
	buf.Reset()
	c.advance(time.Second)
	b.Update(-1, 10)
	assert.Equal(t, "\rx [                              ]   0%", buf.String(), "done clamped to zero, with no time left to guess")
}

// TestNilBar: a nil *Bar, what a command has when its error stream is not
// a terminal, takes updates and a finish and does nothing.
func TestNilBar(t *testing.T) {
	var b *Bar
	progress := b.Update // as passed to align.Options.Progress
	assert.NotPanics(t, func() {
		progress(1, 2)
		progress(2, 2)
		b.Finish()
	})
}

var drawn = regexp.MustCompile(`^x \[=* *\] +(\d+)%(  \d+s left)? *$`)

// TestBarConcurrent updates a bar from several goroutines, as the aligner
// does: every line drawn is whole (under -race, the bar's state is not
// raced on), the last says 100%, and Finish clears it.
func TestBarConcurrent(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, "x")
	b.Delay = 0
	const total = 4000
	var done atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range total / 4 {
				b.Update(int(done.Add(1)), total)
			}
		})
	}
	wg.Wait()
	lines := strings.Split(strings.TrimPrefix(buf.String(), "\r"), "\r")
	require.NotEmpty(t, lines)
	for i, l := range lines {
		assert.Regexp(t, drawn, l)
		lines[i] = strings.TrimRight(l, " ") // the padding over a longer line
	}
	// The update that reaches the total is always drawn, but another
	// goroutine's smaller one may come after it.
	assert.Contains(t, lines, "x [==============================] 100%")

	buf.Reset()
	b.Finish()
	assert.Regexp(t, `^\r +\r$`, buf.String())
}
