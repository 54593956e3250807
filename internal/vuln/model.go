package vuln

// Kind names a supported input format. Its value is what Document.Kind holds.
type Kind string

// The supported kinds.
const (
	KindOpenVEX      Kind = "openvex"
	KindCSAFVEX      Kind = "csaf-vex"
	KindCycloneDXVEX Kind = "cyclonedx-vex"
	// KindCycloneDXVDR is a CycloneDX BOM whose vulnerabilities carry no
	// analysis: a scanner's report ("this component has this vulnerability"),
	// so it is read into Matches, not Statements.
	KindCycloneDXVDR Kind = "cyclonedx-vdr"
	KindGrype        Kind = "grype"
	KindTrivy        Kind = "trivy"
	KindOSVScanner   Kind = "osv-scanner"
	KindKEV          Kind = "kev"
	// KindCSAF is a CSAF document of a category other than csaf_vex. Detect
	// never returns it; Parse produces it only with Options.LenientCSAF.
	KindCSAF Kind = "csaf"
)

// Normalised VEX statuses (the OpenVEX vocabulary, which CSAF and CycloneDX
// map onto).
const (
	StatusNotAffected        = "not_affected"
	StatusAffected           = "affected"
	StatusFixed              = "fixed"
	StatusUnderInvestigation = "under_investigation"
)

// Document is one normalised input file. Slices are never nil, so a policy can
// count them without guarding against null.
type Document struct {
	File string `json:"file"` // the name given to Parse
	Kind Kind   `json:"kind"`
	// SpecVersion is the version of the format: OpenVEX "v0.2.0"/"v0.0.1",
	// CSAF "2.0", CycloneDX specVersion, Trivy SchemaVersion.
	SpecVersion string `json:"spec_version"`
	// Version is the revision of the document itself: OpenVEX version,
	// CSAF tracking.version, CycloneDX version, KEV catalogVersion.
	Version string `json:"version"`
	ID      string `json:"id"` // OpenVEX @id, CSAF tracking.id, CycloneDX serialNumber, Trivy ReportID
	Author  string `json:"author"`
	// Timestamp is RFC 3339 as given: issue time of a VEX document, scan time
	// of a scan, release time of the KEV catalog.
	Timestamp string `json:"timestamp"`
	Tool      string `json:"tool"`    // producing tool and version, when the format says
	Subject   string `json:"subject"` // what was scanned (scans only), when the format says

	Statements []Statement `json:"statements"` // VEX kinds
	Matches    []Match     `json:"matches"`    // scanner kinds
	KEV        []KEVEntry  `json:"kev"`        // KindKEV
	Problems   []Problem   `json:"problems"`   // structural problems; not errors
}

// Statement is one VEX assertion about a vulnerability in some products.
//
// OpenVEX: one Statement per statements[] entry. CycloneDX: one per
// vulnerabilities[] entry. CSAF: one per entry of a product_status list,
// i.e. per (vulnerability, product), because CSAF attaches justification
// flags, impact threats and remediations per product.
type Statement struct {
	Vulnerability string    `json:"vulnerability"`
	Aliases       []string  `json:"aliases"` // sorted, without Vulnerability itself
	Products      []Product `json:"products"`
	// Status is normalised to StatusNotAffected, StatusAffected, StatusFixed
	// or StatusUnderInvestigation, or "" when the source status is missing or
	// unknown (a Problem says so).
	Status string `json:"status"`
	// SourceStatus is the status in the format's own vocabulary
	// (CycloneDX "exploitable", CSAF "first_fixed", ...).
	SourceStatus string `json:"source_status"`
	// Justification is the format's own value as given: OpenVEX/CSAF labels
	// such as vulnerable_code_not_present, CycloneDX code_not_present; for
	// CycloneDX false_positive without a justification it is "false_positive".
	Justification   string   `json:"justification"`
	ImpactStatement string   `json:"impact_statement"`
	ActionStatement string   `json:"action_statement"`
	Responses       []string `json:"responses"`      // CycloneDX analysis.response
	FixedVersions   []string `json:"fixed_versions"` // none of the VEX formats states one structurally; kept for symmetry with Match
	Timestamp       string   `json:"timestamp"`
	// FirstIssued is when the assessment was first made (CycloneDX
	// analysis.firstIssued), which Timestamp, the last update, may postdate:
	// remediation and investigation clocks run from it. Empty when the
	// format keeps only one time (then Timestamp is the first one known).
	FirstIssued string `json:"first_issued"`
	// Severity is the highest severity the statement rates the
	// vulnerability with (CycloneDX ratings), normalised as Match.Severity;
	// "unknown" when it gives none (OpenVEX and CSAF VEX carry no rating in
	// a form read here).
	Severity string `json:"severity"`
	// Advisories are the URLs of the published advisories the statement
	// names (CycloneDX advisories[].url, CSAF vulnerability references of
	// category self or external), for the rule that fixed vulnerabilities
	// are disclosed (CRA Annex I Part II (4)).
	Advisories []string `json:"advisories"`
	// Remediations are the CSAF remediations that name the statement's
	// product, with their dates: a vendor_fix dated in the future announces
	// when the fix will be available, one dated in the past when it became
	// so. The other formats keep no dated remediation (empty).
	Remediations []Remediation `json:"remediations"`
	Loc          Loc           `json:"loc"`
}

// Remediation is one CSAF remediation (CSAF 2.0 section 3.2.3.12) as it
// applies to one product.
type Remediation struct {
	// Category is the CSAF category as written: vendor_fix, mitigation,
	// workaround, none_available or no_fix_planned.
	Category string `json:"category"`
	Details  string `json:"details"`
	// Date is the RFC 3339 date-time as given ("" when absent): when the
	// remediation is, or is announced to be, available.
	Date string `json:"date"`
	URL  string `json:"url"`
	Loc  Loc    `json:"loc"`
}

// Product identifies what a statement is about. Purl is normalised (canonical
// form from packageurl-go); ID is the identifier exactly as written.
type Product struct {
	ID      string `json:"id"`   // OpenVEX @id, CSAF product_id, CycloneDX affects ref, as written
	Purl    string `json:"purl"` // normalised
	CPE     string `json:"cpe"`  //
	Ref     string `json:"ref"`  // CycloneDX bom-ref (fragment of a BOM-Link), CSAF product_id
	Bom     string `json:"bom"`  // CycloneDX BOM-Link target: "urn:uuid:<serial>"
	BomVer  int    `json:"bom_version"`
	Name    string `json:"name"`    //
	Version string `json:"version"` // a single version
	Range   string `json:"range"`   // a version range (vers: or free text) instead of Version
	// VersionStatus is CycloneDX affects[].versions[].status
	// (affected/unaffected/unknown), which can refine the statement's status
	// for this version.
	VersionStatus string `json:"version_status"`
	// Parent is the product that contains this one: OpenVEX product of a
	// subcomponent, CSAF relates_to_product_reference of a relationship.
	Parent *Product `json:"parent,omitempty"`
	// Container is true when another product of the same statement names
	// this one as its Parent: it only says where that product sits (an
	// OpenVEX product listing subcomponents), so the statement is about the
	// parts, not about it.
	Container bool `json:"container,omitempty"`
	Loc       Loc  `json:"loc"`
}

// Match is one scanner finding: a vulnerability in a component.
type Match struct {
	Vulnerability string   `json:"vulnerability"`
	Aliases       []string `json:"aliases"` // sorted, without Vulnerability itself
	Name          string   `json:"name"`
	Version       string   `json:"version"`
	Purl          string   `json:"purl"` // normalised
	CPEs          []string `json:"cpes"`
	Type          string   `json:"type"` // package type or ecosystem, as the scanner says
	// Severity is normalised to critical, high, medium, low, none or unknown
	// (negligible -> low, moderate -> medium, important -> high).
	Severity      string   `json:"severity"`
	CVSS          []CVSS   `json:"cvss"`
	FixedVersions []string `json:"fixed_versions"`
	FixState      string   `json:"fix_state"` // scanner's own fix state (Grype fix.state, Trivy Status)
	Target        string   `json:"target"`    // Trivy Target, OSV source path, Grype first location
	Loc           Loc      `json:"loc"`
}

// CVSS is one CVSS rating. Score is nil when neither given nor computable
// (scores are computed from CVSS v3.x vectors when absent).
type CVSS struct {
	Source  string   `json:"source"`
	Version string   `json:"version"` // "2.0", "3.0", "3.1", "4.0"
	Vector  string   `json:"vector"`
	Score   *float64 `json:"score"`
}

// KEVEntry is one CISA KEV catalog entry.
type KEVEntry struct {
	CVE                        string   `json:"cve_id"`
	VendorProject              string   `json:"vendor_project"`
	Product                    string   `json:"product"`
	VulnerabilityName          string   `json:"vulnerability_name"`
	DateAdded                  string   `json:"date_added"`
	ShortDescription           string   `json:"short_description"`
	RequiredAction             string   `json:"required_action"`
	DueDate                    string   `json:"due_date"`
	KnownRansomwareCampaignUse string   `json:"known_ransomware_campaign_use"`
	Notes                      string   `json:"notes"`
	CWEs                       []string `json:"cwes"`
	Loc                        Loc      `json:"loc"`
}

// Loc places a value in the original file. Pointer is the RFC 6901 JSON
// pointer; the caller resolves it to Line/Col.
type Loc struct {
	Pointer string `json:"pointer,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"column,omitempty"`
}

// Problem is a structural defect that does not stop the document loading:
// a missing required field, a value outside its enumeration, a CSAF VEX
// profile test failure. Loc points at the offending value, or at the object
// that lacks a required member. Code names the kind of defect for rules to
// match (ProblemInvalid unless a rule treats the kind apart); Msg is for
// people and may be reworded.
type Problem struct {
	Loc  Loc    `json:"loc"`
	Code string `json:"code"`
	Msg  string `json:"msg"`
}

// Problem codes. They are part of the policy input: rules match them, never
// the wording of Msg.
const (
	// ProblemInvalid is a defect no rule treats apart.
	ProblemInvalid = "invalid"
	// ProblemNotAffectedUnjustified is a not_affected statement with neither
	// a justification nor an impact statement (AL-VEX-004 reports it).
	ProblemNotAffectedUnjustified = "not-affected-unjustified"
	// ProblemAffectedNoAction is an affected statement without an action
	// statement (AL-VEX-003 reports it).
	ProblemAffectedNoAction = "affected-no-action"
)

// ProblemCSAF is the code of a failed CSAF VEX profile test (CSAF 2.0
// section 6.1.27.n), e.g. "csaf-6.1.27.9".
func ProblemCSAF(test string) string { return "csaf-" + test }
