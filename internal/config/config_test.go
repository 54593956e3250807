package config_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/config"
)

func TestGlob(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		glob  string
		match []string
		miss  []string
	}{
		"literal":       {"a/b.yaml", []string{"a/b.yaml"}, []string{"a/b.yml", "x/a/b.yaml"}},
		"star in a dir": {"sbom/*.json", []string{"sbom/x.json"}, []string{"sbom/v/x.json", "x.json"}},
		"double star":   {"**/risk.yaml", []string{"risk.yaml", "a/b/risk.yaml"}, []string{"a/risk.yml"}},
		"trailing **":   {"vendor/**", []string{"vendor/a", "vendor/a/b.json"}, []string{"vendorx/a"}},
		"question mark": {"r?.yaml", []string{"r1.yaml"}, []string{"r12.yaml", "r/.yaml"}},
		"meta chars":    {"a+(b).yaml", []string{"a+(b).yaml"}, []string{"aa(b).yaml"}},
		"non-ASCII":     {"données/*.yaml", []string{"données/x.yaml"}, []string{"donnees/x.yaml"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			re := config.Glob(tc.glob)
			for _, p := range tc.match {
				if !re.MatchString(p) {
					t.Errorf("%q does not match %q", tc.glob, p)
				}
			}
			for _, p := range tc.miss {
				if re.MatchString(p) {
					t.Errorf("%q matches %q", tc.glob, p)
				}
			}
		})
	}
}

const validWaiver = `  - rule: AL-SBOM-003
    path: sbom/*.json
    reason: The vendor's SBOM omits suppliers; tracked with the vendor as ticket SEC-142.
    approved_by: J. Doe (PRRC)
    expires: 2027-03-31
`

func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, ".annexlint.yaml")
	if err := os.WriteFile(p, []byte("fail_on: warning\nformat: sarif\npolicy: [rules]\nwaivers:\n"+validWaiver), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(p, ".annexlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "warning" || c.Format != "sarif" || len(c.Policy) != 1 || c.Policy[0] != filepath.Join(dir, "rules") {
		t.Errorf("settings: %+v", c)
	}
	if len(c.Waivers) != 1 || c.Waivers[0].Source != ".annexlint.yaml:5" || !c.Waivers[0].MatchPath("sbom/x.json") {
		t.Errorf("waivers: %+v", c.Waivers)
	}
	if found, ok := config.Find(filepath.Join(dir, "a", "b"), ""); !ok || found != p {
		t.Errorf("Find from below = %q, %v", found, ok)
	}
}

// TestLoadErrors: every problem is an error at file:line saying what is wrong.
func TestLoadErrors(t *testing.T) {
	t.Parallel()
	with := func(old, new string) string { return "waivers:\n" + strings.Replace(validWaiver, old, new, 1) }
	cases := map[string]struct{ content, want string }{
		"unknown setting":      {"fail_on: error\nfial_on: none\n", `^c\.yaml:2:1: configuration: .*"fial_on" is not part`},
		"bad fail_on":          {"fail_on: fatal\n", `^c\.yaml:1:\d+: configuration: fail_on: `},
		"missing reason":       {with("    reason: The vendor's SBOM omits suppliers; tracked with the vendor as ticket SEC-142.\n", ""), `^c\.yaml:2:\d+: configuration: .*"reason" is missing`},
		"placeholder reason":   {with("The vendor's SBOM omits suppliers; tracked with the vendor as ticket SEC-142.", "TODO"), `^c\.yaml:4:\d+: waiver reason "TODO" is a placeholder`},
		"reason with TBD":      {with("tracked with the vendor as ticket SEC-142", "owner TBD"), `^c\.yaml:4:\d+: waiver reason .* holds a placeholder \(TBD\)`},
		"short reason":         {with("The vendor's SBOM omits suppliers; tracked with the vendor as ticket SEC-142.", "vendor issue"), `^c\.yaml:4:\d+: waiver reason "vendor issue" is shorter than 20`},
		"placeholder approver": {with("J. Doe (PRRC)", "tbd"), `^c\.yaml:5:\d+: waiver approved_by "tbd" is a placeholder`},
		"missing expiry":       {with("    expires: 2027-03-31\n", ""), `^c\.yaml:2:\d+: configuration: .*"expires" is missing`},
		"impossible date":      {with("2027-03-31", "2027-02-30"), `^c\.yaml:6:\d+: waiver expires "2027-02-30" is not a calendar date`},
		"bad rule ID":          {with("AL-SBOM-003", "sbom-003"), `^c\.yaml:2:\d+: configuration: .*rule`},
		"not YAML":             {"waivers: [\n", `^c\.yaml:\d+.*invalid YAML`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := config.Load(p, "c.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			if !regexp.MustCompile(tc.want).MatchString(err.Error()) {
				t.Errorf("error %q does not match %q", err, tc.want)
			}
		})
	}
}
