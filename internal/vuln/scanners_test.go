package vuln

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGrype(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "grype.json")
	head := []string{doc.Tool, doc.Timestamp, doc.Subject}
	if diff := cmp.Diff([]string{"grype 0.74.0", "2024-04-03T10:00:00Z", "pump-image:2.1"}, head); diff != "" {
		t.Errorf("document fields (-want +got):\n%s", diff)
	}
	want := []Match{
		{
			Vulnerability: "GHSA-jfh8-c2jp-5v3q", Aliases: []string{"CVE-2021-44228"},
			Name: "log4j-core", Version: "2.14.1", Purl: "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
			CPEs: []string{"cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*"}, Type: "java-archive",
			Severity: SeverityCritical,
			CVSS: []CVSS{
				{Source: "ghsa", Version: "3.1", Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", Score: f64(10)},
				{Source: "nvd", Version: "3.1", Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", Score: f64(10)}, // computed
			},
			FixedVersions: []string{"2.15.0", "2.12.2"}, FixState: "fixed",
			Target: "/app/lib/log4j-core-2.14.1.jar", Loc: Loc{Pointer: "/matches/0"},
		},
		{
			Vulnerability: "CVE-2022-0001", Aliases: []string{}, Name: "bash", Version: "5.1-2", CPEs: []string{}, Type: "deb",
			Severity: SeverityLow, CVSS: []CVSS{}, FixedVersions: []string{}, FixState: "wont-fix",
			Loc: Loc{Pointer: "/matches/1"},
		},
	}
	if diff := cmp.Diff(want, doc.Matches); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
	if len(doc.Problems) != 1 || doc.Problems[0].Loc.Pointer != "/matches/1/artifact/purl" {
		t.Errorf("problems = %+v, want the invalid purl", doc.Problems)
	}
}

func TestTrivy(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "trivy.json")
	head := []string{doc.SpecVersion, doc.ID, doc.Timestamp, doc.Tool, doc.Subject}
	if diff := cmp.Diff([]string{"2", "report-1", "2024-04-04T10:00:00Z", "trivy 0.50.0", "pump-image:2.1"}, head); diff != "" {
		t.Errorf("document fields (-want +got):\n%s", diff)
	}
	m := matchAt(t, doc, "/Results/0/Vulnerabilities/0")
	want := Match{
		Vulnerability: "CVE-2023-0286", Aliases: []string{"DSA-5343-1"},
		Name: "openssl", Version: "1.1.1n-0+deb11u3", Type: "debian", CPEs: []string{},
		Purl:     "pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11.6",
		Severity: SeverityHigh,
		// Sources in sorted order, whatever the map order in the file.
		CVSS: []CVSS{
			{Source: "ghsa", Version: "4.0", Vector: "CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:N/VA:H/SC:N/SI:N/SA:N", Score: f64(8.2)},
			{Source: "nvd", Version: "2.0", Vector: "AV:N/AC:M/Au:N/C:P/I:N/A:P", Score: f64(5.8)},
			{Source: "nvd", Version: "3.1", Vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H", Score: f64(7.4)},
			{Source: "redhat", Version: "3.1", Vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H", Score: f64(7.4)},
		},
		FixedVersions: []string{"1.1.1n-0+deb11u4", "1.1.1t-1"}, FixState: "fixed",
		Target: "pump-image:2.1 (debian 11.6)", Loc: Loc{Pointer: "/Results/0/Vulnerabilities/0"},
	}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("match (-want +got):\n%s", diff)
	}
	g := matchAt(t, doc, "/Results/1/Vulnerabilities/0")
	if g.Severity != SeverityUnknown || len(g.FixedVersions) != 0 || g.FixState != "affected" || g.Type != "gomod" {
		t.Errorf("unfixed gomod match = %+v", g)
	}
	if len(doc.Matches) != 2 || len(doc.Problems) != 0 {
		t.Errorf("matches/problems = %d/%+v", len(doc.Matches), doc.Problems)
	}
}

func TestOSVScanner(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "osv-scanner.json")
	ghsa := matchAt(t, doc, "/results/0/packages/0/vulnerabilities/0")
	want := Match{
		Vulnerability: "GHSA-jfh8-c2jp-5v3q", Aliases: []string{"CVE-2021-44228"},
		Name: "org.apache.logging.log4j:log4j-core", Version: "2.14.1", Type: "Maven", CPEs: []string{},
		Purl:     "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
		Severity: SeverityCritical,
		CVSS:     []CVSS{{Source: "osv", Version: "3.1", Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", Score: f64(10)}},
		// Only the ranges of the scanned package, not of log4j-api.
		FixedVersions: []string{"2.15.0", "2.12.2"},
		Target:        "/src/pom.xml", Loc: Loc{Pointer: "/results/0/packages/0/vulnerabilities/0"},
	}
	if diff := cmp.Diff(want, ghsa); diff != "" {
		t.Errorf("match (-want +got):\n%s", diff)
	}
	// No database severity: computed from the CVSS vector (5.9).
	if m := matchAt(t, doc, "/results/0/packages/0/vulnerabilities/1"); m.Severity != SeverityMedium {
		t.Errorf("severity from vector = %q, want medium", m.Severity)
	}
	npm := matchAt(t, doc, "/results/0/packages/1/vulnerabilities/0")
	if npm.Purl != "pkg:npm/%40example/ui@1.0.0" || npm.Severity != SeverityMedium ||
		!cmp.Equal(npm.Aliases, []string{"GHSA-dddd-eeee-ffff"}) {
		t.Errorf("npm match: purl from ecosystem, severity from group max_severity, aliases from group: %+v", npm)
	}
}

func TestKEV(t *testing.T) {
	t.Parallel()
	doc, _ := load(t, "kev.json")
	if doc.Version != "2024.04.05" || doc.Timestamp != "2024-04-05T15:00:00.000Z" || len(doc.KEV) != 2 {
		t.Fatalf("version/timestamp/entries = %q/%q/%d", doc.Version, doc.Timestamp, len(doc.KEV))
	}
	want := KEVEntry{
		CVE: "CVE-2021-44228", VendorProject: "Apache", Product: "Log4j2",
		VulnerabilityName: "Apache Log4j2 Remote Code Execution Vulnerability", DateAdded: "2021-12-10",
		ShortDescription: "JNDI features do not protect against attacker-controlled LDAP endpoints.",
		RequiredAction:   "Apply updates per vendor instructions.", DueDate: "2021-12-24",
		KnownRansomwareCampaignUse: "Known", Notes: "https://logging.apache.org/log4j/2.x/security.html",
		CWEs: []string{"CWE-20", "CWE-917"}, Loc: Loc{Pointer: "/vulnerabilities/0"},
	}
	if diff := cmp.Diff(want, doc.KEV[0]); diff != "" {
		t.Errorf("entry (-want +got):\n%s", diff)
	}
}

func TestCVSS3Score(t *testing.T) {
	t.Parallel()
	tests := []struct {
		vector string
		want   *float64
	}{
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", f64(9.8)},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", f64(10)},
		{"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H", f64(5.9)},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", f64(5.3)},
		{"CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N", f64(4.8)},
		{"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", f64(7.8)},
		{"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", f64(9.9)},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", f64(0)},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H", nil},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", nil},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P", nil},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.vector, func(t *testing.T) {
			t.Parallel()
			if got := cvss3Score(tt.vector); !cmp.Equal(got, tt.want) {
				t.Fatalf("cvss3Score = %v, want %v", deref(got), deref(tt.want))
			}
		})
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func TestNormalizeSeverity(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"CRITICAL": SeverityCritical, "Important": SeverityHigh, "high": SeverityHigh, "MODERATE": SeverityMedium,
		"Medium": SeverityMedium, "Negligible": SeverityLow, "LOW": SeverityLow, "none": SeverityNone,
		"UNKNOWN": SeverityUnknown, "": SeverityUnknown, "severe": SeverityUnknown,
	}
	for in, want := range tests {
		if got := normalizeSeverity(in); got != want {
			t.Errorf("normalizeSeverity(%q) = %q, want %q", in, got, want)
		}
	}
}
