package cli_test

import (
	"strings"
	"testing"
)

// TestFlagsFromEnvironment: ANNEXLINT_<FLAG> sets a flag not given on the
// command line; the command line wins over it, and it over the
// configuration file. Not parallel: it sets the process environment.
func TestFlagsFromEnvironment(t *testing.T) {
	_, _, bad := waiverRepo(t, "format: sarif\nfail_on: error\n")
	t.Setenv("ANNEXLINT_FORMAT", "json")
	t.Setenv("ANNEXLINT_FAIL_ON", "none")
	t.Setenv("ANNEXLINT_AS_OF", asOf)
	out, errOut, code := run(t, "check", bad)
	if code != 0 || !strings.HasPrefix(out, "{") || strings.Contains(out, `"$schema"`) || !strings.Contains(out, `"as_of": "`+asOf+`"`) {
		t.Errorf("environment over configuration: exit %d, output %.60q, stderr %s", code, out, errOut)
	}
	out, _, code = run(t, "check", bad, "--format", "text", "--fail-on", "error")
	if code != 1 || strings.HasPrefix(out, "{") {
		t.Errorf("command line over environment: exit %d, output %.60q", code, out)
	}
	t.Setenv("ANNEXLINT_FAIL_ON", "fatal")
	_, errOut, code = run(t, "check", bad)
	if code != 2 || !strings.Contains(errOut, `ANNEXLINT_FAIL_ON="fatal"`) && !strings.Contains(errOut, "fatal") {
		t.Errorf("bad variable: exit %d, stderr %q", code, errOut)
	}
}
