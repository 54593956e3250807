package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/clause"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/result"
	"github.com/annexlint/annexlint/internal/termsafe"
	"github.com/annexlint/annexlint/internal/waiver"
)

// readinessHorizon is how far ahead --readiness looks: obligations that
// start within 12 months after --as-of.
const readinessHorizon = 12 // months

// upcoming is one obligation that does not apply on --as-of but starts
// within the horizon, judged as of the day it starts.
type upcoming struct {
	Starts     string
	Obligation result.Obligation
	// Findings are those of the rules citing the obligation that fail or
	// lack evidence on that day: what the bundle is missing.
	Findings []finding.Finding
}

// readiness is what --readiness reports for one bundle.
type readiness struct {
	Bundle      string
	AsOf, Until string
	Upcoming    []upcoming
}

// assessReadiness checks the bundle again on each day within the horizon
// on which an obligation can start (a catalog clause's applies_from, the
// regime's dates, the product's placing and substantial modifications),
// and keeps the obligations that were not applicable on --as-of and apply
// on that day. Running the rules as of the day itself, rather than as of
// the horizon, judges each obligation on the terms it will have when it
// starts (a review due then, the regime then), with the same waivers.
// The checker must have every
// rule compiled, not only those the --as-of decision applies.
func assessReadiness(ctx context.Context, checker *check.Checker, dir string, waivers *waiver.Set, now *result.Result) (readiness, error) {
	until, err := addMonths(now.AsOf, readinessHorizon)
	if err != nil {
		return readiness{}, err
	}
	r := readiness{Bundle: now.Bundle, AsOf: now.AsOf, Until: until, Upcoming: []upcoming{}}
	applied := map[string]bool{}
	for _, o := range now.Obligations {
		if o.Status != result.NotApplicable && o.Role == regime.Basis {
			applied[o.ID] = true
		}
	}
	for _, day := range startDays(now, until) {
		later, err := checker.Run(ctx, dir, check.Options{AsOf: day, Waivers: waivers})
		if err != nil {
			return readiness{}, fmt.Errorf("checking as of %s for --readiness: %w", day, err)
		}
		for _, o := range later.Obligations {
			// Guidance and standards are references, not obligations:
			// only law that becomes the legal basis starts an obligation.
			if o.Status == result.NotApplicable || o.Role != regime.Basis || applied[o.ID] {
				continue
			}
			applied[o.ID] = true
			r.Upcoming = append(r.Upcoming, upcoming{Starts: day, Obligation: o, Findings: missing(later, o)})
		}
	}
	return r, nil
}

// startDays lists the days after asOf, up to and including until, on which
// an obligation cited by the bundle's rules can start, in order.
func startDays(now *result.Result, until string) []string {
	seen := map[string]bool{}
	add := func(day string) {
		if day > now.AsOf && day <= until {
			seen[day] = true
		}
	}
	for _, o := range now.Obligations {
		if info, ok := clause.Lookup(o.ID); ok {
			add(info.AppliesFrom)
		}
	}
	add(regime.CRAReportingFrom)
	add(regime.CRAApplicationFrom)
	if d := now.Regime; d != nil {
		add(d.PlacedOnMarket)
		for _, m := range d.Modifications {
			add(m.Date)
		}
	}
	days := make([]string, 0, len(seen))
	for day := range seen {
		days = append(days, day)
	}
	sort.Strings(days)
	return days
}

// missing returns the findings of the rules citing o that fail or lack
// evidence in res.
func missing(res *result.Result, o result.Obligation) []finding.Finding {
	rules := map[string]bool{}
	for _, id := range o.Rules {
		rules[id] = true
	}
	var out []finding.Finding
	for _, f := range res.Findings {
		if rules[f.RuleID] {
			out = append(out, f)
		}
	}
	return out
}

func addMonths(day string, months int) (string, error) {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return "", fmt.Errorf("--as-of %q is not a date in YYYY-MM-DD form", day)
	}
	return t.AddDate(0, months, 0).Format(time.DateOnly), nil
}

// writeReadiness renders the readiness section of the text report.
func writeReadiness(w io.Writer, r readiness) error {
	ew := &errWriter{w: w}
	ew.printf("\nReadiness: obligations starting by %s (%s, as of %s)\n", r.Until, termsafe.String(r.Bundle), r.AsOf)
	if len(r.Upcoming) == 0 {
		ew.printf("  no obligation cited by the rules starts within 12 months\n")
		return ew.err
	}
	for _, u := range r.Upcoming {
		o := u.Obligation
		ew.printf("  %s %s (%s): %s from %s\n", o.ID, termsafe.String(o.Cite), termsafe.String(o.Title), readinessStatus(o.Status), u.Starts)
		for _, f := range u.Findings {
			ew.printf("    %s %s %s: %s\n", f.Pos.String(), f.Severity, f.RuleID, termsafe.String(f.Message))
		}
	}
	return ew.err
}

func readinessStatus(s result.Status) string {
	switch s {
	case result.Pass:
		return "ready"
	case result.Fail:
		return "not ready (fails)"
	case result.Insufficient:
		return "not ready (insufficient evidence)"
	}
	return string(s)
}

// errWriter keeps the first write error, so a section is written without
// a check after every line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
