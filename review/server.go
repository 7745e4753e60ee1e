package review

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"time"
)

//go:embed assets
var assets embed.FS

// Listen opens a listener on the loopback interface only, on port or, when
// port is 0, on a free one.
func Listen(port int) (net.Listener, error) {
	return net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
}

// NewToken returns a fresh random token for a Server.
func NewToken() string {
	b := make([]byte, 24)
	rand.Read(b) // never fails, see crypto/rand.Read
	return base64.RawURLEncoding.EncodeToString(b)
}

// A Server serves one Session to a browser on this machine.
//
// Every request must carry the token: in the address the user opens
// (?token=...), which sets a cookie for the requests that follow, or in the
// X-Paralel-Token header. Requests naming another Host (DNS rebinding) or
// coming from another Origin (a web page trying to reach the session) are
// refused before the token is even looked at, and state changes only come
// as JSON POSTs, which no HTML form can send.
type Server struct {
	session *Session
	token   string
	addr    string
	cookie  string
	hosts   map[string]bool
	mux     *http.ServeMux
}

// NewServer returns a Server for s, reachable at addr (host:port of the
// listener) with the given token, or a fresh one if token is empty.
func NewServer(s *Session, addr, token string) *Server {
	if token == "" {
		token = NewToken()
	}
	_, port, _ := net.SplitHostPort(addr)
	srv := &Server{
		session: s,
		token:   token,
		addr:    addr,
		// Cookies ignore ports: name the cookie after ours so that two
		// reviews open at once do not overwrite each other's token.
		cookie: "paralel_review_" + port,
		hosts: map[string]bool{
			"127.0.0.1:" + port: true,
			"localhost:" + port: true,
		},
		mux: http.NewServeMux(),
	}
	srv.mux.HandleFunc("GET /{$}", srv.page)
	srv.mux.HandleFunc("GET /assets/{file}", srv.asset)
	srv.mux.HandleFunc("GET /api/doc", srv.doc)
	srv.mux.HandleFunc("POST /api/op", srv.op)
	srv.mux.HandleFunc("POST /api/save", srv.save)
	return srv
}

// URL is the address to open in the browser, token included.
func (srv *Server) URL() string {
	return "http://" + srv.addr + "/?token=" + srv.token
}

func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer") // the address holds the token
	h.Set("Cache-Control", "no-store")
	if !srv.hosts[r.Host] {
		http.Error(w, "unknown host", http.StatusForbidden)
		return
	}
	if o := r.Header.Get("Origin"); o != "" && !srv.hosts[trimScheme(o)] {
		http.Error(w, "foreign origin", http.StatusForbidden)
		return
	}
	if !srv.authorized(r) {
		http.Error(w, "missing or wrong token: open the address paralel printed", http.StatusForbidden)
		return
	}
	if r.Method == http.MethodPost {
		if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
			http.Error(w, "want application/json", http.StatusUnsupportedMediaType)
			return
		}
	}
	srv.mux.ServeHTTP(w, r)
}

func trimScheme(origin string) string {
	const p = "http://"
	if len(origin) > len(p) && origin[:len(p)] == p {
		return origin[len(p):]
	}
	return ""
}

func (srv *Server) authorized(r *http.Request) bool {
	for _, t := range []string{r.URL.Query().Get("token"), r.Header.Get("X-Paralel-Token")} {
		if t != "" && srv.match(t) {
			return true
		}
	}
	c, err := r.Cookie(srv.cookie)
	return err == nil && srv.match(c.Value)
}

func (srv *Server) match(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(srv.token)) == 1
}

func (srv *Server) page(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:     srv.cookie,
		Value:    srv.token,
		Path:     "/",
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
	})
	srv.serveAsset(w, "index.html")
}

func (srv *Server) asset(w http.ResponseWriter, r *http.Request) {
	srv.serveAsset(w, r.PathValue("file"))
}

func (srv *Server) serveAsset(w http.ResponseWriter, name string) {
	data, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	if ct := mime.TypeByExtension(filepath.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Write(data)
}

// sideView is one text as the page needs it.
type sideView struct {
	Name      string   `json:"name"`
	Lang      string   `json:"lang"`
	Sentences []string `json:"sentences"`
	Paras     []int    `json:"paras"`
}

// stateView is what changes with a fix.
type stateView struct {
	Rev     int   `json:"rev"`
	Rows    []Row `json:"rows"`
	Stats   Stats `json:"stats"`
	CanUndo bool  `json:"canUndo"`
}

type docView struct {
	Src       sideView `json:"src"`
	Tgt       sideView `json:"tgt"`
	Export    string   `json:"export"`
	Session   string   `json:"session"` // the session file, autosaved after each fix
	Threshold float64  `json:"threshold"`
	Warnings  []string `json:"warnings"`
	stateView
}

func side(in Input) sideView {
	v := sideView{Name: filepath.Base(in.Path), Lang: in.Lang, Sentences: make([]string, len(in.Sentences)), Paras: make([]int, len(in.Sentences))}
	for i, s := range in.Sentences {
		v.Sentences[i], v.Paras[i] = s.Text, s.Para
	}
	return v
}

func (srv *Server) state() stateView {
	s := srv.session
	rows, rev, canUndo := s.snapshot() // a copy of its own
	for i := range rows {
		// Empty sides go out as [] rather than null, for the page's sake.
		if rows[i].Src == nil {
			rows[i].Src = []int{}
		}
		if rows[i].Tgt == nil {
			rows[i].Tgt = []int{}
		}
	}
	return stateView{Rev: rev, Rows: rows, Stats: Count(rows, s.Threshold), CanUndo: canUndo}
}

func (srv *Server) doc(w http.ResponseWriter, r *http.Request) {
	s := srv.session
	v := docView{
		Src:       side(s.Src),
		Tgt:       side(s.Tgt),
		Export:    s.Export.Path,
		Session:   s.File,
		Threshold: s.Threshold,
		Warnings:  s.Warnings,
		stateView: srv.state(),
	}
	writeJSON(w, http.StatusOK, v)
}

func (srv *Server) op(w http.ResponseWriter, r *http.Request) {
	var op Op
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&op); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("bad request: %v", err))
		return
	}
	if err := srv.session.Apply(op); err != nil {
		code := http.StatusInternalServerError
		switch {
		case errors.Is(err, ErrStale):
			code = http.StatusConflict
		case errors.Is(err, ErrNoOp):
			code = http.StatusUnprocessableEntity
		case errors.Is(err, ErrBadOp):
			code = http.StatusBadRequest
		}
		writeError(w, code, err)
		return
	}
	writeJSON(w, http.StatusOK, srv.state())
}

// saveView reports what Save wrote.
type saveView struct {
	Export  string `json:"export"`
	Session string `json:"session"`
	Pairs   int    `json:"pairs"`
	Skipped int    `json:"skipped"`
}

func (srv *Server) save(w http.ResponseWriter, r *http.Request) {
	res, err := srv.session.Save()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, saveView{Export: res.Export, Session: srv.session.File, Pairs: res.Pairs, Skipped: res.Skipped})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, err error) {
	writeJSON(w, code, map[string]string{"error": err.Error()})
}

// Serve serves srv on ln until ctx is done, then lets the requests under
// way finish.
func Serve(ctx context.Context, ln net.Listener, srv *Server) error {
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return hs.Shutdown(shutdown)
	}
}
