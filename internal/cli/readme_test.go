package cli_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// readmeSection returns the README's "Three ways to run it" section.
func readmeSection(t *testing.T) string {
	t.Helper()
	readme := readFile(t, filepath.Join("..", "..", "README.md"))
	start := strings.Index(readme, "## Three ways to run it\n")
	if start < 0 {
		t.Fatal(`README.md has no "## Three ways to run it" section`)
	}
	rest := readme[start+3:]
	if end := strings.Index(rest, "\n## "); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// TestReadmeSnippets checks the README's three ways of running annexlint
// against what ships: the pre-commit hook ID, the action's inputs, and
// every annexlint command (run on the example bundle; exit 2 would mean a
// flag or value that no longer exists).
func TestReadmeSnippets(t *testing.T) {
	t.Parallel()
	section := readmeSection(t)
	blocks := yamlBlocks(section)
	if len(blocks) != 2 {
		t.Fatalf("want the pre-commit and the workflow YAML snippets, found %d", len(blocks))
	}

	var preCommit struct {
		Repos []struct {
			Hooks []struct {
				ID string `yaml:"id"`
			} `yaml:"hooks"`
		} `yaml:"repos"`
	}
	if err := yaml.Unmarshal([]byte(blocks[0]), &preCommit); err != nil || len(preCommit.Repos) == 0 || len(preCommit.Repos[0].Hooks) == 0 {
		t.Fatalf("pre-commit snippet: %v", err)
	}
	var hooks []struct {
		ID string `yaml:"id"`
	}
	if err := yaml.Unmarshal([]byte(readFile(t, filepath.Join("..", "..", ".pre-commit-hooks.yaml"))), &hooks); err != nil {
		t.Fatal(err)
	}
	for _, h := range preCommit.Repos[0].Hooks {
		found := false
		for _, s := range hooks {
			found = found || s.ID == h.ID
		}
		if !found {
			t.Errorf("pre-commit snippet uses hook %q, which .pre-commit-hooks.yaml does not define", h.ID)
		}
	}

	a := loadAction(t)
	var wf struct {
		Jobs map[string]struct {
			Steps []actionStep `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal([]byte(blocks[1]), &wf); err != nil {
		t.Fatalf("workflow snippet: %v", err)
	}
	uses := 0
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			if !strings.HasPrefix(s.Uses, "annexlint/annexlint@") {
				continue
			}
			uses++
			for k := range s.With {
				if _, ok := a.Inputs[k]; !ok {
					t.Errorf("workflow snippet passes %q, which action.yml does not declare", k)
				}
			}
		}
	}
	if uses != 1 {
		t.Errorf("workflow snippet uses the action %d times, want once", uses)
	}

	cmds := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(cmds) != 1 {
		t.Fatalf("want one sh snippet (the pre-audit), found %d", len(cmds))
	}
	ran := 0
	for _, line := range strings.Split(cmds[0][1], "\n") {
		line, _, _ = strings.Cut(line, "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if fields[0] != "annexlint" {
			t.Errorf("pre-audit snippet line %q does not run annexlint", line)
			continue
		}
		args := fields[1:]
		for i, arg := range args {
			switch {
			case arg == "devices/pump":
				args[i] = cleanExample
			case i > 0 && (args[i-1] == "-o" || args[i-1] == "--output"):
				args[i] = filepath.Join(t.TempDir(), filepath.Base(arg))
			}
		}
		_, stderr, code := runGuarded(t, args...)
		if code != 0 && code != 1 {
			t.Errorf("README: %s: exit %d: %s", line, code, stderr)
		}
		ran++
	}
	if ran == 0 {
		t.Error("the pre-audit snippet runs no annexlint command")
	}
}
