package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestInitSkeletonShowsWhatRemains is the contract of annexlint init: a
// fresh skeleton (a) passes schema validation and loads without an input
// error, (b) yields findings that each point at a TODO marker (a value or a
// comment on the line), so the report is the list of what remains to be
// written, and (c) passes no obligation: placeholder content is never
// evidence. The template of the security update plan is held to the same
// once listed, as its manifest comment says, after writing its remediation
// timelines (numbers of days, which no placeholder can stand for); for a CRA
// product each of AL-UPD-014, AL-UPD-015 and AL-UPD-016 (CRA Art. 13(9)-(11))
// must then report it, not pass.
func TestInitSkeletonShowsWhatRemains(t *testing.T) {
	t.Parallel()
	type skeleton struct {
		flags    []string
		listPlan bool // fill in the update plan's timelines and list it in the manifest
	}
	cases := map[string]skeleton{
		"MDR device for EU and US, with interfaces": {flags: []string{"--framework", "mdr", "--class", "IIb", "--market", "EU,US",
			"--interface", "IF-WIFI:wireless", "--interface", "IF-USB:usb", "--product", `Pump "X": #1`, "--version", "1.0.0"}},
		"IVDR device, nothing but the required flags": {flags: []string{"--framework", "IVDR", "--class", "c"}},
		"CRA product of an essential NIS2 entity":     {flags: []string{"--framework", "cra", "--category", "important-class-I", "--nis2", "essential", "--interface", "API:api", "--manufacturer", "ACME GmbH"}},
		"CRA default product":                         {flags: []string{"--framework", "cra", "--class", "default", "--market", "EU", "--market", "CH"}},
		"CRA default product, update plan listed":     {flags: []string{"--framework", "cra", "--class", "default"}, listPlan: true},
		"MDR device, update plan listed":              {flags: []string{"--framework", "mdr", "--class", "IIa"}, listPlan: true},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "bundle")
			args := append([]string{"init", dir, "--placed-on-market", "2028-03-01", "--support-end", "2035-12-31"}, c.flags...)
			if _, stderr, code := runGuarded(t, args...); code != 0 {
				t.Fatalf("init: exit %d: %s", code, stderr)
			}
			if c.listPlan {
				listUpdatePlan(t, dir, slices.Contains(c.flags, "cra"))
			}
			stdout, stderr, code := runGuarded(t, "check", dir, "--as-of", "2028-06-01", "-f", "json")
			if code != 1 {
				t.Fatalf("check: exit %d, want 1 (findings, no input error): %s", code, stderr)
			}
			var rep struct {
				Summary  map[string]int `json:"obligation_summary"`
				Findings []initFinding  `json:"findings"`
				Rules    []struct {
					ID     string `json:"id"`
					Status string `json:"status"`
				} `json:"rules"`
			}
			if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Findings) == 0 {
				t.Fatal("a skeleton has no findings")
			}
			lines := map[string][]string{}
			for _, f := range rep.Findings {
				if strings.HasPrefix(f.RuleID, "AL-SCHEMA-") {
					t.Errorf("(a) schema finding %s at %s:%d: %s", f.RuleID, f.Location.File, f.Location.Line, f.Message)
					continue
				}
				if lines[f.Location.File] == nil {
					data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Location.File)))
					if err != nil {
						t.Fatalf("finding in %s: %v", f.Location.File, err)
					}
					lines[f.Location.File] = strings.Split(string(data), "\n")
				}
				if l := f.Location.Line; l < 1 || l > len(lines[f.Location.File]) || !strings.Contains(lines[f.Location.File][l-1], "TODO") {
					t.Errorf("(b) %s at %s:%d points at no TODO marker: %s", f.RuleID, f.Location.File, l, f.Message)
				}
			}
			if c.listPlan && slices.Contains(c.flags, "cra") {
				for _, id := range []string{"AL-UPD-014", "AL-UPD-015", "AL-UPD-016"} {
					if !slices.ContainsFunc(rep.Findings, func(f initFinding) bool {
						return f.RuleID == id && f.Location.File == "security/update-plan.yaml"
					}) {
						t.Errorf("the listed update plan template yields no %s finding", id)
					}
				}
			}
			if n := rep.Summary["pass"]; n != 0 {
				t.Errorf("(c) %d obligations pass on a skeleton", n)
			}
			for _, r := range rep.Rules {
				// Schema validation passes on a skeleton by design.
				if r.Status == "pass" && r.ID != "AL-SCHEMA-001" {
					t.Errorf("(c) rule %s passes on placeholder content", r.ID)
				}
			}
		})
	}
}

type initFinding struct {
	RuleID   string `json:"rule_id"`
	Message  string `json:"message"`
	Location struct {
		File string `json:"file"`
		Line int    `json:"line"`
	} `json:"location"`
}

// listUpdatePlan does what the skeleton's manifest asks before the update
// plan is listed: it writes the plan's remediation timelines (the test's own
// numbers, without a TODO, so a finding there fails (b)) and uncomments the
// plan's entry under documents. The CRA Art. 13(9)-(11) sections must be in
// the template of a CRA product, each on a line that says what remains to be
// written there, and in no other (they do not apply to devices).
func listUpdatePlan(t *testing.T, dir string, cra bool) {
	t.Helper()
	plan := filepath.Join(dir, "security", "update-plan.yaml")
	lines := strings.Split(readFile(t, plan), "\n")
	timelines := 0
	for i, line := range lines {
		switch {
		case strings.HasPrefix(line, "  critical:"):
			lines[i], timelines = "  critical: 14", timelines+1
		case strings.HasPrefix(line, "  high:"):
			lines[i], timelines = "  high: 30", timelines+1
		}
	}
	if timelines != 2 {
		t.Fatalf("the update plan template has %d of its two remediation timelines", timelines)
	}
	for _, section := range []string{"update_availability:", "version_support:", "version_archive:"} {
		marked := slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, section) && strings.Contains(l, "TODO") })
		present := slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, section) })
		switch {
		case cra && !marked:
			t.Errorf("the update plan template of a CRA product has no %s section marked TODO", section)
		case !cra && present:
			t.Errorf("the update plan template of a device has the CRA section %s", section)
		}
	}
	writeFile(t, plan, strings.Join(lines, "\n"))
	manifest := filepath.Join(dir, "annexlint.yaml")
	commented := "  # - {id: updates, type: security-update-plan, path: security/update-plan.yaml}"
	text := readFile(t, manifest)
	if !strings.Contains(text, commented) {
		t.Fatalf("the manifest has no commented entry for the update plan: %s", text)
	}
	writeFile(t, manifest, strings.Replace(text, commented, "  - {id: updates, type: security-update-plan, path: security/update-plan.yaml}", 1))
}

// TestInitNeverOverwrites: a second init into the same folder names the
// files in the way, exits 2 and changes nothing; --force replaces them.
func TestInitNeverOverwrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	args := []string{"init", dir, "--framework", "mdr", "--class", "I", "--placed-on-market", "2027-01-01", "--support-end", "2032-01-01"}
	if _, stderr, code := runGuarded(t, args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	manifest := filepath.Join(dir, "annexlint.yaml")
	writeFile(t, manifest, "mine\n")
	stdout, stderr, code := runGuarded(t, args...)
	if code != 2 || stdout != "" || !strings.Contains(stderr, manifest) || !strings.Contains(stderr, "never overwrites") || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, stdout %q, stderr %s; want exit 2 naming %s", code, stdout, stderr, manifest)
	}
	if got := readFile(t, manifest); got != "mine\n" {
		t.Errorf("annexlint.yaml was changed: %q", got)
	}
	if _, stderr, code := runGuarded(t, append(args, "--force")...); code != 0 || !strings.Contains(readFile(t, manifest), "apiVersion: annexlint/v1") {
		t.Errorf("--force: exit %d, %s", code, stderr)
	}
	// Nothing but the skeleton's files is left: no temporary files.
	files := bundleFiles(t, dir)
	if len(files) != 6 {
		t.Errorf("files after init: %v", files)
	}
}

// TestInitUsageErrors: without a terminal every value comes from flags; a
// missing or wrong one is exit 2 with what to give, and nothing is written.
func TestInitUsageErrors(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		args []string
		want []string
	}{
		"nothing given":                {nil, []string{"missing --framework, --class, --placed-on-market, --support-end"}},
		"class of the wrong framework": {[]string{"--framework", "cra", "--class", "IIb"}, []string{`--class "IIb" is not a CRA category: want one of default, important-class-I`}},
		"unknown framework":            {[]string{"--framework", "mdd", "--class", "I"}, []string{`--framework "MDD": want mdr, ivdr or cra`}},
		"interface type":               {[]string{"--framework", "mdr", "--class", "I", "--interface", "IF-X:radio"}, []string{"--interface IF-X:radio: type must be one of network, wireless"}},
		"interface form":               {[]string{"--framework", "mdr", "--class", "I", "--interface", "wifi"}, []string{`--interface "wifi": want NAME:TYPE`}},
		"market":                       {[]string{"--framework", "mdr", "--class", "I", "--market", "Europe"}, []string{`--market "EUROPE": want EU or a two-letter country code`}},
		"date":                         {[]string{"--framework", "mdr", "--class", "I", "--placed-on-market", "1.3.2027"}, []string{`--placed-on-market "1.3.2027" is not a date`}},
		"support before placing": {[]string{"--framework", "mdr", "--class", "I", "--placed-on-market", "2027-03-01", "--support-end", "2026-01-01"},
			[]string{"--support-end 2026-01-01 is not after --placed-on-market 2027-03-01"}},
		"two folders": {[]string{"other"}, []string{"annexlint init DIR"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			stdout, stderr, code := runGuarded(t, append([]string{"init", dir}, c.args...)...)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit 2", code, stdout)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if files := bundleFiles(t, dir); len(files) != 0 {
				t.Errorf("files written despite the error: %v", files)
			}
		})
	}
}
