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
	return StableKeyOf(Plain(content), pointer)
}

// Node is a value of a document's content as StableKey reads it. Plain
// gives the nodes of the content as loaded (plain JSON values); the check
// reads large documents' contents from the policy input instead
// (internal/check), so a bundle need not hold them twice over.
type Node interface {
	// Kind says which of the methods below apply.
	Kind() NodeKind
	// Member is an object's member; a missing one is a node of KindOther.
	Member(name string) Node
	// Len and Item are an array's length and item i (0 <= i < Len()).
	Len() int
	Item(i int) Node
	// Text is a string's value.
	Text() string
}

// NodeKind is the JSON type of a Node, as far as StableKey tells them apart.
type NodeKind int

// The kinds of Node: everything but objects, arrays and strings (numbers,
// booleans, null, a missing member) is KindOther.
const (
	KindOther NodeKind = iota
	KindObject
	KindArray
	KindString
)

// StableKeyOf is StableKey over any form of the content.
func StableKeyOf(content Node, pointer string) string {
	if pointer == "" || pointer == "/" {
		return pointer
	}
	var b strings.Builder
	cur := content
	for _, raw := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok := strings.ReplaceAll(strings.ReplaceAll(raw, "~1", "/"), "~0", "~")
		switch cur.Kind() {
		case KindObject:
			b.WriteString("/" + raw)
			cur = cur.Member(tok)
		case KindArray:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= cur.Len() {
				b.WriteString("/" + raw)
				cur = Plain(nil)
				continue
			}
			cur = cur.Item(i)
			if field, value, ok := identity(cur); ok {
				b.WriteString("[" + field + "=" + escapeValue(value) + "]")
			} else {
				b.WriteString("/" + raw)
			}
		default:
			b.WriteString("/" + raw)
			cur = Plain(nil)
		}
	}
	return b.String()
}

func identity(n Node) (field, value string, ok bool) {
	switch n.Kind() {
	case KindString:
		if s := n.Text(); strings.TrimSpace(s) != "" {
			return "", s, true
		}
	case KindObject:
		for _, f := range IdentityFields {
			if m := n.Member(f); m.Kind() == KindString && strings.TrimSpace(m.Text()) != "" {
				return f, m.Text(), true
			}
		}
	}
	return "", "", false
}

// Plain is the Node of a content's plain JSON values: map[string]any,
// []any and string; any other Go value is KindOther.
func Plain(v any) Node { return plain{v} }

type plain struct{ v any }

func (p plain) Kind() NodeKind {
	switch p.v.(type) {
	case map[string]any:
		return KindObject
	case []any:
		return KindArray
	case string:
		return KindString
	}
	return KindOther
}

func (p plain) Member(name string) Node {
	m, _ := p.v.(map[string]any)
	return plain{m[name]}
}

func (p plain) Len() int {
	a, _ := p.v.([]any)
	return len(a)
}

func (p plain) Item(i int) Node { return plain{p.v.([]any)[i]} }

func (p plain) Text() string {
	s, _ := p.v.(string)
	return s
}

// escapeValue keeps a key parseable whatever the identifier holds.
func escapeValue(s string) string {
	return keyEscaper.Replace(s)
}

// keyEscaper is built once: a Replacer is safe for concurrent use, and
// building one per call cost about a tenth of a 3,000-finding check (every
// finding's key escapes an identifier).
var keyEscaper = strings.NewReplacer("~", "~0", "/", "~1", "]", "~2")
