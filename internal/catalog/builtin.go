package catalog

// Rule IDs of the checks implemented in Go rather than Rego: they need the
// raw files (schemas, hashes) rather than the normalised input.
const (
	SchemaRuleID = "AL-SCHEMA-001"
)

// Builtin returns the metadata of the Go-implemented checks.
func Builtin() []Rule {
	return []Rule{{
		ID:       SchemaRuleID,
		Name:     "schema/document-schema",
		Area:     "schema",
		Slug:     "document-schema",
		Title:    "Documents follow their annexlint schema",
		Severity: Error,
		Description: "Every document of a native annexlint type (manifest, security risk file, security update plan, " +
			"GSPR evidence matrix, disclosure policy, user security information, native test report) must validate against its JSON Schema, " +
			"so that the technical documentation is complete and machine-checkable.",
		Remediation: "Correct the field named in the message; docs/bundle-format.md describes every field of each document type.",
		Clauses: []Clause{
			{ID: "MDCG-2019-16-4.2-SECDOC", Cite: "MDCG 2019-16 rev.1 section 4.2, MDR Annex I 23.4(ab) (security documentation beyond the IFU)"},
			{ID: "MDR-AII-4", Cite: "MDR Annex II section 4"},
			{ID: "MDR-AII-5", Cite: "MDR Annex II section 5"},
			{ID: "MDR-AII-6", Cite: "MDR Annex II section 6"},
			{ID: "CRA-ART31-1", Cite: "CRA Art. 31(1)"},
		},
	}}
}
