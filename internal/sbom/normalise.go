package sbom

import (
	"strings"

	"github.com/package-url/packageurl-go"
)

// normalisePurl returns the canonical purl, or the text as given and the
// reason when it does not parse.
func normalisePurl(raw string) (purl, purlErr string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", ""
	}
	p, err := packageurl.FromString(raw)
	if err != nil {
		return raw, err.Error()
	}
	return p.ToString(), ""
}

// hashAlgs maps an algorithm name with case, '-' and '_' removed to the
// CycloneDX spelling, which is also what SPDX uses for the newer ones.
var hashAlgs = map[string]string{
	"MD2": "MD2", "MD4": "MD4", "MD5": "MD5", "MD6": "MD6",
	"SHA1": "SHA-1", "SHA224": "SHA-224", "SHA256": "SHA-256", "SHA384": "SHA-384", "SHA512": "SHA-512",
	"SHA3256": "SHA3-256", "SHA3384": "SHA3-384", "SHA3512": "SHA3-512",
	"BLAKE2B256": "BLAKE2b-256", "BLAKE2B384": "BLAKE2b-384", "BLAKE2B512": "BLAKE2b-512",
	"BLAKE3": "BLAKE3", "ADLER32": "ADLER32",
	"STREEBOG256": "Streebog-256", "STREEBOG512": "Streebog-512",
}

var hashKey = strings.NewReplacer("-", "", "_", "", " ", "")

func normaliseHash(alg, value string) Hash {
	key := strings.ToUpper(hashKey.Replace(alg))
	if canon, ok := hashAlgs[key]; ok {
		alg = canon
	} else {
		alg = strings.ToUpper(strings.TrimSpace(alg))
	}
	return Hash{Alg: alg, Value: strings.ToLower(strings.TrimSpace(value))}
}

// orderedSet keeps first occurrences in order; it is how Authors and Tools
// stay deterministic without sorting away the document's order.
type orderedSet struct {
	seen map[string]bool
	list []string
}

func newOrderedSet() *orderedSet { return &orderedSet{seen: map[string]bool{}, list: []string{}} }

func (s *orderedSet) add(v string) {
	v = strings.TrimSpace(v)
	if v == "" || s.seen[v] {
		return
	}
	s.seen[v] = true
	s.list = append(s.list, v)
}

func joinNonEmpty(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}
