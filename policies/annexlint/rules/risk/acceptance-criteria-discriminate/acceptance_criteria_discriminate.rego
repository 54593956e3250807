# METADATA
# title: The risk acceptance criteria leave the upper part of the scale unacceptable
# description: |
#   Risk evaluation compares each estimated risk with documented acceptance criteria to decide whether it must be
#   reduced. Criteria that declare every level of the scale acceptable decide nothing: no threat would ever need a
#   risk control, and every other check of the risk file would pass by construction. Criteria under which the
#   highest level is acceptable while a lower one is not are not a threshold at all. The scale is written lowest
#   level first; the acceptable levels must be its lower part, and at least its highest level must be unacceptable.
# scope: package
# custom:
#   id: AL-RISK-011
#   severity: error
#   clauses:
#     - id: MDCG-2019-16-3.5
#       cite: MDCG 2019-16 rev.1 section 3.5
#     - id: MDR-AI-3
#       cite: MDR Annex I section 3
#     - id: MDR-AI-4
#       cite: MDR Annex I section 4
#     - id: IVDR-AI-3
#       cite: IVDR Annex I section 3
#     - id: IVDR-AI-4
#       cite: IVDR Annex I section 4
#     - id: CRA-ART13-2
#       cite: CRA Art. 13(2)
#   remediation: |
#     Document under `acceptance_criteria` the risk policy the manufacturer applies: list the scale lowest level first
#     and under `acceptable` only its lower levels, those that need no further risk control. The levels above them
#     are the risks that must be reduced.
package annexlint.rules.risk["acceptance-criteria-discriminate"]

import data.annexlint.lib

report contains lib.finding(riskfile.path, "/acceptance_criteria/acceptable", msg) if {
	some riskfile in lib.documents("security-risk-file")
	criteria := riskfile.content.acceptance_criteria
	_has_criteria(riskfile)
	every level in criteria.scale {
		level in criteria.acceptable
	}
	msg := sprintf("the acceptance criteria declare every level of the scale acceptable (%s), so no risk would ever need a control; %s", [
		concat(", ", [sprintf("%q", [l]) | some l in criteria.scale]),
		"accept only the lower levels of the scale and reduce the risks above them",
	])
}

report contains lib.finding(riskfile.path, "/acceptance_criteria/acceptable", msg) if {
	some riskfile in lib.documents("security-risk-file")
	criteria := riskfile.content.acceptance_criteria
	_has_criteria(riskfile)
	unacceptable := [i | some i, l in criteria.scale; not l in criteria.acceptable]
	acceptable := [i | some i, l in criteria.scale; l in criteria.acceptable]
	count(unacceptable) > 0
	count(acceptable) > 0
	max(acceptable) > min(unacceptable)
	msg := sprintf("the acceptance criteria accept %q but not the lower level %q, so they set no threshold; %s", [
		criteria.scale[max(acceptable)], criteria.scale[min(unacceptable)],
		"list the scale lowest level first and accept only its lower part",
	])
}

# _levels is true for a scale of at least two levels, all strings (the schema reports anything else).
_levels(scale) if {
	is_array(scale)
	count(scale) >= 2
	every level in scale {
		is_string(level)
	}
}

# The rule examines the acceptance criteria of every risk file that states them and applies them to threats. Criteria
# applied to no threat show no risk evaluation (a hollow risk file would pass on its criteria alone).
evidence contains lib.examined(riskfile.path, "/acceptance_criteria") if {
	some riskfile in lib.documents("security-risk-file")
	_has_criteria(riskfile)
	count(_threats(riskfile)) > 0
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-risk-file")
	msg := concat("", [
		"the manifest lists no security risk file (type \"security-risk-file\"), so no risk acceptance criteria can be ",
		"checked; add the risk file with its acceptance criteria to documents",
	])
}

insufficient contains lib.finding(riskfile.path, "", msg) if {
	some riskfile in lib.documents("security-risk-file")
	not _has_criteria(riskfile)
	msg := sprintf("the security risk file %s states no acceptance criteria (a scale of at least two levels and the acceptable ones); %s", [
		riskfile.path, "document under acceptance_criteria the scale of risk levels, lowest first, and the levels that are acceptable",
	])
}

_has_criteria(riskfile) if {
	_levels(riskfile.content.acceptance_criteria.scale)
	is_array(riskfile.content.acceptance_criteria.acceptable)
}

insufficient contains lib.finding(riskfile.path, "/threats", msg) if {
	some riskfile in lib.documents("security-risk-file")
	_has_criteria(riskfile)
	count(_threats(riskfile)) == 0
	msg := sprintf("the security risk file %s lists no threats, so its acceptance criteria were never applied to a risk; %s", [
		riskfile.path, "add the threats identified by threat modelling, each rated on the scale of the criteria",
	])
}

# _threats is the risk file's threats, or none when the file has no list of them (the schema reports that).
_threats(riskfile) := riskfile.content.threats if is_array(riskfile.content.threats)

else := []
