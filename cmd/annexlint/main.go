// Command annexlint checks medical-device and CRA cybersecurity technical
// documentation bundles against schemas and Rego policies.
package main

import (
	"context"
	"os"

	"github.com/annexlint/annexlint/internal/cli"
	"github.com/annexlint/annexlint/internal/hugepages"
)

func main() {
	hugepages.Reserve()
	os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}
