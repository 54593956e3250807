package sbom

import "github.com/annexlint/annexlint/internal/placeholder"

// BlankPlaceholders empties every text of the model that only stands in for
// content ("TODO", "n/a", "-", "unknown": internal/placeholder, the same list
// the rules' lib.has_text refuses), so that the policies, which compare SBOM
// fields with "" for speed, count them as absent: a component whose supplier
// is "TBD" has no supplier. List entries (authors, tools, CPEs, licences,
// hashes with a placeholder value) are dropped. SPDX NOASSERTION is already
// dropped by the parser.
//
// Refs are identifiers that link components to dependencies and VEX
// statements, and type and scope are enumerations: they are kept as written.
// A component whose package URL is a placeholder has none, so its purl_error
// goes too. It is called once, where the model becomes the policy input
// (doctype.FromSBOM).
func (s *SBOM) BlankPlaceholders() {
	blank(&s.SerialNumber)
	blank(&s.Timestamp)
	s.Authors = dropPlaceholders(s.Authors)
	s.Tools = dropPlaceholders(s.Tools)
	if s.Primary != nil {
		s.Primary.blankPlaceholders()
	}
	for i := range s.Components {
		s.Components[i].blankPlaceholders()
	}
}

func (c *Component) blankPlaceholders() {
	for _, f := range []*string{&c.Name, &c.Version, &c.Group, &c.Supplier, &c.Filename, &c.SupportLevel,
		&c.EndOfSupport, &c.ExecutableProperty, &c.ArchiveProperty, &c.StructuredProperty} {
		blank(f)
	}
	if c.Supplier == "" {
		c.SupplierSource = ""
	}
	if c.Purl != "" && placeholder.Is(c.Purl) {
		c.Purl, c.PurlError = "", ""
	}
	c.CPEs = dropPlaceholders(c.CPEs)
	c.Licenses = dropPlaceholders(c.Licenses)
	kept := c.Hashes[:0:0]
	for _, h := range c.Hashes {
		if !placeholder.Is(h.Value) {
			kept = append(kept, h)
		}
	}
	if len(kept) != len(c.Hashes) {
		c.Hashes = kept
	}
}

// blank empties *f when it holds a placeholder. An empty text stays as it is
// (no call): most optional fields of a large SBOM are empty.
func blank(f *string) {
	if *f != "" && placeholder.Is(*f) {
		*f = ""
	}
}

// dropPlaceholders returns list without its placeholders; list itself when it
// has none, so a nil or empty list keeps its JSON form.
func dropPlaceholders(list []string) []string {
	for i, v := range list {
		if placeholder.Is(v) {
			kept := append(make([]string, 0, len(list)-1), list[:i]...)
			for _, w := range list[i+1:] {
				if !placeholder.Is(w) {
					kept = append(kept, w)
				}
			}
			return kept
		}
	}
	return list
}
