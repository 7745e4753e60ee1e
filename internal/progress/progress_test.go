package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
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
	assert.Contains(t, buf.String(), "100%", "done clamped to the total")
	b.Update(-1, 10)
}

func TestNilBar(t *testing.T) {
	var b *Bar
	progress := b.Update // as passed to align.Options.Progress
	progress(1, 2)
	b.Finish()
}

func TestBarConcurrent(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, "x")
	b.Delay = 0
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 1000 {
				b.Update(g*1000+i, 4000)
			}
		})
	}
	wg.Wait()
	b.Finish()
	assert.NotEmpty(t, buf.String())
}
