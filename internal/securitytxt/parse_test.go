package securitytxt

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/position"
)

var asOf = time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file     string
		asOf     time.Time
		signed   bool
		fields   []Field
		problems []Problem
	}{
		{file: "unsigned.txt", asOf: asOf, fields: []Field{
			{"Contact", "mailto:psirt@example-medical.test", 4},
			{"Contact", "https://example-medical.test/security/report", 5},
			{"Expires", "2026-06-30T22:00:00.000Z", 6},
			{"Encryption", "https://example-medical.test/.well-known/psirt-pgp.asc", 7},
			{"Acknowledgments", "https://example-medical.test/security/hall-of-fame", 8},
			{"Preferred-Languages", "en, de", 9},
			{"Canonical", "https://example-medical.test/.well-known/security.txt", 10},
			{"Policy", "https://example-medical.test/security/cvd-policy", 11},
			{"Hiring", "https://example-medical.test/careers/security", 12},
			{"CSAF", "https://example-medical.test/.well-known/csaf/provider-metadata.json", 13},
		}, problems: []Problem{}},
		{file: "signed-crlf.txt", asOf: asOf, signed: true, fields: []Field{
			{"Contact", "mailto:security@pump.test", 4},
			{"Contact", "tel:+49-30-1234567", 5},
			{"Expires", "2026-01-31T23:59:59+01:00", 6},
			{"Preferred-Languages", "de", 9},
		}, problems: []Problem{
			{1, CodeSignatureNotVerified, "file is wrapped in an OpenPGP cleartext signature, which was not verified"},
			// The dash-escaped line is unescaped before it is read.
			{7, CodeInvalidLine, `line is neither a comment nor a "Name: value" field: "-- a dash-escaped comment line follows"`},
		}},
		{file: "problems.txt", asOf: asOf, fields: []Field{
			{"Contact", "security@legacy-device.test", 2},
			{"Expires", "31.12.2025", 3},
			{"Expires", "2024-01-01T00:00:00Z", 4},
			{"Encryption", "http://legacy-device.test/key.asc", 5},
			{"Preferred-Languages", "en, *", 6},
			{"Preferred-Languages", "de", 7},
			{"Policy", "", 8},
			{"X-Bug-Bounty", "none", 9},
			{"CSAF", "https://legacy-device.test/advisories/index.html", 10},
		}, problems: []Problem{
			{1, CodeInvalidLine, `line is neither a comment nor a "Name: value" field: "Contact security@legacy-device.test"`},
			{2, CodeMissingSpace, "field contact: RFC 9116 requires a space after the colon"},
			{2, CodeInvalidURI, `Contact "security@legacy-device.test" is not a URI with a scheme (write "mailto:security@legacy-device.test")`},
			{3, CodeExpiresInvalid, `Expires "31.12.2025" is not an RFC 3339 date-time such as 2026-12-31T23:00:00Z`},
			{4, CodeExpired, "Expires 2024-01-01T00:00:00Z is in the past (reference time 2025-09-01T00:00:00Z): the file is stale"},
			{4, CodeExpiresDuplicate, "Expires appears more than once (first on line 3); RFC 9116 allows exactly one"},
			{5, CodeInsecureURI, `Encryption "http://legacy-device.test/key.asc": web URIs must begin with https://`},
			{6, CodeLanguagesInvalid, `Preferred-Languages: "*" is not a language tag (e.g. en, de-AT)`},
			{7, CodeLanguagesDuplicate, "Preferred-Languages appears more than once (first on line 6)"},
			{8, CodeEmptyValue, "field Policy has an empty value"},
			{9, CodeUnknownField, `unknown field "X-Bug-Bounty" (RFC 9116: ignored by consumers)`},
			{10, CodeCSAFNotProviderMetadata, `CSAF "https://legacy-device.test/advisories/index.html" should point to a provider-metadata.json (CSAF 2.0 section 7.1.8)`},
		}},
		{file: "unsigned.txt", asOf: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), fields: nil, problems: []Problem{
			{6, CodeExpired, "Expires 2026-06-30T22:00:00.000Z is in the past (reference time 2026-07-01T00:00:00Z): the file is stale"},
		}},
		{file: "unsigned.txt", asOf: time.Date(2025, 6, 1, 0, 0, 0, 0, time.FixedZone("CEST", 2*3600)), fields: nil, problems: []Problem{
			{6, CodeExpiresTooFar, "Expires 2026-06-30T22:00:00.000Z is more than a year after 2025-05-31T22:00:00Z; RFC 9116 recommends less than a year"},
		}},
		// A zero reference time skips the time-relative checks.
		{file: "problems.txt", asOf: time.Time{}, fields: nil, problems: nil},
	}
	for _, tt := range tests {
		t.Run(tt.file+"@"+tt.asOf.Format(time.RFC3339), func(t *testing.T) {
			t.Parallel()
			f, err := Parse("site/"+tt.file, mustRead(t, "testdata/"+tt.file), tt.asOf)
			if err != nil {
				t.Fatal(err)
			}
			if f.Signed != tt.signed {
				t.Errorf("Signed = %v, want %v", f.Signed, tt.signed)
			}
			if tt.fields != nil {
				if diff := cmp.Diff(tt.fields, f.Fields); diff != "" {
					t.Errorf("fields (-want +got):\n%s", diff)
				}
			}
			if tt.problems != nil {
				if diff := cmp.Diff(tt.problems, f.Problems); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
			}
			if tt.asOf.IsZero() {
				for _, p := range f.Problems {
					if p.Code == CodeExpired || p.Code == CodeExpiresTooFar {
						t.Errorf("zero asOf still produced %+v", p)
					}
				}
			}
		})
	}
}

// codes returns the problem codes, for tests that only care which problems
// were found.
func codes(f *File) []string {
	out := make([]string, 0, len(f.Problems))
	for _, p := range f.Problems {
		out = append(out, p.Code)
	}
	return out
}

func TestParseInline(t *testing.T) {
	t.Parallel()
	const ok = "Contact: mailto:a@b.test\nExpires: 2026-01-01T00:00:00Z\n"
	tests := []struct {
		name  string
		in    string
		codes []string
	}{
		{"minimal valid", ok, nil},
		{"no final newline", strings.TrimSuffix(ok, "\n"), nil},
		{"empty file", "", []string{CodeContactMissing, CodeExpiresMissing}},
		{"comments only", "# nothing here\n\n   # indented comment\n", []string{CodeContactMissing, CodeExpiresMissing}},
		{"BOM", "\ufeff" + ok, nil},
		{"lower-case t and z are RFC 3339", "Contact: mailto:a@b.test\nExpires: 2026-01-01t00:00:00z\n", nil},
		{"date only is not a date-time", "Contact: mailto:a@b.test\nExpires: 2026-01-01\n", []string{CodeExpiresInvalid}},
		{"field names are case insensitive", "CONTACT: mailto:a@b.test\nexpires: 2026-01-01T00:00:00Z\n", nil},
		{"tel and https contacts", "Contact: tel:+1-201-555-0123\nContact: https://b.test/report\nExpires: 2026-01-01T00:00:00Z\n", nil},
		{"phone number without tel:", "Contact: +1-201-555-0123\nExpires: 2026-01-01T00:00:00Z\n", []string{CodeInvalidURI}},
		{"https without host", "Contact: https://\nExpires: 2026-01-01T00:00:00Z\n", []string{CodeInvalidURI}},
		{"CSAF over http", ok + "CSAF: http://b.test/.well-known/csaf/provider-metadata.json\n", []string{CodeInsecureURI}},
		{"openpgp4fpr encryption", ok + "Encryption: openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f\n", nil},
		{"language tags", ok + "Preferred-Languages: en,de-AT , fr\n", nil},
		{"name with space", ok + "Bug Bounty: yes\n", []string{CodeInvalidLine}},
		{"colon first", ok + ": value\n", []string{CodeInvalidLine}},
		{"CR-only line endings", "Contact: mailto:a@b.test\rExpires: 2026-01-01T00:00:00Z\r", []string{CodeExpiresMissing, CodeInvalidLine}},
		{"invalid UTF-8", ok + "# caf\xe9\n", []string{CodeInvalidUTF8}},
		{"signed without signature", "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n" + ok,
			[]string{CodeSignatureNotVerified, CodeSignatureMalformed}},
		{"signed without blank line", "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n" + ok,
			[]string{CodeContactMissing, CodeExpiresMissing, CodeSignatureNotVerified, CodeSignatureMalformed}},
		{"signature not terminated", "-----BEGIN PGP SIGNED MESSAGE-----\n\n" + ok + "-----BEGIN PGP SIGNATURE-----\nabc\n",
			[]string{CodeSignatureNotVerified, CodeSignatureMalformed}},
		{"content around the signed part", "Contact: mailto:x@evil.test\n-----BEGIN PGP SIGNED MESSAGE-----\n\n" + ok +
			"-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n\nContact: mailto:y@evil.test\n",
			[]string{CodeOutsideSignature, CodeSignatureNotVerified, CodeOutsideSignature}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Parse("security.txt", []byte(tt.in), asOf)
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(f); !slices.Equal(got, tt.codes) {
				t.Errorf("codes = %v, want %v (%+v)", got, tt.codes, f.Problems)
			}
		})
	}
}

func TestParseSignedIgnoresOutsideFields(t *testing.T) {
	t.Parallel()
	in := "Contact: mailto:x@evil.test\n-----BEGIN PGP SIGNED MESSAGE-----\n\nContact: mailto:a@b.test\nExpires: 2026-01-01T00:00:00Z\n" +
		"-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n"
	f, err := Parse("security.txt", []byte(in), asOf)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Values("contact"); !slices.Equal(got, []string{"mailto:a@b.test"}) {
		t.Errorf("Values(contact) = %v; unsigned content must not count", got)
	}
}

func TestParseBinary(t *testing.T) {
	t.Parallel()
	_, err := Parse("site/security.txt", []byte("Contact: mailto:a@b.test\n\x00\x01"), asOf)
	var pe *position.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not *position.Error", err)
	}
	if pe.Pos != (position.Pos{File: "site/security.txt", Line: 2}) {
		t.Errorf("position = %v, want site/security.txt:2", pe.Pos)
	}
}

func TestJSONShape(t *testing.T) {
	t.Parallel()
	f, err := Parse("security.txt", []byte("Contact: mailto:a@b.test\n"), asOf)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"signed":false,"fields":[{"name":"Contact","value":"mailto:a@b.test","line":1}],` +
		`"problems":[{"line":0,"code":"expires_missing","message":"no Expires field; RFC 9116 requires exactly one"}]}`
	if string(b) != want {
		t.Errorf("JSON = %s\nwant   %s", b, want)
	}
}
