package finding

import (
	"strconv"
	"strings"
)

// IdentityFields are the fields, in order of preference, whose value names
// an entry of a list by identity rather than by position: a threat's or
// control's id, an SBOM component's bom-ref or SPDXID (normalised to ref)
// and its purl, a VEX statement's vulnerability, a GSPR matrix entry's
// requirement and an evidence item's document, and as a last resort a name
// or type.
var IdentityFields = []string{"id", "ref", "purl", "bom-ref", "SPDXID", "vulnerability", "gspr", "document", "cve", "name", "type"}

// StableKey rewrites a JSON pointer into content so that it names places by
// identity: every array index whose element is an object with an identity
// field becomes [field=value], e.g. /threats/2/severity becomes
// /threats[id=TH-03]/severity, and every index of a string in a list of
// strings becomes [=value], e.g. /interfaces[=IF-BLE]. Indices of elements without one stay as they
// are. The key does not change when an unrelated entry is inserted above, so
// fingerprints and waiver selectors built from it stay valid.
func StableKey(content any, pointer string) string {
	if pointer == "" || pointer == "/" {
		return pointer
	}
	var b strings.Builder
	cur := content
	for _, raw := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok := strings.ReplaceAll(strings.ReplaceAll(raw, "~1", "/"), "~0", "~")
		switch v := cur.(type) {
		case map[string]any:
			b.WriteString("/" + raw)
			cur = v[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) {
				b.WriteString("/" + raw)
				cur = nil
				continue
			}
			cur = v[i]
			if field, value, ok := identity(cur); ok {
				b.WriteString("[" + field + "=" + escapeValue(value) + "]")
			} else {
				b.WriteString("/" + raw)
			}
		default:
			b.WriteString("/" + raw)
			cur = nil
		}
	}
	return b.String()
}

func identity(v any) (field, value string, ok bool) {
	if s, isStr := v.(string); isStr && strings.TrimSpace(s) != "" {
		return "", s, true
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		return "", "", false
	}
	for _, f := range IdentityFields {
		if s, isStr := m[f].(string); isStr && strings.TrimSpace(s) != "" {
			return f, s, true
		}
	}
	return "", "", false
}

// escapeValue keeps a key parseable whatever the identifier holds.
func escapeValue(s string) string {
	return keyEscaper.Replace(s)
}

// keyEscaper is built once: a Replacer is safe for concurrent use, and
// building one per call cost about a tenth of a 3,000-finding check (every
// finding's key escapes an identifier).
var keyEscaper = strings.NewReplacer("~", "~0", "/", "~1", "]", "~2")
