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
