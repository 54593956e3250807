// Package schemas embeds the JSON Schemas (draft-07) of annexlint's native
// document types, so the binary validates bundles without any file beside it.
package schemas

import "embed"

// FS holds every *.schema.json file of this directory.
//
//go:embed *.schema.json
var FS embed.FS
