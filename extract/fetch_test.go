package extract

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsURL(t *testing.T) {
	assert.True(t, IsURL("https://example.com/a"))
	assert.True(t, IsURL("HTTP://example.com"))
	assert.False(t, IsURL("http.txt"))
	assert.False(t, IsURL("ftp://example.com/a"))
}

func TestFetch(t *testing.T) {
	page := "<html><body><p>Po.</p></body></html>"
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, page) })
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.(http.Flusher).Flush() // no Content-Length: the limit is met reading
		for range 10 {
			io.WriteString(w, strings.Repeat("x", 1000))
		}
	})
	mux.HandleFunc("/announced", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "20000")
		io.WriteString(w, strings.Repeat("x", 20000))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release)

	body, err := Fetch(srv.Client(), srv.URL+"/page", time.Second, 0)
	require.NoError(t, err)
	got, err := io.ReadAll(body)
	require.NoError(t, err)
	assert.Equal(t, page, string(got))
	require.NoError(t, body.Close())

	tests := []struct {
		path    string
		timeout time.Duration
		err     string
	}{
		{"/missing", time.Second, "/missing: the server answered 404 Not Found"},
		{"/slow", 50 * time.Millisecond, "/slow: no answer within 50ms"},
		{"/big", time.Second, "/big: input too large: more than 0 MB"},
		{"/announced", time.Second, "/announced: input too large: 20000 bytes (at most 0 MB)"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			body, err := Fetch(srv.Client(), srv.URL+tt.path, tt.timeout, 5000)
			if err == nil {
				_, err = io.ReadAll(body)
				body.Close()
			}
			require.Error(t, err)
			assert.Equal(t, srv.URL+tt.err, err.Error())
		})
	}

	_, err = Fetch(srv.Client(), "http://127.0.0.1:1/nothing", time.Second, 0)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "http://127.0.0.1:1/nothing: dial tcp 127.0.0.1:1: connect: connection refused")
}
