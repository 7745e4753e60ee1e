package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/internal/iostreams"
	"github.com/paralel/paralel/review"
)

// lockedBuffer lets a test read what a command running in another
// goroutine prints.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

var reviewURL = regexp.MustCompile(`Review at (http://127\.0\.0\.1:\d+/\?token=\S+)`)

// startReview runs "paralel review args..." until the test ends, and
// returns what it printed once it serves, and its address.
func startReview(t *testing.T, args ...string) (printed string, addr *url.URL) {
	t.Helper()
	var out lockedBuffer
	ios, _, _, _ := iostreams.Test()
	ios.Out, ios.ErrOut = &out, &out
	cmd := newRootCmd(&Factory{IOStreams: ios})
	cmd.SetArgs(append([]string{"review"}, args...))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	t.Cleanup(func() {
		cancel()
		assert.NoError(t, <-done, "stops cleanly")
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := reviewURL.FindStringSubmatch(out.String()); m != nil {
			u, err := url.Parse(m[1])
			require.NoError(t, err)
			return out.String(), u
		}
		select {
		case err := <-done:
			t.Fatalf("review ended: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("review printed no address:\n%s", out.String())
	return "", nil
}

func post(t *testing.T, u *url.URL, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("POST", "http://"+u.Host+path, strings.NewReader("{}"))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Paralel-Token", u.Query().Get("token"))
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

func TestReviewCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "rama.tsv")

	printed, u := startReview(t, "-o", out, ramaSq, ramaEn)
	assert.Contains(t, printed, "Aligned ")
	assert.Contains(t, printed, review.SessionFile(out))
	res, err := http.Get(u.String())
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	res, err = http.Get("http://" + u.Host + "/api/doc")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusForbidden, res.StatusCode, "no token, no document")

	assert.Equal(t, http.StatusOK, post(t, u, "/api/save").StatusCode)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), "Rama")

	// The output's session file resumes the review, from either name.
	printed, _ = startReview(t, out)
	assert.Contains(t, printed, "Resumed ")
	printed, _ = startReview(t, "-o", out, ramaSq, ramaEn)
	assert.Contains(t, printed, "Resumed ")
}

// TestReviewReopenExport: an export without a session is read, not
// resumed, and says so; --doc names the document the saved links carry.
func TestReviewReopenExport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "rama.jsonl")
	_, _, err := runCmd(t, "align", "-o", out, ramaSq, ramaEn)
	require.NoError(t, err)

	printed, u := startReview(t, "--doc", "Rama in Vienna", out)
	assert.Regexp(t, `^Read \d+ links, \d+ doubtful, from `+regexp.QuoteMeta(out)+`, which has no review session: each side of a link is one sentence\. Save writes`, printed)
	assert.NotContains(t, printed, "Resumed")
	assert.Equal(t, http.StatusOK, post(t, u, "/api/save").StatusCode)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"doc":"Rama in Vienna"`)
	assert.NotContains(t, string(data), `"doc":"rama"`)

	printed, _ = startReview(t, out)
	assert.Regexp(t, `^Resumed the review of \d+ links, \d+ doubtful\. Save writes`, printed)
}
