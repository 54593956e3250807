package vuln

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// Sentinel errors that Detect wraps, for callers that route files.
var (
	// ErrUnknownFormat: valid JSON that is none of the supported formats.
	ErrUnknownFormat = errors.New("unknown format")
	// ErrNotVEX: a recognised document that is not VEX (a CSAF document of
	// another category, a CycloneDX BOM without vulnerabilities, SPDX).
	ErrNotVEX = errors.New("not VEX")
	// ErrUnsupported: a recognised format this package does not read (SARIF,
	// attestation envelopes, XML).
	ErrUnsupported = errors.New("unsupported format")
	// ErrMalformed: the input is not well-formed JSON.
	ErrMalformed = errors.New("malformed input")
)

// detectError carries a user-facing message, the sentinel it is an instance
// of, and the JSON pointer of the member that decided it (if any).
type detectError struct {
	kind error
	msg  string
	ptr  string
}

func (e *detectError) Error() string { return e.msg }
func (e *detectError) Unwrap() error { return e.kind }

func notVEX(ptr, format string, args ...any) *detectError {
	return &detectError{kind: ErrNotVEX, msg: fmt.Sprintf(format, args...), ptr: ptr}
}

// Detect reports which supported format data holds, judging by content only.
// For anything else it returns an error that wraps ErrMalformed,
// ErrUnknownFormat, ErrNotVEX or ErrUnsupported and says why in plain words
// (with line and column for malformed input).
func Detect(data []byte) (Kind, error) {
	d, err := decode("", data, docparse.Limits{})
	if err != nil {
		msg := err.Error()
		var pe *position.Error
		if errors.As(err, &pe) {
			msg = pe.Msg
			if pe.Pos.Line > 0 {
				msg = fmt.Sprintf("line %d, column %d: %s", pe.Pos.Line, pe.Pos.Col, pe.Msg)
			}
		}
		return "", &detectError{kind: ErrMalformed, msg: msg}
	}
	k, derr := detectValue(d.Value)
	if derr != nil {
		return "", derr
	}
	return k, nil
}

// detectValue classifies a decoded document by its distinctive members.
func detectValue(v any) (Kind, *detectError) {
	m, ok := v.(map[string]any)
	if !ok {
		return "", &detectError{kind: ErrUnknownFormat,
			msg: fmt.Sprintf("not a recognised VEX, scanner or KEV document: the top level is %s, not an object", typeName(v))}
	}
	str := func(k string) string { s, _ := m[k].(string); return s }
	_, hasMatches := m["matches"].([]any)
	switch {
	case strings.HasPrefix(str("@context"), "https://openvex.dev/ns") || strings.HasPrefix(str("@context"), "http://openvex.dev/ns"):
		return KindOpenVEX, nil
	case isCSAF(m):
		doc, _ := m["document"].(map[string]any)
		cat, _ := doc["category"].(string)
		if cat != "csaf_vex" {
			if cat == "" {
				return "", notVEX("/document", "CSAF document has no document.category, so it is not the VEX profile (csaf_vex)")
			}
			return "", notVEX("/document/category", "CSAF category %q is not the VEX profile (csaf_vex)", cat)
		}
		return KindCSAFVEX, nil
	case str("bomFormat") == "CycloneDX":
		return detectCycloneDX(m)
	case m["SchemaVersion"] != nil && (m["Results"] != nil || m["ArtifactName"] != nil):
		return KindTrivy, nil
	case hasMatches && (m["descriptor"] != nil || m["source"] != nil):
		return KindGrype, nil
	case m["catalogVersion"] != nil && m["vulnerabilities"] != nil:
		return KindKEV, nil
	case isSARIF(m):
		return "", &detectError{kind: ErrUnsupported,
			msg: "SARIF scanner output is not supported; use the scanner's JSON output (grype -o json, trivy --format json, osv-scanner --format json)"}
	case isOSVScanner(m):
		return KindOSVScanner, nil
	case m["payloadType"] != nil || m["_type"] != nil || m["dsseEnvelope"] != nil:
		return "", &detectError{kind: ErrUnsupported,
			msg: "in-toto/DSSE attestations are not supported; give the VEX or scan document itself (the attestation's predicate)"}
	case m["spdxVersion"] != nil || m["SPDXID"] != nil || m["@graph"] != nil:
		return "", notVEX("", "SPDX document is an SBOM, not VEX, scan results or KEV")
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) > 8 {
		keys = append(keys[:8], "...")
	}
	return "", &detectError{kind: ErrUnknownFormat,
		msg: fmt.Sprintf("not a recognised VEX, scanner or KEV document (top-level members: %s)", strings.Join(keys, ", "))}
}

func isCSAF(m map[string]any) bool {
	doc, ok := m["document"].(map[string]any)
	if !ok {
		return false
	}
	cat, _ := doc["category"].(string)
	return doc["csaf_version"] != nil || strings.HasPrefix(cat, "csaf_")
}

func isSARIF(m map[string]any) bool {
	if s, _ := m["$schema"].(string); strings.Contains(strings.ToLower(s), "sarif") {
		return true
	}
	_, runs := m["runs"].([]any)
	return runs && m["version"] != nil
}

// isOSVScanner recognises {"results": [{"source": ..., "packages": [...]}]}.
// An empty results array counts: it is what osv-scanner writes for a clean
// scan.
func isOSVScanner(m map[string]any) bool {
	res, ok := m["results"].([]any)
	if !ok {
		return false
	}
	for _, r := range res {
		o, ok := r.(map[string]any)
		if !ok || (o["packages"] == nil && o["source"] == nil) {
			return false
		}
	}
	return true
}

// detectCycloneDX separates VEX (vulnerabilities with an analysis) from a
// scanner's VDR (vulnerabilities without one) and from a plain SBOM.
func detectCycloneDX(m map[string]any) (Kind, *detectError) {
	raw, present := m["vulnerabilities"]
	if !present {
		return "", notVEX("", "CycloneDX BOM has no vulnerabilities: it is an SBOM, not VEX or scan results")
	}
	vs, _ := raw.([]any)
	if len(vs) == 0 {
		return KindCycloneDXVEX, nil
	}
	for _, v := range vs {
		if o, ok := v.(map[string]any); ok && o["analysis"] != nil {
			return KindCycloneDXVEX, nil
		}
	}
	return KindCycloneDXVDR, nil
}
