package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/annexlint/annexlint/internal/cli"
)

// TestExplain: the ID is found in any case, and the explanation has every
// part an auditor needs, examples included.
func TestExplain(t *testing.T) {
	t.Parallel()
	out, errOut, code := run(t, "explain", "al-risk-001")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"AL-RISK-001: Every declared interface is in scope of the threat model\n",
		"severity error, group risk (risk/interface-threat-coverage), runs for all products\n",
		"\nWhat it checks\n",
		"\nWhy: the clauses it enforces\n",
		"  MDR-AI-17.2, MDR Annex I 17.2 (law, verified, applies from 2021-05-26)\n",
		"  MDCG-2019-16-3.4, MDCG 2019-16 rev.1 section 3.4 (guidance, verified)\n",
		"      Security risk assessment and threat modelling. Manufacturers weigh", // the catalog's paraphrase
		"not the legal text",
		"\nHow to fix\n  Add a threat to the security risk file",
		"\nFails on (test_fail_interface_without_threat, policies/annexlint/rules/risk/interface-threat-coverage/interface_threat_coverage_test.rego:",
		"\nPasses on (test_success_every_interface_covered, ",
		`    _riskfile(threats) := {"type": "security-risk-file"`,
		"    input := {\n",
		"    }\n  the rule reports:\n    annexlint.yaml /product/interfaces/1: interface \"IF-BLE\" (Bluetooth LE) is declared in the manifest but no threat",
		"    }\n  the rule reports nothing\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
}

// TestExplainMarkdownIsThePage: `explain --format markdown` prints the
// rule's page of docs/rules/.
func TestExplainMarkdownIsThePage(t *testing.T) {
	t.Parallel()
	out, errOut, code := run(t, "explain", "AL-UPD-001", "--format", "Markdown")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if page := readFile(t, filepath.Join("..", "..", "docs", "rules", "AL-UPD-001.md")); out != page {
		t.Errorf("explain --format markdown differs from docs/rules/AL-UPD-001.md:\n%s", out)
	}
}

// TestExplainUnknownRule: exit 2, nothing on stdout, and the nearest IDs.
func TestExplainUnknownRule(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		id, want string
	}{
		"typo":         {"AL-RISK-01", `no rule has the ID "AL-RISK-01"; did you mean AL-RISK-001, AL-RISK-010,`},
		"area alone":   {"sbom-00", "did you mean AL-SBOM-001, "},
		"wrong prefix": {"ACME-UPD-001", "did you mean AL-UPD-001?"},
		"nothing near": {"XYZZY-PLUGH-999", `no rule has the ID "XYZZY-PLUGH-999" (annexlint rules lists every rule)`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, errOut, code := run(t, "explain", c.id)
			if code != 2 || out != "" {
				t.Errorf("exit %d, stdout %q; want exit 2 and nothing", code, out)
			}
			if !strings.Contains(errOut, c.want) {
				t.Errorf("stderr %q lacks %q", errOut, c.want)
			}
		})
	}
	if _, errOut, code := run(t, "explain"); code != 2 || !strings.Contains(errOut, "accepts 1 arg") {
		t.Errorf("explain without an ID: exit %d, %s", code, errOut)
	}
}

// customWithTests is a custom rule and its Rego tests, in the layout
// --policy expects.
const customRule = ruleMeta + `package annexlint.rules.custom["x"]

import data.annexlint.lib

report contains lib.finding(lib.manifest_path, "/product/name", "the product is called probe") if {
	input.manifest.content.product.name == "probe"
}
`

const customTests = `package annexlint.rules.custom["x_test"]

import data.annexlint.rules.custom["x"] as rule

_manifest(name) := {"path": "annexlint.yaml", "content": {"product": {"name": name}}}

test_fail_probe if {
	count(rule.report) == 1 with input as {"manifest": _manifest("probe")}
}

test_success_pump if {
	count(rule.report) == 0 with input as {"manifest": _manifest("pump")}
}
`

// TestExplainCustomRule: a --policy rule is explained like a built-in one,
// with the examples of its own tests, or says why it has none.
func TestExplainCustomRule(t *testing.T) {
	t.Parallel()
	dir, file := writePolicy(t, customRule)
	out, errOut, code := run(t, "explain", "acme-custom-001", "--policy", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "ACME-CUSTOM-001: Custom probe\n") || !strings.Contains(out, "declared in "+file) ||
		!strings.Contains(out, "Examples: incomplete; the rule's test package annexlint.rules.custom[\"x_test\"] needs a test_fail_") {
		t.Errorf("custom rule without tests:\n%s", out)
	}

	writeFile(t, filepath.Join(dir, "custom", "x", "x_test.rego"), customTests)
	out, errOut, code = run(t, "explain", "ACME-CUSTOM-001", "--policy", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Fails on (test_fail_probe, " + strings.TrimSuffix(file, "x.rego") + "x_test.rego:7)\n" +
			`    _manifest(name) := {"path": "annexlint.yaml", "content": {"product": {"name": name}}}` + "\n\n" +
			`    input := {"manifest": _manifest("probe")}` + "\n",
		"  the rule reports:\n    annexlint.yaml /product/name: the product is called probe\n",
		"Passes on (test_success_pump, ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}

	// An example that leans on a variable it does not show cannot be
	// evaluated: explain says so, with the test and the variable.
	writeFile(t, filepath.Join(dir, "custom", "x", "x_test.rego"), strings.Replace(customTests,
		`count(rule.report) == 1 with input as {"manifest": _manifest("probe")}`,
		"some name in [\"probe\"]\n\tcount(rule.report) == 1 with input as {\"manifest\": _manifest(name)}", 1))
	out, errOut, code = run(t, "explain", "ACME-CUSTOM-001", "--policy", dir)
	if code != 0 || !strings.Contains(out, "  evaluating the rule on it failed: the examples do not stand alone: 1 error occurred: the example of test_fail_probe (") ||
		!strings.Contains(out, "var name is unsafe") {
		t.Errorf("exit %d: %s\n%s", code, errOut, out)
	}

	// A test of the convention that gives no input is named, not skipped.
	writeFile(t, filepath.Join(dir, "custom", "x", "x_test.rego"), strings.Replace(customTests, `with input as {"manifest": _manifest("probe")}`, "", 1))
	out, errOut, code = run(t, "explain", "ACME-CUSTOM-001", "--policy", dir)
	if code != 0 || !strings.Contains(out, "Examples: none; ") || !strings.Contains(out, "x_test.rego:7: test_fail_probe has no `with input as") {
		t.Errorf("exit %d: %s\n%s", code, errOut, out)
	}
}

// TestRulesJSONMatchesSchema validates `rules --format json`, built-in and
// custom, against schemas/output/rules.schema.json, which describes it
// exactly.
func TestRulesJSONMatchesSchema(t *testing.T) {
	t.Parallel()
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + slashAbs(t, filepath.Join("..", "..", "schemas", "output", "rules.schema.json"))))
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := writePolicy(t, `# METADATA
# title: Custom dated rule
# description: A custom rule with a date and a citation the catalog does not know.
# scope: package
# custom:
#   id: ACME-CUSTOM-001
#   severity: warning
#   frameworks: [CRA]
#   applies_from: "2027-12-11"
#   applies_by: placed_on_market
#   clauses:
#     - id: MDR-AI-17.2
#       cite: MDR Annex I 17.2
#     - id: ACME-POLICY-7
#       cite: ACME security policy 7
#   remediation: Nothing to do.
package annexlint.rules.custom["x"]

report contains "x" if false
`)
	for _, args := range [][]string{
		{"rules", "--format", "JSON"},
		{"rules", "-f", "json", "--policy", dir},
		{"rules", "-f", "json", "al-upd-001", "AL-SCHEMA-001"},
	} {
		out, errOut, code := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		res, err := schema.Validate(gojsonschema.NewStringLoader(out))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors() {
			t.Errorf("%v: %s: %s", args, e.Field(), e.Description())
		}
		var doc struct {
			SchemaVersion string `json:"schema_version"`
			Rules         []struct {
				ID      string `json:"id"`
				Custom  bool   `json:"custom"`
				Clauses []struct {
					InCatalog bool `json:"in_catalog"`
				} `json:"clauses"`
			} `json:"rules"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.SchemaVersion != cli.RulesSchemaVersion {
			t.Errorf("schema_version %q, want %q", doc.SchemaVersion, cli.RulesSchemaVersion)
		}
		var ids []string
		for _, r := range doc.Rules {
			ids = append(ids, r.ID)
		}
		switch {
		case slices.Contains(args, "--policy"):
			i := slices.Index(ids, "ACME-CUSTOM-001")
			if i < 0 || !doc.Rules[i].Custom || len(doc.Rules[i].Clauses) != 2 || doc.Rules[i].Clauses[1].InCatalog {
				t.Errorf("custom rule missing or wrong: %s", out)
			}
		case slices.Contains(args, "al-upd-001"):
			if !slices.Equal(ids, []string{"AL-UPD-001", "AL-SCHEMA-001"}) {
				t.Errorf("%v lists %v, want the rules named, in that order", args, ids)
			}
		case len(ids) < 40 || !slices.IsSorted(ids):
			t.Errorf("%v lists %d rules: %v", args, len(ids), ids)
		}
	}
}

// TestRulesBadArguments: an unknown format, --split without Markdown and an
// unknown ID are usage errors.
func TestRulesBadArguments(t *testing.T) {
	t.Parallel()
	for args, want := range map[string]string{
		"rules -f yaml":                   `unknown --format "yaml" (want json, markdown or text)`,
		"rules -f json --split x":         "--split writes Markdown pages",
		"rules al-updd-001":               "did you mean AL-UPD-001, AL-PDE-001, AL-UPD-002, AL-UPD-003 or AL-UPD-011?",
		"explain AL-UPD-001 -f json":      `unknown --format "json" (want text or markdown)`,
		"rules --policy /nonexistent/dir": "--policy /nonexistent/dir: not a directory",
	} {
		out, errOut, code := run(t, strings.Fields(args)...)
		if code != 2 || out != "" || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and %q", args, code, out, errOut, want)
		}
	}
}

// TestRulePagesUpToDate regenerates docs/rules/ into a temporary folder and
// fails, naming the page, when a committed page is stale, missing or left
// over. It never writes docs/rules/; regenerate on purpose and review:
//
//	go run ./cmd/annexlint rules --format markdown --split docs/rules
func TestRulePagesUpToDate(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	if _, errOut, code := run(t, "rules", "--format", "markdown", "--split", tmp); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	committed := filepath.Join("..", "..", "docs", "rules")
	want, err := filepath.Glob(filepath.Join(tmp, "*"))
	if err != nil || len(want) < 40 {
		t.Fatalf("generated %d pages: %v", len(want), err)
	}
	const regen = "; regenerate: go run ./cmd/annexlint rules --format markdown --split docs/rules"
	for _, p := range want {
		name := filepath.Base(p)
		got, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			t.Errorf("docs/rules/%s is missing%s", name, regen)
			continue
		}
		if string(got) != readFile(t, p) {
			t.Errorf("docs/rules/%s is out of date%s", name, regen)
		}
	}
	have, err := filepath.Glob(filepath.Join(committed, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range have {
		if _, err := os.Stat(filepath.Join(tmp, filepath.Base(p))); err != nil {
			t.Errorf("docs/rules/%s is no rule's page%s", filepath.Base(p), regen)
		}
	}
}

// TestRulePagesSplitRemovesOnlyGeneratedPages: a page of a rule that no
// longer exists goes; a file the generator did not write stays.
func TestRulePagesSplitRemovesOnlyGeneratedPages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stale := "# AL-GONE-001\n\n<!-- Generated by `go run ./cmd/annexlint rules --format markdown --split docs/rules`; do not edit. -->\n"
	writeFile(t, filepath.Join(dir, "AL-GONE-001.md"), stale)
	writeFile(t, filepath.Join(dir, "notes.md"), "my own notes\n")
	if _, errOut, code := run(t, "rules", "--format", "markdown", "--split", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "AL-GONE-001.md")); !os.IsNotExist(err) {
		t.Errorf("the stale page stayed: %v", err)
	}
	if readFile(t, filepath.Join(dir, "notes.md")) != "my own notes\n" {
		t.Error("a file the generator did not write was changed")
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "README.md")), "| [AL-RISK-001](AL-RISK-001.md) |") {
		t.Error("the index does not link the pages")
	}
}

// TestCustomRuleTextIsLiteral: a custom rule's metadata is a stranger's
// text: Markdown (rules, its page) shows it literally, and the terminal
// (explain) never receives its control characters.
func TestCustomRuleTextIsLiteral(t *testing.T) {
	t.Parallel()
	dir, _ := writePolicy(t, strings.Replace(customRule, "# title: Custom probe", "# title: \"[click](https://evil.example) <b>x</b> \\e[2J\"", 1))
	for _, format := range []string{"markdown", "text"} {
		out, errOut, code := run(t, "rules", "--format", format, "--policy", dir)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if strings.Contains(out, "\x1b") || (format == "markdown" && (strings.Contains(out, "[click](") || strings.Contains(out, "<b>"))) {
			t.Errorf("rules --format %s passes the custom title through:\n%s", format, out)
		}
	}
	tmp := t.TempDir()
	if _, errOut, code := run(t, "rules", "--format", "markdown", "--split", tmp, "--policy", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, page := range []string{"ACME-CUSTOM-001.md", "README.md"} {
		if text := readFile(t, filepath.Join(tmp, page)); strings.Contains(text, "[click](") || strings.Contains(text, "<b>") || strings.Contains(text, "\x1b") {
			t.Errorf("%s passes the custom title through:\n%s", page, text)
		}
	}
	out, _, code := run(t, "explain", "ACME-CUSTOM-001", "--policy", dir)
	if code != 0 || strings.Contains(out, "\x1b") || !strings.Contains(out, `\x1b[2J`) {
		t.Errorf("explain: exit %d, the control character is not shown as an escape:\n%q", code, out)
	}
}

// TestExplainCompletesRuleIDs: shell completion offers the rule IDs that
// start with what was typed, in any case, and nothing after the one ID.
func TestExplainCompletesRuleIDs(t *testing.T) {
	t.Parallel()
	out, errOut, code := run(t, "__complete", "explain", "al-upd")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ids, directive, _ := strings.Cut(out, "\n:")
	if lines := strings.Split(ids, "\n"); !slices.Contains(lines, "AL-UPD-001") || directive == "" {
		t.Errorf("completion of al-upd = %q, want AL-UPD-001 among the IDs", out)
	} else {
		for _, l := range lines {
			if !strings.HasPrefix(l, "AL-UPD-") {
				t.Errorf("completion of al-upd offers %q", l)
			}
		}
	}
	if out, _, _ := run(t, "__complete", "explain", "AL-UPD-001", ""); strings.Contains(out, "AL-") {
		t.Errorf("completion after the ID offers %q", out)
	}
}
