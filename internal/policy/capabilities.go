package policy

import (
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

// deniedBuiltins are refused at compile time. Policies may come from
// strangers (custom rule sets), so they get no network, no environment, no
// clock and no randomness: the first two would leak or fetch data, the last
// two would make output depend on when and where annexlint runs.
//
// Every built-in OPA itself marks Nondeterministic is refused as well (see
// DeniedReason); this list gives those their reasons and adds the ones OPA
// does not mark. TestBuiltinsReviewed fails when an OPA upgrade adds a
// built-in, so each new one is looked at before it reaches policies.
var deniedBuiltins = map[string]string{
	"http.send":              "network access",
	"net.lookup_ip_addr":     "network access",
	"opa.runtime":            "access to the environment",
	"time.now_ns":            "the wall clock (use input.as_of)",
	"rand.intn":              "randomness",
	"uuid.rfc4122":           "randomness",
	"trace":                  "debug tracing",
	"providers.aws.sign_req": "request signing for network access",
	// A schema's $ref may name file:// URLs, which OPA reads from the local
	// disk whatever the capabilities say: a way out of the bundle.
	"json.match_schema":  "it reads files outside the bundle through file:// $ref",
	"json.verify_schema": "it reads files outside the bundle through file:// $ref",
	// ECDSA and RSA-PSS signatures take fresh randomness: three runs, three
	// outputs.
	"io.jwt.encode_sign":     "randomness (signatures)",
	"io.jwt.encode_sign_raw": "randomness (signatures)",
	// Not marked nondeterministic by OPA, but certificate validity is judged
	// against the wall clock.
	"crypto.x509.parse_and_verify_certificates":              "the wall clock (certificate validity is checked against the current time)",
	"crypto.x509.parse_and_verify_certificates_with_options": "the wall clock (certificate validity is checked against the current time)",
}

// deniedPrefixes are refused as families.
var deniedPrefixes = map[string]string{
	// These may fetch keys in some configurations; policies here have no use for them.
	"io.jwt.verify_":       "JWT verification, which may fetch keys over the network",
	"io.jwt.decode_verify": "JWT verification, which may fetch keys over the network",
}

// The time built-ins take a zone name, and "Local" means time.Local, which
// Go reads from TZ (and /etc/localtime); a zone abbreviation in
// time.parse_ns resolves through it too. Making Local UTC once, before any
// evaluation, keeps the host's zone out of every result. It runs in init
// so no goroutine can read time.Local while it changes.
func init() {
	time.Local = time.UTC
}

// Capabilities returns OPA's capabilities for this version minus the denied
// built-ins, with no hosts allowed for network access.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if _, denied := DeniedReason(b.Name); denied {
			continue
		}
		kept = append(kept, b)
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// DeniedReason explains why a built-in is unavailable, for error messages.
func DeniedReason(name string) (string, bool) {
	if r, ok := deniedBuiltins[name]; ok {
		return r, true
	}
	for prefix, r := range deniedPrefixes {
		if strings.HasPrefix(name, prefix) {
			return r, true
		}
	}
	if b, ok := ast.BuiltinMap[name]; ok && b.Nondeterministic {
		return "its result depends on when or where annexlint runs (OPA marks it nondeterministic)", true
	}
	return "", false
}
