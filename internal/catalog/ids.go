package catalog

import (
	"fmt"
	"regexp"
	"strings"
)

// Rule IDs have two namespaces, so that a built-in rule added later can never
// take the ID of a rule a user wrote (and with it their baselines and
// waivers):
//
//   - built-in rules: AL-<AREA>-<NNN>, where <AREA> is the prefix of the
//     rule's area folder in AreaPrefixes;
//   - custom rules (--policy DIR): <ORG>-<AREA>-<NNN> with an <ORG> of the
//     user's own, anything but AL (e.g. ACME-CUSTOM-001).
var (
	builtinIDRe = regexp.MustCompile(`^AL-([A-Z][A-Z0-9]*)-[0-9]{3}$`)
	customIDRe  = regexp.MustCompile(`^[A-Z][A-Z0-9]*-[A-Z][A-Z0-9]*-[0-9]{3}$`)
)

// BuiltinPrefix is the namespace of annexlint's own rule IDs.
const BuiltinPrefix = "AL-"

// AreaPrefixes maps each built-in rule area (the folder under
// policies/annexlint/rules, or the Area of a Go-implemented rule) to the
// <AREA> part of its rule IDs. Most are the folder name in capitals; the
// exceptions keep the IDs users already have in their baselines
// (verification rules have always been AL-TEST-*). A new area needs an
// entry here; a test in internal/policy checks every built-in rule against
// this table.
var AreaPrefixes = map[string]string{
	"cra":          "PDE", // product with digital elements (CRA Art. 3(1)); not "CRA", which reads as a clause ID
	"cvd":          "CVD",
	"gspr":         "GSPR",
	"lifecycle":    "LIFE",
	"nis2":         "ENT",   // the manufacturer as an entity (NIS2); not "NIS2", which reads as a clause ID
	"prototype":    "PROTO", // prototypes, unfinished software and investigational devices: shown, tested or investigated, not placed
	"pms":          "PMS",
	"reporting":    "REPORT",
	"risk":         "RISK",
	"sbom":         "SBOM",
	"supply-chain": "SUPPLY",
	"schema":       "SCHEMA",
	"updates":      "UPD",
	"user-info":    "USER",
	"verification": "TEST",
	"vex":          "VEX",
}

// CheckID says what is wrong with a rule's ID for its namespace, or nil.
func CheckID(r Rule) error {
	if r.Custom {
		if strings.HasPrefix(r.ID, BuiltinPrefix) {
			return fmt.Errorf("custom.id %q uses the AL- prefix, which is reserved for annexlint's built-in rules; "+
				"give custom rules a prefix of your own, e.g. ACME-%s-001", r.ID, idArea(r))
		}
		if !customIDRe.MatchString(r.ID) {
			return fmt.Errorf("custom.id %q must look like ORG-AREA-001 with a prefix of your own (not AL), e.g. ACME-%s-001", r.ID, idArea(r))
		}
		return nil
	}
	m := builtinIDRe.FindStringSubmatch(r.ID)
	if m == nil {
		return fmt.Errorf("custom.id %q must look like AL-AREA-001", r.ID)
	}
	if want, ok := AreaPrefixes[r.Area]; ok && m[1] != want {
		return fmt.Errorf("custom.id %q does not match its area %s: built-in rules of that area are AL-%s-NNN", r.ID, r.Area, want)
	}
	return nil
}

// idArea suggests the <AREA> part of a custom ID from the rule's area.
func idArea(r Rule) string {
	a := strings.ToUpper(strings.ReplaceAll(r.Area, "-", ""))
	if a == "" {
		return "AREA"
	}
	return a
}
