package securitytxt

import (
	"net/url"
	"regexp"
	"strings"
	"time"
)

// checkExpires validates an Expires value: an RFC 3339 date-time (RFC 3339
// allows lower-case "t" and "z"), not before asOf and, as RFC 9116
// recommends, less than a year after it.
func (p *parser) checkExpires(n int, v string) {
	exp, err := parseExpires(v)
	if err != nil {
		p.problem(n, CodeExpiresInvalid, "Expires %q is not an RFC 3339 date-time such as 2026-12-31T23:00:00Z", v)
		return
	}
	if p.asOf.IsZero() {
		return
	}
	switch {
	case exp.Before(p.asOf):
		p.problem(n, CodeExpired, "Expires %s is in the past (reference time %s): the file is stale",
			v, p.asOf.UTC().Format(time.RFC3339))
	case exp.After(p.asOf.AddDate(1, 0, 0)):
		p.problem(n, CodeExpiresTooFar, "Expires %s is more than a year after %s; RFC 9116 recommends less than a year",
			v, p.asOf.UTC().Format(time.RFC3339))
	}
}

// parseExpires reads an Expires value as RFC 3339, which allows a lower-case
// "t" and "z" that Go's layout does not.
func parseExpires(v string) (time.Time, error) {
	norm := v
	if len(norm) > 10 && norm[10] == 't' {
		norm = norm[:10] + "T" + norm[11:]
	}
	if strings.HasSuffix(norm, "z") {
		norm = norm[:len(norm)-1] + "Z"
	}
	return time.Parse(time.RFC3339, norm)
}

// ExpiresUTC is an Expires value in UTC, as 2006-01-02T15:04:05Z, so that
// policies can compare it with a date as text; ok is false when the value
// is not an RFC 3339 date-time.
func ExpiresUTC(v string) (utc string, ok bool) {
	exp, err := parseExpires(v)
	if err != nil {
		return "", false
	}
	return exp.UTC().Format("2006-01-02T15:04:05Z"), true
}

// langTag is a loose RFC 5646 language tag: a primary subtag of letters and
// alphanumeric subtags of up to eight characters.
var langTag = regexp.MustCompile(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`)

func (p *parser) checkLanguages(n int, v string) {
	for tag := range strings.SplitSeq(v, ",") {
		if tag = strings.Trim(tag, " \t"); !langTag.MatchString(tag) {
			p.problem(n, CodeLanguagesInvalid, "Preferred-Languages: %q is not a language tag (e.g. en, de-AT)", tag)
		}
	}
}

// checkURI validates a URI field: a URI with a scheme, and https for web
// URIs. Contact addresses without a scheme are a common mistake; the message
// says which scheme to use.
func (p *parser) checkURI(n int, field, v string) {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" {
		hint := ""
		switch {
		case field == "Contact" && strings.Contains(v, "@") && !strings.Contains(v, ":"):
			hint = ` (write "mailto:` + v + `")`
		case field == "Contact" && strings.HasPrefix(v, "+"):
			hint = ` (write "tel:` + v + `")`
		}
		p.problem(n, CodeInvalidURI, "%s %q is not a URI with a scheme%s", field, v, hint)
		return
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme == "http":
		p.problem(n, CodeInsecureURI, "%s %q: web URIs must begin with https://", field, v)
		return
	case scheme == "https" && u.Host == "":
		p.problem(n, CodeInvalidURI, "%s %q has no host", field, v)
		return
	case field == "CSAF" && scheme != "https":
		p.problem(n, CodeInsecureURI, "CSAF %q must be an https:// URL", v)
		return
	}
	if field == "CSAF" && !strings.HasSuffix(u.Path, "/provider-metadata.json") {
		p.problem(n, CodeCSAFNotProviderMetadata, "CSAF %q should point to a provider-metadata.json (CSAF 2.0 section 7.1.8)", v)
	}
}
