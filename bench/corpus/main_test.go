package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReason(t *testing.T) {
	sbomqs := "2026-12-05T01:07:03.546Z\t\x1b[31mERROR\x1b[0m\tengine/compliance.go:205\tFailed to parse SBOM document\t" +
		`{"path": "/x.json", "error": "unsupported sbom format"}` + "\n"
	if got := reason(sbomqs, "panic: runtime error\n"); got != "unsupported sbom format" {
		t.Errorf("sbomqs: %q", got)
	}
	annexlint := "annexlint: no repository root (.git) found above x1; locations are relative to the bundle folder\n" +
		"annexlint: sbom/a.json:1:1: not a CycloneDX or SPDX document\n"
	if got := reason("", annexlint); got != "annexlint: sbom/a.json:1:1: not a CycloneDX or SPDX document" {
		t.Errorf("annexlint: %q", got)
	}
	panicked := "panic: runtime error: invalid memory address or nil pointer dereference\n" +
		"[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x866c8a]\n\ngoroutine 1 [running]:\n" +
		"github.com/interlynk-io/sbomqs/v2/pkg/compliance/common.RetrieveSignatureFromSBOM({0xdead50?, 0x351ec2b82030?}, {0x7ffcaa6089bf, 0x39})\n" +
		"\t/src/pkg/compliance/common/sig.go:95 +0xa6a\nmain.main()\n\t/src/main.go:31 +0xf\n"
	if got := reason("", panicked); got != "panic: runtime error: invalid memory address or nil pointer dereference in common.RetrieveSignatureFromSBOM" {
		t.Errorf("panic: %q", got)
	}
	if got := reason("", ""); got != "no message" {
		t.Errorf("nothing said: %q", got)
	}
}

// fake writes an executable shell script standing in for a tool.
func fake(t *testing.T, dir, name, script string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRun drives the whole comparison with stand-ins for both tools: the
// corpus's metadata table is not an SBOM, a file both tools take is timed
// under both profiles, a file annexlint refuses (exit 2) is listed with its
// reason under both profiles, once, and not timed; the summary counts.
func TestRun(t *testing.T) {
	tmp := t.TempDir()
	corpus := filepath.Join(tmp, "sbom")
	if err := os.MkdirAll(filepath.Join(corpus, "spdx"), 0o755); err != nil {
		t.Fatal(err)
	}
	good := `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"metadata":{"component":{"type":"application","name":"app","version":"1"}},` +
		`"components":[{"type":"library","name":"a","version":"1"},{"type":"library","name":"b","version":"2"}]}`
	for name, content := range map[string]string{
		"good.cdx.json":                     good,
		"spdx/MISLABELLED-not-an-sbom.json": `[1, 2]`,
		"bom-shelter-metadata.csv":          "url,tool\n",
	} {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// annexlint refuses the bundle holding the mislabelled file, finds
	// something (exit 1) in the other; sbomqs takes both.
	annexlint := fake(t, tmp, "annexlint", `if [ -e "$2/sbom/MISLABELLED-not-an-sbom.json" ]; then echo "annexlint: sbom/MISLABELLED-not-an-sbom.json:1:1: not a CycloneDX or SPDX document" >&2; exit 2; fi; exit 1`)
	sbomqs := fake(t, tmp, "sbomqs", `echo '{}'`)
	o := options{annexlint: annexlint, sbomqs: sbomqs, corpus: corpus, example: filepath.Join("..", "..", "examples", "infusion-pump"),
		work: filepath.Join(tmp, "work"), runs: 2, asOf: "2026-11-25"}
	res, err := run(o, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.rows) != 2 {
		t.Fatalf("%d rows, want good.cdx.json under NTIA and BSI: %+v", len(res.rows), res.rows)
	}
	for _, r := range res.rows {
		if r.file.rel != "good.cdx.json" || r.file.packages != 3 || r.file.format != "cyclonedx-json 1.6" {
			t.Errorf("row %+v: want good.cdx.json, cyclonedx-json 1.6, 3 packages", *r.file)
		}
		if r.peerWall <= 0 || r.fullWall <= 0 || r.minWall <= 0 {
			t.Errorf("row %s %s not timed: %+v", r.file.rel, r.profile.name, r)
		}
	}
	if len(res.rejected) != 1 {
		t.Fatalf("rejections %+v, want the mislabelled file once", res.rejected)
	}
	rej := res.rejected[0]
	if rej.file.rel != "spdx/MISLABELLED-not-an-sbom.json" || rej.who != "annexlint" || strings.Join(rej.profiles, ",") != "NTIA,BSI" ||
		!strings.Contains(rej.reason, "exit 2: annexlint: sbom/MISLABELLED-not-an-sbom.json:1:1: not a CycloneDX") {
		t.Errorf("rejection %+v", rej)
	}
	var out strings.Builder
	o.markdown = true
	res.print(&out, o)
	for _, want := range []string{
		"| SBOM | size | format | packages | profile | sbomqs wall |",
		"| good.cdx.json |",
		"NTIA full bundle    wall: ",
		"of 1 at or under 1.0×",
		"spdx/MISLABELLED-not-an-sbom.json (NTIA, BSI): annexlint rejects it: exit 2:",
		"[MISLABELLED-: the name claims another format than the content]",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "bom-shelter") {
		t.Errorf("the metadata table was taken for an SBOM:\n%s", out.String())
	}
}

// TestReasonNeutralised: another tool's output reaches the terminal without
// its control sequences (only colour codes were removed before).
func TestReasonNeutralised(t *testing.T) {
	got := reason("", "error: \x1b]0;owned\x07bad \x9b2J input\n")
	if strings.ContainsAny(got, "\x1b\x07\u009b") {
		t.Errorf("reason kept control characters: %q", got)
	}
}
