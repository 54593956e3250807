package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestPreCommitHook installs annexlint as a hook with the real pre-commit
// tool in a throwaway repository holding two bundles, then commits a good
// change (it passes) and a bad one (it is blocked and the finding shown).
// The hook uses the shipped .pre-commit-hooks.yaml's files, pass_filenames
// and require_serial; only language and entry differ (language: system on a
// binary built here, since language: golang would build from a remote rev).
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs git and pre-commit; skipped with -short")
	}
	for _, tool := range []string{"pre-commit", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed, so the pre-commit hook is not tested here (Debian: apt-get install -y pre-commit git); CI installs it", tool)
		}
	}
	t.Parallel()
	manifest := filepath.Join("..", "..", ".pre-commit-hooks.yaml")
	must(t, exec.Command("pre-commit", "validate-manifest", manifest))
	var hooks []map[string]any
	if err := yaml.Unmarshal([]byte(readFile(t, manifest)), &hooks); err != nil || len(hooks) == 0 {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	hook := hooks[0]
	if hook["id"] != "annexlint" || hook["entry"] != "annexlint check" || hook["language"] != "golang" || hook["require_serial"] != true || hook["pass_filenames"] != true {
		t.Errorf("shipped hook %v: want id annexlint, entry 'annexlint check', language golang, require_serial and pass_filenames true", hook)
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "annexlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/annexlint")
	build.Dir = filepath.Join("..", "..")
	build.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false")
	must(t, build)

	repo := filepath.Join(tmp, "repo")
	copyFiles(t, cleanExample, filepath.Join(repo, "bundles", "pump"), bundleFiles(t, cleanExample))
	app := filepath.Join("..", "..", "examples", "companion-app")
	copyFiles(t, app, filepath.Join(repo, "bundles", "app"), bundleFiles(t, app))
	writeFile(t, filepath.Join(repo, "README.md"), "# device documentation\n")
	cfg, err := yaml.Marshal(map[string]any{"repos": []any{map[string]any{
		"repo": "local",
		"hooks": []any{map[string]any{
			"id":             hook["id"],
			"name":           hook["name"],
			"entry":          bin + " check --as-of " + asOf,
			"language":       "system",
			"files":          hook["files"],
			"pass_filenames": hook["pass_filenames"],
			"require_serial": hook["require_serial"],
		}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(repo, ".pre-commit-config.yaml"), string(cfg))

	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		"GIT_AUTHOR_NAME=annexlint test", "GIT_AUTHOR_EMAIL=test@example.invalid",
		"GIT_COMMITTER_NAME=annexlint test", "GIT_COMMITTER_EMAIL=test@example.invalid",
		"GIT_CONFIG_NOSYSTEM=1", "HOME="+tmp)
	cmd := func(name string, args ...string) *exec.Cmd {
		c := exec.Command(name, args...)
		c.Dir, c.Env = repo, env
		return c
	}
	must(t, cmd("git", "init", "-q", "-b", "main"))
	must(t, cmd("git", "config", "commit.gpgsign", "false"))
	must(t, cmd("pre-commit", "install"))
	must(t, cmd("git", "add", "-A"))
	out := must(t, cmd("git", "commit", "-q", "-m", "two bundles"))
	if !strings.Contains(out, "annexlint") || !strings.Contains(out, "Passed") {
		t.Errorf("first commit: the hook did not run and pass:\n%s", out)
	}

	// a good change in one bundle: the hook runs on it and passes
	replaceIn(t, filepath.Join(repo, "bundles", "app", "policies", "disclosure.yaml"), "acknowledgement_days: 3\n", "acknowledgement_days: 2\n")
	must(t, cmd("git", "add", "-A"))
	out = must(t, cmd("git", "commit", "-q", "-m", "faster acknowledgement"))
	if !strings.Contains(out, "Passed") {
		t.Errorf("good change: hook did not pass:\n%s", out)
	}

	// a bad change in the other bundle: the commit is refused and says why
	disclosure := filepath.Join(repo, "bundles", "pump", "policies", "disclosure.yaml")
	s := readFile(t, disclosure)
	i, j := strings.Index(s, "contact:\n"), strings.Index(s, "acknowledgement_days:")
	if i < 0 || j < i {
		t.Fatalf("%s drifted: no contact block", disclosure)
	}
	writeFile(t, disclosure, s[:i]+s[j:])
	must(t, cmd("git", "add", "-A"))
	var buf bytes.Buffer
	c := cmd("git", "commit", "-m", "drop the contact")
	c.Stdout, c.Stderr = &buf, &buf
	if err := c.Run(); err == nil {
		t.Fatalf("commit with a finding was not blocked:\n%s", buf.String())
	}
	for _, want := range []string{"Failed", "bundles/pump/policies/disclosure.yaml", "error AL-CVD-001"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("blocked commit's output does not show %q:\n%s", want, buf.String())
		}
	}
	if log := must(t, cmd("git", "log", "--oneline")); strings.Contains(log, "drop the contact") {
		t.Errorf("the bad change was committed:\n%s", log)
	}
}

// must runs c and returns its combined output, failing the test on error.
func must(t *testing.T, c *exec.Cmd) string {
	t.Helper()
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(c.Args, " "), err, out)
	}
	return string(out)
}
