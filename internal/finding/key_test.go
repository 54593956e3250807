package finding_test

import (
	"testing"

	"github.com/annexlint/annexlint/internal/finding"
)

func TestStableKey(t *testing.T) {
	t.Parallel()
	content := map[string]any{
		"threats": []any{
			map[string]any{"id": "TH-01", "controls": []any{"SC-1", "SC/2"}},
			map[string]any{"title": "no id"},
		},
		"components": []any{map[string]any{"ref": "pkg:npm/a@1", "name": "a"}},
		"a/b":        []any{"x"},
	}
	cases := map[string]struct{ pointer, want string }{
		"root":               {"", ""},
		"object with an id":  {"/threats/0", "/threats[id=TH-01]"},
		"field below it":     {"/threats/0/controls/1", "/threats[id=TH-01]/controls[=SC~12]"},
		"entry without id":   {"/threats/1/title", "/threats/1/title"},
		"ref before name":    {"/components/0/name", "/components[ref=pkg:npm~1a@1]/name"},
		"escaped key":        {"/a~1b/0", "/a~1b[=x]"},
		"index out of range": {"/threats/7/id", "/threats/7/id"},
		"missing field":      {"/nothing/0", "/nothing/0"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := finding.StableKey(content, tc.pointer); got != tc.want {
				t.Errorf("StableKey(%q) = %q, want %q", tc.pointer, got, tc.want)
			}
		})
	}
}

func TestFingerprintIgnoresMessageAndLine(t *testing.T) {
	t.Parallel()
	a := finding.Finding{RuleID: "AL-RISK-001", Message: "one", Key: "/threats[id=TH-01]"}
	a.Pos.File, a.Pos.Line = "risk.yaml", 3
	b := a
	b.Message, b.Pos.Line, b.Pointer = "two", 30, "/threats/4"
	if a.Fingerprint() != b.Fingerprint() {
		t.Error("fingerprint depends on message, line or pointer")
	}
	b.Occurrence = 2
	if a.Fingerprint() == b.Fingerprint() {
		t.Error("a second occurrence shares the first one's fingerprint")
	}
}
