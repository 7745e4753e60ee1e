package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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
	r := startReviewRun(t, args...)
	return r.printed, r.addr
}

// A reviewRun is a review command running in the test.
type reviewRun struct {
	printed string   // what it printed when it began to serve
	addr    *url.URL // the address it printed
	out     *lockedBuffer
	stop    func() // cancels it, as Ctrl+C does, and waits for it to end
}

// startReviewRun runs "paralel review args..." until its stop is called
// or the test ends.
func startReviewRun(t *testing.T, args ...string) *reviewRun {
	t.Helper()
	var out lockedBuffer
	ios, _, _, _ := iostreams.Test()
	ios.Out, ios.ErrOut = &out, &out
	cmd := newRootCmd(&Factory{IOStreams: ios})
	cmd.SetArgs(append([]string{"review"}, args...))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			assert.NoError(t, <-done, "stops cleanly")
		})
	}
	t.Cleanup(stop)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := reviewURL.FindStringSubmatch(out.String()); m != nil {
			u, err := url.Parse(m[1])
			require.NoError(t, err)
			return &reviewRun{printed: out.String(), addr: u, out: &out, stop: stop}
		}
		select {
		case err := <-done:
			done <- err // for stop
			t.Fatalf("review ended: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("review printed no address:\n%s", out.String())
	return nil
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

	run := startReviewRun(t, "-o", out, ramaSq, ramaEn)
	printed, u := run.printed, run.addr
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
	run.stop()

	// The output's session file resumes the review, from either name.
	run = startReviewRun(t, out)
	assert.Contains(t, run.printed, "Resumed ")
	run.stop()
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

	run := startReviewRun(t, "--doc", "Rama in Vienna", out)
	printed, u := run.printed, run.addr
	assert.Regexp(t, `^Read \d+ links, \d+ doubtful, from `+regexp.QuoteMeta(out)+`, which has no review session: each side of a link is one sentence\. Save writes`, printed)
	assert.NotContains(t, printed, "Resumed")
	assert.Equal(t, http.StatusOK, post(t, u, "/api/save").StatusCode)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"doc":"Rama in Vienna"`)
	assert.NotContains(t, string(data), `"doc":"rama"`)
	run.stop()

	printed, _ = startReview(t, out)
	assert.Regexp(t, `^Resumed the review of \d+ links, \d+ doubtful\. Save writes`, printed)
}

// TestReviewLock: a second review of the same output is refused, naming
// the first, which is left alone; once the first has stopped, the second
// starts.
func TestReviewLock(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rama.tmx")
	first := startReviewRun(t, "-o", out, ramaSq, ramaEn)
	session, err := os.ReadFile(review.SessionFile(out))
	require.NoError(t, err)

	for _, args := range [][]string{{"-o", out, ramaSq, ramaEn}, {"--restart", "-o", out, ramaSq, ramaEn}, {out}} {
		_, _, err := runCmd(t, append([]string{"review"}, args...)...)
		require.Error(t, err, args)
		assert.Contains(t, err.Error(), fmt.Sprintf("%s is under review by process %d at http://%s/", out, os.Getpid(), first.addr.Host))
	}
	again, err := os.ReadFile(review.SessionFile(out))
	require.NoError(t, err)
	assert.Equal(t, string(session), string(again), "the first review's session is untouched")

	first.stop()
	assert.NoFileExists(t, out+review.LockExt)
	second := startReviewRun(t, out)
	assert.Contains(t, second.printed, "Resumed ")
}

// TestReviewPortBusy: a review that cannot listen writes nothing.
func TestReviewPortBusy(t *testing.T) {
	ln, err := review.Listen(0)
	require.NoError(t, err)
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	dir := t.TempDir()
	out := filepath.Join(dir, "rama.tmx")
	_, _, err = runCmd(t, "review", "--port", port, "-o", out, ramaSq, ramaEn)
	require.ErrorContains(t, err, "address already in use")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "no session file, no lock file")
}

// TestReviewDefaultOutput: without -o the output is named after the
// document, as paralel align names it, not after the source file.
func TestReviewDefaultOutput(t *testing.T) {
	sq, err := filepath.Abs(ramaSq)
	require.NoError(t, err)
	en, err := filepath.Abs(ramaEn)
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	printed, _ := startReview(t, sq, en)
	assert.Contains(t, printed, "Save writes "+filepath.Join(mustGetwd(t), "rama.tmx")+";")
	printed, _ = startReview(t, "--doc", "Vjena", sq, en)
	assert.Contains(t, printed, "Save writes "+filepath.Join(mustGetwd(t), "Vjena.tmx")+";")
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	require.NoError(t, err)
	return wd
}

// TestReviewStopNote: stopping a review (Ctrl+C) with fixes not saved to
// the output says where they are and how to go on.
func TestReviewStopNote(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rama.tmx")
	run := startReviewRun(t, "-o", out, ramaSq, ramaEn)
	run.stop()
	assert.NotContains(t, run.out.String(), "Stopped", "nothing to say without fixes")

	run = startReviewRun(t, "-o", out, ramaSq, ramaEn)
	req, err := http.NewRequest("POST", "http://"+run.addr.Host+"/api/op", strings.NewReader(`{"op":"confirm","row":0,"rev":0}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Paralel-Token", run.addr.Query().Get("token"))
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	run.stop()
	assert.Contains(t, run.out.String(), "Stopped with 1 change not saved to "+out+"; they are autosaved in "+
		review.SessionFile(out)+". To resume: paralel review "+out+"\n")
}

// TestReviewExportFlags: review takes the export flags of align; the
// session keeps them, and flags given when it is reopened override them.
func TestReviewExportFlags(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rama.tsv")
	// save saves the review, stops it and returns the lines written.
	save := func(run *reviewRun) []string {
		t.Helper()
		require.Equal(t, http.StatusOK, post(t, run.addr, "/api/save").StatusCode)
		run.stop()
		data, err := os.ReadFile(out)
		require.NoError(t, err)
		return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	}
	lines := save(startReviewRun(t, "--header", "--min-score", "0.9", "-o", out, ramaSq, ramaEn))
	assert.Equal(t, "sq\ten\tscore", lines[0])
	require.Greater(t, len(lines), 1)
	for _, l := range lines[1:] {
		fields := strings.Split(l, "\t")
		require.Len(t, fields, 3)
		score, err := strconv.ParseFloat(fields[2], 64)
		require.NoError(t, err)
		assert.GreaterOrEqual(t, score, 0.9, l)
	}

	assert.Equal(t, lines, save(startReviewRun(t, out)), "the session keeps the flags")

	again := save(startReviewRun(t, "--header=false", "--tsv-meta", out))
	assert.Equal(t, len(lines)-1, len(again), "no header, the same filter")
	assert.Regexp(t, "\t1-1\trama(\t|$)", again[0])
}

// TestReviewTMXSaveKeepsUnits: paralel review of a multilingual TMX, saved
// without a fix, leaves every unit as it was.
func TestReviewTMXSaveKeepsUnits(t *testing.T) {
	orig, err := os.ReadFile("../../testdata/tmx/multilingual.tmx")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "memory.tmx")
	require.NoError(t, os.WriteFile(path, orig, 0o644))
	run := startReviewRun(t, path)
	assert.Equal(t, http.StatusOK, post(t, run.addr, "/api/save").StatusCode)
	run.stop()
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	body := func(doc []byte) string {
		s := string(doc)
		return s[strings.Index(s, "<body>"):]
	}
	assert.Equal(t, body(orig), body(saved))
	assert.Contains(t, string(saved), `srclang="*all*"`, "the header is kept")
}
