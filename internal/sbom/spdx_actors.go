package sbom

import (
	"encoding/json"
	"strings"

	"github.com/spdx/tools-golang/tagvalue/reader"
)

// SPDX writes a package supplier or originator as "Person: name" or
// "Organization: name". Some generators (syft 0.33 among them) write a bare
// "Name <mail>", which tools-golang rejects, losing the whole document over
// one field. Such values are taken out before tools-golang sees them and put
// back as given; the schema does not constrain the field, and the name is
// what the model keeps anyway.
type untypedActors struct{ supplier, originator string }

func isUntypedActor(v string) bool {
	v = strings.TrimSpace(v)
	return v != "" && v != noAssertion && !strings.Contains(v, ":")
}

// isUntypedActorError recognises tools-golang's JSON error for such a value.
func isUntypedActorError(err error) bool {
	m := err.Error()
	return strings.Contains(m, "failed to parse Supplier") || strings.Contains(m, "failed to parse Originator")
}

// stripUntypedActorsJSON rewrites the document without untyped supplier and
// originator values and returns them by package SPDXID. It runs only after
// tools-golang has failed on one, and re-encodes the document once.
func stripUntypedActorsJSON(data []byte) ([]byte, map[string]untypedActors, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, nil, err
	}
	var pkgs []map[string]json.RawMessage
	if err := json.Unmarshal(top["packages"], &pkgs); err != nil {
		return nil, nil, err
	}
	actors := map[string]untypedActors{}
	for _, p := range pkgs {
		var id string
		_ = json.Unmarshal(p["SPDXID"], &id) // a bad id is tools-golang's to report
		a := actors[id]
		for _, f := range []struct {
			key string
			dst *string
		}{{"supplier", &a.supplier}, {"originator", &a.originator}} {
			var v string
			if json.Unmarshal(p[f.key], &v) == nil && isUntypedActor(v) {
				*f.dst = strings.TrimSpace(v)
				delete(p, f.key)
			}
		}
		if a != (untypedActors{}) {
			actors[id] = a
		}
	}
	raw, err := json.Marshal(pkgs)
	if err != nil {
		return nil, nil, err
	}
	top["packages"] = raw
	out, err := json.Marshal(top)
	return out, actors, err
}

// splitUntypedActorsTV drops untyped PackageSupplier/PackageOriginator pairs
// and returns them by the SPDXID of their package.
func splitUntypedActorsTV(pairs []tvPair) ([]tvPair, map[string]untypedActors) {
	kept := make([]tvPair, 0, len(pairs))
	actors := map[string]untypedActors{}
	var (
		inPackage bool
		id        string
		pending   untypedActors
	)
	flush := func() {
		if pending != (untypedActors{}) && id != "" {
			actors[id] = pending
		}
		pending, id = untypedActors{}, ""
	}
	for _, p := range pairs {
		switch p.tag {
		case "PackageName":
			flush()
			inPackage = true
		case "FileName", "SnippetSPDXID", "LicenseID", "Reviewer":
			flush()
			inPackage = false
		case "SPDXID":
			if inPackage && id == "" {
				id = spdxRef(p.value)
			}
		case "PackageSupplier", "PackageOriginator":
			if inPackage && isUntypedActor(p.value) {
				if p.tag == "PackageSupplier" {
					pending.supplier = strings.TrimSpace(p.value)
				} else {
					pending.originator = strings.TrimSpace(p.value)
				}
				continue
			}
		}
		kept = append(kept, p)
	}
	flush()
	return kept, actors
}

// spdxRef renders an SPDX element id with its prefix, as the model uses it.
func spdxRef(v string) string {
	return "SPDXRef-" + strings.TrimPrefix(strings.TrimSpace(v), "SPDXRef-")
}

func tvPairs(pairs []tvPair) []reader.TagValuePair {
	tvs := make([]reader.TagValuePair, len(pairs))
	for i, p := range pairs {
		tvs[i] = reader.TagValuePair{Tag: p.tag, Value: p.value}
	}
	return tvs
}
