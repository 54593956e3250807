package input_test

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/doctype"
	"github.com/annexlint/annexlint/internal/enrich"
	"github.com/annexlint/annexlint/internal/input"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/sbom"
	"github.com/annexlint/annexlint/internal/scaletest"
	"github.com/annexlint/annexlint/internal/vuln"
	"github.com/annexlint/annexlint/policies"
)

// indexAreas are the rule areas whose rules read input.derived.vuln_index
// and input.derived.supplied_components through lib.vuln and lib.supply.
var indexAreas = []string{"vex", "supply-chain"}

// goFacts are the derived facts the equivalence test takes away, so that
// lib.vuln and lib.supply compute them in Rego.
var goFacts = []string{"vuln_index", "supplied_components"}

var (
	indexOnce    sync.Once
	indexQueries []rego.PreparedEvalQuery
	indexErr     error
)

// parityQueries are what the rules and helpers give, in one query per rule
// area (the engine compiles areas apart): every finding, evidence and
// insufficient entry of every rule of the area (by package), and, in the
// VEX area's, what lib.vuln's helpers give for every scan
// match, VEX statement and statement product, and in the supply-chain area's
// lib.supply.in_product_sbom for every supplier's document.
func parityQueries(t *testing.T) []string {
	t.Helper()
	var queries []string
	for _, area := range indexAreas {
		entries, err := fs.ReadDir(policies.FS, "annexlint/rules/"+area)
		if err != nil {
			t.Fatal(err)
		}
		var rules []string
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			pkg := fmt.Sprintf("data.annexlint.rules[%q][%q]", area, e.Name())
			rules = append(rules, fmt.Sprintf(`%q: [{f | some f in %s.report}, {f | some f in %s.evidence}, {f | some f in %s.insufficient}]`,
				area+"/"+e.Name(), pkg, pkg, pkg))
		}
		if len(rules) < 3 {
			t.Fatalf("only %d rules found in %s", len(rules), area)
		}
		queries = append(queries, "rules := {"+strings.Join(rules, ",\n")+"}")
	}
	queries[0] += `
matches := [[d.path, j, data.annexlint.lib.vuln.ids(m), data.annexlint.lib.vuln.resolve_package(m), data.annexlint.lib.vuln.resolve(m), data.annexlint.lib.vuln.unassessed(m), labels] |
	some d in input.documents
	some j, m in d.content.matches
	labels := [data.annexlint.lib.vuln.label(id) | some id in data.annexlint.lib.vuln.resolve_package(m)]
]
statements := [[d.path, j, data.annexlint.lib.vuln.ids(st), products] |
	some d in input.documents
	some j, st in d.content.statements
	products := [[p, data.annexlint.lib.vuln.resolve_package(p), data.annexlint.lib.vuln.resolve(p), labels] |
		some p in st.products
		labels := [data.annexlint.lib.vuln.label(id) | some id in data.annexlint.lib.vuln.resolve_package(p)]
	]
]
`
	queries[1] += `
supplied := [[d.path, data.annexlint.lib.supply.in_product_sbom(d)] | some d in input.documents; is_object(d.supplied_by)]`
	return queries
}

// parityEngine prepares, once (the built-in policies compiled once, prepare),
// parityQueries.
func parityEngine(t *testing.T) []rego.PreparedEvalQuery {
	t.Helper()
	indexOnce.Do(func() {
		for _, query := range parityQueries(t) {
			var q rego.PreparedEvalQuery
			if q, indexErr = prepare(t, query); indexErr != nil {
				return
			}
			indexQueries = append(indexQueries, q)
		}
	})
	if indexErr != nil {
		t.Fatal(indexErr)
	}
	return indexQueries
}

// withoutGoFacts is the input without the facts of goFacts.
func withoutGoFacts(t *testing.T, in ast.Value) ast.Value {
	t.Helper()
	obj := in.(ast.Object)
	derived := obj.Get(ast.StringTerm("derived")).Value.(ast.Object)
	var kept, top [][2]*ast.Term
	derived.Foreach(func(k, v *ast.Term) {
		if !slices.Contains(goFacts, string(k.Value.(ast.String))) {
			kept = append(kept, ast.Item(k, v))
		}
	})
	obj.Foreach(func(k, v *ast.Term) {
		if k.Value.Compare(ast.String("derived")) == 0 {
			v = ast.ObjectTerm(kept...)
		}
		top = append(top, ast.Item(k, v))
	})
	return ast.NewObject(top...)
}

// parityCounts says how much a comparison compared, so that a test can tell
// it is not vacuous.
type parityCounts struct {
	findings, resolved, supplied int
}

func (c *parityCounts) add(o parityCounts) {
	c.findings += o.findings
	c.resolved += o.resolved
	c.supplied += o.supplied
}

// sameWithAndWithoutIndex evaluates parityQuery on the bundle's policy input
// with the Go facts and without them, and fails on any difference.
func sameWithAndWithoutIndex(t *testing.T, name string, b *bundle.Bundle, facts *enrich.Facts) parityCounts {
	t.Helper()
	asOf := "2026-11-25"
	in, err := input.Build(b, asOf, regime.Decide(b.Manifest.Content, asOf), facts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	eval := func(in ast.Value) map[string]any {
		out := map[string]any{}
		rules := map[string]any{}
		for _, q := range parityEngine(t) {
			rs, err := q.Eval(ctx, rego.EvalParsedInput(in))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(rs) != 1 {
				t.Fatalf("%s: %d results", name, len(rs))
			}
			for k, v := range rs[0].Bindings {
				if k == "rules" {
					maps.Copy(rules, v.(map[string]any))
				} else {
					out[k] = v
				}
			}
		}
		out["rules"] = rules
		return out
	}
	got, want := eval(in), eval(withoutGoFacts(t, in))
	var counts parityCounts
	for _, key := range []string{"rules", "matches", "statements", "supplied"} {
		if reflect.DeepEqual(got[key], want[key]) {
			continue
		}
		if key != "rules" {
			t.Errorf("%s: lib.vuln or lib.supply gives other %s with the Go facts than in Rego:\nGo   %.3000v\nRego %.3000v", name, key, got[key], want[key])
			continue
		}
		g, w := got[key].(map[string]any), want[key].(map[string]any)
		for rule := range w {
			if !reflect.DeepEqual(g[rule], w[rule]) {
				t.Errorf("%s: rule %s gives other findings, evidence or insufficient evidence with the Go facts than in Rego:\nGo   %.3000v\nRego %.3000v", name, rule, g[rule], w[rule])
			}
		}
	}
	for _, r := range want["rules"].(map[string]any) {
		counts.findings += len(r.([]any)[0].([]any))
	}
	for _, m := range want["matches"].([]any) {
		counts.resolved += len(m.([]any)[4].([]any))
	}
	for _, st := range want["statements"].([]any) {
		for _, p := range st.([]any)[3].([]any) {
			counts.resolved += len(p.([]any)[2].([]any))
		}
	}
	for _, s := range want["supplied"].([]any) {
		counts.supplied += len(s.([]any)[1].([]any))
	}
	return counts
}

// loadBundle loads a bundle directory as annexlint check does, up to the
// policy input.
func loadBundle(t *testing.T, dir string) (*bundle.Bundle, *enrich.Facts) {
	t.Helper()
	loader := bundle.NewLoader(bundle.Options{})
	b, root, err := loader.Load(dir)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	defer func() { _ = root.Close() }()
	if err := loader.LoadDocuments(b, root, bundle.Entries(b.Manifest.Content)); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	facts, err := enrich.Derive(context.Background(), b, root, loader.MaxFileSize())
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return b, facts
}

// TestVulnIndexMatchesRego holds the Go facts input.derived.vuln_index and
// input.derived.supplied_components to lib.vuln's and lib.supply's own Rego
// computation: the same indexes, the same components for every scan match
// and VEX product, and the same findings (messages included), evidence and
// insufficient evidence of every VEX and supply-chain rule, on every example
// bundle, on every VEX, CSAF and scan document of the test data and the
// reference corpus (when it is there) paired with SBOMs made to match its
// products in several ways, and on the generated 10,000-component bundle
// (not with -short).
func TestVulnIndexMatchesRego(t *testing.T) {
	var total parityCounts
	examples, err := filepath.Glob("../../examples/*/annexlint.yaml")
	if err != nil || len(examples) < 10 {
		t.Fatalf("examples: %v (%d)", err, len(examples))
	}
	for _, m := range examples {
		b, facts := loadBundle(t, filepath.Dir(m))
		total.add(sameWithAndWithoutIndex(t, filepath.Base(filepath.Dir(m)), b, facts))
	}
	if total.findings < 20 || total.resolved < 20 || total.supplied < 1 {
		t.Errorf("the examples gave %+v: they no longer exercise the rules", total)
	}

	var corpus parityCounts
	docs := vulnDocuments(t)
	for _, d := range docs {
		for i, boms := range sbomsFor(t, d) {
			b := &bundle.Bundle{
				Manifest:  &bundle.Document{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", Content: map[string]any{"product": map[string]any{"framework": "MDR"}}},
				Documents: append([]*bundle.Document{d}, boms...),
				Files:     map[string]int64{},
			}
			corpus.add(sameWithAndWithoutIndex(t, fmt.Sprintf("%s with SBOM set %d", d.Path, i), b, &enrich.Facts{}))
		}
	}
	for i, b := range vulnProbes() {
		corpus.add(sameWithAndWithoutIndex(t, fmt.Sprintf("VEX probe %d", i), b, &enrich.Facts{}))
	}
	for i, b := range supplyProbes() {
		corpus.add(sameWithAndWithoutIndex(t, fmt.Sprintf("supply probe %d", i), b, &enrich.Facts{}))
	}
	if len(docs) < 15 || corpus.resolved < 50 || corpus.supplied < 5 {
		t.Errorf("%d VEX and scan documents gave %+v: they no longer exercise the matching", len(docs), corpus)
	}
	total.add(corpus)

	if !testing.Short() {
		dir := t.TempDir()
		if err := (scaletest.Bundle{Components: 10000, Matches: 2000, Framework: "MDR"}).Write("../../examples/infusion-pump", dir); err != nil {
			t.Fatal(err)
		}
		b, facts := loadBundle(t, dir)
		scale := sameWithAndWithoutIndex(t, "10k", b, facts)
		if scale.findings < 2000 || scale.resolved < 2000 {
			t.Errorf("the 10k bundle gave %+v", scale)
		}
		total.add(scale)
	}
	t.Logf("compared %+v", total)
}

// vulnDocuments are the VEX, CSAF and scan documents of the test data and
// the corpus, normalised as the bundle loader does, as bundle documents.
func vulnDocuments(t *testing.T) []*bundle.Document {
	t.Helper()
	var files []string
	for _, root := range []string{"../vuln/testdata", "../../../shared/corpus/vex", "../../../shared/corpus/scanners"} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && strings.HasSuffix(p, ".json") {
				files = append(files, p)
			}
			return nil
		})
	}
	sort.Strings(files)
	var docs []*bundle.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := vuln.ParseWith(f, data, vuln.Options{LenientCSAF: true})
		if err != nil {
			continue // not a document the VEX rules read
		}
		typ := "vulnerability-scan"
		switch doc.Kind {
		case vuln.KindOpenVEX, vuln.KindCSAFVEX, vuln.KindCycloneDXVEX, vuln.KindCSAF:
			typ = "vex"
		case vuln.KindKEV:
			continue
		}
		content, err := doctype.Generic(doc)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &bundle.Document{ID: "doc", Type: typ, Path: "vulnerabilities/" + filepath.Base(f), Content: content})
	}
	return docs
}

// sbomsFor are sets of SBOM documents to pair a VEX or scan document with:
// the SBOMs the corpus pairs it with, and SBOMs made of its own products and
// matches, as they are, at other versions, and known by other identities,
// so that every level of the matching and both sides of the version test
// are met.
func sbomsFor(t *testing.T, d *bundle.Document) [][]*bundle.Document {
	t.Helper()
	var sets [][]*bundle.Document
	partners := map[string][]string{
		"vex-pair-vex.cdx.json": {"../../../shared/corpus/vex/cyclonedx/vex-pair-bom.cdx.json"},
		"cisa-case8-vex.cdx.json": {"../../../shared/corpus/vex/cyclonedx/cisa-case8-bom-1.cdx.json",
			"../../../shared/corpus/vex/cyclonedx/cisa-case8-bom-2.cdx.json"},
		"cyclonedx-vex.json": {"../vuln/testdata/cyclonedx-sbom.json"},
		"cyclonedx-vdr.json": {"../vuln/testdata/cyclonedx-sbom.json"},
	}
	if files, ok := partners[filepath.Base(d.Path)]; ok {
		var set []*bundle.Document
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue // the corpus is not there
			}
			s, err := sbom.Parse(f, data)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			set = append(set, &bundle.Document{ID: "sbom", Type: "sbom", Path: "sbom/" + filepath.Base(f), Content: any(s.Generic())})
		}
		sets = append(sets, set)
	}
	items := itemsOf(d.Content)
	for i, variant := range []func(map[string]any) map[string]any{asNamed, atOtherVersion, byNameOnly, byCPEOnly} {
		var components []any
		serial := ""
		for _, it := range items {
			components = append(components, variant(it))
			if s, ok := it["bom"].(string); ok && s != "" {
				serial = s
			}
		}
		content := map[string]any{"components": components, "serial_number": serial}
		if len(components) > 0 {
			// the first item, as the SBOM's product, so the primary's rules
			// (part_of, the product as a whole) are met too
			content["primary"] = components[0]
			content["components"] = components[1:]
		}
		sets = append(sets, []*bundle.Document{{ID: "sbom", Type: "sbom", Path: fmt.Sprintf("sbom/made-%d.cdx.json", i), Content: content}})
	}
	return sets
}

// itemsOf are the products (with their parents) and matches of a normalised
// VEX or scan document.
func itemsOf(content any) []map[string]any {
	doc, _ := content.(map[string]any)
	var items []map[string]any
	var addProduct func(p map[string]any)
	addProduct = func(p map[string]any) {
		items = append(items, p)
		if parent, ok := p["parent"].(map[string]any); ok {
			addProduct(parent)
		}
	}
	statements, _ := doc["statements"].([]any)
	for _, s := range statements {
		st, _ := s.(map[string]any)
		products, _ := st["products"].([]any)
		for _, p := range products {
			if p, ok := p.(map[string]any); ok {
				addProduct(p)
			}
		}
	}
	matches, _ := doc["matches"].([]any)
	for _, m := range matches {
		if m, ok := m.(map[string]any); ok {
			items = append(items, m)
		}
	}
	return items
}

// asNamed is an SBOM component with the item's identities and version.
func asNamed(it map[string]any) map[string]any {
	c := map[string]any{"purl_error": ""}
	for _, k := range []string{"name", "version", "purl", "ref"} {
		if v, ok := it[k].(string); ok && v != "" {
			c[k] = v
		}
	}
	var cpes []any
	if cpe, ok := it["cpe"].(string); ok && cpe != "" {
		cpes = append(cpes, cpe)
	}
	if list, ok := it["cpes"].([]any); ok {
		cpes = append(cpes, list...)
	}
	c["cpes"] = cpes
	return c
}

// atOtherVersion is asNamed at a later version, with a "v" before it and the
// package URL at the version as it was, so the versions disagree.
func atOtherVersion(it map[string]any) map[string]any {
	c := asNamed(it)
	if v, ok := c["version"].(string); ok {
		c["version"] = "v" + v + ".1"
	} else {
		c["version"] = "V2.0"
	}
	return c
}

// byNameOnly is asNamed without a package URL and CPEs, its name in other
// case and with spaces around it.
func byNameOnly(it map[string]any) map[string]any {
	c := asNamed(it)
	delete(c, "purl")
	c["cpes"] = []any{}
	if n, ok := c["name"].(string); ok {
		c["name"] = " " + strings.ToUpper(n) + " "
	}
	return c
}

// byCPEOnly is asNamed known by its CPEs only, with a package URL that did
// not parse.
func byCPEOnly(it map[string]any) map[string]any {
	c := asNamed(it)
	delete(c, "name")
	if _, ok := c["purl"]; ok {
		c["purl_error"] = "no type"
	}
	return c
}

// supplyProbes are bundles whose suppliers' documents name their component
// in every way lib.supply.matches tells apart: package URLs with other
// versions, qualifiers, subpaths and case, names in other spellings, a
// placeholder, no component, and components without a name or package URL.
func supplyProbes() []*bundle.Bundle {
	own := map[string]any{
		"primary": map[string]any{"name": "VF300 firmware", "purl": "pkg:generic/acme/vf300@2.1"},
		"components": []any{
			map[string]any{"name": "Zephyr RTOS", "purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0"},
			map[string]any{"name": "zephyr_rtos", "purl": "pkg:GitHub/ZephyrProject-RTOS/zephyr@3.6.0?arch=arm#sub"},
			map[string]any{"name": "mbedTLS", "purl": 7},
			map[string]any{"name": 7, "purl": "pkg:github/mbed-tls/mbedtls@3.6.2"},
			map[string]any{"name": "Mbed TLS"},
			map[string]any{"name": "zephyr kernel", "purl": "pkg:github/zephyrproject-rtos/zephyr#kernel@3.7.0"},
			"not a component",
		},
	}
	var bundles []*bundle.Bundle
	for _, component := range []any{
		"pkg:github/zephyrproject-rtos/zephyr@v3.7.0", "pkg:github/zephyrproject-rtos/zephyr", "pkg:GITHUB/zephyrproject-rtos/zephyr?x=y",
		" Zephyr RTOS ", "ZEPHYR-RTOS", "mbed tls", "pkg:github/mbed-tls/mbedtls", "libfoo", "TBD", 7, nil,
	} {
		marking := map[string]any{"name": "A supplier"}
		if component != nil {
			marking["component"] = component
		}
		bundles = append(bundles, &bundle.Bundle{
			Manifest: &bundle.Document{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", Content: map[string]any{"product": map[string]any{"framework": "CRA"}}},
			Documents: []*bundle.Document{
				{ID: "own", Type: "sbom", Path: "sbom/own.cdx.json", Content: own},
				{ID: "other", Type: "sbom", Path: "sbom/a-second.cdx.json", Content: map[string]any{"components": own["components"].([]any)[:2]}},
				{ID: "supplied", Type: "sbom", Path: "sbom/supplied.cdx.json", SuppliedBy: marking, Content: map[string]any{
					"primary": map[string]any{"name": "Zephyr RTOS", "version": "3.7.0", "supplier": "A supplier"}, "components": []any{},
				}},
				{ID: "supplied-vex", Type: "vex", Path: "vex/supplied.json", SuppliedBy: marking, Content: map[string]any{
					"statements": []any{map[string]any{"vulnerability": "CVE-2025-1", "status": "not_affected",
						"products": []any{map[string]any{"purl": "pkg:github/zephyrproject-rtos/zephyr@v3.7.0", "name": "zephyr"}}}},
				}},
			},
			Files: map[string]int64{},
		})
	}
	return bundles
}

// vulnProbes are bundles whose VEX statements and scan matches sit on both
// sides of every decision lib.vuln's matching makes: version ranges with
// shipped versions inside, outside and unordered, products inside a parent
// that two SBOMs ship at different versions, CPE 2.3 and 2.2 names with and
// without a version, BOM-Links, percent-encoded and "v"-prefixed versions,
// names in other case, and items that name nothing.
func vulnProbes() []*bundle.Bundle {
	component := func(fields ...any) map[string]any {
		c := map[string]any{"purl_error": "", "cpes": []any{}}
		for i := 0; i+1 < len(fields); i += 2 {
			c[fields[i].(string)] = fields[i+1]
		}
		return c
	}
	firmware := map[string]any{
		"serial_number": "urn:uuid:ABCD-1",
		"primary":       component("name", "VF300 firmware", "version", "2.1", "purl", "pkg:generic/acme/vf300@2.1", "ref", "fw"),
		"components": []any{
			component("name", "libx", "version", "1.5", "purl", "pkg:generic/libx@1.5"),
			component("name", "libx", "version", "2.5", "purl", "pkg:generic/libx@2.5"),
			component("name", "libx", "version", "unknown-build", "purl", "pkg:generic/libx@unknown-build"),
			component("name", "libx", "version", 7, "purl", "pkg:generic/libx"),
			component("name", "OpenSSL", "version", "3.0.1", "purl", "pkg:generic/openssl@3.0.1", "ref", "ossl"),
			component("name", "zlib", "version", "v1.3.1", "purl", "pkg:github/madler/zlib@v1.3.1?arch=arm#src", "cpes", []any{"cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*"}),
			component("name", "npm-thing", "version", "1.0+1", "purl", "pkg:npm/%40scope/thing@1.0%2b1"),
			component("name", "busybox", "cpes", []any{"cpe:/a:busybox:busybox:1.36", 5, " "}, "purl", "pkg:x", "purl_error", "no type"),
			component("name", "dropbear", "version", "2024.85", "cpes", []any{"cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:*:*:*:*:*:*:*:*"}),
			component("name", "  Lwip  ", "version", "2.2.0", "ref", "TBD"),
			component("name", "", "version", "1"),
			component("name", "thing2", "version", "1.0%2b1+2", "purl", "pkg:npm/thing2"),
			component("name", "curl", "version", "8.0", "purl", "pkg:generic/curl@7.0", "purl_error", "bad qualifier"),
			"not a component",
		},
	}
	app := map[string]any{
		"serial_number": "urn:uuid:app-1",
		"primary":       component("name", "Companion app", "version", "4.0", "purl", "pkg:generic/acme/app@4.0", "ref", "TBD"),
		"components": []any{
			component("name", "OpenSSL", "version", "3.0.1", "purl", "pkg:generic/openssl@3.0.1"),
			component("name", "libx", "version", "1.9", "purl", "pkg:generic/libx@1.9"),
		},
	}
	oldFirmware := map[string]any{
		"primary":    component("name", "VF300 firmware", "version", "2.0", "purl", "pkg:generic/acme/vf300@2.0"),
		"components": []any{component("name", "OpenSSL", "version", "3.0.1", "purl", "pkg:generic/openssl@3.0.1")},
	}
	product := func(fields ...any) any { return component(fields...) }
	products := []any{
		product("purl", "pkg:generic/libx", "range", "vers:generic/>=1.0|<2.0"),
		product("purl", "pkg:generic/libx@9", "range", " "),
		product("name", "LIBX", "range", "vers:generic/>=2.0"),
		product("purl", "pkg:generic/openssl@3.0.1", "parent", product("purl", "pkg:generic/acme/vf300@2.1")),
		product("purl", "pkg:generic/openssl", "parent", product("purl", "pkg:generic/acme/vf300@1.0")),
		product("purl", "pkg:generic/openssl@3.0.1", "parent", product("name", "no such product")),
		product("name", "openssl", "version", "3.0.1", "parent", product("cpe", "cpe:2.3:a:acme:vf300:2.0:*:*:*:*:*:*:*", "name", "VF300 firmware")),
		product("purl", "pkg:GITHUB/madler/zlib@1.3.1"),
		product("purl", "pkg:github/madler/zlib@v1.3.0"),
		product("cpe", "cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*"),
		product("cpes", []any{"cpe:2.3:a:zlib:zlib:*:*:*:*:*:*:*:*", 3}),
		product("cpe", "cpe:/a:busybox:busybox:1.36"),
		product("cpe", "CPE:/A:BUSYBOX:BUSYBOX"),
		product("cpe", "cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:2024.85:*:*:*:*:*:*:*"),
		product("cpe", "cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:2022.1"),
		product("purl", "pkg:npm/%40scope/thing@1.0%2b1"),
		product("purl", "pkg:npm/%40scope/thing@1.0+1"),
		product("bom", "urn:uuid:abcd-1", "ref", "ossl"),
		product("bom", "urn:uuid:abcd-1", "ref", "fw", "version", "2.1"),
		product("bom", "urn:uuid:abcd-1", "ref", "TBD"),
		product("bom", "", "ref", "ossl", "name", "openssl"),
		product("bom", "urn:uuid:APP-1", "ref", "TBD"),
		product("purl", "pkg:npm/thing2@1.0%2b1+2"),
		product("purl", "pkg:npm/thing2@1.0%zz"),
		product("name", "curl", "version", "7.0"),
		product("name", " lwip ", "version", "V2.2.0"),
		product("name", "lwip", "purl", "pkg:generic/no-such-thing@1"),
		product("id", "something else"),
		product("name", 5, "version", []any{}),
	}
	var statements, matches []any
	for i, p := range products {
		// the model's aliases are text: the rules take them as such
		st := map[string]any{"vulnerability": fmt.Sprintf("CVE-2025-%d", 100+i), "aliases": []any{" ghsa-x ", ""},
			"status": []string{"affected", "not_affected", "fixed", "under_investigation"}[i%4], "products": []any{p}}
		statements = append(statements, st)
		m := maps.Clone(p.(map[string]any))
		m["vulnerability"] = fmt.Sprintf(" cve-2025-%d ", 100+i)
		m["aliases"] = []any{" GHSA-Y ", "cve-2025-900"}
		if cpe, ok := m["cpe"]; ok {
			m["cpes"] = []any{cpe}
		}
		matches = append(matches, m)
	}
	// Statements that assess, or fail to assess, further matches: on the
	// firmware as a whole, through products that are only containers, and
	// in suppliers' VEX documents adopted or not.
	zlib := product("purl", "pkg:github/madler/zlib@1.3.1")
	statement := func(v string, products ...any) any {
		return map[string]any{"vulnerability": v, "status": "not_affected", "products": products}
	}
	others := []any{
		statement("CVE-2025-900", product("purl", "pkg:generic/acme/vf300@2.1")),
		statement("CVE-2025-901", product("purl", "pkg:generic/acme/vf300@2.1", "container", true), product("purl", "pkg:generic/libx@1.5", "parent", product("purl", "pkg:generic/acme/vf300@2.1"))),
		statement("CVE-2025-902", product("purl", "pkg:generic/libx@1.5", "container", "yes")),
		statement("CVE-2025-903", product("purl", "pkg:generic/libx@1.5", "container", false)),
		"not a statement",
		map[string]any{"vulnerability": "CVE-2025-904", "products": "not a list"},
	}
	supplied := []any{statement("CVE-2025-905", zlib)}
	adopted := []any{statement("CVE-2025-906", zlib)}
	for _, v := range []string{"CVE-2025-900", "CVE-2025-901", "CVE-2025-902", "CVE-2025-903", "CVE-2025-904", "CVE-2025-905", "CVE-2025-906", "CVE-2025-907"} {
		for _, target := range []any{zlib, product("purl", "pkg:generic/libx@1.5")} {
			m := maps.Clone(target.(map[string]any))
			m["vulnerability"] = v
			matches = append(matches, m)
		}
	}
	doc := func(id, typ, path string, content any) *bundle.Document {
		return &bundle.Document{ID: id, Type: typ, Path: path, Content: content}
	}
	vexOf := func(statements []any) map[string]any {
		return map[string]any{"kind": "openvex", "timestamp": "2026-11-01T00:00:00Z", "statements": statements}
	}
	suppliers := []*bundle.Document{
		doc("others", "vex", "vex/others.openvex.json", vexOf(others)),
		{ID: "supplied", Type: "vex", Path: "vex/supplied.openvex.json", Content: vexOf(supplied),
			SuppliedBy: map[string]any{"name": "A", "component": "zlib", "adopted": map[string]any{"by": "QA", "date": "soon"}}},
		{ID: "adopted", Type: "vex", Path: "vex/adopted.openvex.json", Content: vexOf(adopted),
			SuppliedBy: map[string]any{"name": "A", "component": "zlib", "adopted": map[string]any{"by": "QA", "date": "2026-11-02"}}},
		{ID: "unsigned", Type: "vex", Path: "vex/unsigned.openvex.json", Content: vexOf([]any{statement("CVE-2025-907", zlib)}),
			SuppliedBy: map[string]any{"name": "A", "component": "zlib", "adopted": map[string]any{"by": "TBD", "date": "2026-11-02"}}},
	}
	manifest := &bundle.Document{ID: "manifest", Type: "manifest", Path: "annexlint.yaml", Content: map[string]any{"product": map[string]any{"framework": "MDR"}}}
	var bundles []*bundle.Bundle
	for _, sboms := range [][]*bundle.Document{
		{doc("fw", "sbom", "sbom/firmware.cdx.json", firmware)},
		{doc("fw", "sbom", "sbom/firmware.cdx.json", firmware), doc("app", "sbom", "sbom/app.cdx.json", app), doc("old", "sbom", "sbom/firmware-2.0.cdx.json", oldFirmware)},
		{doc("app", "sbom", "sbom/app.cdx.json", app), doc("old", "sbom", "sbom/firmware-2.0.cdx.json", oldFirmware)},
	} {
		bundles = append(bundles, &bundle.Bundle{
			Manifest: manifest,
			Documents: slices.Concat([]*bundle.Document{
				doc("vex", "vex", "vex/probe.openvex.json", vexOf(statements)),
				doc("scan", "vulnerability-scan", "scans/probe.grype.json", map[string]any{"kind": "grype", "timestamp": "2026-11-01T00:00:00Z", "matches": matches}),
			}, suppliers, sboms),
			Files: map[string]int64{},
		})
	}
	return bundles
}
