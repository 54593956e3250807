package policy_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/policies"
)

// TestBuiltinIndexUpToDate: policies/index.json is what the generator makes
// of the policies as they are. A stale index is never used (runs parse every
// rule then), but it costs every run the time the index saves.
func TestBuiltinIndexUpToDate(t *testing.T) {
	want, err := policy.BuiltinIndex(builtinSource)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(policies.Index, want) {
		t.Fatal("policies/index.json is out of date: run `go run ./internal/policy/cmd/genindex -w` and review the diff")
	}
}

// TestIndexedCompileSameCatalog: compiled with the index or without it, the
// engine has the same catalog (every field of every rule) and the same
// groups of rules.
func TestIndexedCompileSameCatalog(t *testing.T) {
	set, err := policy.Read(builtinSource, false)
	if err != nil {
		t.Fatal(err)
	}
	if !set.Indexed() || set.WithoutIndex().Indexed() {
		t.Fatalf("the built-in set should compile with the index (%v) and without it when told (%v)", set.Indexed(), set.WithoutIndex().Indexed())
	}
	ctx := context.Background()
	indexed, err := policy.CompileFor(ctx, set, catalog.Builtin(), nil)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := policy.CompileFor(ctx, set.WithoutIndex(), catalog.Builtin(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := indexed.Catalog().Rules(), parsed.Catalog().Rules(); !reflect.DeepEqual(got, want) {
		t.Errorf("the indexed catalog differs from the one read from METADATA")
	}
	if got, want := indexed.Groups(), parsed.Groups(); !reflect.DeepEqual(got, want) {
		t.Errorf("groups differ: indexed %v, parsed %v", got, want)
	}
}
