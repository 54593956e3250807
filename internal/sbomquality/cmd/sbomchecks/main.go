// Command sbomchecks measures the SBOM corpus against annexlint's SBOM rules
// and prints the tables of docs/sbom-checks.md, or with -w rewrites their
// generated section. Run it from the repository root:
//
//	go run ./internal/sbomquality/cmd/sbomchecks -w
//
// The tests of internal/sbomquality fail while the document disagrees with
// the corpus, so a change of rule or parser shows up as a reviewed diff.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/annexlint/annexlint/internal/sbomquality"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus/sbom", "directory of SBOM files to measure")
	doc := flag.String("doc", "docs/sbom-checks.md", "document whose generated section -w rewrites")
	write := flag.Bool("w", false, "rewrite the generated section of -doc instead of printing the tables")
	flag.Parse()
	if err := run(*corpus, *doc, *write); err != nil {
		fmt.Fprintln(os.Stderr, "sbomchecks:", err)
		os.Exit(1)
	}
}

func run(corpus, doc string, write bool) error {
	ctx := context.Background()
	c, err := sbomquality.New(ctx)
	if err != nil {
		return err
	}
	results, err := c.MeasureDir(ctx, corpus)
	if err != nil {
		return err
	}
	body := sbomquality.Markdown(results)
	if !write {
		_, err := fmt.Print(body)
		return err
	}
	old, err := os.ReadFile(doc)
	if err != nil {
		return err
	}
	updated, err := sbomquality.Splice(string(old), body)
	if err != nil {
		return fmt.Errorf("%s: %w", doc, err)
	}
	return os.WriteFile(doc, []byte(updated), 0o644)
}
