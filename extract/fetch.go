package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// DefaultTimeout bounds the fetching of a web address, from the request to
// the last byte of the answer.
const DefaultTimeout = 30 * time.Second

// IsURL reports whether path is a web address (http or https) rather than
// a file name.
func IsURL(path string) bool {
	p := strings.ToLower(path)
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}

// Fetch gets the document at a web address. The body it returns fails
// with ErrTooLarge past maxSize bytes (0: DefaultMaxSize) and with a
// timeout error once timeout (0: DefaultTimeout) has passed since the
// request; an answer other than 200 OK is an error naming its status.
// client may be nil for http.DefaultClient.
func Fetch(client *http.Client, url string, timeout time.Duration, maxSize int64) (io.ReadCloser, error) {
	if client == nil {
		client = http.DefaultClient
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		cancel()
		return nil, &Error{Name: url, Err: err}
	}
	req.Header.Set("User-Agent", "paralel (sentence aligner)")
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, &Error{Name: url, Err: fmt.Errorf("no answer within %v", timeout)}
		}
		return nil, &Error{Name: url, Err: unwrapURLError(err)}
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, &Error{Name: url, Err: fmt.Errorf("the server answered %s", resp.Status)}
	}
	if resp.ContentLength > maxSize {
		resp.Body.Close()
		cancel()
		return nil, &Error{Name: url, Err: fmt.Errorf("%w: %d bytes (at most %d MB)", ErrTooLarge, resp.ContentLength, maxSize>>20)}
	}
	return &body{r: resp.Body, left: maxSize, max: maxSize, cancel: cancel, url: url, timeout: timeout}, nil
}

// body is the body of an answer, bounded in size and time.
type body struct {
	r       io.ReadCloser
	left    int64 // bytes that may still be read
	max     int64
	cancel  context.CancelFunc
	url     string
	timeout time.Duration
}

func (b *body) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more tells a body of exactly the limit from a larger one.
		var one [1]byte
		if n, _ := b.r.Read(one[:]); n > 0 {
			return 0, &Error{Name: b.url, Err: fmt.Errorf("%w: more than %d MB", ErrTooLarge, b.max>>20)}
		}
	}
	if int64(len(p)) > b.left {
		p = p[:max(b.left, 0)]
		if len(p) == 0 {
			return 0, io.EOF
		}
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if err != nil && err != io.EOF {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("not all read within %v", b.timeout)
		}
		err = &Error{Name: b.url, Err: err}
	}
	return n, err
}

func (b *body) Close() error {
	b.cancel()
	return b.r.Close()
}

// unwrapURLError drops the "Get URL:" that net/http puts before an error,
// since the error names the address itself.
func unwrapURLError(err error) error {
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) && strings.HasPrefix(err.Error(), "Get ") {
		return ue.Unwrap()
	}
	return err
}
