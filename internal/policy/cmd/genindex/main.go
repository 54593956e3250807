// Command genindex writes the built-in policies' index to standard output:
//
//	go run ./internal/policy/cmd/genindex > policies/index.json
//
// Run it after editing a built-in rule; TestBuiltinIndexUpToDate fails
// until then (and runs parse every rule meanwhile).
package main

import (
	"fmt"
	"os"

	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/policies"
)

func main() {
	out, err := policy.BuiltinIndex([]policy.Source{{Name: "policies", FS: policies.FS}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "genindex:", err)
		os.Exit(1)
	}
	os.Stdout.Write(out)
}
