package review

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/corpus"
)

const testToken = "test-token"

// diagonal is a stand-in aligner for tests that are about the page rather
// than the alignment: it pairs the sentences of each gap between fixed rows
// one to one, leaving the surplus unmatched.
func diagonal(src, tgt []corpus.Sentence, fixed []Row) []Row {
	var out []Row
	s, t := 0, 0
	fill := func(se, te int) {
		for s < se || t < te {
			r := Row{Score: 0.9}
			if s < se {
				r.Src = []int{s}
				s++
			}
			if t < te {
				r.Tgt = []int{t}
				t++
			}
			out = append(out, r)
		}
	}
	// next returns where the gap before fixed[i] ends on side d: at the row's
	// first sentence on that side, or, if it has none, at the next fixed
	// row's that has.
	next := func(i int, d Side) int {
		for _, f := range fixed[i:] {
			if ids := *f.ids(d); len(ids) > 0 {
				return ids[0]
			}
		}
		return len(src)*int(1-d) + len(tgt)*int(d)
	}
	for i, f := range fixed {
		se, te := next(i, Source), next(i, Target)
		fill(se, te)
		out = append(out, f)
		s, t = se+len(f.Src), te+len(f.Tgt)
	}
	fill(len(src), len(tgt))
	return out
}

func sentences(texts ...string) []corpus.Sentence {
	out := make([]corpus.Sentence, len(texts))
	for i, t := range texts {
		out[i] = corpus.Sentence{Text: t}
	}
	return out
}

// shifted is an alignment of four sentences a side gone wrong after row 0:
// every later source sentence sits one row above its translation.
func shifted() []Row {
	return rows(
		Row{Src: ids(0), Tgt: ids(0), Score: 0.95},
		Row{Src: ids(1), Score: 0.2},
		Row{Src: ids(2), Tgt: ids(1), Score: 0.3},
		Row{Src: ids(3), Tgt: ids(2), Score: 0.4},
		Row{Tgt: ids(3), Score: 0.2},
	)
}

type testServer struct {
	*httptest.Server
	session *Session
	srv     *Server
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	src := Input{Path: "/in/sq.txt", Lang: "sq", Sentences: sentences("Një.", "Dy.", "Tre <b>&</b>.", "Katër.")}
	tgt := Input{Path: "/in/en.txt", Lang: "en", Sentences: sentences("One.", "Two.", "Three.", "Four.")}
	s, err := NewSession(src, tgt, shifted())
	require.NoError(t, err)
	s.File = filepath.Join(t.TempDir(), "session.json")
	s.Align = diagonal
	return serve(t, s)
}

func serve(t testing.TB, s *Session) *testServer {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	srv := NewServer(s, ts.Listener.Addr().String(), testToken)
	ts.Config.Handler = srv
	ts.Start()
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, session: s, srv: srv}
}

// request sends a request with the token in the header unless the caller
// sets headers of its own.
func (ts *testServer) request(t testing.TB, method, path string, body any, header map[string]string) *http.Response {
	t.Helper()
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		require.NoError(t, err)
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	require.NoError(t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if header == nil {
		header = map[string]string{"X-Paralel-Token": testToken}
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	res, err := ts.Client().Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { res.Body.Close() })
	return res
}

func decode[T any](t testing.TB, res *http.Response) T {
	t.Helper()
	var v T
	require.NoError(t, json.NewDecoder(res.Body).Decode(&v))
	return v
}

func (ts *testServer) fix(t *testing.T, op Op) stateView {
	t.Helper()
	res := ts.request(t, "POST", "/api/op", op, nil)
	require.Equal(t, http.StatusOK, res.StatusCode)
	v := decode[stateView](t, res)
	v.Rows = nilEmpty(v.Rows)
	return v
}

// nilEmpty turns the API's empty sides, [], into nil as in Go-made rows.
func nilEmpty(rs []Row) []Row {
	for i := range rs {
		if len(rs[i].Src) == 0 {
			rs[i].Src = nil
		}
		if len(rs[i].Tgt) == 0 {
			rs[i].Tgt = nil
		}
	}
	return rs
}

func TestDoc(t *testing.T) {
	ts := newTestServer(t)
	res := ts.request(t, "GET", "/api/doc", nil, nil)
	require.Equal(t, http.StatusOK, res.StatusCode)
	v := decode[docView](t, res)
	assert.Equal(t, "sq.txt", v.Src.Name)
	assert.Equal(t, "en", v.Tgt.Lang)
	assert.Equal(t, "Tre <b>&</b>.", v.Src.Sentences[2], "text goes out as data; the page escapes it")
	assert.Equal(t, `{"src":[],"tgt":[3],"score":0.2,"confirmed":false,"edited":false}`, string(must(json.Marshal(v.Rows[4]))), "empty sides are [], not null")
	assert.Equal(t, shifted(), nilEmpty(v.Rows))
	assert.Equal(t, Stats{Links: 5, Doubtful: 4}, v.Stats)
	assert.False(t, v.CanUndo)
}

// TestFixesOverHTTP runs every fix through the API on the shifted alignment
// and checks the rows after the re-alignment around it.
func TestFixesOverHTTP(t *testing.T) {
	one := func(s, t int) Row { return Row{Src: ids(s), Tgt: ids(t), Score: 0.9} }
	tests := []struct {
		name string
		op   Op
		want []Row
	}{
		{"moving a translation up repairs the rows below it",
			Op{Name: "up", Row: 2, Side: "tgt"},
			rows(one(0, 0), Row{Src: ids(1), Tgt: ids(1), Score: 0.2, Edited: true}, one(2, 2), one(3, 3))},
		{"move down",
			Op{Name: "down", Row: 1, Side: "src"},
			rows(one(0, 0), Row{Src: ids(1, 2), Tgt: ids(1), Score: 0.3, Edited: true}, one(3, 2), Row{Tgt: ids(3), Score: 0.9})},
		{"join",
			Op{Name: "join", Row: 1},
			rows(one(0, 0), Row{Src: ids(1, 2), Tgt: ids(1), Score: 0.2, Edited: true}, Row{Src: ids(3), Tgt: ids(2), Score: 0.9}, Row{Tgt: ids(3), Score: 0.9})},
		{"detach",
			Op{Name: "detach", Row: 4, Side: "tgt"},
			rows(one(0, 0), one(1, 1), one(2, 2), Row{Src: ids(3), Score: 0.9}, Row{Tgt: ids(3), Edited: true})},
		{"confirm leaves the others alone",
			Op{Name: "confirm", Row: 3},
			rows(Row{Src: ids(0), Tgt: ids(0), Score: 0.95}, Row{Src: ids(1), Score: 0.2}, Row{Src: ids(2), Tgt: ids(1), Score: 0.3}, Row{Src: ids(3), Tgt: ids(2), Score: 0.4, Confirmed: true}, Row{Tgt: ids(3), Score: 0.2})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t)
			v := ts.fix(t, tt.op)
			assert.Equal(t, tt.want, v.Rows)
			assert.Equal(t, 1, v.Rev)
			assert.True(t, v.CanUndo)
			reopened, err := OpenSession(ts.session.File)
			require.NoError(t, err)
			got, _ := reopened.Rows()
			assert.Equal(t, tt.want, got, "autosaved")
		})
	}
}

func TestSplitOverHTTP(t *testing.T) {
	ts := newTestServer(t)
	v := ts.fix(t, Op{Name: "join", Row: 0})
	require.Equal(t, ids(0, 1), v.Rows[0].Src)
	v = ts.fix(t, Op{Name: "split", Row: 0, Rev: v.Rev})
	var edited []Row
	for _, r := range v.Rows {
		if r.Edited {
			edited = append(edited, r)
		}
	}
	assert.Equal(t, rows(Row{Src: ids(0), Tgt: ids(0), Score: 0.2, Edited: true}, Row{Src: ids(1), Score: 0.2, Edited: true}), edited)
}

func TestUndoOverHTTP(t *testing.T) {
	ts := newTestServer(t)
	v := ts.fix(t, Op{Name: "join", Row: 1})
	v = ts.fix(t, Op{Name: "confirm", Row: 0, Rev: v.Rev})
	v = ts.fix(t, Op{Name: "undo", Rev: v.Rev})
	assert.False(t, v.Rows[0].Confirmed)
	v = ts.fix(t, Op{Name: "undo", Rev: v.Rev})
	assert.Equal(t, shifted(), v.Rows)
	assert.False(t, v.CanUndo)
	res := ts.request(t, "POST", "/api/op", Op{Name: "undo", Rev: v.Rev}, nil)
	assert.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
}

func TestBadFixes(t *testing.T) {
	tests := []struct {
		name string
		body any
		code int
	}{
		{"stale revision", Op{Name: "join", Row: 0, Rev: 7}, http.StatusConflict},
		{"join the last row", Op{Name: "join", Row: 4}, http.StatusUnprocessableEntity},
		{"split a 1-1", Op{Name: "split", Row: 0}, http.StatusUnprocessableEntity},
		{"row out of range", Op{Name: "up", Row: 99}, http.StatusUnprocessableEntity},
		{"unknown fix", Op{Name: "delete", Row: 0}, http.StatusBadRequest},
		{"unknown side", Op{Name: "up", Row: 1, Side: "left"}, http.StatusBadRequest},
		{"not an op", []int{1, 2}, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t)
			res := ts.request(t, "POST", "/api/op", tt.body, nil)
			assert.Equal(t, tt.code, res.StatusCode)
			assert.NotEmpty(t, decode[map[string]string](t, res)["error"])
			got, rev := ts.session.Rows()
			assert.Equal(t, shifted(), got, "a refused fix changes nothing")
			assert.Equal(t, 0, rev)
		})
	}
}

// TestRealignNeverLosesWork: an aligner that breaks the alignment or drops
// a fixed row is refused, and the session stays as it was.
func TestRealignNeverLosesWork(t *testing.T) {
	tests := []struct {
		name  string
		align Aligner
	}{
		{"drops a fixed row", func(src, tgt []corpus.Sentence, fixed []Row) []Row { return diagonal(src, tgt, nil) }},
		{"loses a sentence", func(src, tgt []corpus.Sentence, fixed []Row) []Row { return diagonal(src, tgt, fixed)[1:] }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := newTestServer(t)
			ts.session.Align = tt.align
			res := ts.request(t, "POST", "/api/op", Op{Name: "join", Row: 1}, nil)
			assert.Equal(t, http.StatusInternalServerError, res.StatusCode)
			got, _ := ts.session.Rows()
			assert.Equal(t, shifted(), got)
		})
	}
}

func TestSecurity(t *testing.T) {
	ts := newTestServer(t)
	host := ts.Listener.Addr().String()
	_, port, _ := net.SplitHostPort(host)
	tests := []struct {
		name   string
		method string
		path   string
		body   any
		header map[string]string
		code   int
	}{
		{"no token", "GET", "/api/doc", nil, map[string]string{}, http.StatusForbidden},
		{"no token for the page", "GET", "/", nil, map[string]string{}, http.StatusForbidden},
		{"no token for an asset", "GET", "/assets/app.js", nil, map[string]string{}, http.StatusForbidden},
		{"wrong token", "GET", "/?token=guess", nil, map[string]string{}, http.StatusForbidden},
		{"wrong header token", "GET", "/api/doc", nil, map[string]string{"X-Paralel-Token": "guess"}, http.StatusForbidden},
		{"wrong cookie", "GET", "/api/doc", nil, map[string]string{"Cookie": "paralel_review_" + port + "=guess"}, http.StatusForbidden},
		{"token in the address", "GET", "/?token=" + testToken, nil, map[string]string{}, http.StatusOK},
		{"token in the header", "GET", "/api/doc", nil, nil, http.StatusOK},
		{"token in the cookie", "GET", "/api/doc", nil, map[string]string{"Cookie": "paralel_review_" + port + "=" + testToken}, http.StatusOK},
		{"localhost", "GET", "/api/doc", nil, map[string]string{"X-Paralel-Token": testToken, "Host": "localhost:" + port}, http.StatusOK},
		{"foreign host", "GET", "/api/doc", nil, map[string]string{"X-Paralel-Token": testToken, "Host": "evil.example:" + port}, http.StatusForbidden},
		{"rebound host without port", "GET", "/api/doc", nil, map[string]string{"X-Paralel-Token": testToken, "Host": "127.0.0.1"}, http.StatusForbidden},
		{"own origin", "POST", "/api/op", Op{Name: "confirm"}, map[string]string{"X-Paralel-Token": testToken, "Origin": "http://" + host}, http.StatusOK},
		{"foreign origin", "POST", "/api/op", Op{Name: "confirm"}, map[string]string{"X-Paralel-Token": testToken, "Origin": "http://evil.example"}, http.StatusForbidden},
		{"https origin", "POST", "/api/op", Op{Name: "confirm"}, map[string]string{"X-Paralel-Token": testToken, "Origin": "https://" + host}, http.StatusForbidden},
		{"null origin", "POST", "/api/save", struct{}{}, map[string]string{"X-Paralel-Token": testToken, "Origin": "null"}, http.StatusForbidden},
		{"form post", "POST", "/api/op", nil, map[string]string{"X-Paralel-Token": testToken, "Content-Type": "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"op by GET", "GET", "/api/op", nil, nil, http.StatusMethodNotAllowed},
		{"unknown asset", "GET", "/assets/session.json", nil, nil, http.StatusNotFound},
		{"escaped traversal", "GET", "/assets/..%2fserver.go", nil, nil, http.StatusNotFound},
		{"encoded traversal", "GET", "/assets/%2e%2e%2f%2e%2e%2fgo.mod", nil, nil, http.StatusNotFound},
		{"other path", "GET", "/etc/passwd", nil, nil, http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ts.request(t, tt.method, tt.path, tt.body, tt.header)
			assert.Equal(t, tt.code, res.StatusCode)
			assert.Contains(t, res.Header.Get("Content-Security-Policy"), "default-src 'none'")
			assert.Equal(t, "no-referrer", res.Header.Get("Referrer-Policy"))
		})
	}
}

func TestPageSetsCookie(t *testing.T) {
	ts := newTestServer(t)
	res := ts.request(t, "GET", "/?token="+testToken, nil, map[string]string{})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if strings.HasPrefix(c.Name, "paralel_review_") {
			cookie = c
		}
	}
	require.NotNil(t, cookie)
	assert.Equal(t, testToken, cookie.Value)
	assert.True(t, cookie.HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, cookie.SameSite)

	res = ts.request(t, "GET", "/assets/app.js", nil, map[string]string{"Cookie": cookie.Name + "=" + cookie.Value})
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, res.Header.Get("Content-Type"), "javascript")
}

func TestEmptyTokenIsReplaced(t *testing.T) {
	srv := NewServer(nil, "127.0.0.1:1", "")
	assert.NotEmpty(t, srv.token)
	assert.Contains(t, srv.URL(), "token="+srv.token)
}

func TestListenLoopbackOnly(t *testing.T) {
	ln, err := Listen(0)
	require.NoError(t, err)
	defer ln.Close()
	addr := ln.Addr().(*net.TCPAddr)
	assert.True(t, addr.IP.IsLoopback())
	assert.NotZero(t, addr.Port)
	assert.NotEqual(t, NewToken(), NewToken())
	assert.GreaterOrEqual(t, len(NewToken()), 32)
}

func TestReopen(t *testing.T) {
	ts := newTestServer(t)
	v := ts.fix(t, Op{Name: "up", Row: 2, Side: "tgt"})
	v = ts.fix(t, Op{Name: "confirm", Row: 1, Rev: v.Rev})
	before := decode[docView](t, ts.request(t, "GET", "/api/doc", nil, nil))

	s, err := OpenSession(ts.session.File)
	require.NoError(t, err)
	ts2 := serve(t, s)
	after := decode[docView](t, ts2.request(t, "GET", "/api/doc", nil, nil))
	before.Rev, before.CanUndo = 0, false // history stays with the old server
	assert.Equal(t, before, after)
	assert.Equal(t, ts.session.Src, s.Src)
	assert.Equal(t, ts.session.Tgt, s.Tgt)
}

func TestOpenSessionErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, writeFileAtomic(p, []byte(data)))
		return p
	}
	tests := []struct {
		name, data, want string
	}{
		{"not json", "<tmx>", "not a review session"},
		{"other version", `{"paralel_review": 9}`, "version"},
		{"rows do not fit", `{"paralel_review": 1, "src": {"sentences": [{"text": "a"}]}, "tgt": {"sentences": []}, "rows": []}`, "does not fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := OpenSession(write(tt.name+".json", tt.data))
			assert.ErrorContains(t, err, tt.want)
		})
	}
	_, err := OpenSession(filepath.Join(dir, "missing.json"))
	assert.Error(t, err)
}

func TestSave(t *testing.T) {
	for _, name := range []string{"tsv", "jsonl"} {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t)
			out := filepath.Join(t.TempDir(), "out."+name)
			ts.session.Export = Export{Path: out, Format: name}
			ts.fix(t, Op{Name: "up", Row: 2, Side: "tgt"})

			res := ts.request(t, "POST", "/api/save", struct{}{}, nil)
			require.Equal(t, http.StatusOK, res.StatusCode)
			v := decode[saveView](t, res)
			assert.Equal(t, saveView{Export: out, Session: ts.session.File, Pairs: 4}, v)

			var got []string
			for _, p := range readPairs(t, name, out) {
				got = append(got, p.Src+" | "+p.Tgt)
			}
			assert.Equal(t, []string{"Një. | One.", "Dy. | Two.", "Tre <b>&</b>. | Three.", "Katër. | Four."}, got)
		})
	}
}

func TestSaveLeavesNoHalfFile(t *testing.T) {
	ts := newTestServer(t)
	ts.session.Export = Export{Path: filepath.Join(t.TempDir(), "missing-dir", "out.tsv"), Format: "tsv"}
	res := ts.request(t, "POST", "/api/save", struct{}{}, nil)
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode)
	assert.NoFileExists(t, ts.session.Export.Path)

	ts.session.Export = Export{Path: filepath.Join(t.TempDir(), "out.tsv"), Format: "nonesuch"}
	res = ts.request(t, "POST", "/api/save", struct{}{}, nil)
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode)
	assert.Contains(t, decode[map[string]string](t, res)["error"], "unknown format")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// FuzzOp posts arbitrary bodies to the fix endpoint: each is applied or
// refused as the client's fault, never a server error, and the alignment
// keeps its shape.
func FuzzOp(f *testing.F) {
	f.Add([]byte(`{"op":"join","row":1,"rev":0}`))
	f.Add([]byte(`{"op":"up","row":2,"side":"tgt","rev":0}`))
	f.Add([]byte(`{"op":"detach","row":-1,"side":"src"}`))
	f.Add([]byte(`{"op":"split","row":1e9}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"op":"join","row":9223372036854775807,"rev":0}`)) // i+1 overflowed
	f.Add([]byte(`{"op":"down","row":9223372036854775807,"side":"src","rev":0}`))
	src := Input{Lang: "sq", Sentences: sentences("Një.", "Dy.", "Tre.", "Katër.")}
	tgt := Input{Lang: "en", Sentences: sentences("One.", "Two.", "Three.", "Four.")}
	f.Fuzz(func(t *testing.T, body []byte) {
		s, err := NewSession(src, tgt, shifted())
		require.NoError(t, err)
		s.Align = diagonal
		srv := NewServer(s, "127.0.0.1:1", testToken)
		req := httptest.NewRequest("POST", "http://127.0.0.1:1/api/op", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Paralel-Token", testToken)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		assert.Contains(t, []int{http.StatusOK, http.StatusBadRequest, http.StatusConflict, http.StatusUnprocessableEntity}, rec.Code, rec.Body.String())
		rows, _ := s.Rows()
		require.NoError(t, Validate(rows, 4, 4))
	})
}
