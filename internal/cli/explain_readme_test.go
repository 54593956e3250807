package cli_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeRuleSamples checks the samples of the README's "Rules,
// explained" section against what annexlint prints: each console block is
// a command and its output, where a line "..." stands for one or more lines
// left out and every other line must be printed as shown.
func TestReadmeRuleSamples(t *testing.T) {
	t.Parallel()
	readme := readFile(t, filepath.Join("..", "..", "README.md"))
	start := strings.Index(readme, "## Rules, explained\n")
	if start < 0 {
		t.Fatal(`README.md has no "## Rules, explained" section`)
	}
	section := readme[start+3:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	blocks := regexp.MustCompile("(?s)```console\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(blocks) != 2 {
		t.Fatalf("want the explain and the rules --format json samples, found %d console blocks", len(blocks))
	}
	for _, b := range blocks {
		cmd, want, _ := strings.Cut(b[1], "\n")
		fields := strings.Fields(strings.TrimPrefix(cmd, "$ "))
		if len(fields) == 0 || fields[0] != "annexlint" {
			t.Errorf("sample %q does not start with `$ annexlint`", cmd)
			continue
		}
		got, errOut, code := run(t, fields[1:]...)
		if code != 0 {
			t.Errorf("README: %s: exit %d: %s", cmd, code, errOut)
			continue
		}
		if line, ok := sampleMatches(strings.Split(strings.TrimSuffix(want, "\n"), "\n"), strings.Split(strings.TrimSuffix(got, "\n"), "\n")); !ok {
			t.Errorf("README: the sample of %q is out of date from its line %q; annexlint prints:\n%s", cmd, line, got)
		}
	}
}

// sampleMatches reports whether the output lines match the sample, where a
// sample line "..." matches one or more lines; when not, the first sample
// line that could not be matched.
func sampleMatches(sample, out []string) (string, bool) {
	furthest := 0
	var match func(i, j int) bool
	match = func(i, j int) bool {
		furthest = max(furthest, i)
		switch {
		case i == len(sample):
			return j == len(out)
		case sample[i] == "...":
			for k := j + 1; k <= len(out); k++ {
				if match(i+1, k) {
					return true
				}
			}
			return false
		case j < len(out) && sample[i] == out[j]:
			return match(i+1, j+1)
		}
		return false
	}
	if match(0, 0) {
		return "", true
	}
	if furthest >= len(sample) {
		return "(end of the sample)", false
	}
	return sample[furthest], false
}

func TestSampleMatches(t *testing.T) {
	t.Parallel()
	out := []string{"a", "b", "c", "d"}
	for _, c := range []struct {
		sample []string
		ok     bool
	}{
		{[]string{"a", "b", "c", "d"}, true},
		{[]string{"a", "...", "d"}, true},
		{[]string{"a", "..."}, true},
		{[]string{"a", "...", "c"}, false}, // d is printed but not in the sample
		{[]string{"a", "c", "...", "d"}, false},
		{[]string{"a", "b", "c", "d", "e"}, false},
		{[]string{"a", "b", "c", "...", "d"}, false}, // "..." stands for at least one line
	} {
		if _, ok := sampleMatches(c.sample, out); ok != c.ok {
			t.Errorf("sampleMatches(%q) = %v, want %v", c.sample, ok, c.ok)
		}
	}
}
