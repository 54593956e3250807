package threatimport

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// importFixture imports a file of testdata under its base name.
func importFixture(t *testing.T, name string) (map[string]any, position.SourceMap, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	content, loc, err := Import(name, data, docparse.Limits{})
	if err != nil {
		t.Fatalf("Import(%s): %v", name, err)
	}
	return content, loc, data
}

// byID indexes the elements of content[key] by their id.
func byID(t *testing.T, content map[string]any, key string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, v := range content[key].([]any) {
		m := v.(map[string]any)
		out[m["id"].(string)] = m
	}
	return out
}

// ids lists the ids of content[key] in order.
func ids(content map[string]any, key string) []string {
	list := content[key].([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, v.(map[string]any)["id"].(string))
	}
	return out
}

// strs returns m[key] as a string list, nil when absent.
func strs(m map[string]any, key string) []string {
	list, ok := m[key].([]any)
	if !ok {
		return nil
	}
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = v.(string)
	}
	return out
}

// str returns m[key] as text, "" when absent.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// lineOf is the 1-based line of the only occurrence of needle in data.
func lineOf(t *testing.T, data []byte, needle string) int {
	t.Helper()
	s := string(data)
	i := strings.Index(s, needle)
	if i < 0 || strings.Count(s, needle) != 1 {
		t.Fatalf("fixture must hold %q exactly once", needle)
	}
	return 1 + strings.Count(s[:i], "\n")
}

// lineText is line n (1-based) of data.
func lineText(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

func itoa(i int) string { return strconv.Itoa(i) }
