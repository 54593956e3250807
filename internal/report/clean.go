package report

import (
	"fmt"
	"strings"
	"unicode"
)

// Clean makes s safe to print: control characters (newlines and tabs
// included) and Unicode bidirectional formatting characters, which can make
// text read differently from what it is, are written as \uXXXX escapes.
// Invalid UTF-8 becomes U+FFFD.
func Clean(s string) string {
	if !needsCleaning(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsCleaning(s string) bool {
	for _, r := range s {
		if unsafeRune(r) || r == '\n' || r == '\t' || r == unicode.ReplacementChar {
			return true
		}
	}
	return false
}

func unsafeRune(r rune) bool {
	if unicode.IsControl(r) {
		return true
	}
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}

// CleanLines is Clean for text of several lines: line breaks and tabs are
// kept, every other control or bidirectional formatting character escaped.
func CleanLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		parts := strings.Split(l, "\t")
		for j, p := range parts {
			parts[j] = Clean(strings.TrimSuffix(p, "\r"))
		}
		lines[i] = strings.Join(parts, "\t")
	}
	return strings.Join(lines, "\n")
}
