package doctype

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/vuln"
)

// vulnType describes one manifest document type read by the vuln package:
// which of its formats the type accepts and how to name them to a user.
type vulnType struct {
	name  string // the manifest type, e.g. "vex"
	kinds []vuln.Kind
	want  string // what the type holds, in words
}

var (
	vexType = vulnType{"vex", []vuln.Kind{vuln.KindOpenVEX, vuln.KindCSAFVEX, vuln.KindCycloneDXVEX},
		"a VEX document (OpenVEX, CSAF VEX or CycloneDX VEX)"}
	scanType = vulnType{"vulnerability-scan", []vuln.Kind{vuln.KindGrype, vuln.KindTrivy, vuln.KindOSVScanner, vuln.KindCycloneDXVDR},
		"a scanner's JSON report (Grype, Trivy, OSV-Scanner, or a CycloneDX BOM whose vulnerabilities carry no analysis)"}
	kevType = vulnType{"kev-catalog", []vuln.Kind{vuln.KindKEV}, "a CISA Known Exploited Vulnerabilities catalog (JSON)"}
)

// kindNames are the formats in words, for messages.
var kindNames = map[vuln.Kind]string{
	vuln.KindOpenVEX:      "an OpenVEX document",
	vuln.KindCSAFVEX:      "a CSAF VEX document",
	vuln.KindCycloneDXVEX: "a CycloneDX VEX",
	vuln.KindCycloneDXVDR: "a CycloneDX vulnerability report without analysis (a scan)",
	vuln.KindGrype:        "a Grype report",
	vuln.KindTrivy:        "a Trivy report",
	vuln.KindOSVScanner:   "an OSV-Scanner report",
	vuln.KindKEV:          "a CISA KEV catalog",
}

// timestampFields names, per format, the member the model's timestamp comes
// from, so a finding about the document's age points at that member.
var timestampFields = map[vuln.Kind]string{
	vuln.KindOpenVEX:      "/timestamp",
	vuln.KindCSAFVEX:      "/document/tracking/current_release_date",
	vuln.KindCycloneDXVEX: "/metadata/timestamp",
	vuln.KindCycloneDXVDR: "/metadata/timestamp",
	vuln.KindGrype:        "/descriptor/timestamp",
	vuln.KindTrivy:        "/CreatedAt",
	vuln.KindKEV:          "/dateReleased",
}

func (t vulnType) read(file string, data []byte, limits docparse.Limits) (Doc, error) {
	return readVuln(t, file, data, limits)
}

// readVuln normalises a VEX document, scan report or KEV catalog with the
// vuln package. The file is parsed once: the same docparse.Doc feeds the
// reader and resolves the model's loc pointers to lines. Structural
// problems stay in the model's "problems" for the rules to report
// (AL-VEX-001); only unreadable input and a format the manifest type does
// not hold are errors.
func readVuln(t vulnType, file string, data []byte, limits docparse.Limits) (Doc, error) {
	content, raw, err := vulnContent(t, file, data, limits)
	if err != nil {
		return Doc{}, err
	}
	return Doc{Content: content, Source: NewModelMap(file, content, raw), Plain: true}, nil
}

// vulnContent is readVuln's content, its loc members still in, and the
// parsed file they point into.
func vulnContent(t vulnType, file string, data []byte, limits docparse.Limits) (map[string]any, *docparse.Doc, error) {
	if !startsLikeJSON(data) {
		// vuln's reader explains why (XML, not JSON, empty, byte-order mark).
		_, err := vuln.ParseWith(file, data, vuln.Options{Limits: limits})
		if err == nil {
			err = position.Errorf(position.Pos{File: file, Line: 1, Col: 1}, "not JSON; %s is read from JSON", t.want)
		}
		return nil, nil, err
	}
	raw, err := docparse.Parse(file, data, limits)
	if err != nil {
		return nil, nil, err
	}
	doc, err := vuln.FromDoc(raw, vuln.Options{Limits: limits})
	if pe := (*position.Error)(nil); errors.As(err, &pe) {
		return nil, nil, position.Errorf(pe.Pos, "%s; the manifest lists it as %s, which holds %s", pe.Msg, t.name, t.want)
	} else if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", file, err)
	}
	if !slices.Contains(t.kinds, doc.Kind) {
		return nil, nil, position.Errorf(raw.Pos(""), "document is %s, but the manifest lists it as %s, which holds %s; %s",
			kindNames[doc.Kind], t.name, t.want, fixType(doc.Kind))
	}
	generic, err := Generic(doc)
	if err != nil {
		return nil, nil, err
	}
	content, ok := generic.(map[string]any)
	if !ok {
		return nil, nil, fmt.Errorf("%s: normalised document is not an object", file)
	}
	// The root loc lets a pointer to a document-level field fall back to
	// the top of the file; timestamp_source lets a rule point at the member
	// the timestamp was read from, which the flat model does not keep.
	content["loc"] = map[string]any{"pointer": ""}
	if ptr, ok := timestampFields[doc.Kind]; ok && hasPointer(raw.Value, ptr) {
		content["timestamp_source"] = map[string]any{
			"field": strings.ReplaceAll(strings.TrimPrefix(ptr, "/"), "/", "."),
			"loc":   map[string]any{"pointer": ptr},
		}
	}
	return content, raw, nil
}

// fixType says which manifest type a misfiled document belongs under.
func fixType(k vuln.Kind) string {
	for _, t := range []vulnType{vexType, scanType, kevType} {
		if slices.Contains(t.kinds, k) {
			return "list it as type " + t.name
		}
	}
	return "correct the manifest entry"
}

func startsLikeJSON(data []byte) bool {
	body := bytes.TrimLeft(data, " \t\r\n")
	return len(body) > 0 && (body[0] == '{' || body[0] == '[')
}

// hasPointer reports whether an RFC 6901 pointer (without escapes, as in
// timestampFields) names a member of v.
func hasPointer(v any, ptr string) bool {
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		if v, ok = m[tok]; !ok {
			return false
		}
	}
	return true
}
