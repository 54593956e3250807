// Package threatimport lets a team keep drawing its threat model in its own
// tool and still lint it: it converts OWASP Threat Dragon v2 JSON models and
// Threagile YAML models into annexlint's native security risk file
// (schemas/security-risk-file.schema.json) and keeps, for every converted
// value, where it came from in the original file, so findings point at the
// user's own file and line.
//
// What neither tool records is not invented, so the annexlint rules still
// ask for it:
//
//   - interfaces: both tools draw data flows and external entities, but the
//     attack surface annexlint checks is the manifest's interface list, with
//     IDs neither tool knows. Every imported threat has "interfaces": [] and
//     the interface coverage rule reports each manifest interface, unless the
//     team maps the model's elements onto the interfaces (Model.MapInterfaces,
//     annexlint import --map): then each threat names the interfaces of the
//     element it is on. The mapping is the team's statement; nothing is
//     guessed from names.
//   - verification: a mitigation text becomes a control of type "design"
//     (neither tool classifies mitigations, and guessing "procedural" or
//     "user-information" from words would make claims the model does not
//     make) without verification, so the control-verification rule asks for
//     the test evidence.
//   - acceptance criteria: neither tool documents which levels are
//     acceptable. The scale is the tool's own severity levels, lowest first,
//     and only the lowest level is acceptable without further control, the
//     most cautious reading; the rationale says so.
//
// Threat Dragon v2: process, store and actor cells become assets (ID from the
// cell ID, name from data.name); trust boundaries, text blocks and flows do
// not (a flow's threats name the flow's end points as assets and the flow in
// the description). Each threat becomes a threat: its type maps to STRIDE
// where it can (STRIDE types, LINDDUN disclosure of information, CIA
// confidentiality/integrity/availability as information disclosure,
// tampering and denial of service; LINDDUN's other types, DIE and PLOT4ai do
// not map and leave stride out), severity Low/Medium/High/Critical becomes
// initial_risk (TBD or anything else leaves it out), and the mitigation text
// becomes the control "<threat id>-M". Status Mitigated (also Eliminated,
// Avoided) records residual_risk at the lowest level, the tool's claim;
// Accepted and Transferred keep residual_risk at the initial level and turn
// the mitigation text into the justification instead of a control; N/A
// threats are left out, as a native risk file lists only threats that apply;
// Open and anything else leave residual_risk out. Threat Dragon v1 models
// are refused with a request to open and save them in Threat Dragon 2.
//
// Threagile: data_assets and technical_assets become assets (communication
// links, trust boundaries and CIA ratings go into the descriptions; a CIA
// rating above the lowest level lists the property). Threagile computes most
// of its risks itself at run time from its built-in rules, so a Threagile
// file only holds the manually identified ones, under
// individual_risk_categories: each entry of risks_identified becomes a threat
// with Threagile's risk ID ("@" written as ".", other characters the native
// ID syntax forbids as "-"), the category's STRIDE value,
// initial_risk from its severity (or from exploitation likelihood and impact
// as Threagile computes it), and the category's mitigation as the control
// "<category id>-M". risk_tracking applies as in Threagile (exact risk ID
// first, then "*" wildcards, first matching entry in file order): mitigated
// records residual_risk at the lowest level, accepted keeps it at the initial
// level without a control, false-positive leaves the threat out; tracking
// entries for Threagile's built-in risks have nothing to apply to. Files
// named under "includes" are not read. Threagile's
// official example uses YAML merge keys (<<), which native documents may not;
// they are resolved here for Threagile files.
package threatimport
