package securitytxt

import "testing"

// TestExpiresUTC: policies compare the expiry as text, so it must come out
// in one form whatever offset or case the file wrote, and not at all when
// the value is no RFC 3339 date-time.
func TestExpiresUTC(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2027-06-30T23:00:00+02:00": "2027-06-30T21:00:00Z",
		"2027-06-30t23:00:00z":      "2027-06-30T23:00:00Z",
		"2027-12-31T23:30:00-01:00": "2028-01-01T00:30:00Z",
		"2027-06-30":                "",
		"2027-02-30T00:00:00Z":      "",
	} {
		got, ok := ExpiresUTC(in)
		if got != want || ok != (want != "") {
			t.Errorf("ExpiresUTC(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
