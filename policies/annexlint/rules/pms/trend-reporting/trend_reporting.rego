# METADATA
# title: The post-market surveillance plan says how a significant increase in incidents, security events included, is detected
# description: |
#   Manufacturers report any statistically significant increase in the frequency or severity of incidents that are not
#   serious, and the PMS plan states how such incidents are managed, the method used to detect a significant increase
#   and the observation period (MDR Art. 88(1), IVDR Art. 83(1)). Security events that do not harm anyone on their
#   own (failed logins at the service port, rejected update images, drug libraries refused for a bad signature) are
#   exactly such incidents: a rise in them is how an attack campaign shows before it succeeds. The plan's
#   trend_reporting must name the method, an observation period and at least one indicator with its threshold, one
#   of them on security events. Without it there is no trend to report: insufficient evidence.
# scope: package
# custom:
#   id: AL-PMS-002
#   severity: error
#   frameworks: [MDR, IVDR]
#   clauses:
#     - id: MDR-ART88-1
#       cite: MDR Art. 88(1)
#     - id: IVDR-ART83-1
#       cite: IVDR Art. 83(1)
#     - id: MDR-AIII-1.1
#       cite: MDR Annex III section 1.1
#   remediation: |
#     Under the PMS plan's trend_reporting, state the method that detects a statistically significant increase
#     (method), the observation period in months (observation_period_months) and the indicators with their
#     baselines and thresholds, at least one of them on security events (security: true).
package annexlint.rules.pms["trend-reporting"]

import data.annexlint.lib

_plans contains [doc.path, doc.content.plan] if {
	lib.product.framework in {"MDR", "IVDR"}
	some doc in lib.documents("post-market-surveillance")
	is_object(doc.content.plan)
}

_trend(plan) := plan.trend_reporting if is_object(plan.trend_reporting)

report contains lib.finding(path, "/plan/trend_reporting", msg) if {
	some [path, plan] in _plans
	trend := _trend(plan)
	not lib.has_text(trend, "method")
	msg := "the PMS plan's trend reporting does not state the method that detects a statistically significant increase in incidents (method); describe it (e.g. a control chart of monthly counts per indicator against the baseline)"
}

report contains lib.finding(path, "/plan/trend_reporting", msg) if {
	some [path, plan] in _plans
	trend := _trend(plan)
	not _period(trend)
	msg := "the PMS plan's trend reporting does not state the observation period over which frequency and severity are compared (observation_period_months); state it"
}

report contains lib.finding(path, "/plan/trend_reporting", msg) if {
	some [path, plan] in _plans
	trend := _trend(plan)
	not _security_indicator(trend)
	msg := concat(" ", [
		"the PMS plan's trend reporting has no indicator of security events with a threshold (an indicator with",
		"security: true), so a rise in attacks that have not yet harmed anyone would go unseen; add one, e.g. failed",
		"authentications at the service port or rejected update images per month, with its baseline and threshold",
	])
}

report contains lib.finding(path, lib.pointer("/plan/trend_reporting/indicators", i), msg) if {
	some [path, plan] in _plans
	some i, ind in _trend(plan).indicators
	not lib.has_text(ind, "threshold")
	msg := sprintf("the trend indicator %v has no threshold; state the baseline and the increase that counts as significant", [object.get(ind, "name", i)])
}

_period(trend) if trend.observation_period_months >= 1

_security_indicator(trend) if {
	some ind in trend.indicators
	ind.security == true
	lib.has_text(ind, "threshold")
}

evidence contains lib.examined(path, "/plan/trend_reporting") if {
	some [path, plan] in _plans
	some ind in _trend(plan).indicators
	lib.has_text(ind, "threshold")
}

insufficient contains lib.finding(path, "/plan", msg) if {
	some [path, plan] in _plans
	not _trend(plan)
	msg := "the PMS plan states no trend reporting (trend_reporting: method, observation period, indicators with thresholds), so a significant increase in non-serious incidents, security events included, cannot be shown to be detected; add it"
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	lib.product.framework in {"MDR", "IVDR"}
	not lib.has_document("post-market-surveillance")
	msg := "the manifest lists no post-market surveillance documentation (type \"post-market-surveillance\"), so no trend reporting method (MDR Art. 88(1), IVDR Art. 83(1)) can be shown; add the document with the PMS plan's trend_reporting"
}
