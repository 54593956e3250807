// Package scaffold writes the skeleton of a new documentation bundle
// (annexlint init): a manifest from what the user states about the product,
// and the native documents with "TODO:" markers where only the manufacturer
// can write the content.
//
// The skeleton must pass schema validation, but it must not invent content
// that passes rules: annexlint's rules treat every TODO marker as absent
// (lib.is_placeholder), so a check of a fresh skeleton lists exactly what
// remains to be written. Where a rule would take a marker for content, the
// field is written as a comment instead (the user security information:
// its rule counts any non-blank text); the test of this package finds such
// cases by checking that no rule passes on a skeleton. Where a schema demands a value no placeholder can
// stand for (the remediation timelines are numbers of days), the document is
// written as a template but not yet listed in the manifest; documents that
// tools produce (SBOMs, test reports, scans, VEX) are not invented at all.
// The manifest names both in comments beside its documents list.
package scaffold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/annexlint/annexlint/internal/atomicfile"
)

// Options are what the user states about the product. Empty strings are
// unknown: they become TODO markers where the schema allows text, and are
// refused where it does not (Validate).
type Options struct {
	Product      string
	Version      string
	Manufacturer string
	Framework    string // MDR, IVDR or CRA
	Class        string // MDR class, IVDR class or CRA category
	Markets      []string
	NIS2         string // essential, important or none
	// PlacedOnMarket and SupportEnd are dates (YYYY-MM-DD). The schema
	// needs both and a date has no placeholder; they decide which law
	// applies, so they are never guessed.
	PlacedOnMarket string
	SupportEnd     string
	Interfaces     []Interface
}

// Interface is one external interface of the product.
type Interface struct {
	ID   string
	Type string
}

// Classes lists the classes (CRA: categories) of each framework, as the
// manifest schema accepts them.
var Classes = map[string][]string{
	"MDR":  {"I", "Is", "Im", "Ir", "IIa", "IIb", "III"},
	"IVDR": {"A", "B", "C", "D"},
	"CRA":  {"default", "important-class-I", "important-class-II", "critical"},
}

// InterfaceTypes are the interface types the manifest schema accepts.
var InterfaceTypes = []string{"network", "wireless", "bluetooth", "usb", "serial", "removable-media", "api", "cloud", "user-interface", "other"}

// NIS2Entities are the values of nis2_entity.
var NIS2Entities = []string{"essential", "important", "none"}

var (
	interfaceIDRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	marketRe      = regexp.MustCompile(`^(EU|[A-Z]{2})$`)
)

// Normalise fixes the case of values the user may type in any case
// (framework, market codes) and fills defaults that decide nothing
// (markets: EU; NIS2: none).
func (o *Options) Normalise() {
	o.Framework = strings.ToUpper(strings.TrimSpace(o.Framework))
	for i, m := range o.Markets {
		o.Markets[i] = strings.ToUpper(strings.TrimSpace(m))
	}
	if len(o.Markets) == 0 {
		o.Markets = []string{"EU"}
	}
	o.NIS2 = strings.ToLower(strings.TrimSpace(o.NIS2))
	if o.NIS2 == "" {
		o.NIS2 = "none"
	}
	for _, classes := range Classes {
		for _, c := range classes {
			if strings.EqualFold(c, strings.TrimSpace(o.Class)) {
				o.Class = c
			}
		}
	}
}

// Missing lists the options a skeleton cannot be written without, by flag
// name.
func (o Options) Missing() []string {
	var out []string
	if o.Framework == "" {
		out = append(out, "--framework")
	}
	if o.Class == "" {
		out = append(out, "--class")
	}
	if o.PlacedOnMarket == "" {
		out = append(out, "--placed-on-market")
	}
	if o.SupportEnd == "" {
		out = append(out, "--support-end")
	}
	return out
}

// Validate says what is wrong with the options, all at once.
func (o Options) Validate() error {
	var errs []error
	if m := o.Missing(); len(m) > 0 {
		errs = append(errs, fmt.Errorf("missing %s: a bundle cannot be scaffolded without them, and annexlint will not guess what decides the law that applies", strings.Join(m, ", ")))
	}
	classes, ok := Classes[o.Framework]
	if o.Framework != "" && !ok {
		errs = append(errs, fmt.Errorf("--framework %q: want mdr, ivdr or cra", o.Framework))
	}
	if ok && o.Class != "" && !slices.Contains(classes, o.Class) {
		errs = append(errs, fmt.Errorf("--class %q is not a %s %s: want one of %s", o.Class, o.Framework, classWord(o.Framework), strings.Join(classes, ", ")))
	}
	for _, m := range o.Markets {
		if !marketRe.MatchString(m) {
			errs = append(errs, fmt.Errorf("--market %q: want EU or a two-letter country code (US, CH, GB)", m))
		}
	}
	if !slices.Contains(NIS2Entities, o.NIS2) {
		errs = append(errs, fmt.Errorf("--nis2 %q: want essential, important or none", o.NIS2))
	}
	for flag, d := range map[string]string{"--placed-on-market": o.PlacedOnMarket, "--support-end": o.SupportEnd} {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			errs = append(errs, fmt.Errorf("%s %q is not a date in YYYY-MM-DD form", flag, d))
		}
	}
	if o.PlacedOnMarket != "" && o.SupportEnd != "" && o.SupportEnd <= o.PlacedOnMarket {
		errs = append(errs, fmt.Errorf("--support-end %s is not after --placed-on-market %s", o.SupportEnd, o.PlacedOnMarket))
	}
	seen := map[string]bool{}
	for _, in := range o.Interfaces {
		if !interfaceIDRe.MatchString(in.ID) {
			errs = append(errs, fmt.Errorf("--interface %s:%s: the name must start with a letter or digit and hold only letters, digits, '.', '_' and '-' (e.g. IF-WIFI:wireless)", in.ID, in.Type))
		}
		if !slices.Contains(InterfaceTypes, in.Type) {
			errs = append(errs, fmt.Errorf("--interface %s:%s: type must be one of %s", in.ID, in.Type, strings.Join(InterfaceTypes, ", ")))
		}
		if seen[in.ID] {
			errs = append(errs, fmt.Errorf("--interface %s is given twice", in.ID))
		}
		seen[in.ID] = true
	}
	// The map above is iterated in random order; the message is not.
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}

// ParseInterface reads NAME:TYPE as --interface gives it.
func ParseInterface(s string) (Interface, error) {
	id, typ, ok := strings.Cut(s, ":")
	if !ok || strings.TrimSpace(id) == "" {
		return Interface{}, fmt.Errorf("--interface %q: want NAME:TYPE, e.g. IF-WIFI:wireless", s)
	}
	return Interface{ID: strings.TrimSpace(id), Type: strings.ToLower(strings.TrimSpace(typ))}, nil
}

func classWord(framework string) string {
	if framework == "CRA" {
		return "category"
	}
	return "class"
}

// File is one file of the skeleton, by slash-separated path in the bundle.
type File struct {
	Path    string
	Content []byte
}

// Files returns the skeleton's files, in a fixed order. Options must be
// valid (Validate).
func Files(o Options) []File {
	device := o.Framework != "CRA"
	reports := o.Framework == "CRA" || o.NIS2 != "none"
	files := []File{{"annexlint.yaml", manifest(o, device, reports)}, {"security/risk-file.yaml", []byte(riskFile)}}
	if device {
		files = append(files, File{"security/gspr-matrix.yaml", []byte(gsprMatrix)})
	}
	files = append(files,
		File{"policies/disclosure.yaml", []byte(disclosurePolicy)},
		File{"docs/security-information.yaml", []byte(userInformation)},
	)
	if reports {
		files = append(files, File{"security/vulnerability-reports.yaml", []byte(vulnerabilityReports)})
	}
	plan := updatePlanTemplate
	if o.Framework == "CRA" {
		plan += craUpdatePlanSections
	}
	files = append(files, File{"security/update-plan.yaml", []byte(plan)})
	return files
}

// todo is a marker the rules read as absent: lib.is_placeholder is true for
// every text that begins with TODO.
func todo(what string) string { return quote("TODO: " + what) }

// quote writes s as a YAML double-quoted scalar; JSON's string syntax is a
// subset of it, so a product name with quotes, colons or '#' stays text.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// orTodo is the user's value, or a TODO marker saying what is missing.
func orTodo(v, what string) string {
	if strings.TrimSpace(v) == "" {
		return todo(what)
	}
	return quote(v)
}

func manifest(o Options, device, reports bool) []byte {
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# Technical-documentation bundle, scaffolded by annexlint init.")
	w("# Every \"TODO:\" marks something only the manufacturer can write. annexlint reads a TODO as absent, so")
	w("# `annexlint check` lists each one as a finding until it is written; none of them can pass a rule.")
	w("apiVersion: annexlint/v1")
	w("kind: bundle")
	w("product: # TODO: every field marked TODO below")
	w("  name: %s", orTodo(o.Product, "the product's name"))
	w("  version: %s", orTodo(o.Version, "the version this documentation is for"))
	w("  manufacturer:")
	w("    name: %s", orTodo(o.Manufacturer, "the manufacturer's legal name"))
	w("    address: %s", todo("the manufacturer's postal address"))
	w("  framework: %s", o.Framework)
	w("  classification: %s", quote(o.Class))
	w("  intended_purpose: %s", todo("the intended purpose, as the instructions for use state it"))
	w("  markets: [%s]", strings.Join(o.Markets, ", "))
	w("  nis2_entity: %s", o.NIS2)
	if o.NIS2 != "none" {
		w("  # TODO: nis2_member_states: [DE, ...], the Member States whose NIS2 law governs the manufacturer")
	}
	w("  placed_on_market: %s", quote(o.PlacedOnMarket))
	w("  support_period_end: %s", quote(o.SupportEnd))
	w("  support_period_justification: %s", todo("how the support period was set: expected use time, users' expectations, nature of the product"))
	if len(o.Interfaces) == 0 {
		w("  interfaces: [] # TODO: every external interface (network, wireless, USB, API, ...), each {id, name, type, description}")
	} else {
		w("  interfaces:")
		for _, in := range o.Interfaces {
			w("    - id: %s # TODO: analyse this interface's threats in security/risk-file.yaml", quote(in.ID))
			w("      name: %s", todo("what "+in.ID+" connects to"))
			w("      type: %s", in.Type)
			w("      description: %s", todo("how "+in.ID+" is protected against unauthorised access"))
		}
	}
	w("documents: # TODO: the documents listed here are skeletons; add the missing ones listed below")
	w("  - {id: risk, type: security-risk-file, path: security/risk-file.yaml}")
	if device {
		w("  - {id: gspr, type: gspr-evidence-matrix, path: security/gspr-matrix.yaml}")
	}
	w("  - {id: cvd, type: disclosure-policy, path: policies/disclosure.yaml}")
	w("  - {id: user-info, type: user-security-information, path: docs/security-information.yaml}")
	if reports {
		w("  - {id: reports, type: vulnerability-reports, path: security/vulnerability-reports.yaml}")
	}
	w("  # TODO: fill in the template security/update-plan.yaml (its timelines are numbers of days no")
	w("  # placeholder can stand for), then list it:")
	w("  # - {id: updates, type: security-update-plan, path: security/update-plan.yaml}")
	w("  # TODO: add what your tools produce, e.g.:")
	w("  # - {id: sbom, type: sbom, path: sbom/firmware.cdx.json}                    # CycloneDX or SPDX SBOM")
	w("  # - {id: tests, type: test-report, path: verification/security-tests.xml}   # JUnit XML or a native report")
	w("  # - {id: scan, type: vulnerability-scan, path: vulnerabilities/scan.json}   # Grype, Trivy or OSV-Scanner")
	w("  # - {id: vex, type: vex, path: vulnerabilities/vex.json}                    # OpenVEX, CSAF or CycloneDX VEX")
	// Dates and day counts have no placeholder the schema accepts, so they
	// are named in the TODO comment the findings point at.
	w("supply_chain:")
	w("  vulnerability_notifications: # TODO: how suppliers' vulnerability notifications are received and assessed; also in_effect_from (YYYY-MM-DD) and assessment_days (days)")
	w("    procedure: %s", todo("the bundle path of the procedure for suppliers' vulnerability notifications"))
	w("    intake: %s", todo("where suppliers send notifications and how they are told of it"))
	w("    post_market_surveillance: %s", todo("where assessed notifications go: the PMS plan or the vulnerability handling step"))
	w("    upstream_reporting: %s", todo("how vulnerabilities found in a component are reported to its maker (CRA Art. 13(6))"))
	w("    supplier_evaluation: %s", todo("NIS2 entities: how each direct supplier's vulnerabilities and practices are weighed (Art. 21(3))"))
	if o.Framework == "MDR" {
		w("design_and_manufacturing: # TODO: the design and manufacturing information of the technical documentation (MDR Annex II section 3)")
		w("  design_stages: %s", todo("the design stages and their reviews"))
		w("  build_and_release: %s", todo("how a release is built, and how that process is validated and monitored"))
		w("  release_testing: %s", todo("the final tests a release passes before it ships"))
		w("  sites: [] # TODO: every design and manufacturing site, software supplier and subcontractor, each {name, address, role}")
	}
	return b.Bytes()
}

const riskFile = `# TODO: the security risk management file: what must be protected, the threats to each interface, the
# controls against them and how each is verified (docs/bundle-format.md, security-risk-file).
kind: security-risk-file # TODO: nothing below is written yet
method: "TODO: the method, e.g. STRIDE per interface following AAMI TIR57"
acceptance_criteria: # TODO: the risk levels and which are acceptable
  scale: ["TODO: the lowest risk level", "TODO: the highest risk level"]
  acceptable: ["TODO: the levels acceptable without further risk control"]
assets: [] # TODO: what must be protected (data, functions), each {id, name}
threats: [] # TODO: the threats to each interface and asset, each {id, title, interfaces, controls, ...}
controls: [] # TODO: the risk controls, each {id, title, type, verification}
`

const gsprMatrix = `# TODO: the GSPR evidence matrix: for each Annex I requirement, whether it applies and which document shows it
# is met (docs/bundle-format.md, gspr-evidence-matrix).
kind: gspr-evidence-matrix # TODO: nothing below is written yet
entries: [] # TODO: one entry per general safety and performance requirement, each {gspr, applicable, evidence}
`

const disclosurePolicy = `# TODO: the coordinated vulnerability disclosure policy: where vulnerabilities are reported to you and how
# they are handled and published (docs/bundle-format.md, disclosure-policy).
kind: disclosure-policy # TODO: nothing below is written yet
policy_url: "TODO: where the policy is published"
contact: # TODO: one of email and url at least
  email: "TODO: the address that receives vulnerability reports"
  url: "TODO: the web form or security.txt that receives them"
publication: "TODO: how fixed vulnerabilities are disclosed to users, e.g. the advisories page"
# TODO: acknowledgement_days, triage_days and disclosure_days: the days from a report to its acknowledgement, to
# its assessment, and to coordinated public disclosure at the latest (CRA products: AL-CVD-002)
information_sharing: # TODO: how vulnerability information is shared beyond you
  third_party_components: "TODO: how a vulnerability found in a third-party component is reported to its maintainer"
`

const userInformation = `# The security information for users: what the instructions for use tell operators about secure installation,
# configuration, updates and the end of support (docs/bundle-format.md, user-security-information).
# Its fields are left as comments: write each one, and remove the "# " in front of it.
kind: user-security-information # TODO: nothing below is written yet
# document: the user-facing document this summarises, e.g. the IFU chapter
# minimum_requirements:
#   hardware: the minimum hardware
#   network: the network characteristics required
#   it_security: the IT security measures the operator must have in place
# secure_configuration: how to install and configure the product securely
# update_instructions: how users receive and install security updates
# end_of_support: the end of security support as users are told it
# reporting_contact: where users report vulnerabilities and incidents
# CRA products also state the other points of Annex II and where the information stays available (Art. 13(18)):
# manufacturer: {name: ..., address: ..., email: ..., website: ...}
# product_identification: {name: ..., type: ..., version: ..., identifier: ...}
# intended_purpose, security_environment, security_properties: the intended purpose and what protects the product
# significant_risks: [each foreseeable circumstance that may lead to significant cybersecurity risks]
# disclosure_policy_url, declaration_of_conformity_url: where the CVD policy and the EU declaration are published
# support_type, data_security_changes, decommissioning: the type of support, how changes affect data, decommissioning
# automatic_updates_opt_out: how to turn automatic updates off (when they are on); integrator_information: for components
# sbom_access: {shared: false} or {shared: true, location: ...}
# declaration_with_product: {form: full} or {form: simplified, text: the simplified declaration of Annex VI}
# availability: {url: ..., available_until: YYYY-MM-DD}
`

const vulnerabilityReports = `# TODO: the register of vulnerability and incident notifications (CRA Art. 14, NIS2 Art. 23): the procedure and
# each notification made (docs/bundle-format.md, vulnerability-reports).
kind: vulnerability-reports # TODO: nothing below is written yet
procedure: "TODO: the reporting procedure the notifications follow, e.g. your PSIRT SOP and revision"
reports: [] # TODO: each notification made, {id, type, aware_at, ...}; an empty list with a procedure means none was due
`

const updatePlanTemplate = `# TODO: a template, not yet listed in annexlint.yaml: fill it in, then add its entry to the documents there.
# The security update plan: how updates reach the product and are protected, how fast vulnerabilities are fixed,
# and which sources are monitored (docs/bundle-format.md, security-update-plan).
kind: security-update-plan # TODO: nothing below is written yet
delivery: # TODO: how updates are delivered
  mechanism: "TODO: how updates reach the product"
  integrity: "TODO: how the update's integrity and authenticity are protected"
  authenticity_check: "TODO: where and how that protection is checked before an update is installed"
  channel: "TODO: how updates are protected in transit"
remediation_timelines: # TODO: days to a fix, per severity
  critical: # TODO: days from confirmation to an available fix for critical vulnerabilities
  high: # TODO: days for high-severity vulnerabilities
monitoring: # TODO: vulnerability monitoring
  sources: ["TODO: the vulnerability sources monitored"]
  frequency: "TODO: how often they are monitored"
security_testing: # TODO: the product's regular security testing and review
  frequency: "TODO: the interval, e.g. every 6 months"
  scope: "TODO: what is tested and reviewed, and by whom"
advisory_messages: # TODO: how users are told of each security update; contents: [fixed-vulnerabilities, user-action, ...]
  channels: ["TODO: where users receive the advisory of each security update"]
`

// craUpdatePlanSections are the update plan's sections of CRA Art. 13(9)-(11)
// (AL-UPD-014, AL-UPD-015, AL-UPD-016), which apply to CRA products only. A
// year count and a yes or no have no placeholder the schema accepts, so they
// are named in the section's TODO comment, which the findings point at.
const craUpdatePlanSections = `update_availability: # TODO: how long each released security update stays available (CRA Art. 13(9)); also retention_years, the years after its release: at least 10, and to the end of the support period if later
  where: "TODO: the archive or download service from which users obtain every released security update"
version_support: # TODO: which versions receive security fixes (CRA Art. 13(10)); also latest_version_only: false when every supported version does, true when only the latest substantially modified version does
  upgrade_path: "TODO: with latest_version_only true, how users of earlier versions obtain the latest version; then also upgrade_free_of_charge: true and upgrade_without_extra_costs: true"
version_archive: # TODO: whether old versions are kept in a public archive (CRA Art. 13(11)); also public: false when none is kept, true when one is
  url: "TODO: with public true, the archive's web address"
  risk_notice: "TODO: with public true, the warning shown on the archive of the risks of running versions that no longer receive security updates"
`

// Write writes the files into dir, each atomically, creating folders as
// needed. It never overwrites a file unless force is set, and then only a
// regular file: every file that is in the way is named, and nothing is
// written.
func Write(dir string, files []File, force bool) error {
	var inTheWay []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		st, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return err
		case !st.Mode().IsRegular():
			return fmt.Errorf("%s exists and is not a regular file; annexlint init replaces only regular files, even with --force", p)
		}
		inTheWay = append(inTheWay, p)
	}
	if len(inTheWay) > 0 && !force {
		return fmt.Errorf("%s already holds %s; annexlint init never overwrites files (--force replaces them)", dir, strings.Join(inTheWay, ", "))
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		err := atomicfile.Write(p, 0o644, func(w io.Writer) error {
			_, err := w.Write(f.Content)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
