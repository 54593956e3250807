// Package policies embeds annexlint's built-in Rego rule set.
package policies

import "embed"

// FS holds the annexlint/ policy tree (rules, library and their tests).
//
//go:embed annexlint
var FS embed.FS

// Index is the built-in rules' metadata and the files' packages, generated
// from the tree above by `go run ./internal/policy/cmd/genindex -w` (with
// its Go form, internal/policy/index_gen.go; internal/policy says how a run
// uses them).
//
//go:embed index.json
var Index []byte
