// Command genclauses regenerates internal/clause/clauses.json from the
// reference catalog:
//
//	go run ./internal/clause/cmd/genclauses ../shared/reference > internal/clause/clauses.json
//
// The result is a reviewed diff; TestTableMatchesReference fails when the
// committed table and the catalog disagree.
package main

import (
	"fmt"
	"os"

	"github.com/annexlint/annexlint/internal/clause"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genclauses REFERENCE_DIR > internal/clause/clauses.json")
		os.Exit(2)
	}
	out, err := clause.Generate(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "genclauses:", err)
		os.Exit(1)
	}
	_, _ = os.Stdout.Write(out)
}
