// Package webdriver drives a headless Chromium through chromedriver with the
// W3C WebDriver protocol over plain net/http: just what the review page's
// browser test and its screenshot need, without a browser-automation
// dependency.
package webdriver

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"time"
)

// Paths where Debian's chromium and chromium-driver packages put the
// programs.
const (
	Chromium     = "/usr/bin/chromium"
	Chromedriver = "/usr/bin/chromedriver"
)

// Available reports why the browser cannot be driven here, or "" if it can.
func Available() string {
	for _, p := range []string{Chromium, Chromedriver} {
		if _, err := os.Stat(p); err != nil {
			return p + " not found (Debian packages chromium and chromium-driver)"
		}
	}
	return ""
}

// A Driver is a running chromedriver.
type Driver struct {
	cmd *exec.Cmd
	url string
}

// Start runs chromedriver on a free loopback port and waits until it
// answers.
func Start(ctx context.Context) (*Driver, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(Chromedriver, "--port="+strconv.Itoa(port), "--allowed-ips=127.0.0.1")
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	d := &Driver{cmd: cmd, url: "http://127.0.0.1:" + strconv.Itoa(port)}
	for {
		var status struct {
			Ready bool `json:"ready"`
		}
		if err := d.call(ctx, "GET", "/status", nil, &status); err == nil && status.Ready {
			return d, nil
		}
		select {
		case <-ctx.Done():
			d.Stop()
			return nil, fmt.Errorf("chromedriver did not start: %w", ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Stop ends chromedriver.
func (d *Driver) Stop() error {
	d.cmd.Process.Kill()
	d.cmd.Wait()
	return nil
}

// Session is one browser.
type Session struct {
	d   *Driver
	id  string
	ctx context.Context
}

// NewSession starts a headless Chromium with a fresh profile in profileDir,
// with no network activity of its own, and a window of the given size.
func (d *Driver) NewSession(ctx context.Context, profileDir string, width, height int) (*Session, error) {
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
		"--user-data-dir=" + profileDir,
		fmt.Sprintf("--window-size=%d,%d", width, height),
	}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName":        "chrome",
		"goog:chromeOptions": map[string]any{"binary": Chromium, "args": args},
	}}}
	var v struct {
		SessionID string `json:"sessionId"`
	}
	if err := d.call(ctx, "POST", "/session", caps, &v); err != nil {
		return nil, fmt.Errorf("start chromium: %w", err)
	}
	return &Session{d: d, id: v.SessionID, ctx: ctx}, nil
}

// Close ends the browser.
func (s *Session) Close() error {
	return s.d.call(context.Background(), "DELETE", "/session/"+s.id, nil, nil)
}

func (s *Session) call(method, path string, body, out any) error {
	return s.d.call(s.ctx, method, "/session/"+s.id+path, body, out)
}

// Navigate opens url and waits for the page to load.
func (s *Session) Navigate(url string) error {
	return s.call("POST", "/url", map[string]string{"url": url}, nil)
}

// Execute runs script, a function body, in the page with args as its
// arguments and decodes its return value into out (unless nil).
func (s *Session) Execute(out any, script string, args ...any) error {
	if args == nil {
		args = []any{}
	}
	return s.call("POST", "/execute/sync", map[string]any{"script": script, "args": args}, out)
}

// WaitFor runs script until it returns true, or fails after timeout.
func (s *Session) WaitFor(timeout time.Duration, script string, args ...any) error {
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		err := s.Execute(&ok, script, args...)
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = errors.New("condition still false")
			}
			return fmt.Errorf("waiting for %q: %w", script, err)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// elementKey names the element reference in WebDriver's JSON.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

// Click clicks the first element matching the CSS selector.
func (s *Session) Click(selector string) error {
	var el map[string]string
	if err := s.call("POST", "/element", map[string]string{"using": "css selector", "value": selector}, &el); err != nil {
		return fmt.Errorf("find %s: %w", selector, err)
	}
	return s.call("POST", "/element/"+el[elementKey]+"/click", map[string]any{}, nil)
}

// Key presses and releases each key in turn, as a user typing into the
// page; WebDriver's codes such as "\ue015" (arrow down) work too.
func (s *Session) Key(keys ...string) error {
	var acts []map[string]string
	for _, k := range keys {
		acts = append(acts, map[string]string{"type": "keyDown", "value": k}, map[string]string{"type": "keyUp", "value": k})
	}
	return s.keyActions(acts)
}

// Chord holds the keys down in order, then releases them: Chord(Control,
// "s") is Ctrl+S.
func (s *Session) Chord(keys ...string) error {
	acts := make([]map[string]string, 0, 2*len(keys))
	for _, k := range keys {
		acts = append(acts, map[string]string{"type": "keyDown", "value": k})
	}
	for i := len(keys) - 1; i >= 0; i-- {
		acts = append(acts, map[string]string{"type": "keyUp", "value": keys[i]})
	}
	return s.keyActions(acts)
}

// Control is WebDriver's code for the Control key.
const Control = "\ue009"

func (s *Session) keyActions(acts []map[string]string) error {
	return s.call("POST", "/actions", map[string]any{"actions": []any{
		map[string]any{"type": "key", "id": "keyboard", "actions": acts},
	}}, nil)
}

// Screenshot returns a PNG of the window.
func (s *Session) Screenshot() ([]byte, error) {
	var b64 string
	if err := s.call("GET", "/screenshot", nil, &b64); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(b64)
}

// call sends one WebDriver command and decodes the "value" of its answer.
func (d *Driver) call(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, d.url+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var v struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		return fmt.Errorf("%s %s: %s: %v", method, path, res.Status, err)
	}
	if res.StatusCode != http.StatusOK {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		json.Unmarshal(v.Value, &e)
		return fmt.Errorf("%s %s: %s: %s", method, path, e.Error, e.Message)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(v.Value, out)
}
