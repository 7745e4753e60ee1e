package review

import (
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/paralel/paralel/align"
	"github.com/paralel/paralel/corpus"
)

// large returns a session over the sample pair repeated until the aligner
// gives at least n links: a long document for the speed targets.
func large(tb testing.TB, n int) *Session {
	tb.Helper()
	src, tgt := sample(tb)
	s, err := Start(src, tgt, align.Langs{}, align.Options{})
	require.NoError(tb, err)
	one, _ := s.Rows()
	for copies := (n + len(one) - 1) / len(one); ; copies++ {
		big, bigTgt := src, tgt
		big.Sentences, bigTgt.Sentences = nil, nil
		for k := range copies {
			big.Sentences = appendCopy(big.Sentences, src.Sentences, k)
			bigTgt.Sentences = appendCopy(bigTgt.Sentences, tgt.Sentences, k)
		}
		s, err := Start(big, bigTgt, align.Langs{}, align.Options{})
		require.NoError(tb, err)
		if rows, _ := s.Rows(); len(rows) >= n {
			return s
		}
	}
}

// appendCopy appends copy k of a document's sentences, in paragraphs of
// their own.
func appendCopy(dst, ss []corpus.Sentence, k int) []corpus.Sentence {
	paras := 0
	if len(ss) > 0 {
		paras = ss[len(ss)-1].Para + 1
	}
	for _, s := range ss {
		s.Para += k * paras
		dst = append(dst, s)
	}
	return dst
}

// BenchmarkLoad measures what opening the page of a 2,000-link document
// asks of the server: the page, its two assets and the document.
func BenchmarkLoad(b *testing.B) {
	s := large(b, 2000)
	ts := serve(b, s)
	var size int64
	get := func(path string) {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		req.Header.Set("X-Paralel-Token", testToken)
		res, err := ts.Client().Do(req)
		require.NoError(b, err)
		n, _ := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.Equal(b, http.StatusOK, res.StatusCode)
		size += n
	}
	rows, _ := s.Rows()
	b.ResetTimer()
	for b.Loop() {
		get("/")
		get("/assets/app.js")
		get("/assets/app.css")
		get("/api/doc")
	}
	b.ReportMetric(float64(len(rows)), "links")
	b.ReportMetric(float64(size)/1024/float64(b.N), "KB/load")
}

// BenchmarkFix measures a fix on a 2,000-link document: a join in the
// middle and the re-alignment around it, through the API, autosave
// included, with a narrow window, the default one and "whole" (every row).
func BenchmarkFix(b *testing.B) {
	s := large(b, 2000)
	ts := serve(b, s)
	rows, _ := s.Rows()
	mid := len(rows) / 2
	for _, window := range []int{50, DefaultWindow, 0} {
		name := fmt.Sprintf("window=%d", window)
		if window == 0 {
			name = "whole"
		}
		b.Run(name, func(b *testing.B) {
			s.Window = window
			for b.Loop() {
				_, rev := s.Rows()
				res := ts.request(b, "POST", "/api/op", Op{Name: "join", Row: mid, Rev: rev}, nil)
				io.Copy(io.Discard, res.Body)
				require.Equal(b, http.StatusOK, res.StatusCode)
				b.StopTimer()
				_, rev = s.Rows()
				require.NoError(b, s.Apply(Op{Name: "undo", Rev: rev}))
				b.StartTimer()
			}
			b.ReportMetric(float64(len(rows)), "links")
		})
	}
}

// BenchmarkBrowserLoad measures the page of a 2,000-link document in
// Chromium, from navigation until the rows are painted and the page
// answers keys.
func BenchmarkBrowserLoad(b *testing.B) {
	s := large(b, 2000)
	ts := serve(b, s)
	br := browser(b, 1280, 800)
	rows, _ := s.Rows()
	var inPage float64
	for b.Loop() {
		require.NoError(b, br.Navigate(ts.srv.URL()))
		require.NoError(b, br.WaitFor(10*time.Second, `return document.body.dataset.ready === "1"`))
		var ms float64
		require.NoError(b, br.Execute(&ms, `return window.readyAt`))
		inPage += ms
	}
	// The page's own clock, from navigation to the first frame painted
	// with every row in place, leaves out WebDriver's polling.
	b.ReportMetric(inPage/float64(b.N), "ms-to-ready")
	var n int
	require.NoError(b, br.Execute(&n, `return document.querySelectorAll("#rows .row").length`))
	require.Equal(b, len(rows), n)
	b.ReportMetric(float64(n), "links")
}

// BenchmarkBrowserFix measures a fix on a 2,000-link document as the
// translator sees it: from the key press that joins a row in the middle to
// the page redrawn with the re-aligned rows.
func BenchmarkBrowserFix(b *testing.B) {
	s := large(b, 2000)
	ts := serve(b, s)
	br := browser(b, 1280, 800)
	require.NoError(b, br.Navigate(ts.srv.URL()))
	require.NoError(b, br.WaitFor(10*time.Second, `return document.body.dataset.ready === "1"`))
	rows, _ := s.Rows()
	var inPage float64
	for b.Loop() {
		require.NoError(b, br.Execute(nil, `select(arguments[0])`, len(rows)/2))
		_, rev := s.Rows()
		require.NoError(b, br.Key("m"))
		require.NoError(b, br.WaitFor(10*time.Second, `return state.rev === arguments[0] && !busy`, rev+1))
		var ms float64
		require.NoError(b, br.Execute(&ms, `return window.fixMs`))
		inPage += ms
		b.StopTimer()
		require.NoError(b, br.Key("u"))
		require.NoError(b, br.WaitFor(10*time.Second, `return state.rev === arguments[0] && !busy`, rev+2))
		b.StartTimer()
	}
	b.ReportMetric(inPage/float64(b.N), "ms-in-page")
	b.ReportMetric(float64(len(rows)), "links")
}
