package review

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/review/internal/webdriver"
)

// browser starts a headless Chromium for the test, or skips it when none is
// installed.
func browser(t testing.TB, width, height int) *webdriver.Session {
	t.Helper()
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
	ts.session.Export = Export{Path: out, Format: "tsv"}
	b := browser(t, 1280, 720)
	require.NoError(t, b.Navigate(ts.srv.URL()))
	require.NoError(t, b.WaitFor(5*time.Second, `return document.body.dataset.ready === "1"`))

	var rows int
	require.NoError(t, b.Execute(&rows, `return document.querySelectorAll("#rows .row").length`))
	assert.Equal(t, 5, rows)

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
	assert.Equal(t, "Një.\tOne.\t0.9\t1-1\tsq.txt\nDy.\tTwo.\t0.2\t1-1\tsq.txt\nTre <b>&</b>.\tThree.\t0.9\t1-1\tsq.txt\nKatër.\tFour.\t0.9\t1-1\tsq.txt\n", string(data))
	got, _ := ts.session.Rows()
	assert.True(t, got[1].Confirmed)
}
