package coverage

import (
	"context"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/clause"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/policies"
)

// Generate is docs/coverage.md for the built-in rules, the embedded clause
// table and the reviewed reasons.
func Generate(ctx context.Context) ([]byte, error) {
	if err := clause.Err(); err != nil {
		return nil, err
	}
	reasons, err := Reasons()
	if err != nil {
		return nil, err
	}
	engine, err := policy.New(ctx, []policy.Source{{Name: "policies", FS: policies.FS}}, catalog.Builtin())
	if err != nil {
		return nil, err
	}
	return Markdown(Entries(clause.All(), engine.Catalog().Rules(), reasons)), nil
}
