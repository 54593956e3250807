package annexlint.rules.prototype["test-release-risk-assessed_test"]

import data.annexlint.rules.prototype["test-release-risk-assessed"] as rule

_risk(threats) := {"id": "risk", "type": "security-risk-file", "path": "security/risk-file.yaml", "content": {"threats": threats}}

_input(docs) := {"manifest": {"path": "annexlint.yaml", "content": {"product": {"qualification": "unfinished-software"}}}, "documents": docs}

test_fail_no_risk_file if {
	rule.report == {{
		"path": "annexlint.yaml",
		"pointer": "/documents",
		"message": "the bundle holds no security risk file, so nothing shows that the cybersecurity risks of the unfinished software were assessed before it was made available for testing (CRA Art. 4(3), Recital 37); add one",
	}} with input as _input([])
}

test_success_threats_analysed if {
	count(rule.insufficient) == 0 with input as _input([_risk([{"id": "TH-01", "title": "Spoofed gateway"}])])
	rule.evidence == {{"path": "security/risk-file.yaml", "pointer": "/threats/0"}} with input as _input([_risk([{"id": "TH-01", "title": "Spoofed gateway"}])])
}

test_insufficient_risk_file_without_threats if {
	count(rule.evidence) == 0 with input as _input([_risk([])])
	rule.insufficient == {{
		"path": "security/risk-file.yaml",
		"pointer": "/threats",
		"message": "the security risk file security/risk-file.yaml analyses no threat, so nothing shows that the cybersecurity risks of the unfinished software were assessed before it was made available for testing (CRA Art. 4(3), Recital 37); analyse the threats to its interfaces and data",
	}} with input as _input([_risk([])])
}
