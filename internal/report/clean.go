package report

import "github.com/annexlint/annexlint/internal/termsafe"

// Clean makes s safe to print in any report: control characters (line
// breaks and tabs included), invalid UTF-8 and Unicode bidirectional and
// line controls are written as visible escapes (\x1b, \u202e). It is
// termsafe.String, so the text, HTML and Markdown reports and the CLI's
// errors neutralise input the same way.
func Clean(s string) string { return termsafe.String(s) }
