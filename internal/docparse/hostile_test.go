package docparse

import (
	"context"
	"runtime"
	"strings"
	"testing"
)

// TestIndexAmplification: deep long keys above a big array made the
// pointer-keyed index store the whole path once per value (60 KB each;
// 100k zeros reached 6 GB). The tree stores each key once.
func TestIndexAmplification(t *testing.T) {
	t.Parallel()
	key := strings.Repeat("k", 300)
	var b strings.Builder
	for i := range 200 {
		b.WriteString(`{"` + key + string(rune('a'+i%26)) + `":`)
	}
	b.WriteString("[" + strings.TrimSuffix(strings.Repeat("0,", 100_000), ",") + "]")
	b.WriteString(strings.Repeat("}", 200))
	data := []byte(b.String())

	for _, syntax := range []string{"json", "yaml"} {
		t.Run(syntax, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var d *Doc
			if syntax == "json" {
				d = Locate("f.json", data, Limits{})
			} else {
				var err error
				// JSON is YAML; parsed as YAML the index is built while parsing.
				if d, err = Parse("f.yaml", append([]byte("# yaml\n"), data...), Limits{}); err != nil {
					t.Fatal(err)
				}
			}
			ptr := ""
			for i := range 200 {
				ptr = Pointer(ptr, key+string(rune('a'+i%26)))
			}
			if p := d.Pos(ptr + "/99999"); p.Line == 0 || p.Col < 2 {
				t.Errorf("Pos of the last item = %v", p)
			}
			runtime.ReadMemStats(&after)
			// The old index needed 60 KB per value: 6 GB here.
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 200<<20 {
				t.Errorf("indexing allocated %d MB", grew>>20)
			}
		})
	}
}

// TestCheckJSON: the strict pass other readers' files go through.
func TestCheckJSON(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", 300) + strings.Repeat("]", 300)
	for name, c := range map[string]struct{ doc, want string }{
		"duplicate member": {"{\n  \"components\": [],\n  \"components\": [1]\n}", "f.json:3:3: invalid JSON: duplicate key \"components\""},
		"deep":             {`{"x": ` + deep + `}`, "nesting deeper than 256 levels"},
		"huge number":      {"{\"v\":\n 1e999999}", "f.json:2:2: invalid JSON: number 1e999999 is out of range"},
		"tiny number":      {`[1e-999999]`, "out of range"},
		"long number":      {`[` + strings.Repeat("1", 2000) + `]`, "number with 2000 characters"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := CheckJSON("f.json", []byte(c.doc), Limits{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
	if err := CheckJSON("f.json", []byte(`{"a": [1, 2.5e10, {"b": "c"}], "d": {"a": 1}}`), Limits{}); err != nil {
		t.Errorf("valid JSON refused: %v", err)
	}
}

// TestBudgetAcrossDocuments: the run's budget is shared, so many small
// documents (or one listed many times) cannot add up past it.
func TestBudgetAcrossDocuments(t *testing.T) {
	t.Parallel()
	lim := Limits{Budget: NewBudget(context.Background(), 25)}
	doc := []byte(`[1, 2, 3, 4, 5, 6, 7, 8, 9]`) // 10 values
	for i := range 2 {
		if _, err := Parse("f.json", doc, lim); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
	}
	_, err := Parse("f.json", doc, lim)
	if err == nil || !strings.Contains(err.Error(), "more than 25 values in all") || !strings.Contains(err.Error(), "--max-values") {
		t.Fatalf("third document: err = %v, want the budget refusal naming --max-values", err)
	}
}

// TestBudgetStopsOnCancel: parsing checks the run's context.
func TestBudgetStopsOnCancel(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := []byte("[" + strings.TrimSuffix(strings.Repeat("0,", 100_000), ",") + "]")
	_, err := Parse("f.json", doc, Limits{Budget: NewBudget(ctx, 1<<40)})
	if err == nil || !strings.Contains(err.Error(), "stopped while reading") {
		t.Fatalf("err = %v, want a stop", err)
	}
}

// TestYAMLValueMessages: "alias bomb?" only where aliases are used; a
// plain file with too many values says so, with the limit and the flag.
func TestYAMLValueMessages(t *testing.T) {
	t.Parallel()
	plain := "a:\n" + strings.Repeat("- 0\n", 2000)
	_, err := Parse("f.yaml", []byte(plain), Limits{MaxNodes: 1000})
	if err == nil || strings.Contains(err.Error(), "alias") || !strings.Contains(err.Error(), "limit of 1000 values") || !strings.Contains(err.Error(), "--max-values") {
		t.Errorf("plain: err = %v", err)
	}
	aliased := "x: &x [" + strings.TrimSuffix(strings.Repeat("0,", 100), ",") + "]\ny: [" + strings.TrimSuffix(strings.Repeat("*x,", 100), ",") + "]\n"
	_, err = Parse("f.yaml", []byte(aliased), Limits{MaxNodes: 5000})
	if err == nil || !strings.Contains(err.Error(), "alias bomb?") {
		t.Errorf("aliased: err = %v", err)
	}
}
