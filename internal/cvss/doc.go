// Package cvss parses and validates CVSS v3.0, v3.1 and v4.0 vector strings
// and computes their scores as defined by FIRST:
//
//   - v3.0 and v3.1: base, temporal and environmental scores per the FIRST
//     CVSS v3.0 / v3.1 specification documents. v3.1 uses the integer-based
//     Roundup of v3.1 Appendix A; v3.0 uses the v3.0 definition
//     (ceil(x*10)/10, as in FIRST's v3.0 reference calculator). The base
//     formula is the same in both versions; the environmental formula differs
//     (v3.1 changed ModifiedImpact when Modified Scope is Changed).
//   - v4.0: the MacroVector-based scoring of the FIRST CVSS v4.0
//     specification, with the published MacroVector lookup table and the
//     algorithm of the FIRST/Red Hat reference implementation (cvss40.js).
//
// Parsing is strict: the version prefix must be "CVSS:3.0", "CVSS:3.1" or
// "CVSS:4.0"; every mandatory base metric must be present exactly once;
// unknown metrics, duplicates and values outside the specification's
// enumeration are rejected with a *ParseError naming the metric, the value and
// the allowed values. Metric names and values are case sensitive, as in the
// specifications. Metrics are accepted in any order (producers in the wild do
// not all use the specification order); String renders the canonical order.
// CVSS v2 vectors (no "CVSS:" prefix) are rejected.
package cvss
