package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReleaseScript builds the host's binary twice with .ci/release, into
// two folders, and asserts what a release promises: the same SHA-256 both
// times (SHA256SUMS identical), the version stamped (annexlint --version),
// and no path of the build machine in the binary (-trimpath). CI also runs
// .ci/release --verify, which rebuilds from a copy of the tree elsewhere with
// a cold cache.
func TestReleaseScript(t *testing.T) {
	if testing.Short() {
		t.Skip("links the binary twice")
	}
	for _, tool := range []string{"bash", "git", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: %v", tool, err)
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	const version = "v9.8.7-test"
	target := runtime.GOOS + "/" + runtime.GOARCH
	var sums [2][]byte
	var bin string
	for i := range sums {
		out := filepath.Join(t.TempDir(), "dist")
		cmd := exec.Command("bash", filepath.Join(root, ".ci", "release"), version)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "RELEASE_TARGETS="+target, "RELEASE_OUT="+out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf(".ci/release: %v\n%s", err, msg)
		}
		if sums[i], err = os.ReadFile(filepath.Join(out, "SHA256SUMS")); err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(out, "annexlint_"+version+"_"+runtime.GOOS+"_"+runtime.GOARCH)
		if runtime.GOOS == "windows" {
			bin += ".exe"
		}
	}
	if !bytes.Equal(sums[0], sums[1]) || len(sums[0]) == 0 {
		t.Errorf("two release builds differ:\n%s\n%s", sums[0], sums[1])
	}
	got, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "annexlint "+version+"\n" {
		t.Errorf("--version prints %q, want the stamped %q", got, version)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{root, strings.TrimSpace(string(modcache))} {
		if p != "" && bytes.Contains(data, []byte(p)) {
			t.Errorf("the release binary holds %s, a path of the build machine; -trimpath is missing", p)
		}
	}
}
