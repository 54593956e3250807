# METADATA
# title: Each security update stays available for at least 10 years after its release, or to the end of support if later
# description: |
#   A user who installs an older release, or restores a device, needs the security updates released for it. The CRA
#   asks the manufacturer to keep each security update made available during the support period available for at
#   least 10 years after it was issued, or for the rest of the support period, whichever is longer (Art. 13(9)). The
#   security update plan states this in update_availability: how many years each update is kept (retention_years)
#   and where users obtain released updates (where). A retention shorter than 10 years, or one that ends before the
#   support period for an update released today, falls short; a placeholder says nothing. Without an update plan
#   nothing can be judged: that is insufficient evidence, not a pass.
# scope: package
# custom:
#   id: AL-UPD-014
#   severity: error
#   frameworks: [CRA]
#   clauses:
#     - id: CRA-ART13-9
#       cite: CRA Art. 13(9)
#   remediation: |
#     In the security update plan, add `update_availability` with `retention_years` (at least 10, and long enough
#     that an update released today stays available until the end of the support period) and `where` (the archive or
#     download service from which users obtain every released security update).
package annexlint.rules.updates["update-availability"]

import data.annexlint.lib

_minimum_years := 10

report contains lib.finding(plan.path, "", msg) if {
	some plan in lib.documents("security-update-plan")
	not _has_section(plan.content)
	msg := concat(" ", [
		"the security update plan does not say how long released security updates stay available",
		"(update_availability); state retention_years (at least 10 years after each update's release, or to the end",
		"of the support period if that is later) and where users obtain released updates",
	])
}

report contains lib.finding(plan.path, "/update_availability", msg) if {
	some plan in lib.documents("security-update-plan")
	availability := plan.content.update_availability
	is_object(availability)
	not lib.has_text(availability, "where")
	msg := concat(" ", [
		"the security update plan does not say where released security updates stay available",
		"(update_availability.where); name the archive or download service from which users obtain them",
	])
}

report contains lib.finding(plan.path, "/update_availability/retention_years", msg) if {
	some plan in lib.documents("security-update-plan")
	years := _retention_years(plan.content)
	years < _minimum_years
	msg := sprintf(
		"the security update plan keeps released security updates available for %v years; keep each one available for at least 10 years after its release (update_availability.retention_years)",
		[years],
	)
}

report contains lib.finding(plan.path, "/update_availability/retention_years", msg) if {
	some plan in lib.documents("security-update-plan")
	years := _retention_years(plan.content)
	years >= _minimum_years
	support_end := _support_end(plan.content)
	available_until := lib.add_years(input.as_of, years)
	available_until < support_end
	msg := sprintf(
		"the security update plan keeps released security updates available for %v years, so an update released on %s is withdrawn on %s, before the support period ends on %s; keep updates available at least to the end of the support period",
		[years, input.as_of, available_until, support_end],
	)
}

report contains lib.finding(plan.path, "/update_availability/retention_years", msg) if {
	some plan in lib.documents("security-update-plan")
	availability := plan.content.update_availability
	is_object(availability)
	not _retention_years(plan.content)
	msg := concat(" ", [
		"the security update plan does not state for how many years released security updates stay available",
		"(update_availability.retention_years); state a whole number of years, at least 10",
	])
}

# _has_section is a helper so that a missing section makes `not _has_section(...)` true, not undefined.
_has_section(content) if is_object(content.update_availability)

_retention_years(content) := years if {
	years := content.update_availability.retention_years
	is_number(years)
}

# _support_end is the end of the support period the plan states, or else the manifest's, when it is a date;
# as_of must be a date too, or no comparison is made.
_support_end(content) := content.support_period_end if {
	lib.is_date(content.support_period_end)
	lib.is_date(input.as_of)
} else := lib.product.support_period_end if {
	lib.is_date(lib.product.support_period_end)
	lib.is_date(input.as_of)
}

evidence contains lib.examined(plan.path, "/update_availability") if {
	some plan in lib.documents("security-update-plan")
	is_object(plan.content.update_availability)
}

insufficient contains lib.finding(lib.manifest_path, "/documents", msg) if {
	not lib.has_document("security-update-plan")
	msg := concat(" ", [
		"the manifest lists no security update plan (type \"security-update-plan\"), so it cannot be shown that",
		"released security updates stay available for 10 years or to the end of support; add the plan",
	])
}
