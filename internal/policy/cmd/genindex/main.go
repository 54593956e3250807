// Command genindex writes the built-in policies' index:
//
//	go run ./internal/policy/cmd/genindex -w
//
// from the module's root writes policies/index.json and its Go form,
// internal/policy/index_gen.go (what a run reads). Without -w it prints the
// JSON alone to standard output, as it used to.
//
// Run it after editing a built-in rule; TestBuiltinIndexUpToDate and
// TestCompiledIndexUpToDate fail until then (and runs parse every rule, or
// decode the JSON, meanwhile).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/annexlint/annexlint/internal/atomicfile"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/policies"
)

// Where -w writes, from the module's root.
const (
	jsonPath = "policies/index.json"
	goPath   = "internal/policy/index_gen.go"
)

func main() {
	write := flag.Bool("w", false, "write "+jsonPath+" and "+goPath+" (run from the module's root)")
	flag.Parse()
	out, err := policy.BuiltinIndex([]policy.Source{{Name: "policies", FS: policies.FS}})
	if err != nil {
		fail(err)
	}
	if !*write {
		os.Stdout.Write(out)
		return
	}
	src, err := policy.BuiltinIndexGo(out)
	if err != nil {
		fail(err)
	}
	if _, err := os.Stat("go.mod"); err != nil {
		fail(fmt.Errorf("run genindex -w from the module's root: %w", err))
	}
	for _, file := range []struct {
		path string
		data []byte
	}{{jsonPath, out}, {goPath, src}} {
		err := atomicfile.Write(file.path, 0o644, func(w io.Writer) error {
			_, err := w.Write(file.data)
			return err
		})
		if err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genindex:", err)
	os.Exit(1)
}
