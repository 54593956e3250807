package sbomquality

import (
	"fmt"
	"strings"
)

// Column is one element of a table: the rule fields whose gaps it counts.
type Column struct {
	Title string
	// Doc marks an element of the SBOM as a whole: its cell says "missing"
	// instead of a count.
	Doc bool
	// Sources are "area/slug/field" keys of FileResult.Missing; a component
	// counts once even when several sources name it.
	Sources []string
}

// Table is a titled set of columns.
type Table struct {
	Title string
	Note  string
	// NoPrimary marks elements the rules ask of components other than the
	// product itself: the components column then leaves the primary out.
	NoPrimary bool
	Columns   []Column
}

const (
	minimum   = "sbom/component-minimum-elements/"
	authorTS  = "sbom/document-author-timestamp/"
	topLevel  = "sbom/top-level-dependencies/"
	placement = "sbom/component-dependencies/"
	bsiFormat = "sbom/bsi-format/"
	bsiFields = "sbom/bsi-component-fields/"
	support   = "sbom/component-support/"
)

// Tables are the tables docs/sbom-checks.md shows. BSI creator, name,
// version and the SBOM creator and timestamp are the same checks as their
// NTIA counterparts (AL-SBOM-003 and AL-SBOM-004 report them for every
// framework), so those columns read the same rule fields.
var Tables = []Table{
	{
		Title: "NTIA minimum elements (AL-SBOM-002, -003, -004, -005)",
		Note:  "Component columns count components (the product included) lacking the element; dependency counts components no dependency entry names (AL-SBOM-005) plus a product without top-level dependencies (AL-SBOM-002).",
		Columns: []Column{
			{Title: "supplier", Sources: []string{minimum + "supplier"}},
			{Title: "name", Sources: []string{minimum + "name"}},
			{Title: "version", Sources: []string{minimum + "version"}},
			{Title: "unique id", Sources: []string{minimum + "identifier"}},
			{Title: "dependency", Sources: []string{placement + "dependency", topLevel + "dependency"}},
			{Title: "author", Doc: true, Sources: []string{authorTS + "author"}},
			{Title: "timestamp", Doc: true, Sources: []string{authorTS + "timestamp"}},
			{Title: "product named", Doc: true, Sources: []string{topLevel + "primary"}},
		},
	},
	{
		Title: "BSI TR-03183-2 v2.1.0 (AL-SBOM-006, -007; creator, name, version, SBOM creator and timestamp as in the NTIA table)",
		Note:  "Component columns count components (the product included) lacking the field.",
		Columns: []Column{
			{Title: "format", Doc: true, Sources: []string{bsiFormat + "format"}},
			{Title: "SBOM creator", Doc: true, Sources: []string{authorTS + "author"}},
			{Title: "timestamp", Doc: true, Sources: []string{authorTS + "timestamp"}},
			{Title: "creator", Sources: []string{minimum + "supplier"}},
			{Title: "name", Sources: []string{minimum + "name"}},
			{Title: "version", Sources: []string{minimum + "version"}},
			{Title: "filename", Sources: []string{bsiFields + "filename"}},
			{Title: "dependencies", Sources: []string{bsiFields + "dependencies"}},
			{Title: "licence", Sources: []string{bsiFields + "licence"}},
			{Title: "SHA-512", Sources: []string{bsiFields + "hash"}},
			{Title: "executable", Sources: []string{bsiFields + "executable"}},
			{Title: "archive", Sources: []string{bsiFields + "archive"}},
			{Title: "structured", Sources: []string{bsiFields + "structured"}},
		},
	},
	{
		Title:     "FDA support information (AL-SBOM-008)",
		Note:      "Counts components other than the product itself (its support period is the manifest's), so components here leaves the primary out.",
		NoPrimary: true,
		Columns: []Column{
			{Title: "support level", Sources: []string{support + "support_level"}},
			{Title: "end of support", Sources: []string{support + "end_of_support"}},
		},
	},
}

// count is the number of distinct pointers the column's sources name.
func (c Column) count(r FileResult) int {
	seen := map[string]bool{}
	for _, s := range c.Sources {
		for _, p := range r.Missing[s] {
			seen[p] = true
		}
	}
	return len(seen)
}

// components is the number of components the table's counts are out of.
func (t Table) components(r FileResult) int {
	if t.NoPrimary && r.Primary {
		return r.Components - 1
	}
	return r.Components
}

func (c Column) cell(r FileResult) string {
	n := c.count(r)
	if c.Doc {
		if n > 0 {
			return "missing"
		}
		return "ok"
	}
	return fmt.Sprint(n)
}

// Markdown renders the tables for the loaded files, a totals row under each,
// and the list of files that did not load.
func Markdown(results []FileResult) string {
	var b strings.Builder
	var loaded, refused []FileResult
	for _, r := range results {
		if r.Err != "" {
			refused = append(refused, r)
		} else {
			loaded = append(loaded, r)
		}
	}
	fmt.Fprintf(&b, "%d files: %d loaded, %d not loaded.\n", len(results), len(loaded), len(refused))
	for _, t := range Tables {
		fmt.Fprintf(&b, "\n### %s\n\n%s\n\n", t.Title, t.Note)
		b.WriteString("| file | format | components |")
		for _, c := range t.Columns {
			fmt.Fprintf(&b, " %s |", c.Title)
		}
		b.WriteString("\n|---|---|---:|")
		for range t.Columns {
			b.WriteString("---:|")
		}
		b.WriteString("\n")
		for _, r := range loaded {
			fmt.Fprintf(&b, "| %s | %s %s | %d |", r.File, r.Format, r.Version, t.components(r))
			for _, c := range t.Columns {
				fmt.Fprintf(&b, " %s |", c.cell(r))
			}
			b.WriteString("\n")
		}
		b.WriteString(totals(t, loaded))
	}
	if len(refused) > 0 {
		b.WriteString("\n### Files not loaded\n\n| file | reason |\n|---|---|\n")
		for _, r := range refused {
			fmt.Fprintf(&b, "| %s | %s |\n", r.File, strings.ReplaceAll(r.Err, "|", `\|`))
		}
	}
	return b.String()
}

// totals sums component gaps over all components, and counts the files
// missing a document element.
func totals(t Table, loaded []FileResult) string {
	var b strings.Builder
	all := 0
	for _, r := range loaded {
		all += t.components(r)
	}
	fmt.Fprintf(&b, "| **all %d files** | | %d |", len(loaded), all)
	for _, c := range t.Columns {
		n, of := 0, 0
		for _, r := range loaded {
			if c.Doc {
				if c.count(r) > 0 {
					n++
				}
				of++
				continue
			}
			n += c.count(r)
			of += t.components(r)
		}
		if c.Doc {
			fmt.Fprintf(&b, " %d files missing |", n)
		} else {
			fmt.Fprintf(&b, " %d (%s) |", n, percent(n, of))
		}
	}
	b.WriteString("\n")
	return b.String()
}

func percent(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(of))
}
