// Package vuln reads vulnerability inputs of a documentation bundle and
// normalises them into one model that the Rego policies read:
//
//   - VEX: OpenVEX (v0.2.0 and the legacy v0.0.1 "https://openvex.dev/ns"
//     context), CSAF 2.0 documents of the csaf_vex profile, and CycloneDX
//     BOMs carrying vulnerabilities[].analysis (CycloneDX VEX);
//   - scanner results: Grype JSON, Trivy JSON (SchemaVersion 2), OSV-Scanner
//     JSON, and CycloneDX BOMs whose vulnerabilities have no analysis at all
//     (a scanner's VDR output, e.g. "grype -o cyclonedx-json");
//   - the CISA Known Exploited Vulnerabilities catalog.
//
// The format is detected from the content, never from the file name.
//
// # Validation
//
// The official OpenVEX 0.2.0 and CSAF 2.0 JSON schemas are written for JSON
// Schema draft 2020-12, which the project's validator
// (github.com/xeipuuv/gojsonschema, draft-07 at most) does not support: it
// ignores the keywords it does not know and so passes documents it should
// reject. This package therefore checks in Go the required fields and the
// enumerations those specifications define (and, for CSAF, the csaf_vex
// profile tests 6.1.27.x of the CSAF 2.0 standard). The results are reported as
// Document.Problems: a document with problems still loads, so a policy can
// turn them into findings next to its own. Only input that cannot be read at
// all (malformed JSON, an unknown or unsupported format) is an error, returned
// as a *position.Error.
//
// # Mapping
//
// Statements: OpenVEX gives one per statements[] entry and CycloneDX one per
// vulnerabilities[] entry, each listing all its products (OpenVEX
// subcomponents and CycloneDX affects versions are separate Products, with
// Parent and Version/Range set); CSAF gives one per product_status entry,
// i.e. per (vulnerability, product), because CSAF attaches justification
// flags, impact threats and remediations per product. Statuses are
// normalised to the OpenVEX vocabulary and the original kept in SourceStatus:
// CycloneDX exploitable -> affected, in_triage -> under_investigation,
// resolved and resolved_with_pedigree -> fixed, not_affected and
// false_positive -> not_affected (Justification "false_positive" unless a
// justification is given); CSAF first_affected, known_affected,
// last_affected -> affected, first_fixed and fixed -> fixed,
// known_not_affected -> not_affected, under_investigation as is, and
// recommended is not a status (no Statement).
//
// Every Statement, Product, Match, KEV entry and Problem carries the RFC 6901
// pointer of its source in the original file; the bundle loader resolves it
// to a line and column with docparse (FromDoc reuses the loader's parse).
package vuln
