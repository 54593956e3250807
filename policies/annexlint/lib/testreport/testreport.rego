# METADATA
# title: annexlint test report library
# description: |
#   What the verification and risk rules read from test reports, native or JUnit XML, in one place: whether a report
#   records any result, and how a reference from the risk file names one of its test cases.
package annexlint.lib.testreport

import data.annexlint.lib

# with_results are the test-report documents that record at least one test case or finding.
with_results := [r | some r in lib.documents("test-report"); records_results(r)]

# records_results is true for a test report that records at least one test case or finding; one that records
# neither (a JUnit file without a testcase, an empty summary) shows no testing. A list that is not a list (the schema
# reports it) records nothing: count would measure a string's length.
records_results(testreport) if _non_empty(testreport.content.test_cases)

records_results(testreport) if _non_empty(testreport.content.findings)

_non_empty(list) if {
	is_array(list)
	count(list) > 0
}

# case_matches is true when ref names the test case c: a native case by its id, a JUnit case by its name, its
# classname or classname.name.
case_matches(c, ref) if c.id == ref

case_matches(c, ref) if c.name == ref

case_matches(c, ref) if c.classname == ref

case_matches(c, ref) if {
	is_string(c.classname)
	is_string(c.name)
	concat(".", [c.classname, c.name]) == ref
}
