package html_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annexlint/annexlint/internal/cli"
)

// TestReportInChromium renders the audit report of the flawed example in
// headless Chromium, driven through chromedriver's W3C WebDriver API, and
// checks that the page loads without console errors (the page's
// Content-Security-Policy turns any attempted fetch into one) and shows the
// traceability matrix. A control page with a console error first proves the
// log check can fail. Set ANNEXLINT_SCREENSHOT to a path (absolute, or
// relative to this package) to also save a screenshot; docs/audit-report.png
// is made with ANNEXLINT_SCREENSHOT=$PWD/docs/audit-report.png go test
// ./internal/report/html -run Chromium, from the repository root.
//
// It is skipped, saying so, only when chromium or chromedriver is not
// installed (Debian: apt-get install chromium chromium-driver; .ci/run does).
func TestReportInChromium(t *testing.T) {
	browser := firstOnPath("chromium", "chromium-browser", "google-chrome")
	driver := firstOnPath("chromedriver")
	if browser == "" || driver == "" {
		t.Skip("skipped: chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	shot := os.Getenv("ANNEXLINT_SCREENSHOT")
	if shot != "" {
		var err error
		if shot, err = filepath.Abs(shot); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join("..", "..", "..")) // the report names the bundle as a user at the repository root would
	var out, errb bytes.Buffer
	args := []string{"check", "examples/infusion-pump-flawed", "--as-of", "2026-11-25",
		"--fail-on", "none", "--format", "html", "--output", page}
	if code := cli.Run(context.Background(), args, &out, &errb); code != 0 {
		t.Fatalf("annexlint %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	control := filepath.Join(dir, "control.html")
	if err := os.WriteFile(control, []byte(`<!DOCTYPE html><title>control</title><script>console.error("control error")</script>`), 0o600); err != nil {
		t.Fatal(err)
	}

	wd := startDriver(t, driver, browser, filepath.Join(dir, "profile"))

	wd.navigate(t, control)
	if errs := wd.consoleErrors(t); len(errs) == 0 {
		t.Fatal("the control page's console error was not seen: the console check cannot be trusted")
	}

	wd.navigate(t, page)
	if errs := wd.consoleErrors(t); len(errs) > 0 {
		t.Errorf("console errors on the report:\n%s", strings.Join(errs, "\n"))
	}
	var seen struct {
		Ready     string  `json:"ready"`
		Title     string  `json:"title"`
		Rows      int     `json:"rows"`
		Height    float64 `json:"height"`
		Heading   string  `json:"heading"`
		Resources int     `json:"resources"`
	}
	wd.script(t, `const m = document.querySelector("#matrix table.matrix");
return {ready: document.readyState, title: document.title,
  rows: m ? m.querySelectorAll("tbody tr").length : 0,
  height: m ? m.getBoundingClientRect().height : 0,
  heading: (document.querySelector("#matrix h2") || {}).textContent || "",
  resources: performance.getEntriesByType("resource").length};`, &seen)
	t.Logf("page: %+v", seen)
	if seen.Ready != "complete" || !strings.Contains(seen.Title, "VF-300") {
		t.Errorf("page not loaded: readyState %q, title %q", seen.Ready, seen.Title)
	}
	if seen.Heading != "1. Traceability matrix" || seen.Rows < 10 || seen.Height < 100 {
		t.Errorf("the traceability matrix is not shown: heading %q, %d rows, %.0f px high", seen.Heading, seen.Rows, seen.Height)
	}
	if seen.Resources != 0 {
		t.Errorf("the page fetched %d resources; it must be self-contained", seen.Resources)
	}
	if shot != "" {
		var b64 string
		wd.call(t, http.MethodGet, "/screenshot", nil, &b64)
		png, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", shot)
	}
}

func firstOnPath(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// webDriver is a chromedriver session.
type webDriver struct {
	base   string // http://127.0.0.1:port/session/ID once the session exists
	client *http.Client
}

func startDriver(t *testing.T, driver, browser, profile string) *webDriver {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	cmd := exec.Command(driver, fmt.Sprintf("--port=%d", port))
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	root := fmt.Sprintf("http://127.0.0.1:%d", port)
	wd := &webDriver{client: &http.Client{Timeout: 60 * time.Second}}
	deadline := time.Now().Add(20 * time.Second)
	for {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, root+"/status", nil)
		resp, err := wd.client.Do(req)
		if err == nil {
			_ = resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("chromedriver did not start: %v\n%s", err, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]any{
			"binary": browser,
			"args": []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
				"--window-size=1280,2000", "--hide-scrollbars"},
		},
		"goog:loggingPrefs": map[string]string{"browser": "ALL"},
	}}}
	var created struct {
		SessionID string `json:"sessionId"`
	}
	wd.base = root
	wd.call(t, http.MethodPost, "/session", caps, &created)
	wd.base = root + "/session/" + created.SessionID
	t.Cleanup(func() {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodDelete, wd.base, nil)
		if resp, err := wd.client.Do(req); err == nil {
			_ = resp.Body.Close()
		}
	})
	return wd
}

// call sends one WebDriver command and decodes its "value" into out.
func (wd *webDriver) call(t *testing.T, method, path string, body, out any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, wd.base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := wd.client.Do(req)
	if err != nil {
		t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("webdriver %s %s: %s: %s", method, path, resp.Status, data)
	}
	var envelope struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(data, &envelope); err != nil {
		t.Fatalf("webdriver %s %s: %v: %s", method, path, err, data)
	}
	if out != nil {
		if err := json.Unmarshal(envelope.Value, out); err != nil {
			t.Fatalf("webdriver %s %s: %v: %s", method, path, err, envelope.Value)
		}
	}
}

func (wd *webDriver) navigate(t *testing.T, file string) {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	wd.call(t, http.MethodPost, "/url", map[string]string{"url": "file://" + filepath.ToSlash(abs)}, nil)
}

func (wd *webDriver) script(t *testing.T, js string, out any) {
	t.Helper()
	wd.call(t, http.MethodPost, "/execute/sync", map[string]any{"script": js, "args": []any{}}, out)
}

// consoleErrors returns the browser log entries at level SEVERE since the
// last call (chromedriver's log endpoint clears what it returns).
func (wd *webDriver) consoleErrors(t *testing.T) []string {
	t.Helper()
	var entries []struct {
		Level   string `json:"level"`
		Message string `json:"message"`
	}
	wd.call(t, http.MethodPost, "/se/log", map[string]string{"type": "browser"}, &entries)
	var errs []string
	for _, e := range entries {
		if e.Level == "SEVERE" {
			errs = append(errs, e.Message)
		}
	}
	return errs
}
