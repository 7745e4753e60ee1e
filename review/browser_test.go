package review

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/review/internal/webdriver"
)

// browser starts a headless Chromium for the test, or skips it when none is
// installed.
func browser(t *testing.T, width, height int) *webdriver.Session {
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

func TestBrowserDev(t *testing.T) {
	ts := newTestServer(t)
	b := browser(t, 1280, 720)
	require.NoError(t, b.Navigate(ts.srv.URL()))
	err := b.WaitFor(5*time.Second, `return document.body.dataset.ready === "1"`)
	var info string
	b.Execute(&info, `try { render(); } catch (e) { return e.stack + " state=" + typeof state + " doc=" + JSON.stringify(doc).slice(0,300) } return document.getElementById("status").textContent + " | " + location.href + " | " + document.cookie + " | " + document.getElementById("rows").children.length`)
	t.Log(info)
	require.NoError(t, err)
	png, err := b.Screenshot()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join("/tmp", "review-dev.png"), png, 0o644))
}
