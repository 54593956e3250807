// Command gencoverage writes docs/coverage.md to standard output: every
// catalog entry of the listed instruments with the built-in rules that cite
// it, or the reviewed reason a machine cannot check it. Run it from the
// repository root:
//
//	go run ./internal/coverage/cmd/gencoverage > docs/coverage.md
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/annexlint/annexlint/internal/coverage"
)

func main() {
	doc, err := coverage.Generate(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencoverage:", err)
		os.Exit(1)
	}
	if _, err := os.Stdout.Write(doc); err != nil {
		fmt.Fprintln(os.Stderr, "gencoverage:", err)
		os.Exit(1)
	}
}
