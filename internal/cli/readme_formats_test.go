package cli_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeReportSamples checks the README's samples of the json, sarif,
// markdown and oscal reports (section "### Reports") against what annexlint
// prints, as TestReadmeRuleSamples does for the rule samples: a line "..."
// stands for one or more lines left out, every other line is printed as
// shown.
func TestReadmeReportSamples(t *testing.T) {
	t.Parallel()
	readme := readFile(t, filepath.Join("..", "..", "README.md"))
	start := strings.Index(readme, "### Reports\n")
	if start < 0 {
		t.Fatal(`README.md has no "### Reports" section`)
	}
	section := readme[start+4:]
	if end := strings.Index(section, "\n### "); end >= 0 {
		section = section[:end]
	}
	blocks := regexp.MustCompile("(?s)```console\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(blocks) != 4 {
		t.Fatalf("want the json, sarif, markdown and oscal samples, found %d console blocks", len(blocks))
	}
	for _, b := range blocks {
		cmd, want, _ := strings.Cut(b[1], "\n")
		fields := strings.Fields(strings.TrimPrefix(cmd, "$ "))
		if len(fields) == 0 || fields[0] != "annexlint" {
			t.Errorf("sample %q does not start with `$ annexlint`", cmd)
			continue
		}
		for i, f := range fields {
			if strings.HasPrefix(f, "examples/") {
				fields[i] = filepath.Join("..", "..", f)
			}
		}
		got, errOut, code := run(t, fields[1:]...)
		if code != 0 {
			t.Errorf("README: %s: exit %d: %s", cmd, code, errOut)
			continue
		}
		got = strings.ReplaceAll(got, filepath.Join("..", "..")+"/", "")
		if line, ok := sampleMatches(strings.Split(strings.TrimSuffix(want, "\n"), "\n"), strings.Split(strings.TrimSuffix(got, "\n"), "\n")); !ok {
			t.Errorf("README: the sample of %q is out of date from its line %q", cmd, line)
		}
	}
}
