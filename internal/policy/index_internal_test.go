package policy

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/annexlint/annexlint/policies"
)

// TestCompiledIndexUpToDate: index_gen.go is the Go form of
// policies/index.json as the generator writes it, and holds the very values
// the JSON decodes to. A stale Go form is never used (runs decode the JSON
// then), but it costs every run the decoding.
func TestCompiledIndexUpToDate(t *testing.T) {
	want, err := BuiltinIndexGo(policies.Index)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("index_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("internal/policy/index_gen.go is out of date: run `go run ./internal/policy/cmd/genindex -w` from the module's root")
	}
	decoded, err := decodeIndex(policies.Index)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(compiledIndex, decoded) {
		t.Fatal("compiledIndex differs from what policies/index.json decodes to: a field of the index or of catalog.Rule that BuiltinIndexGo does not write?")
	}
}

// TestStaleCompiledIndexNotUsed: a Go index of other policy bytes is passed
// over for the JSON, and a stale JSON for parsing everything.
func TestStaleCompiledIndexNotUsed(t *testing.T) {
	set, err := Read([]Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if set.builtinIndex() != compiledIndex {
		t.Fatal("a current Go index should be used")
	}
	defer func(saved *index) { compiledIndex = saved }(compiledIndex)
	stale := *compiledIndex
	stale.Digest = strings.Repeat("0", len(stale.Digest))
	if stale.Digest == compiledIndex.Digest {
		stale.Digest = strings.Repeat("1", len(stale.Digest))
	}
	compiledIndex = &stale
	json, err := loadIndex()
	if err != nil {
		t.Fatal(err)
	}
	if got := set.builtinIndex(); got != json {
		t.Fatalf("with a stale Go index the run should read policies/index.json, got %p (JSON %p)", got, json)
	}
	other := &Set{files: append(set.files[:len(set.files):len(set.files)], policyFile{source: "policies", name: "policies/extra.rego", data: []byte("package extra\n")})}
	if other.builtinIndex() != nil {
		t.Fatal("an index of other policy bytes should not be used")
	}
}
