package cli_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type actionStep struct {
	ID   string            `yaml:"id"`
	Name string            `yaml:"name"`
	Uses string            `yaml:"uses"`
	If   string            `yaml:"if"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
	Env  map[string]string `yaml:"env"`
}

type actionFile struct {
	Inputs map[string]struct {
		Default  string `yaml:"default"`
		Required bool   `yaml:"required"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

// actionOnlyInputs configure the action itself, not a check flag.
var actionOnlyInputs = []string{"paths", "upload", "go-version"}

func loadAction(t *testing.T) actionFile {
	t.Helper()
	var a actionFile
	dec := yaml.NewDecoder(strings.NewReader(readFile(t, filepath.Join("..", "..", "action.yml"))))
	dec.KnownFields(false)
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// checkFlagNames lists the long flags `annexlint check --help` shows.
func checkFlagNames(t *testing.T) map[string]bool {
	t.Helper()
	out, _, code := runGuarded(t, "check", "--help")
	if code != 0 {
		t.Fatalf("check --help: exit %d", code)
	}
	flags := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+(?:-\w, )?--([a-z][a-z-]*)`).FindAllStringSubmatch(out, -1) {
		flags[m[1]] = true
	}
	if !flags["format"] || !flags["fail-on"] {
		t.Fatalf("could not read the flags from check --help:\n%s", out)
	}
	return flags
}

func envName(input string) string {
	return "INPUT_" + strings.ToUpper(strings.ReplaceAll(input, "-", "_"))
}

// TestActionInputsMatchFlags reads action.yml: every input is either one of
// the action's own or a check flag passed as that flag from its input, the
// script passes no flag check does not have, nothing is downloaded but Go
// and Go modules, and the SARIF uploaded is the report written.
func TestActionInputsMatchFlags(t *testing.T) {
	a := loadAction(t)
	flags := checkFlagNames(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	var checkStep, upload *actionStep
	for i := range a.Runs.Steps {
		s := &a.Runs.Steps[i]
		switch {
		case s.ID == "check":
			checkStep = s
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			upload = s
		case s.Uses != "" && !strings.HasPrefix(s.Uses, "actions/setup-go@"):
			t.Errorf("step %q uses %s: the action may use only actions/setup-go and upload-sarif", s.Name, s.Uses)
		}
		for _, fetcher := range []string{"curl", "wget", "go install", "go get"} {
			if strings.Contains(s.Run, fetcher) {
				t.Errorf("step %q runs %q: the action builds from its own checkout", s.Name, fetcher)
			}
		}
	}
	if checkStep == nil || upload == nil {
		t.Fatalf("action.yml needs a step with id check and an upload-sarif step")
	}
	if upload.With["sarif_file"] != "${{ inputs.output }}" {
		t.Errorf("upload-sarif sarif_file = %q, want ${{ inputs.output }}", upload.With["sarif_file"])
	}
	for name := range a.Inputs {
		if slices.Contains(actionOnlyInputs, name) {
			continue
		}
		if !flags[name] {
			t.Errorf("input %q is no check flag (and not one of the action's own: %v)", name, actionOnlyInputs)
			continue
		}
		env := envName(name)
		if got := checkStep.Env[env]; got != "${{ inputs."+name+" }}" {
			t.Errorf("check step env %s = %q, want ${{ inputs.%s }}", env, got, name)
		}
		if !strings.Contains(checkStep.Run, "--"+name+` "$`+env+`"`) {
			t.Errorf("check step does not pass input %q as --%s \"$%s\"", name, name, env)
		}
	}
	if checkStep.Env["INPUT_PATHS"] != "${{ inputs.paths }}" {
		t.Errorf("check step does not take the paths input")
	}
	for _, m := range regexp.MustCompile(`--([a-z][a-z-]*)`).FindAllStringSubmatch(checkStep.Run, -1) {
		if !flags[m[1]] {
			t.Errorf("check step passes --%s, which check does not have", m[1])
		}
	}
	for env := range checkStep.Env {
		name := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(env, "INPUT_"), "_", "-"))
		if _, ok := a.Inputs[name]; !ok {
			t.Errorf("check step env %s names no input", env)
		}
	}
}

// TestActionDocWorkflow checks that docs/github-code-scanning.md's workflow
// uses the action with inputs it declares, and may upload results.
func TestActionDocWorkflow(t *testing.T) {
	a := loadAction(t)
	doc := readFile(t, filepath.Join("..", "..", "docs", "github-code-scanning.md"))
	found := false
	for _, block := range yamlBlocks(doc) {
		var wf struct {
			Permissions map[string]string `yaml:"permissions"`
			Jobs        map[string]struct {
				Steps []actionStep `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal([]byte(block), &wf); err != nil {
			continue // a fragment of steps
		}
		for _, job := range wf.Jobs {
			for _, s := range job.Steps {
				if !strings.HasPrefix(s.Uses, "annexlint/annexlint@") {
					continue
				}
				found = true
				if wf.Permissions["security-events"] != "write" {
					t.Errorf("the workflow using the action needs permissions security-events: write")
				}
				for k := range s.With {
					if _, ok := a.Inputs[k]; !ok {
						t.Errorf("the documented workflow passes %q, which action.yml does not declare", k)
					}
				}
				for k, in := range a.Inputs {
					if in.Required && s.With[k] == "" {
						t.Errorf("the documented workflow omits required input %q", k)
					}
				}
				if len(job.Steps) == 0 || !strings.HasPrefix(job.Steps[0].Uses, "actions/checkout@") {
					t.Errorf("the documented workflow must check out the repository first")
				}
			}
		}
	}
	if !found {
		t.Fatal("docs/github-code-scanning.md has no workflow using annexlint/annexlint@...")
	}
}

// yamlBlocks returns the ```yaml fenced blocks of a Markdown document.
func yamlBlocks(doc string) []string {
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)```ya?ml\n(.*?)```").FindAllStringSubmatch(doc, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// TestActionScripts runs the action's own shell steps as the runner would
// (bash, GITHUB_ACTION_PATH, RUNNER_TEMP, GITHUB_OUTPUT, the inputs as
// environment variables): a clean bundle writes SARIF and exit-code 0, a
// flawed one exit-code 1 without failing the step (the upload comes first),
// and a usage error fails the step with 2.
func TestActionScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	a := loadAction(t)
	var build, check string
	for _, s := range a.Runs.Steps {
		switch {
		case s.ID == "check":
			check = s.Run
		case strings.Contains(s.Run, "go build"):
			build = s.Run
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	base := append(os.Environ(), "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+tmp, "ACTION_REF=v0.0.0-test", "GOFLAGS=-buildvcs=false")
	run := func(script string, env ...string) (string, int) {
		t.Helper()
		out := filepath.Join(tmp, "github_output")
		if err := os.WriteFile(out, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		c := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
		c.Dir = t.TempDir()
		c.Env = append(append(base, "GITHUB_OUTPUT="+out), env...)
		combined, err := c.CombinedOutput()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s", combined)
		return readFile(t, out), code
	}
	// -trimpath rebuilds every dependency (minutes on CI's two cores); the
	// step is run as written otherwise.
	if _, code := run(strings.Replace(build, "-trimpath ", "", 1)); code != 0 {
		t.Fatalf("build step: exit %d", code)
	}
	inputs := func(paths, format string) []string {
		var env []string
		for name, in := range a.Inputs {
			env = append(env, envName(name)+"="+in.Default)
		}
		return append(env, "INPUT_PATHS="+paths, "INPUT_FORMAT="+format, "INPUT_AS_OF="+asOf, "INPUT_OUTPUT="+filepath.Join(tmp, "out.sarif"))
	}
	clean, _ := filepath.Abs(cleanExample)
	flawed, _ := filepath.Abs(flawedExample)

	out, code := run(check, inputs(clean+"\n", "sarif")...)
	if code != 0 || !strings.Contains(out, "exit-code=0") {
		t.Fatalf("clean bundle: step exit %d, outputs %q", code, out)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []any  `json:"runs"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(tmp, "out.sarif"))), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("report is not a one-run SARIF 2.1.0 log: %v", err)
	}

	out, code = run(check, inputs(clean+" "+flawed, "sarif")...)
	if code != 0 || !strings.Contains(out, "exit-code=1") {
		t.Fatalf("flawed bundle: step exit %d (want 0, failing after the upload), outputs %q", code, out)
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(tmp, "out.sarif"))), &log); err != nil || len(log.Runs) != 2 {
		t.Fatalf("two bundles: want a two-run log: %v", err)
	}

	out, code = run(check, inputs(clean, "yaml")...)
	if code != 2 || !strings.Contains(out, "exit-code=2") {
		t.Fatalf("bad format: step exit %d (want 2), outputs %q", code, out)
	}
}
