# METADATA
# title: The disclosure policy says how vulnerabilities in third-party components are shared with their maintainers
# description: |
#   Most of a product's code is someone else's. The CRA asks the manufacturer to ease the sharing of information on
#   potential vulnerabilities in the product and in the third-party components it contains (Annex I Part II (6)),
#   and, on finding a vulnerability in an integrated component, to report it to whoever maintains that component
#   (Art. 13(6)). A reporting contact (AL-CVD-001, AL-PDE-002) brings reports in; this rule asks for the way out:
#   the disclosure policy states, in `information_sharing.third_party_components`, how a vulnerability found in a
#   component is reported upstream and a fix shared with its maintainer. A placeholder says nothing. Which CSIRTs or
#   other coordinators take part when several vendors are concerned (`information_sharing.coordinators`) is read
#   when given, and then must be real text too.
# scope: package
# custom:
#   id: AL-CVD-003
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-AI-P2-6
#       cite: CRA Annex I Part II (6)
#     - id: CRA-ART13-6
#       cite: CRA Art. 13(6)
#   remediation: |
#     In the disclosure policy, describe under `information_sharing.third_party_components` how a vulnerability found
#     in a third-party component is reported to its maintainer (their security contact or advisory process, e.g.
#     the project's security policy or GitHub private vulnerability reporting) and how a fix is shared with them. If
#     CSIRTs or other coordinators take part in multi-vendor cases, say which and how under
#     `information_sharing.coordinators`.
package annexlint.rules.cvd["information-sharing"]

import data.annexlint.lib

report contains lib.finding(policy.path, _sharing_pointer(policy), msg) if {
	some policy in lib.documents("disclosure-policy")
	not lib.has_text(_sharing(policy), "third_party_components")
	msg := concat(" ", [
		"the disclosure policy does not say how a vulnerability found in a third-party component of the product is",
		"reported to the component's maintainer (information_sharing.third_party_components); describe how it is",
		"reported upstream and how a fix is shared with the maintainer",
	])
}

report contains lib.finding(policy.path, "/information_sharing/coordinators", msg) if {
	some policy in lib.documents("disclosure-policy")
	is_string(_sharing(policy).coordinators)
	not lib.has_text(_sharing(policy), "coordinators")
	msg := sprintf("the disclosure policy's information_sharing.coordinators is %q, which names no coordinator; %s", [
		_sharing(policy).coordinators,
		"say which CSIRTs or coordinators take part in multi-vendor cases and how, or leave the field out",
	])
}

# _sharing is the policy's information_sharing section, or an empty object when it is missing or malformed.
_sharing(policy) := s if {
	s := policy.content.information_sharing
	is_object(s)
} else := {}

_sharing_pointer(policy) := "/information_sharing/third_party_components" if {
	is_string(_sharing(policy).third_party_components)
} else := "/information_sharing" if {
	is_object(policy.content.information_sharing)
} else := ""

evidence contains lib.examined(policy.path, "/information_sharing/third_party_components") if {
	some policy in lib.documents("disclosure-policy")
	lib.has_text(_sharing(policy), "third_party_components")
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("disclosure-policy")
	msg := concat(" ", [
		"the manifest lists no coordinated vulnerability disclosure policy (type \"disclosure-policy\"), so it cannot",
		"be shown how vulnerabilities in third-party components are shared with their maintainers; add the policy",
	])
}
