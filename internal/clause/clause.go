// Package clause is annexlint's table of the regulatory clauses rules may
// cite: for each catalog ID its citation, the instrument it belongs to, the
// kind of instrument (law, guidance, standard, foreign law), whether the
// catalog entry was verified against the official text, and the date it
// applies from. The table is generated from the project's reference catalog
// (../shared/reference) by cmd/genclauses and embedded, because the engine
// needs these facts at run time to decide which cited clause is the legal
// basis of a finding for a given product and date.
package clause

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Kind is the nature of the instrument a clause belongs to.
type Kind string

// Kinds of instrument. Only law can be the legal basis of a nonconformity;
// guidance and standards say how the law is read or what the state of the
// art is; foreign law governs only where its market is one of the product's.
const (
	Law        Kind = "law"
	Guidance   Kind = "guidance"
	Standard   Kind = "standard"
	ForeignLaw Kind = "foreign-law"
)

// Info is what annexlint knows about one catalog clause.
type Info struct {
	ID    string `json:"id"`
	Cite  string `json:"cite"`
	Title string `json:"title"`
	// Summary is the catalog's own paraphrase of the clause, for people
	// (annexlint explain); it is not the legal text, which always governs.
	Summary      string `json:"summary,omitempty"`
	Instrument   string `json:"instrument"`   // CRA, NIS2, MDR, IVDR, MDCG-2019-16, FDA-524B, FDA-CSG, NTIA, CISA, BSI-TR-03183-2, STD
	Kind         Kind   `json:"kind"`         // law, guidance, standard, foreign-law
	Jurisdiction string `json:"jurisdiction"` // EU, US, DE, international
	Verified     bool   `json:"verified"`
	AppliesFrom  string `json:"applies_from,omitempty"` // ISO date; "" when the entry gives none
}

// Instruments annexlint decides applicability for. The prefix of a catalog ID
// names its instrument (see the reference catalog's ID scheme).
const (
	CRA     = "CRA"
	NIS2    = "NIS2"
	MDR     = "MDR"
	IVDR    = "IVDR"
	MDCG    = "MDCG-2019-16"
	FDA524B = "FDA-524B"
	FDACSG  = "FDA-CSG"
	NTIA    = "NTIA"
	CISA    = "CISA"
	BSI     = "BSI-TR-03183-2"
	STD     = "STD"
)

// instruments maps an ID prefix to its instrument, kind and jurisdiction;
// longest prefix first so FDA-524B- is not read as FDA-.
var instruments = []struct {
	prefix, instrument string
	kind               Kind
	jurisdiction       string
}{
	{"BSI-TR-03183-2-", BSI, Standard, "DE"},
	{"CISA-SBOM-", CISA, Guidance, "US"},
	{"FDA-524B-", FDA524B, ForeignLaw, "US"},
	{"FDA-CSG-", FDACSG, Guidance, "US"},
	{"MDCG-2019-16-", MDCG, Guidance, "EU"},
	{"NTIA-SBOM-", NTIA, Guidance, "US"},
	{"IVDR-", IVDR, Law, "EU"},
	{"NIS2-", NIS2, Law, "EU"},
	{"CRA-", CRA, Law, "EU"},
	{"MDR-", MDR, Law, "EU"},
	{"STD-", STD, Standard, "international"},
}

// Classify returns the instrument, kind and jurisdiction of a catalog ID.
func Classify(id string) (instrument string, kind Kind, jurisdiction string, ok bool) {
	for _, in := range instruments {
		if strings.HasPrefix(id, in.prefix) {
			return in.instrument, in.kind, in.jurisdiction, true
		}
	}
	return "", "", "", false
}

//go:embed clauses.json
var tableJSON []byte

var (
	loadOnce sync.Once
	table    map[string]Info
	loadErr  error
)

func load() {
	var list []Info
	if err := json.Unmarshal(tableJSON, &list); err != nil {
		loadErr = fmt.Errorf("embedded clause table: %w", err)
		return
	}
	table = make(map[string]Info, len(list))
	for _, c := range list {
		table[c.ID] = c
	}
}

// Lookup returns the clause with the given catalog ID.
func Lookup(id string) (Info, bool) {
	loadOnce.Do(load)
	c, ok := table[id]
	return c, ok
}

// Err reports whether the embedded table could be read (it is generated, so
// this fails only on a broken build).
func Err() error {
	loadOnce.Do(load)
	return loadErr
}

// All returns every clause of the table, sorted by ID (the coverage table
// lists them all, cited or not).
func All() []Info {
	loadOnce.Do(load)
	out := make([]Info, 0, len(table))
	for _, c := range table {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
