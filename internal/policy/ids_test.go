package policy_test

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/policies"
)

// TestRuleIDsMatchAreaFolders: every built-in rule sits in the folder of
// its area and its ID is AL-<prefix of that area>-NNN, the prefix read from
// catalog.AreaPrefixes, the one table of areas and ID prefixes.
func TestRuleIDsMatchAreaFolders(t *testing.T) {
	t.Parallel()
	e := newEngine(t)
	for _, r := range e.Catalog().Rules() {
		prefix, ok := catalog.AreaPrefixes[r.Area]
		if !ok {
			t.Errorf("%s: area %q has no entry in catalog.AreaPrefixes", r.ID, r.Area)
			continue
		}
		if want := "AL-" + prefix + "-"; !strings.HasPrefix(r.ID, want) {
			t.Errorf("%s (%s): built-in rules of area %s have IDs %sNNN", r.ID, r.Name, r.Area, want)
		}
		if r.Custom {
			t.Errorf("%s: a built-in rule is marked custom", r.ID)
		}
		if r.Query == "" {
			continue // implemented in Go: no folder
		}
		dir := "policies/annexlint/rules/" + r.Area + "/" + r.Slug + "/"
		if !strings.HasPrefix(r.Source, dir) {
			t.Errorf("%s: declared at %s, want under %s", r.ID, r.Source, dir)
		}
	}
	// Every area folder is in the table, even before it holds a rule.
	areas, err := fs.ReadDir(policies.FS, "annexlint/rules")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range areas {
		if _, ok := catalog.AreaPrefixes[a.Name()]; a.IsDir() && !ok {
			t.Errorf("%s: area folder has no entry in catalog.AreaPrefixes", path.Join("policies/annexlint/rules", a.Name()))
		}
	}
}
