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
