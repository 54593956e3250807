package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/threatimport"
)

// TestImport converts each supported model into a native risk file that
// validates, is deterministic, and checks as a bundle's risk file.
func TestImport(t *testing.T) {
	t.Parallel()
	testdata := filepath.Join("..", "threatimport", "testdata")
	for _, model := range []string{"td-small.v2.json", "threagile-small.yaml"} {
		t.Run(model, func(t *testing.T) {
			t.Parallel()
			src := filepath.Join(testdata, model)
			out, errOut, code := run(t, "import", src)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if strings.Contains(errOut, "to complete") {
				t.Errorf("imported risk file does not validate:\n%s", errOut)
			}
			var doc map[string]any
			if err := yaml.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("output is not YAML: %v", err)
			}
			if doc["kind"] != "security-risk-file" || !strings.Contains(out, "\nkind: security-risk-file\n") {
				t.Errorf("kind = %v; want security-risk-file, first", doc["kind"])
			}
			if threatimport.Detect([]byte(out)) != threatimport.Native {
				t.Error("the output is not recognised as a native risk file")
			}
			if again, _, _ := run(t, "import", src); again != out {
				t.Error("two imports of one model differ")
			}

			// -o writes the same bytes; the file serves as a bundle's risk file
			dir := copyBundle(t, cleanExample)
			risk := filepath.Join(dir, "security", "risk-file.yaml")
			if _, errOut, code := run(t, "import", src, "-o", risk); code != 0 || !strings.Contains(errOut, "wrote "+risk) {
				t.Fatalf("import -o: exit %d: %s", code, errOut)
			}
			if got := readFile(t, risk); got != out {
				t.Error("-o wrote other bytes than standard output")
			}
			res, errOut, code := run(t, "check", dir, "--as-of", asOf, "--fail-on", "none")
			if code != 0 {
				t.Fatalf("check with the imported risk file: exit %d: %s", code, errOut)
			}
			if strings.Contains(res, "AL-SCHEMA-001") && strings.Contains(res, "security/risk-file.yaml") && strings.Contains(res, "does not match the security-risk-file schema") {
				t.Errorf("imported risk file has schema findings:\n%s", res)
			}
		})
	}
}

func TestImportErrors(t *testing.T) {
	t.Parallel()
	testdata := filepath.Join("..", "threatimport", "testdata")
	cases := map[string]struct {
		args []string
		want string
	}{
		"native file":     {[]string{"import", filepath.Join(testdata, "native.yaml")}, "not a Threat Dragon v2 or Threagile model"},
		"Threat Dragon 1": {[]string{"import", filepath.Join(testdata, "td-legacy.v1.json")}, "Threat Dragon v1 model"},
		"missing file":    {[]string{"import", "no-such-model.json"}, "no-such-model.json: no such file"},
		"no argument":     {[]string{"import"}, "accepts 1 arg"},
		"a folder":        {[]string{"import", testdata}, "not a regular file"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, errOut, code := run(t, tc.args...)
			if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stdout %.80q, stderr %q; want 2, nothing, and %q", code, out, errOut, tc.want)
			}
		})
	}
}

// TestImportInterfaceMapping maps model elements onto the manifest's
// interfaces: the threats on a mapped element name its interfaces, the
// interface coverage rule stops reporting them, and what is left unmapped
// is said on standard error.
func TestImportInterfaceMapping(t *testing.T) {
	t.Parallel()
	testdata := filepath.Join("..", "threatimport", "testdata")
	dir := copyBundle(t, cleanExample)
	manifest := filepath.Join(dir, "annexlint.yaml")
	risk := filepath.Join(dir, "security", "risk-file.yaml")
	model := filepath.Join(testdata, "td-small.v2.json")

	// Before: no threat names an interface, so AL-RISK-001 reports all three.
	if _, errOut, code := run(t, "import", model, "-o", risk); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	res, _, _ := run(t, "check", dir, "--as-of", asOf, "--fail-on", "none", "--quiet")
	if n := strings.Count(res, "AL-RISK-001"); n != 3 {
		t.Fatalf("unmapped import: %d AL-RISK-001 findings, want 3 (one per interface):\n%s", n, res)
	}

	// A map file for two interfaces (one element by name), a flag for the third.
	mapFile := filepath.Join(t.TempDir(), "map.yaml")
	writeFile(t, mapFile, "# element: interface\nLibrary sync: IF-WIFI\nactor-1: [IF-USB]\n")
	_, errOut, code := run(t, "import", model, "-o", risk, "--interfaces-from", manifest,
		"--map-file", mapFile, "--map", "proc-1=IF-BLE")
	if code != 0 {
		t.Fatalf("import with mapping: exit %d: %s", code, errOut)
	}
	var doc struct {
		Threats []struct {
			ID         string   `yaml:"id"`
			Interfaces []string `yaml:"interfaces"`
		} `yaml:"threats"`
	}
	if err := yaml.Unmarshal([]byte(readFile(t, risk)), &doc); err != nil {
		t.Fatal(err)
	}
	named := map[string]int{}
	for _, th := range doc.Threats {
		for _, i := range th.Interfaces {
			named[i]++
		}
	}
	if named["IF-WIFI"] != 1 || named["IF-USB"] != 1 || named["IF-BLE"] != 2 {
		t.Errorf("threats per interface = %v; want IF-WIFI 1 (flow-1), IF-USB 1 (actor-1), IF-BLE 2 (proc-1)", named)
	}
	for _, want := range []string{`process "Cloud API" (id proc-2), 2 threats; if it is one, map it with --map 'proc-2=IF-WIFI'`, "store store-1"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr does not list the unmapped element %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "proc-1,") || strings.Contains(errOut, "is named by no imported threat") {
		t.Errorf("stderr lists a mapped element or a covered interface:\n%s", errOut)
	}
	res, _, _ = run(t, "check", dir, "--as-of", asOf, "--fail-on", "none", "--quiet")
	if strings.Contains(res, "AL-RISK-001") {
		t.Errorf("every interface is mapped, yet AL-RISK-001 reports:\n%s", res)
	}

	// An interface left out is named on stderr.
	_, errOut, code = run(t, "import", model, "--interfaces-from", manifest, "--map", "proc-1=IF-BLE")
	if code != 0 || !strings.Contains(errOut, "interface IF-USB (") || strings.Contains(errOut, "interface IF-BLE (") {
		t.Errorf("exit %d; stderr should name IF-USB and IF-WIFI as unnamed, not IF-BLE:\n%s", code, errOut)
	}
}

func TestImportInterfaceMappingErrors(t *testing.T) {
	t.Parallel()
	testdata := filepath.Join("..", "threatimport", "testdata")
	model := filepath.Join(testdata, "td-small.v2.json")
	manifest := filepath.Join(cleanExample, "annexlint.yaml")
	dir := t.TempDir()
	badMap := filepath.Join(dir, "bad.yaml")
	writeFile(t, badMap, "proc-1: IF-BLE\nnowhere: IF-USB\n")
	badIface := filepath.Join(dir, "bad-iface.yaml")
	writeFile(t, badIface, "proc-1:\n  - IF-BLE\n  - IF-NFC\n")
	cases := map[string]struct {
		args []string
		want string
	}{
		"map without manifest": {[]string{"--map", "proc-1=IF-BLE"}, "need --interfaces-from"},
		"unknown interface":    {[]string{"--interfaces-from", manifest, "--map", "proc-1=IF-NFC"}, `declares no interface "IF-NFC" (its interfaces: IF-BLE, IF-USB, IF-WIFI)`},
		"unknown element":      {[]string{"--interfaces-from", manifest, "--map", "nowhere=IF-BLE"}, `no element with ID or name "nowhere"`},
		"no equals sign":       {[]string{"--interfaces-from", manifest, "--map", "proc-1"}, "write ELEMENT=IF-ID"},
		"map file element":     {[]string{"--interfaces-from", manifest, "--map-file", badMap}, "bad.yaml:2:1: " + `the model has no element with ID or name "nowhere"`},
		"map file interface":   {[]string{"--interfaces-from", manifest, "--map-file", badIface}, "bad-iface.yaml:3:5: " + `the manifest declares no interface "IF-NFC"`},
		"manifest missing":     {[]string{"--interfaces-from", filepath.Join(dir, "annexlint.yaml"), "--map", "proc-1=IF-BLE"}, "no such file"},
		"not a manifest":       {[]string{"--interfaces-from", model}, "declares no interfaces"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, errOut, code := run(t, append([]string{"import", model}, tc.args...)...)
			if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stdout %.80q, stderr %q; want 2, nothing, and %q", code, out, errOut, tc.want)
			}
		})
	}
}
