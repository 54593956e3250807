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
	checkReadmeSamples(t, "## Rules, explained", "the explain and the rules --format json samples", 2)
}

// checkReadmeSamples runs the command of each console block of the README
// section under heading (up to the next heading of its level) and checks its
// output against the block; want is how many blocks the section has.
func checkReadmeSamples(t *testing.T, heading, what string, want int) {
	t.Helper()
	readme := readFile(t, filepath.Join("..", "..", "README.md"))
	start := strings.Index(readme, heading+"\n")
	if start < 0 {
		t.Fatalf("README.md has no %q section", heading)
	}
	level := heading[:strings.IndexByte(heading, ' ')+1] // "## " or "### "
	section := readme[start+len(level):]
	if end := strings.Index(section, "\n"+level); end >= 0 {
		section = section[:end]
	}
	checkConsoleSamples(t, "README", section, what, want)
}

// checkConsoleSamples runs the command of each console block of text (a
// document's part, named doc in messages) and checks its output against the
// block; want is how many blocks text has. A block is "$ annexlint ARGS" and
// the lines printed, where a line "..." stands for one or more lines left
// out; example paths are taken from the repository root.
func checkConsoleSamples(t *testing.T, doc, text, what string, want int) {
	t.Helper()
	blocks := regexp.MustCompile("(?s)```console\n(.*?)```").FindAllStringSubmatch(text, -1)
	if len(blocks) != want {
		t.Fatalf("%s: want %s, found %d console blocks", doc, what, len(blocks))
	}
	for _, b := range blocks {
		cmd, sample, _ := strings.Cut(b[1], "\n")
		fields := strings.Fields(strings.TrimPrefix(cmd, "$ "))
		if len(fields) == 0 || fields[0] != "annexlint" {
			t.Errorf("%s: sample %q does not start with `$ annexlint`", doc, cmd)
			continue
		}
		for i, f := range fields {
			if strings.HasPrefix(f, "examples/") {
				fields[i] = filepath.Join("..", "..", f)
			}
		}
		got, errOut, code := run(t, fields[1:]...)
		if code != 0 {
			t.Errorf("%s: %s: exit %d: %s", doc, cmd, code, errOut)
			continue
		}
		// A report names the bundle by the path it was given (the JSON
		// "bundle", the readiness heading): show it as given from the
		// repository root, as the sample does.
		got = strings.ReplaceAll(got, filepath.Join("..", "..", "examples")+string(filepath.Separator), "examples/")
		if line, ok := sampleMatches(strings.Split(strings.TrimSuffix(sample, "\n"), "\n"), strings.Split(strings.TrimSuffix(got, "\n"), "\n")); !ok {
			shown := strings.Split(got, "\n")
			shown = shown[:min(len(shown), 60)] // the report formats print thousands of lines
			t.Errorf("%s: the sample of %q is out of date from its line %q; annexlint prints:\n%s", doc, cmd, line, strings.Join(shown, "\n"))
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
