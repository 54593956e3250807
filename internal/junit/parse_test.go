package junit

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/position"
)

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseDialects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		want *Report
	}{
		{"surefire.xml", &Report{Suites: []Suite{{
			Name: "com.example.infusion.DoseCalculatorTest", Tests: 5, Failures: 1, Errors: 1, Skipped: 1,
			Time: 1234.567, Line: 2, Cases: []Case{
				{Name: "computesBolus", Classname: "com.example.infusion.DoseCalculatorTest", Status: StatusPassed, Time: 0.012, Line: 7},
				{Name: "rejectsNegativeRate", Classname: "com.example.infusion.DoseCalculatorTest", Status: StatusFailed,
					Message: "expected: <true> but was: <false>", Time: 0.004, Line: 8},
				{Name: "dividesByWeight", Classname: "com.example.infusion.DoseCalculatorTest", Status: StatusError,
					Message: "/ by zero", Time: 0.001, Line: 15},
				{Name: "legacyUnits", Classname: "com.example.infusion.DoseCalculatorTest", Status: StatusSkipped,
					Message: "units module not built", Line: 20},
				// A flaky failure that passed on rerun is a pass.
				{Name: "flakyAlarm", Classname: "com.example.infusion.DoseCalculatorTest", Status: StatusPassed, Time: 0.23, Line: 23},
			}}}}},
		{"pytest.xml", &Report{Suites: []Suite{{
			Name: "pytest", Tests: 4, Failures: 1, Errors: 1, Skipped: 1, Time: 0.087,
			Timestamp: "2025-03-14T09:26:53.589793", Line: 1, Cases: []Case{
				{Name: "test_threshold", Classname: "tests.test_alarm", Status: StatusPassed, Time: 0.001, Line: 1},
				{Name: "test_hysteresis", Classname: "tests.test_alarm", Status: StatusFailed,
					Message: "assert 5 == 4\n +  where 5 = clamp(7)", Time: 0.003, Line: 1},
				{Name: "test_audio", Classname: "tests.test_alarm", Status: StatusSkipped, Message: "no sound card", Line: 3},
				{Name: "test_db", Classname: "tests.test_alarm", Status: StatusError,
					Message: `failed on setup with "fixture 'db' not found"`, Time: 0.002, Line: 3},
			}}}}},
		{"go-junit-report.xml", &Report{Suites: []Suite{
			{Name: "example.com/pump/dose", Tests: 3, Failures: 1, Skipped: 1, Time: 0.16,
				Timestamp: "2025-03-14T09:27:01Z", Line: 3, Cases: []Case{
					{Name: "TestBolus", Classname: "example.com/pump/dose", Status: StatusPassed, Time: 0.06, Line: 7},
					{Name: "TestRate/negative", Classname: "example.com/pump/dose", Status: StatusFailed, Message: "Failed", Time: 0.1, Line: 8},
					{Name: "TestLegacy", Classname: "example.com/pump/dose", Status: StatusSkipped, Message: "Skipped", Line: 12},
				}},
			{Name: "example.com/pump/alarm", Tests: 1, Time: 0.01, Timestamp: "2025-03-14T09:27:01Z", Line: 16, Cases: []Case{
				{Name: "TestSilence", Classname: "example.com/pump/alarm", Status: StatusPassed, Time: 0.01, Line: 17},
			}},
		}}},
		// gotestsum omits errors/skipped on the suite: they are counted.
		{"gotestsum.xml", &Report{Suites: []Suite{{
			Name: "example.com/pump/telemetry", Tests: 3, Failures: 1, Errors: 0, Skipped: 1, Time: 0.401,
			Timestamp: "2025-03-14T09:28:11Z", Line: 3, Cases: []Case{
				{Name: "TestEncode", Classname: "example.com/pump/telemetry", Status: StatusPassed, Line: 7},
				{Name: "TestUpload", Classname: "example.com/pump/telemetry", Status: StatusFailed, Message: "Failed", Time: 0.4, Line: 8},
				{Name: "TestTLS", Classname: "example.com/pump/telemetry", Status: StatusSkipped,
					Message: "=== RUN   TestTLS\n    tls_test.go:9: needs HSM\n--- SKIP: TestTLS (0.00s)", Line: 11},
			}}}}},
		// The grouping suite is dropped so its tests are not counted twice.
		{"phpunit-nested.xml", &Report{Suites: []Suite{{
			Name: `Tests\PortalTest`, Tests: 2, Time: 0.01, Line: 4, Cases: []Case{
				{Name: "testLogin", Classname: "Tests.PortalTest", Status: StatusPassed, Time: 0.005, Line: 5},
				{Name: "testLogout", Classname: "Tests.PortalTest", Status: StatusPassed, Time: 0.005, Line: 6},
			}}}}},
		{"latin1.xml", &Report{Suites: []Suite{{
			Name: "Einheit", Tests: 1, Line: 2, Cases: []Case{
				{Name: "prüft", Classname: "Maß", Status: StatusPassed, Line: 3},
			}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.file, mustRead(t, "testdata/"+tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%s) mismatch (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}

func TestParseInline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want *Report
	}{
		{"empty suite", `<testsuite name="x"/>`, &Report{Suites: []Suite{{Name: "x", Line: 1, Cases: []Case{}}}}},
		{"empty testsuites", `<testsuites></testsuites>`, &Report{Suites: []Suite{}}},
		{"BOM and CRLF", "\ufeff<?xml version=\"1.0\"?>\r\n<testsuite name=\"b\">\r\n<testcase name=\"c\"/>\r\n</testsuite>\r\n",
			&Report{Suites: []Suite{{Name: "b", Tests: 1, Line: 2, Cases: []Case{{Name: "c", Status: StatusPassed, Line: 3}}}}}},
		{"multi-line start tag reports its first line", "<testsuite>\n<testcase\n  name=\"m\"\n  time=\"1\"/>\n</testsuite>",
			&Report{Suites: []Suite{{Tests: 1, Line: 1, Cases: []Case{{Name: "m", Status: StatusPassed, Time: 1, Line: 2}}}}}},
		{"error wins over failure", `<testsuite><testcase name="a"><failure message="f"/><error message="e"/></testcase></testsuite>`,
			&Report{Suites: []Suite{{Tests: 1, Errors: 1, Line: 1, Cases: []Case{{Name: "a", Status: StatusError, Message: "e", Line: 1}}}}}},
		{"failure wins over skipped", `<testsuite><testcase name="a"><skipped/><failure>boom
 at x</failure></testcase></testsuite>`,
			&Report{Suites: []Suite{{Tests: 1, Failures: 1, Line: 1, Cases: []Case{{Name: "a", Status: StatusFailed, Message: "boom", Line: 1}}}}}},
		{"namespaced root", `<j:testsuite xmlns:j="urn:x" name="n"><j:testcase name="a"/></j:testsuite>`,
			&Report{Suites: []Suite{{Name: "n", Tests: 1, Line: 1, Cases: []Case{{Name: "a", Status: StatusPassed, Line: 1}}}}}},
		{"long message truncated", `<testsuite><testcase name="a"><failure message="` + strings.Repeat("é", 3000) + `"/></testcase></testsuite>`,
			&Report{Suites: []Suite{{Tests: 1, Failures: 1, Line: 1, Cases: []Case{{Name: "a", Status: StatusFailed,
				Message: strings.Repeat("é", maxMessage/2) + "…", Line: 1}}}}}},
		{"skip attribute (nose)", `<testsuite tests="2" skip="1"><testcase name="a"/><testcase name="b"><skipped/></testcase></testsuite>`,
			&Report{Suites: []Suite{{Tests: 2, Skipped: 1, Line: 1, Cases: []Case{
				{Name: "a", Status: StatusPassed, Line: 1}, {Name: "b", Status: StatusSkipped, Line: 1}}}}}},
		{"DOCTYPE entity declarations are not expanded into text", `<!DOCTYPE testsuite [<!ENTITY x "y">]><testsuite name="d"/>`,
			&Report{Suites: []Suite{{Name: "d", Line: 1, Cases: []Case{}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse("r.xml", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"empty", "", 1, "no root element"},
		{"whitespace only", "\n\n", 3, "no root element"},
		{"not junit", "<?xml version=\"1.0\"?>\n<project/>", 2, "root element is <project>"},
		{"unclosed", "<testsuites>\n<testsuite>\n<testcase name=\"a\">\n", 4, "invalid XML"},
		{"mismatched end", "<testsuite>\n<testcase name=\"a\">\n</testsuite>", 3, "invalid XML"},
		{"bad attribute quoting", "<testsuite>\n<testcase name=a/>\n</testsuite>", 2, "invalid XML"},
		{"undefined entity", "<testsuite>\n\n<testcase name=\"&nbsp;\"/></testsuite>", 3, "invalid XML"},
		{"entity declared in DTD is still undefined", "<!DOCTYPE t [<!ENTITY lol \"lol\">]>\n<testsuite name=\"&lol;\"/>", 2, "invalid XML"},
		{"external entity", "<!DOCTYPE t [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<testsuite>\n<testcase name=\"&xxe;\"/></testsuite>", 3, "invalid XML"},
		{"bad tests count", "<testsuites>\n<testsuite name=\"s\" tests=\"many\"/></testsuites>", 2, `attribute tests="many" is not a non-negative integer`},
		{"negative failures", "<testsuite failures=\"-1\"/>", 1, "failures=\"-1\""},
		{"bad time", "<testsuite>\n<testcase name=\"a\" time=\"soon\"/></testsuite>", 2, `time="soon"`},
		{"testcase outside suite", "<testsuites>\n<testcase name=\"a\"/></testsuites>", 2, "outside a <testsuite>"},
		{"suite inside testcase", "<testsuite><testcase name=\"a\">\n<testsuite/></testcase></testsuite>", 2, "<testsuite> inside <testcase>"},
		{"second root", "<testsuite/>\n<testsuite/>", 2, "second root element"},
		{"text after root", "<testsuite/>\ngarbage", 2, "text outside the root element"},
		{"unsupported encoding", "<?xml version=\"1.0\" encoding=\"EBCDIC\"?><testsuite/>", 1, "unsupported encoding"},
		{"too deep", strings.Repeat("<testsuite>\n", MaxDepth+1), MaxDepth + 1, "nested deeper than 1000"},
		{"too deep inside a case", "<testsuite><testcase>" + strings.Repeat("<x>", MaxDepth), 1, "nested deeper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse("reports/junit.xml", []byte(tt.in))
			if err == nil {
				t.Fatalf("Parse = %+v, want error", got)
			}
			var pe *position.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not *position.Error: %v", err, err)
			}
			if pe.Pos.File != "reports/junit.xml" || pe.Pos.Line != tt.line {
				t.Errorf("position = %v, want reports/junit.xml line %d (%v)", pe.Pos, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

// TestJSONTags pins the snake_case JSON shape that the Rego policies see.
func TestJSONTags(t *testing.T) {
	t.Parallel()
	rep, err := Parse("r.xml", mustRead(t, "testdata/gotestsum.xml"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep.Suites[0].Cases[1])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name":"TestUpload","classname":"example.com/pump/telemetry","status":"failed","message":"Failed","time":0.4,"line":8}`
	if string(b) != want {
		t.Errorf("case JSON = %s, want %s", b, want)
	}
	b, _ = json.Marshal(Suite{Name: "s"})
	for _, key := range []string{`"tests":`, `"failures":`, `"errors":`, `"skipped":`, `"time":`, `"line":`, `"cases":`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("suite JSON %s lacks %s", b, key)
		}
	}
}
