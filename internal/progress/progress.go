// Package progress draws a progress bar on a terminal for work that takes a
// while. A Bar stays silent for its first second, so quick runs print
// nothing, then redraws one line in place a few times a second and clears
// it when the work is done. Output is meant for a terminal only: a nil *Bar
// does nothing, and is what a command uses when its error stream is not a
// terminal (see iostreams.IOStreams.ProgressBar), so that logs and pipes get
// no control characters.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Defaults of a new Bar.
const (
	DefaultDelay    = time.Second
	DefaultInterval = 100 * time.Millisecond
	barWidth        = 30
)

// A Bar shows how much of some work is done. Its methods may be called from
// several goroutines, and on a nil *Bar, where they do nothing.
type Bar struct {
	Label    string        // what is being done, e.g. "aligning"
	Delay    time.Duration // time before the bar first appears
	Interval time.Duration // least time between two redraws

	w     io.Writer
	now   func() time.Time
	mu    sync.Mutex
	start time.Time
	drawn time.Time // when last drawn; zero if never
	width int       // width of the last line drawn
}

// New returns a Bar that draws on w, starting its clock now.
func New(w io.Writer, label string) *Bar {
	return newBar(w, label, time.Now)
}

func newBar(w io.Writer, label string, now func() time.Time) *Bar {
	return &Bar{Label: label, Delay: DefaultDelay, Interval: DefaultInterval, w: w, now: now, start: now()}
}

// Update records that done of total units of work are finished, drawing the
// bar if it is time to. It fits align.Options.Progress.
func (b *Bar) Update(done, total int) {
	if b == nil || total <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	t := b.now()
	elapsed := t.Sub(b.start)
	if elapsed < b.Delay || (!b.drawn.IsZero() && t.Sub(b.drawn) < b.Interval && done < total) {
		return
	}
	b.drawn = t
	done = min(max(done, 0), total)
	filled := barWidth * done / total
	line := fmt.Sprintf("%s [%s%s] %3d%%", b.Label,
		strings.Repeat("=", filled), strings.Repeat(" ", barWidth-filled), 100*done/total)
	if done > 0 && done < total {
		left := time.Duration(float64(elapsed) * float64(total-done) / float64(done))
		line += fmt.Sprintf("  %s left", left.Round(time.Second))
	}
	n := utf8.RuneCountInString(line)
	pad := max(b.width-n, 0) // wipe what a longer line left
	b.width = n
	fmt.Fprintf(b.w, "\r%s%s", line, strings.Repeat(" ", pad))
}

// Finish clears the bar, if it was drawn, so that the next output starts on
// a clean line.
func (b *Bar) Finish() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.drawn.IsZero() {
		fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", b.width))
		b.drawn, b.width = time.Time{}, 0
	}
}
