package jsonreport_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/cli"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/jsonreport"
	"github.com/annexlint/annexlint/internal/report/reporttest"
)

// TestStreamMatchesEncoder: the streamed report is byte for byte what
// encoding the whole report struct at once gives, for the fixture with
// waived and baselined findings and hostile strings, for every shipped
// example, and for all of them as one multi-bundle report.
func TestStreamMatchesEncoder(t *testing.T) {
	t.Parallel()
	fixture := reporttest.Result()
	fixture.Baselined = append(fixture.Baselined, fixture.Findings[0])
	bundles := []report.Bundle{{Meta: report.Meta{ToolVersion: "test", PolicyDigest: "ab12", RepoPrefix: "x/"}, Result: fixture}}

	c, err := cli.NewChecker(context.Background(), nil, bundle.DefaultMaxFileSize)
	if err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "..", "examples", "*"))
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, "annexlint.yaml")); err != nil {
			continue
		}
		res, err := c.Run(context.Background(), dir, check.Options{AsOf: "2026-11-25"})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		bundles = append(bundles, report.Bundle{Meta: report.Meta{ToolVersion: "test"}, Result: res})
	}
	if len(bundles) < 6 {
		t.Fatalf("want the shipped examples, found %d bundles", len(bundles)-1)
	}
	cases := [][]report.Bundle{bundles}
	for _, b := range bundles {
		cases = append(cases, []report.Bundle{b})
	}
	for _, bs := range cases {
		var got, want bytes.Buffer
		if err := (jsonreport.Writer{}).WriteAll(&got, bs); err != nil {
			t.Fatal(err)
		}
		if err := jsonreport.EncodeWhole(&want, bs); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			i := 0
			for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
				i++
			}
			t.Errorf("%d bundle(s), first %s: streamed report differs at byte %d: got %q, want %q", len(bs), bs[0].Result.Bundle,
				i, got.Bytes()[max(0, i-40):min(got.Len(), i+40)], want.Bytes()[max(0, i-40):min(want.Len(), i+40)])
		}
	}
}

// TestPlainFindingAsEncoded holds the findings written without the encoder
// to the encoder's bytes on the edges of what counts as plain: no line, no
// column, no file, empty texts, every printable ASCII character, quotes and
// backslashes (escaped), and texts just outside (a control character,
// non-ASCII) that must go through the encoder.
func TestPlainFindingAsEncoded(t *testing.T) {
	t.Parallel()
	printable := make([]byte, 0, 95)
	for c := byte(0x20); c <= 0x7e; c++ {
		printable = append(printable, c)
	}
	fixture := reporttest.Result()
	base := fixture.Findings[0]
	base.Related, base.Status, base.Waiver, base.Override = nil, "", nil, nil
	var fs []finding.Finding
	for _, edit := range []func(f *finding.Finding){
		func(*finding.Finding) {},
		func(f *finding.Finding) { f.Pos.Line, f.Pos.Col = 0, 0 },
		func(f *finding.Finding) { f.Pos.Line, f.Pos.Col = 12, 0 },
		func(f *finding.Finding) { f.Pos.Line, f.Pos.Col = 0, 7 },
		func(f *finding.Finding) { f.Pos = position.Pos{} },
		func(f *finding.Finding) { f.Message, f.Pointer, f.Key, f.Basis, f.Kind = "", "", "", "", "" },
		func(f *finding.Finding) { f.Message = string(printable) },
		func(f *finding.Finding) { f.Message = `a "quoted" word` },
		func(f *finding.Finding) { f.Key = `/a\b"c\\` },
		func(f *finding.Finding) { f.Pointer = "/x\ty" },
		func(f *finding.Finding) { f.Basis = "MDR Annex I 17.2 – état de l'art" },
		func(f *finding.Finding) { f.Pos.File = "sbom/\u202efdp.json" },
		func(f *finding.Finding) { f.Message = "<script>&amp;</script>" },
	} {
		f := base
		edit(&f)
		fs = append(fs, f)
	}
	fixture.Findings = fs
	bundles := []report.Bundle{{Meta: report.Meta{ToolVersion: "test"}, Result: fixture}}
	var got, want bytes.Buffer
	if err := (jsonreport.Writer{}).WriteAll(&got, bundles); err != nil {
		t.Fatal(err)
	}
	if err := jsonreport.EncodeWhole(&want, bundles); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("written without the encoder:\n%s\nencoded:\n%s", got.Bytes(), want.Bytes())
	}
}
