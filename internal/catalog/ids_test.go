package catalog_test

import (
	"strings"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
)

func TestCheckID(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		rule catalog.Rule
		want string // "" for valid, else a part of the error
	}{
		"built-in":                 {catalog.Rule{ID: "AL-RISK-001", Area: "risk"}, ""},
		"built-in, mapped prefix":  {catalog.Rule{ID: "AL-TEST-002", Area: "verification"}, ""},
		"built-in, wrong area":     {catalog.Rule{ID: "AL-SBOM-001", Area: "risk"}, "built-in rules of that area are AL-RISK-NNN"},
		"built-in, malformed":      {catalog.Rule{ID: "AL-RISK-1", Area: "risk"}, "must look like AL-AREA-001"},
		"custom":                   {catalog.Rule{ID: "ACME-CUSTOM-001", Area: "custom", Custom: true}, ""},
		"custom, digits in prefix": {catalog.Rule{ID: "ORG2-SBOM-010", Area: "sbom", Custom: true}, ""},
		"custom in AL- namespace":  {catalog.Rule{ID: "AL-CUSTOM-001", Area: "custom", Custom: true}, "reserved for annexlint's built-in rules"},
		"custom, malformed":        {catalog.Rule{ID: "custom-1", Area: "custom", Custom: true}, "must look like ORG-AREA-001"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := catalog.CheckID(tc.rule)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("CheckID(%s) = %v, want nil", tc.rule.ID, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("CheckID(%s) = %v, want an error containing %q", tc.rule.ID, err, tc.want)
			}
		})
	}
}
