// Package placeholder recognises texts that stand in for content nobody
// wrote yet ("TBD", "n/a", "-", "TODO: ask supplier", "lorem ipsum"). A
// placeholder is not evidence: wherever annexlint needs real content it
// counts as absent.
//
// The list and the matching are the Go twin of lib.placeholders and
// lib.is_placeholder in policies/annexlint/lib/lib.rego, which the rules use
// on native documents. Go blanks placeholders in the documents it normalises
// (SBOM components) before the rules see them, so both must agree on every
// text: TestMatchesRegoLibrary evaluates the Rego library and fails when the
// list or the matching of either drifts. Change both together.
package placeholder

import (
	"regexp"
	"strings"
)

// list holds the placeholders as Is compares them: lower case, trimmed,
// without trailing ".:;!" (except texts made of dots only, kept as written).
var list = map[string]bool{
	"": true, "-": true, "--": true, "---": true, ".": true, "..": true, "...": true, "…": true,
	"?": true, "??": true, "???": true, "x": true, "xx": true, "xxx": true,
	"n/a": true, "na": true, "n.a.": true, "none": true, "nil": true, "null": true, "empty": true,
	"dummy": true, "placeholder": true, "pending": true, "later": true,
	"tbd": true, "tba": true, "tbc": true, "todo": true, "to do": true, "fixme": true,
	"to be defined": true, "to be determined": true, "to be done": true, "to be decided": true,
	"to be completed": true, "to be confirmed": true, "to be added": true, "to follow": true,
	"see above": true, "see below": true,
	"unknown": true, "unspecified": true, "not specified": true, "not applicable": true,
}

// List returns the placeholders in their normalised form, for tests and
// documentation.
func List() []string {
	out := make([]string, 0, len(list))
	for s := range list {
		out = append(out, s)
	}
	return out
}

// markerRE matches a text that begins with a TODO, TBD, FIXME or XXX marker
// (on the normalised text, as lib.is_placeholder does).
var markerRE = regexp.MustCompile(`^(todo|tbd|fixme|xxx)\b`)

// Is reports whether s is a placeholder: blank, on the list (ignoring case,
// surrounding space and trailing ".:;!"), beginning with a TODO/TBD/FIXME/XXX
// marker, or containing lorem ipsum.
//
// SBOMs hold tens of thousands of versions, names and package URLs, so the
// common case costs no allocation: strings.ToLower returns an ASCII text
// without capitals as it is, and the marker pattern runs only on texts that
// begin with the first letter of a marker.
func Is(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return true
	}
	if strings.Trim(t, ".") == "" { // dots only: compared as written
		return list[t]
	}
	n := strings.TrimRight(strings.ToLower(t), ".:;!")
	if list[n] {
		return true
	}
	if n != "" && (n[0] == 't' || n[0] == 'f' || n[0] == 'x') && markerRE.MatchString(n) {
		return true
	}
	return strings.Contains(n, "lorem ipsum")
}
