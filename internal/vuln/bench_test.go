package vuln

import (
	"encoding/json"
	"fmt"
	"testing"
)

// openVEXDoc generates an OpenVEX v0.2.0 document with n statements, each
// with a product and a subcomponent, cycling through the four statuses.
func openVEXDoc(tb testing.TB, n int) []byte {
	tb.Helper()
	statuses := []map[string]any{
		{"status": "not_affected", "justification": "vulnerable_code_not_present"},
		{"status": "affected", "action_statement": "Update."},
		{"status": "fixed"},
		{"status": "under_investigation"},
	}
	stmts := make([]map[string]any, n)
	for i := range stmts {
		s := map[string]any{
			"vulnerability": map[string]any{"name": fmt.Sprintf("CVE-2024-%05d", i), "aliases": []string{fmt.Sprintf("GHSA-%04d", i)}},
			"timestamp":     "2024-05-01T10:00:00Z",
			"products": []any{map[string]any{
				"@id":           fmt.Sprintf("pkg:oci/image-%d@sha256%%3Aabc%d", i%50, i),
				"subcomponents": []any{map[string]any{"@id": fmt.Sprintf("pkg:deb/debian/lib%d@1.%d.0?arch=amd64", i, i%10)}},
			}},
		}
		for k, v := range statuses[i%len(statuses)] {
			s[k] = v
		}
		stmts[i] = s
	}
	data, err := json.Marshal(map[string]any{
		"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/bench",
		"author": "bench", "timestamp": "2024-05-01T10:00:00Z", "version": 1, "statements": stmts,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func BenchmarkParseOpenVEX2000(b *testing.B) {
	data := openVEXDoc(b, 2000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Parse("bench.json", data)
		if err != nil || len(doc.Statements) != 2000 || len(doc.Problems) != 0 {
			b.Fatalf("Parse: %v", err)
		}
	}
}
