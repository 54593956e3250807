// Package regime decides which law governs a product on a given date: its
// qualification (medical device, IVD, product with digital elements,
// investigational device, prototype or unfinished software), its class or
// CRA category, its markets, its placing on the market and later changes, and
// the manufacturer's NIS2 status. From that decision it tells, for every
// catalog clause a rule cites, whether the clause is the legal basis of a
// finding on this product, a reference (guidance, a standard, or law cited as
// the state of the art), or not applicable, and why.
//
// The decision is made once per run from the manifest and --as-of, and opens
// every output, so an auditor can see on which basis each verdict rests.
package regime

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/annexlint/annexlint/internal/clause"
)

// Qualifications a manifest can declare (product.qualification). When the
// field is absent the framework implies the first three.
const (
	MedicalDevice        = "medical-device"
	InVitroDiagnostic    = "in-vitro-diagnostic"
	DigitalProduct       = "product-with-digital-elements"
	InvestigationalDevic = "investigational-device"
	Prototype            = "prototype"
	UnfinishedSoftware   = "unfinished-software"
)

// Dates fixed by the law itself.
const (
	CRAReportingFrom   = "2026-09-11" // CRA Art. 71(2), Art. 69(3): Art. 14 reporting
	CRAApplicationFrom = "2027-12-11" // CRA Art. 71(2): general application
)

// Role is what a cited clause is to a finding on this product and date.
type Role string

// Roles of a clause.
const (
	Basis         Role = "legal-basis"    // law that governs this product on this date
	Reference     Role = "reference"      // guidance, a standard, or law cited as state of the art
	NotApplicable Role = "not-applicable" // does not reach this product (or not yet)
)

// Change is a dated change to the product that matters to the law: a
// substantial modification under the CRA (Art. 3(30), Art. 22, Art. 69(2)) or
// a significant change of a legacy device under MDR Art. 120(3).
type Change struct {
	Date        string `json:"date"`
	Description string `json:"description"`
}

// Instrument is the decision for one instrument (or one part of one), shown
// at the top of every report.
type Instrument struct {
	Instrument string      `json:"instrument"` // e.g. MDR, CRA, NIS2
	Part       string      `json:"part,omitempty"`
	Kind       clause.Kind `json:"kind"`
	Role       Role        `json:"role"`
	Reason     string      `json:"reason"`
	Clauses    []string    `json:"clauses,omitempty"` // catalog IDs the reason rests on
}

// Decision is the regime of one product on one date.
type Decision struct {
	AsOf                string       `json:"as_of"`
	Framework           string       `json:"framework"`
	Qualification       string       `json:"qualification"`
	QualificationReason string       `json:"qualification_reason"`
	Classification      string       `json:"classification"`
	Markets             []string     `json:"markets"`
	PlacedOnMarket      string       `json:"placed_on_market,omitempty"`
	Modifications       []Change     `json:"substantial_modifications,omitempty"`
	LegacyDirective     string       `json:"legacy_directive,omitempty"`
	SignificantChanges  []Change     `json:"significant_changes,omitempty"`
	NIS2Entity          string       `json:"nis2_entity"`
	NIS2MemberStates    []string     `json:"nis2_member_states,omitempty"`
	Instruments         []Instrument `json:"instruments"`
	// Problems are contradictions in the manifest that the decision had to
	// resolve (e.g. a CRA category on an MDR device); the schema reports them
	// as findings, the decision repeats them so its reasons are complete.
	Problems []string `json:"problems,omitempty"`
}

// Decide reads the manifest content (the parsed annexlint.yaml) and decides
// the regime on asOf (YYYY-MM-DD).
func Decide(manifest any, asOf string) *Decision {
	m, _ := manifest.(map[string]any)
	p, _ := m["product"].(map[string]any)
	str := func(k string) string { s, _ := p[k].(string); return strings.TrimSpace(s) }
	d := &Decision{
		AsOf:             asOf,
		Framework:        strings.ToUpper(str("framework")),
		Qualification:    str("qualification"),
		Classification:   str("classification"),
		PlacedOnMarket:   str("placed_on_market"),
		NIS2Entity:       str("nis2_entity"),
		Markets:          upperStrings(p["markets"]),
		NIS2MemberStates: upperStrings(p["nis2_member_states"]),
		Modifications:    changes(p["substantial_modifications"]),
	}
	if legacy, ok := p["legacy_device"].(map[string]any); ok {
		d.LegacyDirective, _ = legacy["directive"].(string)
		d.SignificantChanges = changes(legacy["significant_changes"])
	}
	if len(d.Markets) == 0 {
		d.Markets = []string{"EU"}
	}
	if d.NIS2Entity == "" {
		d.NIS2Entity = "none"
	}
	d.qualify()
	d.checkClass()
	d.instruments()
	return d
}

// upperStrings reads a list of strings, trimmed, upper-cased, sorted and
// without duplicates; other items are skipped.
func upperStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok && strings.TrimSpace(s) != "" {
			out = append(out, strings.ToUpper(strings.TrimSpace(s)))
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func changes(v any) []Change {
	list, _ := v.([]any)
	var out []Change
	for _, x := range list {
		c, _ := x.(map[string]any)
		date, _ := c["date"].(string)
		desc, _ := c["description"].(string)
		if date != "" {
			out = append(out, Change{Date: date, Description: desc})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// qualify settles the qualification: the declared one if it fits the
// framework, otherwise the framework's own, with the clause that says why.
func (d *Decision) qualify() {
	implied := map[string]string{"MDR": MedicalDevice, "IVDR": InVitroDiagnostic, "CRA": DigitalProduct}[d.Framework]
	allowed := map[string][]string{
		"MDR":  {MedicalDevice, InvestigationalDevic},
		"IVDR": {InVitroDiagnostic},
		"CRA":  {DigitalProduct, Prototype, UnfinishedSoftware},
	}[d.Framework]
	switch {
	case d.Qualification == "":
		d.Qualification = implied
	case !slices.Contains(allowed, d.Qualification):
		d.Problems = append(d.Problems, fmt.Sprintf("qualification %q does not fit framework %s (allowed: %s); decided as %s",
			d.Qualification, d.Framework, strings.Join(allowed, ", "), implied))
		d.Qualification = implied
	}
	switch d.Qualification {
	case MedicalDevice:
		d.QualificationReason = "medical device under the MDR (Art. 2(1))"
	case InVitroDiagnostic:
		d.QualificationReason = "in vitro diagnostic medical device under the IVDR"
	case InvestigationalDevic:
		d.QualificationReason = "investigational device in a clinical investigation, not placed on the market; it must meet the GSPRs apart from the aspects under investigation (MDR Art. 62(4)(l))"
	case DigitalProduct:
		d.QualificationReason = "product with digital elements under the CRA (Art. 2(1)), not a medical device (CRA Art. 2(2) excludes MDR/IVDR devices)"
	case Prototype:
		d.QualificationReason = "prototype shown at a trade fair or demonstration, not placed on the market (CRA Art. 4(2))"
	case UnfinishedSoftware:
		d.QualificationReason = "unfinished software made available for testing for a limited period, not placed on the market (CRA Art. 4(3))"
	default:
		d.QualificationReason = fmt.Sprintf("unknown framework %q: no law can be decided", d.Framework)
	}
	if d.Qualification == InvestigationalDevic || d.Qualification == Prototype || d.Qualification == UnfinishedSoftware {
		if d.PlacedOnMarket != "" {
			d.Problems = append(d.Problems, fmt.Sprintf("placed_on_market %s is given for a product qualified as %s, which is not placed on the market; the date is ignored", d.PlacedOnMarket, d.Qualification))
			d.PlacedOnMarket = ""
		}
	}
}

var classes = map[string][]string{
	"MDR":  {"I", "Is", "Im", "Ir", "IIa", "IIb", "III"},
	"IVDR": {"A", "B", "C", "D"},
	"CRA":  {"default", "important-class-I", "important-class-II", "critical"},
}

func (d *Decision) checkClass() {
	if want, ok := classes[d.Framework]; ok && d.Classification != "" && !slices.Contains(want, d.Classification) {
		d.Problems = append(d.Problems, fmt.Sprintf("classification %q is not a %s class (one of %s)", d.Classification, d.Framework, strings.Join(want, ", ")))
	}
}

// isDevice reports whether the product is a (possibly investigational)
// medical device or IVD: the CRA does not govern it (Art. 2(2)).
func (d *Decision) isDevice() bool {
	return d.Qualification == MedicalDevice || d.Qualification == InVitroDiagnostic || d.Qualification == InvestigationalDevic
}

func (d *Decision) isCRAProduct() bool { return d.Qualification == DigitalProduct }

// placed reports whether the product is on the market on the run's date.
func (d *Decision) placed() bool { return d.PlacedOnMarket != "" && d.PlacedOnMarket <= d.AsOf }

// legacyMDR reports whether the device is a legacy device under a Directive
// certificate with no significant change since (MDR Art. 120(3)).
func (d *Decision) legacyMDR() bool {
	if d.LegacyDirective == "" || !d.isDevice() {
		return false
	}
	for _, c := range d.SignificantChanges {
		if c.Date <= d.AsOf {
			return false
		}
	}
	return true
}

// craModifiedOn returns the first substantial modification on or after the
// CRA's application date and on or before date, if any.
func (d *Decision) craModifiedOn(date string) (Change, bool) {
	for _, c := range d.Modifications {
		if c.Date >= CRAApplicationFrom && c.Date <= date {
			return c, true
		}
	}
	return Change{}, false
}

// craProductDate is the date on which CRA product requirements are judged: the
// run's date, or the placing on the market when that is still to come (a
// pre-market check is judged by the law that will govern the placing).
func (d *Decision) craProductDate() string {
	if d.PlacedOnMarket > d.AsOf {
		return d.PlacedOnMarket
	}
	return d.AsOf
}

// craProductRole decides CRA Art. 13, Annex I, II, VII and every other
// obligation that applies from the general application date.
func (d *Decision) craProductRole(from string) (Role, string) {
	switch {
	case d.isDevice():
		return Reference, "the CRA does not govern medical devices and IVDs (CRA Art. 2(2)); cited as the state of the art"
	case d.Qualification == Prototype:
		return NotApplicable, "a prototype at a trade fair or demonstration is not placed on the market (CRA Art. 4(2))"
	case d.Qualification == UnfinishedSoftware:
		return NotApplicable, "unfinished software made available for testing is not placed on the market (CRA Art. 4(3))"
	case !d.isCRAProduct():
		return NotApplicable, "the product is not qualified as a product with digital elements"
	}
	if from == "" {
		from = CRAApplicationFrom
	}
	date := d.craProductDate()
	if date < from {
		return NotApplicable, fmt.Sprintf("applies from %s (CRA Art. 71(2)); checked as of %s", from, d.AsOf)
	}
	if d.PlacedOnMarket != "" && d.PlacedOnMarket < CRAApplicationFrom {
		if _, ok := d.craModifiedOn(date); ok {
			return Basis, ""
		}
		return NotApplicable, fmt.Sprintf("legacy product placed on the market on %s, before %s, with no substantial modification since: the CRA's product requirements apply only after one (CRA Art. 69(2), Art. 3(30))",
			d.PlacedOnMarket, CRAApplicationFrom)
	}
	return Basis, ""
}

// craReportingRole decides CRA Art. 14 (and the other obligations that apply
// from 11 September 2026): every CRA product on the market, whatever its
// placing date (Art. 69(3)).
func (d *Decision) craReportingRole(from string) (Role, string) {
	switch {
	case d.isDevice():
		return Reference, "the CRA does not govern medical devices and IVDs (CRA Art. 2(2)); cited as the state of the art"
	case !d.isCRAProduct():
		return NotApplicable, "reporting applies to products placed on the market; a prototype or unfinished software is not (CRA Art. 4(2)-(3))"
	case d.AsOf < from:
		return NotApplicable, fmt.Sprintf("CRA Art. 14 reporting applies from %s (Art. 71(2)); checked as of %s", from, d.AsOf)
	case !d.placed():
		return NotApplicable, fmt.Sprintf("the product is not on the market on %s (placed_on_market: %s)", d.AsOf, orNone(d.PlacedOnMarket))
	}
	return Basis, ""
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// pmsClause reports whether a MDR/IVDR clause is post-market surveillance,
// vigilance or the transitional article: the parts of the Regulation that
// govern legacy devices too (MDR Art. 120(3)).
// reportClasses are the device classes each periodic report of post-market
// surveillance concerns: the PMS report the lower classes (MDR Art. 85,
// IVDR Art. 80), the periodic safety update report the higher (MDR Art. 86,
// IVDR Art. 81). For the other classes the clause is not applicable, so a
// rule citing both never shows the other report as passed.
var reportClasses = map[string][]string{
	"MDR-ART85":    {"I", "Is", "Im", "Ir"},
	"MDR-ART86-1":  {"IIa", "IIb", "III"},
	"IVDR-ART80":   {"A", "B"},
	"IVDR-ART81-1": {"C", "D"},
}

func pmsClause(id string) bool {
	for _, p := range []string{"MDR-ART83", "MDR-ART84", "MDR-ART85", "MDR-ART86", "MDR-ART87", "MDR-ART88", "MDR-ART89", "MDR-ART92", "MDR-ART120",
		"IVDR-ART78", "IVDR-ART79", "IVDR-ART80", "IVDR-ART81", "IVDR-ART82", "IVDR-ART83", "IVDR-ART84"} {
		if id == p || strings.HasPrefix(id, p+"-") {
			return true
		}
	}
	return false
}

// deviceLawRole decides an MDR or IVDR clause.
func (d *Decision) deviceLawRole(c clause.Info) (Role, string) {
	own := (c.Instrument == clause.MDR && (d.Qualification == MedicalDevice || d.Qualification == InvestigationalDevic)) ||
		(c.Instrument == clause.IVDR && d.Qualification == InVitroDiagnostic)
	switch {
	case !own && d.isDevice():
		return NotApplicable, fmt.Sprintf("the product is a %s; %s does not govern it", d.Qualification, c.Instrument)
	case !own:
		return NotApplicable, fmt.Sprintf("the product is not a medical device; %s does not govern it", c.Instrument)
	case c.AppliesFrom != "" && d.AsOf < c.AppliesFrom:
		return NotApplicable, fmt.Sprintf("applies from %s; checked as of %s", c.AppliesFrom, d.AsOf)
	case d.Classification != "" && reportClasses[c.ID] != nil && !slices.Contains(reportClasses[c.ID], d.Classification):
		return NotApplicable, fmt.Sprintf("%s concerns devices of class %s; this device is class %s", c.Cite, strings.Join(reportClasses[c.ID], ", "), d.Classification)
	case d.Qualification == InvestigationalDevic && pmsClause(c.ID):
		return NotApplicable, "an investigational device is not placed on the market; post-market surveillance and vigilance do not apply (clinical-investigation reporting does)"
	case d.legacyMDR() && !pmsClause(c.ID):
		return Reference, fmt.Sprintf("legacy device under a %s certificate with no significant change: the Directive's requirements govern, the %s's post-market surveillance and vigilance apply (MDR Art. 120(3)); cited as the state of the art", d.LegacyDirective, c.Instrument)
	}
	return Basis, ""
}

// notPlacedRole decides the clauses that set the conditions for a product
// that is shown, tested or investigated without being placed on the market:
// CRA Art. 4(2) for prototypes, Art. 4(3)-(4) for unfinished software, and
// MDR Art. 62 and Annex XV for investigational devices. They concern only
// products of that qualification; ok is false for every other clause, which
// the instrument's general decision settles.
func (d *Decision) notPlacedRole(c clause.Info) (role Role, why string, ok bool) {
	var own []string
	switch {
	case c.ID == "CRA-ART4-2":
		own = []string{Prototype}
	case strings.HasPrefix(c.ID, "CRA-ART4-"):
		own = []string{UnfinishedSoftware}
	case strings.HasPrefix(c.ID, "MDR-ART62-") || strings.HasPrefix(c.ID, "MDR-AXV-"):
		own = []string{InvestigationalDevic}
	default:
		return "", "", false
	}
	if !slices.Contains(own, d.Qualification) {
		return NotApplicable, fmt.Sprintf("%s sets the conditions for a product qualified as %s, not placed on the market; this product is qualified as %s",
			c.Cite, strings.Join(own, " or "), d.Qualification), true
	}
	if c.Instrument == clause.CRA && d.AsOf < c.AppliesFrom {
		return NotApplicable, fmt.Sprintf("applies from %s (CRA Art. 71(2)); before then the CRA sets no condition for showing or testing a product; checked as of %s",
			c.AppliesFrom, d.AsOf), true
	}
	if c.Instrument == clause.MDR {
		// the device law's own dates still apply
		return "", "", false
	}
	return Basis, "", true
}

// Role decides what clause c is to a finding on this product and date, and
// why when it is not the legal basis.
func (d *Decision) Role(c clause.Info) (Role, string) {
	if role, why, ok := d.notPlacedRole(c); ok {
		return role, why
	}
	switch c.Instrument {
	case clause.MDR, clause.IVDR:
		return d.deviceLawRole(c)
	case clause.CRA:
		switch {
		case c.AppliesFrom == CRAReportingFrom:
			return d.craReportingRole(c.AppliesFrom)
		case c.AppliesFrom != "" && c.AppliesFrom < CRAApplicationFrom:
			// Chapter IV (from 2026-06-11) binds notifying authorities and
			// notified bodies, not the manufacturer.
			return NotApplicable, "an obligation of notifying authorities and notified bodies (CRA Chapter IV), not of the manufacturer"
		}
		return d.craProductRole(c.AppliesFrom)
	case clause.NIS2:
		switch {
		case d.NIS2Entity != "essential" && d.NIS2Entity != "important":
			return NotApplicable, "the manufacturer is not an essential or important entity under NIS2 (nis2_entity: " + d.NIS2Entity + ")"
		case c.AppliesFrom != "" && d.AsOf < c.AppliesFrom:
			return NotApplicable, fmt.Sprintf("national NIS2 measures apply from %s", c.AppliesFrom)
		}
		return Basis, ""
	case clause.FDA524B, clause.FDACSG:
		switch {
		case !slices.Contains(d.Markets, "US"):
			return NotApplicable, "the United States is not a market of the product (markets: " + strings.Join(d.Markets, ", ") + ")"
		case !d.isDevice():
			return NotApplicable, "FD&C Act 524B applies to cyber devices; the product is not qualified as a device"
		case c.Kind == clause.Guidance:
			return Reference, "FDA guidance on 524B, for the US market"
		case c.AppliesFrom != "" && d.AsOf < c.AppliesFrom:
			return NotApplicable, fmt.Sprintf("effective from %s", c.AppliesFrom)
		}
		return Basis, ""
	case clause.MDCG:
		if !d.isDevice() {
			return NotApplicable, "MDCG 2019-16 is guidance on medical devices; the product is not one"
		}
		return Reference, "guidance on reading the MDR/IVDR, not law"
	}
	if c.Kind == clause.Law || c.Kind == clause.ForeignLaw {
		return NotApplicable, "annexlint does not decide this instrument"
	}
	return Reference, "standard or guidance cited as the state of the art"
}

// instruments fills the summary shown at the top of every output.
func (d *Decision) instruments() {
	add := func(instrument, part string, kind clause.Kind, role Role, reason string, ids ...string) {
		d.Instruments = append(d.Instruments, Instrument{Instrument: instrument, Part: part, Kind: kind, Role: role, Reason: reason, Clauses: ids})
	}
	// Probe the roles through representative clauses so the summary and the
	// per-clause decisions cannot disagree.
	probe := func(id string) (Role, string) {
		c, ok := clause.Lookup(id)
		if !ok {
			return NotApplicable, "clause " + id + " missing from the table"
		}
		r, why := d.Role(c)
		return r, why
	}
	for _, p := range []struct {
		instrument, part, id string
		kind                 clause.Kind
		basis                []string
	}{
		{"MDR", "", "MDR-AI-17.2", clause.Law, []string{"MDR-ART2-1"}},
		{"MDR", "post-market surveillance and vigilance", "MDR-ART83-1", clause.Law, []string{"MDR-ART83-1", "MDR-ART87-1"}},
		{"IVDR", "", "IVDR-AI-16.2", clause.Law, nil},
		{"CRA", "product requirements (Art. 13, Annex I, II, VII)", "CRA-ART13-1", clause.Law, []string{"CRA-ART2-1", "CRA-ART2-2", "CRA-ART69-2"}},
		{"CRA", "reporting (Art. 14)", "CRA-ART14-1", clause.Law, []string{"CRA-ART14-1", "CRA-ART69-3"}},
		{"NIS2", "the manufacturer as an entity (Art. 20, 21, 23)", "NIS2-ART21-1", clause.Law, []string{"NIS2-ART3-1", "NIS2-ART3-2"}},
		{"FD&C Act 524B", "", "FDA-524B-A", clause.ForeignLaw, []string{"FDA-524B-C"}},
		{"MDCG 2019-16", "", "MDCG-2019-16-2.1", clause.Guidance, nil},
	} {
		role, why := probe(p.id)
		if role == Basis {
			why = d.basisReason(p.instrument, p.part)
		}
		add(p.instrument, p.part, p.kind, role, why, p.basis...)
	}
	if d.Qualification == Prototype || d.Qualification == UnfinishedSoftware {
		id, part := "CRA-ART4-2", "conditions for prototypes (Art. 4(2))"
		if d.Qualification == UnfinishedSoftware {
			id, part = "CRA-ART4-3", "conditions for unfinished software (Art. 4(3)-(4))"
		}
		role, why := probe(id)
		if role == Basis {
			why = d.basisReason("CRA", part)
		}
		add("CRA", part, clause.Law, role, why, id)
	}
	add("standards and SBOM guidance", "NTIA, CISA, BSI TR-03183-2, IEC 81001-5-1, ISO 14971 ...", clause.Standard, Reference, "cited as the state of the art; never a legal basis on their own")
}

func (d *Decision) basisReason(instrument, part string) string {
	switch instrument {
	case "MDR", "IVDR":
		if part != "" {
			return "governs every device on the market, legacy devices included (MDR Art. 120(3))"
		}
		if d.Qualification == InvestigationalDevic {
			return "investigational device: the GSPRs apply apart from the aspects under investigation (MDR Art. 62(4)(l))"
		}
		return fmt.Sprintf("%s, class %s", d.QualificationReason, orNone(d.Classification))
	case "CRA":
		if strings.HasPrefix(part, "conditions") {
			return "the product is shown or tested without being placed on the market: the CRA sets the conditions under which that is allowed (Art. 4(2)-(4))"
		}
		if strings.HasPrefix(part, "reporting") {
			return fmt.Sprintf("applies from %s to every product with digital elements on the market, whatever its placing date (CRA Art. 69(3))", CRAReportingFrom)
		}
		if c, ok := d.craModifiedOn(d.craProductDate()); ok {
			return fmt.Sprintf("substantially modified on %s (%s): the modified product must meet the CRA (Art. 69(2), Art. 3(30), Art. 22)", c.Date, c.Description)
		}
		if d.PlacedOnMarket > d.AsOf {
			return fmt.Sprintf("to be placed on the market on %s, when the CRA applies (category %s)", d.PlacedOnMarket, orNone(d.Classification))
		}
		return fmt.Sprintf("placed on the market on %s, on or after %s (category %s)", d.PlacedOnMarket, CRAApplicationFrom, orNone(d.Classification))
	case "NIS2":
		states := "Member States not listed"
		if len(d.NIS2MemberStates) > 0 {
			states = strings.Join(d.NIS2MemberStates, ", ")
		}
		return fmt.Sprintf("the manufacturer is an %s entity (%s)", d.NIS2Entity, states)
	case "FD&C Act 524B":
		return "the United States is a market of the device"
	}
	return ""
}

// Summary is one line naming the legal bases, for headers.
func (d *Decision) Summary() string {
	var bases []string
	for _, in := range d.Instruments {
		if in.Role == Basis {
			name := in.Instrument
			if in.Part != "" {
				name += " " + strings.SplitN(in.Part, " (", 2)[0]
			}
			bases = append(bases, name)
		}
	}
	if len(bases) == 0 {
		bases = []string{"none"}
	}
	return fmt.Sprintf("%s; legal basis: %s", d.Qualification, strings.Join(bases, ", "))
}
