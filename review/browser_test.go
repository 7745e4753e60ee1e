package review

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
	"github.com/paralel/paralel/corpus/format"
	"github.com/paralel/paralel/review/internal/webdriver"
)

var screenshot = flag.String("screenshot", "", "write a screenshot of the review page for the sample pair to this PNG `file` (docs/review.png)")

// browser starts a headless Chromium for the test, or skips it when none is
// installed.
func browser(t testing.TB, width, height int) *webdriver.Session {
	t.Helper()
	if testing.Short() {
		t.Skip("the browser tests are not in the short tier")
	}
	if why := webdriver.Available(); why != "" {
		t.Skip("no browser: " + why)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	t.Cleanup(cancel)
	d, err := webdriver.Start(ctx)
	require.NoError(t, err)
	t.Cleanup(func() { d.Stop() })
	b, err := d.NewSession(ctx, t.TempDir(), width, height)
	require.NoError(t, err)
	t.Cleanup(func() { b.Close() })
	return b
}

// TestBrowser fixes the shifted alignment in a real browser with the
// keyboard and the mouse, saves, and checks the export.
func TestBrowser(t *testing.T) {
	ts := newTestServer(t)
	out := filepath.Join(t.TempDir(), "out.tsv")
	ts.session.Export = Export{Path: out, Format: "tsv", TSVMeta: true}
	b := browser(t, 1280, 720)
	require.NoError(t, b.Navigate(ts.srv.URL()))
	require.NoError(t, b.WaitFor(5*time.Second, `return document.body.dataset.ready === "1"`))

	var rows int
	require.NoError(t, b.Execute(&rows, `return document.querySelectorAll("#rows .row").length`))
	assert.Equal(t, 5, rows)

	// The last row's empty source side says so, and only its target side
	// has the buttons that move a sentence.
	var last string
	require.NoError(t, b.Execute(&last, `const r = document.querySelector("#rows").children[4];
		return r.querySelector(".text").textContent + " | " + r.querySelectorAll(".side-tools").length`))
	assert.Equal(t, "no counterpart | 1", last)

	// j j selects row 3, whose side buttons then show; its target "up"
	// button moves "Two." up to row 2, and the re-alignment repairs the
	// rows below.
	require.NoError(t, b.Key("j", "j"))
	require.NoError(t, b.WaitFor(time.Second, `return document.querySelector("#rows .row.sel") === document.querySelector("#rows").children[2]`))
	require.NoError(t, b.Click(`#rows .row:nth-child(3) button[data-op="up"][data-side="tgt"]`))
	require.NoError(t, b.WaitFor(5*time.Second, `return document.querySelectorAll("#rows .row").length === 4`))

	// k goes back to row 2, c confirms it, Ctrl+S saves.
	require.NoError(t, b.Key("k", "c"))
	require.NoError(t, b.WaitFor(5*time.Second, `return document.querySelector(".row.sel").classList.contains("confirmed")`))
	require.NoError(t, b.Chord(webdriver.Control, "s"))
	require.NoError(t, b.WaitFor(5*time.Second, `return document.getElementById("status").textContent.startsWith("Saved 4 pairs")`))

	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "Një.\tOne.\t0.9\t1-1\tin\t\nDy.\tTwo.\t0.2\t1-1\tin\tconfirmed\nTre <b>&</b>.\tThree.\t0.9\t1-1\tin\t\nKatër.\tFour.\t0.9\t1-1\tin\t\n", string(data))
	got, _ := ts.session.Rows()
	assert.True(t, got[1].Confirmed)
}

// TestBrowserServerStopped: Save on a page whose server has stopped says
// so, and where the fixes are, rather than the browser's "Failed to fetch".
func TestBrowserServerStopped(t *testing.T) {
	ts := newTestServer(t)
	ts.session.Export = Export{Path: filepath.Join(t.TempDir(), "out.tmx"), Format: "tmx"}
	b := browser(t, 1280, 720)
	require.NoError(t, b.Navigate(ts.srv.URL()))
	require.NoError(t, b.WaitFor(5*time.Second, `return document.body.dataset.ready === "1"`))
	ts.Close()
	require.NoError(t, b.Click("#save"))
	require.NoError(t, b.WaitFor(5*time.Second, `return document.getElementById("status").textContent.includes("stopped")`))
	var status string
	require.NoError(t, b.Execute(&status, `return document.getElementById("status").textContent`))
	assert.Equal(t, "The review server has stopped: nothing was saved from this page. Fixes made before it stopped are autosaved in "+
		ts.session.File+"; run paralel review "+ts.session.Export.Path+" to go on from there.", status)
}

// TestBrowserSample is the end-to-end test on the sample article pair: the
// page shows its alignment with one link broken on purpose into two
// doubtful rows; the translator finds them with the doubtful filter, joins
// them with the keyboard and saves, and the TMX written holds the
// alignment as the aligner made it.
func TestBrowserSample(t *testing.T) {
	s, good, at := broken(t)
	dir := t.TempDir()
	s.Export = Export{Path: filepath.Join(dir, "rama.tmx"), Format: "tmx"}
	s.File = SessionFile(s.Export.Path)
	ts := serve(t, s)
	b := browser(t, 1280, 800)
	require.NoError(t, b.Navigate(ts.srv.URL()))
	require.NoError(t, b.WaitFor(10*time.Second, `return document.body.dataset.ready === "1"`))

	var shown struct {
		Rows, Poor      int
		Figures, Legend string
	}
	require.NoError(t, b.Execute(&shown, `return {
		rows: document.querySelectorAll("#rows .row").length,
		poor: document.querySelectorAll("#rows .row.poor").length,
		figures: document.getElementById("figures").innerText,
		legend: document.querySelector(".legend").innerText}`))
	st := s.Stats()
	assert.Equal(t, len(good)+1, shown.Rows)
	assert.Equal(t, st.Doubtful, shown.Poor)
	assert.GreaterOrEqual(t, st.Doubtful, 2)
	assert.Contains(t, shown.Figures, fmt.Sprint(st.Links))
	assert.Contains(t, shown.Legend, "doubtful · under 0.8", "the legend shows the threshold")

	// f shows the doubtful rows only; n walks to the broken pair.
	require.NoError(t, b.Key("f"))
	var visible int
	require.NoError(t, b.Execute(&visible, `return [...document.querySelectorAll("#rows .row")].filter(r => r.offsetParent !== null).length`))
	assert.LessOrEqual(t, visible, st.Doubtful+1, "the filter hides the confident rows")
	for range st.Doubtful {
		var sel int
		require.NoError(t, b.Execute(&sel, `return sel`))
		if sel == at {
			break
		}
		require.NoError(t, b.Key("n"))
	}
	require.NoError(t, b.WaitFor(time.Second, `return sel === arguments[0]`, at))

	// m joins the two rows; the rest is re-aligned around the join.
	require.NoError(t, b.Key("m"))
	require.NoError(t, b.WaitFor(10*time.Second, `return document.querySelectorAll("#rows .row").length === arguments[0]`, len(good)))
	require.NoError(t, b.Chord(webdriver.Control, "s"))
	require.NoError(t, b.WaitFor(10*time.Second, `return document.getElementById("status").textContent.startsWith("Saved")`))

	// The TMX holds every link with text on both sides, as the aligner
	// made them, the repaired one included.
	r, err := format.Open("tmx", s.Export.Path, format.Options{})
	require.NoError(t, err)
	defer r.Close()
	pairs, err := corpus.ReadAll(r.Read)
	require.NoError(t, err)
	var got []string
	for _, p := range pairs {
		got = append(got, p.Src+" ⇔ "+p.Tgt)
	}
	var want []string
	for _, p := range Pairs(s.Src.Sentences, s.Tgt.Sentences, good, "") {
		if !p.Unaligned() {
			want = append(want, p.Src+" ⇔ "+p.Tgt)
		}
	}
	assert.Equal(t, want, got)
	repaired := s.Src.Sentences[good[at].Src[0]].Text + " ⇔ " + s.Tgt.Sentences[good[at].Tgt[0]].Text
	assert.Contains(t, got, repaired)
	src, tgt := r.Langs()
	assert.Equal(t, []string{"sq", "en"}, []string{src, tgt})
}

// TestScreenshot makes docs/review.png:
//
//	go test ./review -run TestScreenshot -screenshot ../docs/review.png
//
// It shows the sample pair under review: the first rows confirmed and the
// broken link of TestBrowserSample selected.
func TestScreenshot(t *testing.T) {
	if *screenshot == "" {
		t.Skip("give -screenshot FILE to make the screenshot")
	}
	s, _, at := broken(t)
	s.Export = Export{Path: filepath.Join(t.TempDir(), "rama.tmx"), Format: "tmx"}
	for i := range 4 {
		require.NoError(t, s.Apply(Op{Name: "confirm", Row: i, Rev: i}))
	}
	ts := serve(t, s)
	b := browser(t, 1440, 1060)
	require.NoError(t, b.Navigate(ts.srv.URL()))
	require.NoError(t, b.WaitFor(10*time.Second, `return document.body.dataset.ready === "1"`))
	require.NoError(t, b.Execute(nil, `select(arguments[0]); window.scrollTo(0, 0)`, at))
	require.NoError(t, b.WaitFor(time.Second, `return document.querySelector(".row.sel") !== null`))
	png, err := b.Screenshot()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(*screenshot, png, 0o644))
}
