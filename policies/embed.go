// Package policies embeds annexlint's built-in Rego rule set.
package policies

import "embed"

// FS holds the annexlint/ policy tree (rules, library and their tests).
//
//go:embed annexlint
var FS embed.FS
