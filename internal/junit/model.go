package junit

// Test case statuses.
const (
	StatusPassed  = "passed"
	StatusFailed  = "failed"
	StatusError   = "error"
	StatusSkipped = "skipped"
)

// Report is a JUnit XML report: its test suites in document order.
type Report struct {
	Suites []Suite `json:"suites"`
}

// Suite is one <testsuite>. Tests, Failures, Errors and Skipped come from the
// element's attributes when present, otherwise they are counted from its test
// cases. Time is in seconds; Timestamp is kept as written (dialects differ on
// time zone and precision).
type Suite struct {
	Name      string  `json:"name"`
	Tests     int     `json:"tests"`
	Failures  int     `json:"failures"`
	Errors    int     `json:"errors"`
	Skipped   int     `json:"skipped"`
	Time      float64 `json:"time"`
	Timestamp string  `json:"timestamp,omitempty"`
	Line      int     `json:"line"`
	Cases     []Case  `json:"cases"`
}

// Case is one <testcase>. Status is one of the Status constants. Message is
// the failure/error/skip element's message attribute, or the first line of
// its text when the attribute is empty. Line is the line of the <testcase
// start tag.
type Case struct {
	Name      string  `json:"name"`
	Classname string  `json:"classname,omitempty"`
	Status    string  `json:"status"`
	Message   string  `json:"message,omitempty"`
	Time      float64 `json:"time"`
	Line      int     `json:"line"`
}
