// Package oscal writes a run as an OSCAL assessment-results document (JSON,
// OSCAL 1.0.6), for tools that collect assessment results in NIST's Open
// Security Controls Assessment Language.
//
// The mapping (docs/output-formats.md): each bundle is one result; the
// clauses of annexlint's reference catalog are the control objectives
// (target type "objective-id", target-id the clause ID); every piece of
// evidence a rule examined is an observation (method EXAMINE); every finding
// is an observation of type "finding" and, for each applicable clause its
// rule cites, an OSCAL finding whose target is not-satisfied; every clause
// whose status is pass is an OSCAL finding whose target is satisfied, with
// the evidence observations behind it. Clauses with insufficient evidence
// are not-satisfied (their findings say why); clauses that do not apply are
// excluded from the reviewed controls and have no finding, so nothing is
// claimed satisfied that the bundle does not show.
//
// The output depends only on the run: timestamps come from --as-of and
// UUIDs are version 5 UUIDs of stable identities (the product and the
// bundle's folder in the repository, a finding's fingerprint, a clause ID,
// an evidence file's path, pointer and digest),
// the document's own UUID one of the rest of the document, so identical
// input gives identical bytes.
package oscal

import (
	"bytes"
	"crypto/sha1" //nolint:gosec // RFC 4122 version 5 UUIDs are defined with SHA-1; no security rests on them
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	findingpkg "github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/report"
	resultpkg "github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// Version is the OSCAL version the output conforms to: the newest whose
// generated JSON schema NIST keeps in its repository (testdata/README.md).
const Version = "1.0.6"

// NS qualifies the names of annexlint's own properties, as OSCAL asks of
// properties it does not define.
const NS = "https://annexlint.dev/ns/oscal"

// Writer is the OSCAL assessment-results writer.
type Writer struct{}

// Write renders one bundle as a document with one result.
func (Writer) Write(w io.Writer, meta report.Meta, res *resultpkg.Result) error {
	return Writer{}.WriteAll(w, []report.Bundle{{Meta: meta, Result: res}})
}

// WriteAll renders every bundle of the run as one result of one document.
func (Writer) WriteAll(w io.Writer, bundles []report.Bundle) error {
	if len(bundles) == 0 {
		return fmt.Errorf("oscal: no bundle to report")
	}
	// The document's UUID names its content: a v5 UUID of the document
	// written with a nil UUID and each bundle named by its identity rather
	// than by the path it was given as (which differs between checkouts).
	stable, err := marshal(build(bundles, true))
	if err != nil {
		return err
	}
	doc := build(bundles, false)
	doc.AssessmentResults.UUID = uuid5("document", string(stable))
	body, err := marshal(doc)
	if err != nil {
		return err
	}
	// encoding/json writes C1 controls and bidi overrides raw.
	_, err = w.Write(termsafe.JSON(body))
	return err
}

func marshal(doc *document) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("oscal: %w", err)
	}
	return buf.Bytes(), nil
}

// timestamp is the start of the --as-of day, UTC: the only time the run
// model knows that does not change between identical runs.
func timestamp(asOf string) string { return asOf + "T00:00:00Z" }

// identity names a bundle for UUIDs independently of where it was checked
// out and how its path was given: the product, and the bundle's folder
// relative to the repository root when there is one.
func identity(meta report.Meta, res *resultpkg.Result) string {
	parts := []string{res.Product.Manufacturer, res.Product.Name, res.Product.Version, res.Product.Framework}
	if !meta.NoRepoRoot {
		parts = append(parts, meta.RepoPrefix)
	}
	return strings.Join(parts, "\x00")
}

// build makes the document; stable names each bundle by its identity
// instead of its path, for the document's UUID.
func build(bundles []report.Bundle, stable bool) *document {
	first := bundles[0]
	latest := first.Result.AsOf
	for _, b := range bundles {
		if b.Result.AsOf > latest {
			latest = b.Result.AsOf
		}
	}
	title := "annexlint assessment of " + productName(first.Result)
	if len(bundles) > 1 {
		title = fmt.Sprintf("annexlint assessment of %d bundles", len(bundles))
	}
	version := strings.TrimSpace(first.Meta.ToolVersion)
	if version == "" {
		version = "dev"
	}
	policy := resource{
		UUID:  uuid5("policy-set", first.Meta.PolicyDigest),
		Title: "annexlint policy set",
		Description: fmt.Sprintf("The annexlint rules this assessment ran (%d policy modules, SHA-256 digest %s). "+
			"They stand in for an OSCAL assessment plan: `annexlint rules` lists each rule, its severity and the clauses "+
			"of annexlint's reference catalog it enforces.", first.Meta.PolicyModules, orNone(first.Meta.PolicyDigest)),
		Props: props("policy-digest", first.Meta.PolicyDigest),
	}
	doc := &document{AssessmentResults: assessmentResults{
		UUID: nilUUID,
		Metadata: metadata{
			Title:        title,
			LastModified: timestamp(latest),
			Version:      version,
			OSCALVersion: Version,
			Props:        props("tool", "annexlint", "tool-version", version),
			Remarks: "Written by annexlint from the run model alone: timestamps are the --as-of date, UUIDs are " +
				"derived from stable identities, so identical input gives an identical document.",
		},
		ImportAP: importAP{
			Href:    "#" + policy.UUID,
			Remarks: "annexlint keeps no separate OSCAL assessment plan; the plan is its policy set, described in back-matter.",
		},
		BackMatter: backMatter{Resources: []resource{policy}},
	}}
	seen := map[string]int{}
	for _, b := range bundles {
		id := identity(b.Meta, b.Result)
		// Two bundles of one product in one run (outside a repository)
		// stay apart by their order.
		if n := seen[id]; n > 0 {
			seen[id]++
			id += "\x00" + strconv.Itoa(n)
		} else {
			seen[id] = 1
		}
		shown := b.Result.Bundle
		if stable {
			shown = id
		}
		doc.AssessmentResults.Results = append(doc.AssessmentResults.Results, buildResult(b.Meta, b.Result, id, shown))
	}
	return doc
}

func productName(res *resultpkg.Result) string {
	name := strings.TrimSpace(res.Product.Name + " " + res.Product.Version)
	if name == "" {
		return "an unnamed product"
	}
	return name
}

func orNone(s string) string {
	if s == "" {
		return "not recorded"
	}
	return s
}

// results builds one bundle's result.
type results struct {
	bundle    string // the bundle's identity, for UUIDs
	asOf      string
	res       *resultpkg.Result
	evidence  map[string]string // evidenceKey -> observation UUID
	out       oscalResult
	obligated map[string]resultpkg.Obligation
}

// buildResult makes one bundle's result: id is the bundle's identity for
// UUIDs, shown how the result names it.
func buildResult(meta report.Meta, res *resultpkg.Result, id, shown string) oscalResult {
	r := &results{bundle: id, asOf: res.AsOf, res: res, evidence: map[string]string{}, obligated: map[string]resultpkg.Obligation{}}
	decision := ""
	if res.Regime != nil {
		decision = res.Regime.Summary()
	}
	r.out = oscalResult{
		UUID:  uuid5("result", r.bundle, r.asOf),
		Title: fmt.Sprintf("annexlint check of %s as of %s", productName(res), res.AsOf),
		Description: fmt.Sprintf("Bundle %s, checked against the law that governs the product on %s (%s). "+
			"Each clause of annexlint's reference catalog that applies is a control objective: satisfied when every rule "+
			"citing it examined evidence and found nothing wrong, not satisfied when a rule reported a finding or lacked "+
			"the evidence to judge. %s; %s.", shown, res.AsOf, decision, res.Summary(), obligationSummary(res)),
		Start: timestamp(res.AsOf),
		Props: props("bundle", shown, "as-of", res.AsOf, "framework", res.Product.Framework,
			"classification", res.Product.Classification, "policy-digest", meta.PolicyDigest),
	}
	r.reviewedControls()
	r.evidenceObservations()
	r.findings()
	r.satisfied()
	return r.out
}

func (r *results) reviewedControls() {
	var include, exclude []controlByID
	for _, o := range r.res.Obligations {
		r.obligated[o.ID] = o
		if o.Status == resultpkg.NotApplicable {
			exclude = append(exclude, controlByID{ControlID: token(o.ID)})
		} else {
			include = append(include, controlByID{ControlID: token(o.ID)})
		}
	}
	sel := controlSelection{
		Description: "Clauses of annexlint's reference catalog cited by its rules: included when they apply to the product " +
			"on the --as-of date, excluded when the regime decision says they do not.",
		IncludeControls: include,
		ExcludeControls: exclude,
	}
	r.out.ReviewedControls = reviewedControls{
		Description:       "The control IDs are clause IDs of annexlint's reference catalog (e.g. MDR-AI-17.2 for MDR Annex I 17.2).",
		ControlSelections: []controlSelection{sel},
	}
}

// evidenceKey identifies one examined piece of evidence.
func evidenceKey(e resultpkg.Evidence) string {
	return e.Path + "\x00" + e.Pointer + "\x00" + e.SHA256
}

// evidenceObservations makes one observation per piece of evidence any
// rule examined, in path and pointer order.
func (r *results) evidenceObservations() {
	seen := map[string]resultpkg.Evidence{}
	for _, rule := range r.res.Rules {
		for _, e := range rule.Evidence {
			seen[evidenceKey(e)] = e
		}
	}
	for _, o := range r.res.Obligations {
		for _, e := range o.Evidence {
			seen[evidenceKey(e)] = e
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := seen[k]
		id := uuid5("evidence", r.bundle, r.asOf, k)
		r.evidence[k] = id
		where := e.Path
		if e.Pointer != "" {
			where += " at " + e.Pointer
		}
		if e.Line > 0 {
			where += " (line " + strconv.Itoa(e.Line) + ")"
		}
		desc := "annexlint examined " + where
		if e.SHA256 != "" {
			desc += ", SHA-256 " + e.SHA256
		}
		r.out.Observations = append(r.out.Observations, observation{
			UUID:             id,
			Title:            "Evidence: " + e.Path + e.Pointer,
			Description:      desc + ".",
			Props:            props("path", e.Path, "pointer", e.Pointer, "sha256", e.SHA256),
			Methods:          []string{"EXAMINE"},
			RelevantEvidence: []evidence{{Href: href(e.Path), Description: desc + "."}},
			Collected:        timestamp(r.asOf),
		})
	}
}

// findings makes, for every finding (waived and baselined ones too: the
// clause is still not satisfied, the waiver only accepts that), one
// observation and one OSCAL finding per applicable clause its rule cites.
func (r *results) findings() {
	all := append(append(append([]findingpkg.Finding(nil), r.res.Findings...), r.res.Waived...), r.res.Baselined...)
	for _, f := range all {
		fp := f.Fingerprint()
		obsID := uuid5("finding-observation", r.bundle, r.asOf, fp)
		at := fmt.Sprintf("%s:%d:%d", f.Pos.File, f.Pos.Line, f.Pos.Col)
		status := f.Status
		var notes []string
		if f.Basis != "" {
			notes = append(notes, f.Basis+".")
		}
		if f.Waiver != nil {
			notes = append(notes, fmt.Sprintf("Waived: %s (approved by %s, expires %s).", f.Waiver.Reason, f.Waiver.ApprovedBy, f.Waiver.Expires))
		}
		remarks := strings.Join(notes, " ")
		r.out.Observations = append(r.out.Observations, observation{
			UUID:        obsID,
			Title:       fmt.Sprintf("%s at %s", f.RuleID, at),
			Description: f.Message,
			Props: props("rule-id", f.RuleID, "severity", string(f.Severity), "kind", f.Kind,
				"location", at, "pointer", f.Pointer, "fingerprint", fp, "status", status),
			Methods:          []string{"EXAMINE"},
			Types:            []string{"finding"},
			RelevantEvidence: []evidence{{Href: href(f.Pos.File), Description: "The place the finding points at: " + at + "."}},
			Collected:        timestamp(r.asOf),
			Remarks:          remarks,
		})
		reason, stateRemarks := "fail", ""
		if f.Kind == findingpkg.KindInsufficient {
			reason, stateRemarks = "other", "insufficient evidence: the documents or entries the rule needs are absent or empty"
		}
		rule, _ := r.res.Rule(f.RuleID)
		targets := 0
		for _, c := range rule.Verdict.Clauses {
			o, ok := r.obligated[c.ID]
			if !ok || o.Status == resultpkg.NotApplicable {
				continue
			}
			targets++
			r.out.Findings = append(r.out.Findings, oscalFinding{
				UUID:        uuid5("finding", r.bundle, r.asOf, fp, c.ID),
				Title:       fmt.Sprintf("%s: %s", f.RuleID, c.Cite),
				Description: f.Message,
				Props:       props("rule-id", f.RuleID, "severity", string(f.Severity), "clause-role", string(c.Role), "status", status),
				Target: target{
					Type: "objective-id", TargetID: token(c.ID), Title: c.Cite,
					Description: fmt.Sprintf("%s (%s for this product on %s)", c.Cite, c.Role, r.asOf),
					Status:      objectiveStatus{State: "not-satisfied", Reason: reason, Remarks: stateRemarks},
				},
				RelatedObservations: []relatedObservation{{ObservationUUID: obsID}},
				Remarks:             remarks,
			})
		}
		if targets == 0 {
			// A finding of a rule with no applicable clause (a schema or
			// configuration finding) still is not satisfied: its objective
			// is the rule itself.
			r.out.Findings = append(r.out.Findings, oscalFinding{
				UUID:        uuid5("finding", r.bundle, r.asOf, fp, f.RuleID),
				Title:       f.RuleID,
				Description: f.Message,
				Props:       props("rule-id", f.RuleID, "severity", string(f.Severity), "status", status),
				Target: target{
					Type: "objective-id", TargetID: token(f.RuleID), Title: "annexlint rule " + f.RuleID,
					Status: objectiveStatus{State: "not-satisfied", Reason: reason, Remarks: stateRemarks},
				},
				RelatedObservations: []relatedObservation{{ObservationUUID: obsID}},
				Remarks:             remarks,
			})
		}
	}
}

// satisfied makes one OSCAL finding per clause whose status is pass, with
// the evidence observations behind it. Only pass: a clause with
// insufficient evidence is never satisfied.
func (r *results) satisfied() {
	for _, o := range r.res.Obligations {
		if o.Status != resultpkg.Pass {
			continue
		}
		var related []relatedObservation
		seen := map[string]bool{}
		for _, e := range o.Evidence {
			id := r.evidence[evidenceKey(e)]
			if id != "" && !seen[id] {
				seen[id] = true
				related = append(related, relatedObservation{ObservationUUID: id})
			}
		}
		r.out.Findings = append(r.out.Findings, oscalFinding{
			UUID:  uuid5("clause", r.bundle, r.asOf, o.ID),
			Title: o.Cite + ": satisfied",
			Description: fmt.Sprintf("Every applicable rule citing %s (%s) examined evidence and found nothing wrong.",
				o.Cite, strings.Join(o.Rules, ", ")),
			Props: props("clause-role", string(o.Role)),
			Target: target{
				Type: "objective-id", TargetID: token(o.ID), Title: o.Cite,
				Description: fmt.Sprintf("%s (%s for this product on %s)", o.Cite, o.Role, r.asOf),
				Status:      objectiveStatus{State: "satisfied", Reason: "pass"},
			},
			RelatedObservations: related,
		})
	}
}

// obligationSummary tallies the clauses by status, in the words of the
// text report.
func obligationSummary(res *resultpkg.Result) string {
	c := res.ObligationCounts()
	return fmt.Sprintf("obligations: %d fail, %d insufficient evidence, %d pass, %d not applicable",
		c[resultpkg.Fail], c[resultpkg.Insufficient], c[resultpkg.Pass], c[resultpkg.NotApplicable])
}

// props makes properties from name, value pairs, leaving out empty values
// (OSCAL property values must not be empty). Values are trimmed to one
// line, as OSCAL's string type has no leading or trailing white space.
func props(pairs ...string) []prop {
	var out []prop
	for i := 0; i+1 < len(pairs); i += 2 {
		v := strings.Join(strings.Fields(pairs[i+1]), " ")
		if v == "" {
			continue
		}
		out = append(out, prop{Name: pairs[i], NS: NS, Value: v})
	}
	return out
}

// href makes a bundle-relative path a URI reference.
func href(p string) string { return (&url.URL{Path: p}).String() }

// The token patterns are compiled on first use: their Unicode classes
// made them the costliest regular expressions compiled at every process
// start, for an output format most runs do not write.
var (
	notToken   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^\p{L}\p{N}._-]`) })
	tokenStart = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\p{L}_]`) })
)

// token makes s an OSCAL token (an XML NCName): a letter or "_" first, then
// letters, digits, ".", "-" and "_". Catalog clause IDs already are.
func token(s string) string {
	s = notToken().ReplaceAllString(s, "_")
	if s == "" || !tokenStart().MatchString(s) {
		s = "_" + s
	}
	return s
}

const nilUUID = "00000000-0000-4000-8000-000000000000"

// namespace is annexlint's UUID namespace: the version 5 UUID of NS in the
// URL namespace of RFC 4122.
var namespace = uuidV5([16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}, NS)

// uuid5 is the version 5 UUID, in annexlint's namespace, of the parts
// joined by NUL.
func uuid5(parts ...string) string {
	u := uuidV5(namespace, strings.Join(parts, "\x00"))
	h := hex.EncodeToString(u[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// uuidV5 is RFC 4122 section 4.3 with SHA-1.
func uuidV5(ns [16]byte, name string) [16]byte {
	h := sha1.New() //nolint:gosec // see the import
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = (u[6] & 0x0f) | 0x50
	u[8] = (u[8] & 0x3f) | 0x80
	return u
}
