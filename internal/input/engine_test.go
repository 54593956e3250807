package input_test

import (
	"context"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/policies"
)

var (
	builtinOnce sync.Once
	builtin     *policy.Engine
	builtinErr  error
)

// prepare prepares a query against the built-in policies, compiled once for
// all the parity tests of this package.
func prepare(t *testing.T, query string) (rego.PreparedEvalQuery, error) {
	t.Helper()
	builtinOnce.Do(func() {
		builtin, builtinErr = policy.New(context.Background(), []policy.Source{{Name: "policies", FS: policies.FS}}, catalog.Builtin())
	})
	if builtinErr != nil {
		t.Fatal(builtinErr)
	}
	return builtin.Prepare(context.Background(), query)
}
