package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// recursiveRepo is twoBundleRepo plus bundles --recursive must find (one
// inside the bad bundle) and bundles it must not: in hidden folders, .git,
// node_modules and vendor, and behind symbolic links to folders.
func recursiveRepo(t *testing.T) (repo string) {
	t.Helper()
	repo, _, bad := twoBundleRepo(t)
	copyFiles(t, cleanExample, filepath.Join(bad, "sub", "inner"), bundleFiles(t, cleanExample))
	for _, skipped := range []string{".git/x", ".hidden/x", "node_modules/pkg", "bundles/vendor/lib"} {
		copyFiles(t, cleanExample, filepath.Join(repo, filepath.FromSlash(skipped)), []string{"annexlint.yaml"})
	}
	outside := t.TempDir()
	copyFiles(t, cleanExample, filepath.Join(outside, "elsewhere"), bundleFiles(t, cleanExample))
	for link, to := range map[string]string{"bundles/out": outside, "bundles/again": filepath.Join(repo, "bundles", "good")} {
		if err := os.Symlink(to, filepath.Join(repo, filepath.FromSlash(link))); err != nil {
			t.Skipf("cannot create a symbolic link: %v", err)
		}
	}
	return repo
}

// bundlePrefixes lists the repository paths of the bundles a JSON report of
// several bundles holds, in report order.
func bundlePrefixes(t *testing.T, out string) []string {
	t.Helper()
	var rep struct {
		Bundles []struct {
			RepoPrefix string `json:"repo_prefix"`
		} `json:"bundles"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON: %v\n%.300s", err, out)
	}
	var got []string
	for _, b := range rep.Bundles {
		got = append(got, b.RepoPrefix)
	}
	return got
}

func TestRecursive(t *testing.T) {
	t.Parallel()
	repo := recursiveRepo(t)

	t.Run("finds every bundle below, skips the rest", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, "check", "--recursive", repo, "--as-of", asOf, "--format", "json")
		if code != 1 {
			t.Fatalf("exit %d, want 1 (the bad bundle); stderr %s", code, errOut)
		}
		want := []string{"bundles/bad", "bundles/bad/sub/inner", "bundles/good"}
		if diff := cmp.Diff(want, bundlePrefixes(t, out)); diff != "" {
			t.Errorf("bundles (-want +got):\n%s", diff)
		}
	})

	t.Run("a folder inside a bundle checks that bundle and those below", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, "check", "-r", filepath.Join(repo, "bundles", "bad", "sub"), "--as-of", asOf, "--format", "json")
		if code != 1 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if diff := cmp.Diff([]string{"bundles/bad", "bundles/bad/sub/inner"}, bundlePrefixes(t, out)); diff != "" {
			t.Errorf("bundles (-want +got):\n%s", diff)
		}
	})

	t.Run("the argument itself may be a link", func(t *testing.T) {
		t.Parallel()
		out, errOut, code := run(t, "check", "-r", filepath.Join(repo, "bundles", "again"), "--as-of", asOf)
		if code != 0 || !strings.Contains(out, "0 error(s)") {
			t.Errorf("exit %d, stderr %s", code, errOut)
		}
	})

	t.Run("no bundle at, above or below", func(t *testing.T) {
		t.Parallel()
		empty := t.TempDir()
		writeFile(t, filepath.Join(empty, "a", "b", "notes.txt"), "no bundle\n")
		_, errOut, code := run(t, "check", "--recursive", empty)
		if code != 2 || !strings.Contains(errOut, "no manifest found") {
			t.Errorf("exit %d, stderr %q; want 2 and no manifest found", code, errOut)
		}
	})

	t.Run("an unreadable folder is an error, not a gap", func(t *testing.T) {
		t.Parallel()
		if os.Geteuid() == 0 {
			t.Skip("root reads every folder")
		}
		dir := t.TempDir()
		copyFiles(t, cleanExample, filepath.Join(dir, "ok"), bundleFiles(t, cleanExample))
		locked := filepath.Join(dir, "locked")
		if err := os.Mkdir(locked, 0o000); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
		_, errOut, code := run(t, "check", "-r", dir, "--as-of", asOf)
		if code != 2 || !strings.Contains(errOut, "locked") {
			t.Errorf("exit %d, stderr %q; want 2 naming the folder", code, errOut)
		}
	})
}

// TestParallelOutputIsSequential: however many bundles run at a time, every
// format's report is byte-identical to the sequential one.
func TestParallelOutputIsSequential(t *testing.T) {
	t.Parallel()
	repo := recursiveRepo(t)
	for _, format := range []string{"text", "json", "sarif", "github", "junit"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			args := []string{"check", "-r", repo, "--as-of", asOf, "--format", format}
			seq, errOut, code := run(t, append(args, "--jobs", "1")...)
			if code != 1 {
				t.Fatalf("sequential run: exit %d: %s", code, errOut)
			}
			for _, jobs := range []string{"2", "3", "8", "0"} {
				par, errOut, code := run(t, append(args, "--jobs", jobs)...)
				if code != 1 {
					t.Fatalf("--jobs %s: exit %d: %s", jobs, code, errOut)
				}
				if par != seq {
					t.Errorf("--jobs %s: the report differs from the sequential run's:\n%s", jobs, cmp.Diff(seq, par))
				}
			}
		})
	}
}

func TestJobsFlag(t *testing.T) {
	t.Parallel()
	_, errOut, code := run(t, "check", cleanExample, "--jobs", "-1")
	if code != 2 || !strings.Contains(errOut, "--jobs must be positive") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestNoProgressInPipes: standard error that is not a terminal (a pipe, a
// file, a CI log) never carries the progress line.
func TestNoProgressInPipes(t *testing.T) {
	t.Parallel()
	repo := recursiveRepo(t)
	_, errOut, _ := run(t, "check", "-r", repo, "--as-of", asOf)
	if strings.Contains(errOut, "checked") || strings.ContainsAny(errOut, "\r\x1b") {
		t.Errorf("progress on a non-terminal standard error: %q", errOut)
	}
}

// TestBadBundleAmongMany: the readable bundles are reported in every
// format, exit 2, and no baseline is written without the unread bundle.
func TestBadBundleAmongMany(t *testing.T) {
	t.Parallel()
	repo := recursiveRepo(t)
	broken := filepath.Join(repo, "bundles", "good")
	writeFile(t, filepath.Join(broken, "security", "update-plan.yaml"), "kind: [\n")
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	out, errOut, code := run(t, "check", "-r", repo, "--as-of", asOf, "--format", "json", "--write-baseline", baseline)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if diff := cmp.Diff([]string{"bundles/bad", "bundles/bad/sub/inner"}, bundlePrefixes(t, out)); diff != "" {
		t.Errorf("bundles reported (-want +got):\n%s", diff)
	}
	if !strings.Contains(errOut, "bundles/good: security/update-plan.yaml:") || !strings.Contains(errOut, "not written") {
		t.Errorf("stderr %q", errOut)
	}
	if _, err := os.Stat(baseline); err == nil {
		t.Errorf("a baseline was written without the unread bundle's findings")
	}
}
