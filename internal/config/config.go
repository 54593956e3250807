// Package config reads annexlint's configuration file (.annexlint.yaml,
// .annexlint.yml or annexlint.config.yaml): run settings and waivers,
// validated against schemas/config.schema.json and then field by field, with
// every error positioned at file:line.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/position"
	"github.com/annexlint/annexlint/internal/schema"
)

// Names are the file names tried, in order, in each folder searched.
var Names = []string{".annexlint.yaml", ".annexlint.yml", "annexlint.config.yaml"}

// MaxSize bounds the configuration file read.
const MaxSize = 4 << 20

// Config is a loaded configuration.
type Config struct {
	// File is the path as found or given; Dir the absolute folder holding
	// it, which relative paths in it are relative to.
	File string
	Dir  string
	// FailOn and Format are "" when the file does not set them.
	FailOn string
	Format string
	// Policy holds the custom policy folders, resolved against Dir.
	Policy []string
	// Baseline is the baseline file (--baseline), resolved against Dir;
	// "" when the file does not set one.
	Baseline string
	Waivers  []Waiver
	// Rules turn rules off or re-grade them (rules:), each with a reason.
	Rules []RuleSetting
}

// Waiver is one configured waiver and where it is written.
type Waiver struct {
	finding.Waiver
	Pos  position.Pos
	glob *regexp.Regexp
}

// Find searches dir and the folders above it, up to and including stop (or
// to the file-system root when stop is ""), for a configuration file.
func Find(dir, stop string) (string, bool) {
	for d := dir; ; d = filepath.Dir(d) {
		for _, name := range Names {
			p := filepath.Join(d, name)
			if _, err := os.Lstat(p); err == nil {
				return p, true
			}
		}
		if d == stop || filepath.Dir(d) == d {
			return "", false
		}
	}
}

// Load reads and checks the configuration file at path; display is the
// name errors and waiver sources use.
func Load(path, display string) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", display, err)
	}
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("config %s: no such file", display)
	case err != nil:
		return nil, fmt.Errorf("config %s: %w", display, err)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("config %s: not a regular file", display)
	case st.Size() > MaxSize:
		return nil, fmt.Errorf("config %s: %d bytes, more than the %d a configuration may have", display, st.Size(), MaxSize)
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", display, err)
	}
	doc, err := docparse.Parse(display, data, docparse.Limits{})
	if err != nil {
		return nil, err
	}
	vs, err := schema.New().Validate("config", doc.Value)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, v := range vs {
		errs = append(errs, position.Errorf(doc.Pos(v.Pointer), "configuration: %s", v.Message))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	c := &Config{File: display, Dir: filepath.Dir(abs)}
	m, _ := doc.Value.(map[string]any)
	c.FailOn, _ = m["fail_on"].(string)
	c.Format, _ = m["format"].(string)
	if s, _ := m["baseline"].(string); s != "" {
		if !filepath.IsAbs(s) {
			s = filepath.Join(c.Dir, filepath.FromSlash(s))
		}
		c.Baseline = s
	}
	if list, ok := m["policy"].([]any); ok {
		for _, p := range list {
			s, _ := p.(string)
			if !filepath.IsAbs(s) {
				s = filepath.Join(c.Dir, filepath.FromSlash(s))
			}
			c.Policy = append(c.Policy, s)
		}
	}
	rules, rerrs := ruleSettings(doc, display, m)
	c.Rules, errs = rules, append(errs, rerrs...)
	list, _ := m["waivers"].([]any)
	for i, item := range list {
		w, err := waiver(doc, display, i, item)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.Waivers = append(c.Waivers, w)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func waiver(doc *docparse.Doc, display string, i int, item any) (Waiver, error) {
	ptr := docparse.Index("/waivers", i)
	e, _ := item.(map[string]any)
	s := func(k string) string { v, _ := e[k].(string); return strings.TrimSpace(v) }
	w := Waiver{Pos: doc.Pos(ptr)}
	w.Rule, w.Path, w.Pointer, w.Fingerprint = s("rule"), s("path"), s("pointer"), s("fingerprint")
	w.Reason, w.ApprovedBy, w.Expires = s("reason"), s("approved_by"), s("expires")
	w.Source = fmt.Sprintf("%s:%d", display, w.Pos.Line)
	at := func(k string) position.Pos { return doc.Pos(docparse.Pointer(ptr, k)) }
	if why := placeholder(w.Reason, 20); why != "" {
		return w, position.Errorf(at("reason"), "waiver reason %q %s; say why the finding is accepted (at least 20 characters and 3 words)", w.Reason, why)
	}
	if why := placeholder(w.ApprovedBy, 2); why != "" {
		return w, position.Errorf(at("approved_by"), "waiver approved_by %q %s; name the person or role who approved it", w.ApprovedBy, why)
	}
	if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
		return w, position.Errorf(at("expires"), "waiver expires %q is not a calendar date (YYYY-MM-DD)", w.Expires)
	}
	w.glob = Glob(w.Path)
	return w, nil
}

var placeholders = map[string]bool{
	"todo": true, "tbd": true, "tbc": true, "fixme": true, "xxx": true, "n/a": true, "na": true, "none": true,
	"-": true, "--": true, "...": true, "placeholder": true, "reason": true, "because": true, "temp": true,
	"temporary": true, "wip": true, "test": true, "ok": true, "accepted": true, "waived": true, "ignore": true,
	"unknown": true, "someone": true, "me": true, "nobody": true, "approver": true, "name": true,
}

var placeholderWord = regexp.MustCompile(`(?i)\b(todo|tbd|tbc|fixme|xxx|lorem ipsum)\b|<[^>]*>`)

// placeholder says why s is no real statement, or "" when it is one.
func placeholder(s string, minLen int) string {
	switch {
	case placeholders[strings.ToLower(strings.Trim(s, " .!:"))]:
		return "is a placeholder"
	case placeholderWord.MatchString(s):
		return "holds a placeholder (" + placeholderWord.FindString(s) + ")"
	case len([]rune(s)) < minLen:
		return fmt.Sprintf("is shorter than %d characters", minLen)
	case minLen >= 20 && len(strings.Fields(s)) < 3:
		return "has fewer than 3 words"
	}
	return ""
}

// Glob compiles a path glob: * and ? match within one path segment, **
// matches any number of segments (including none when written as **/).
func Glob(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	p := strings.TrimPrefix(filepath.ToSlash(pattern), "./")
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		switch {
		case strings.HasPrefix(p[i:], "**/"):
			b.WriteString("(?:.*/)?")
			size = 3
		case strings.HasPrefix(p[i:], "**"):
			b.WriteString(".*")
			size = 2
		case r == '*':
			b.WriteString("[^/]*")
		case r == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
		i += size
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// MatchPath reports whether the slash-separated path, relative to the
// configuration's folder, is one the waiver selects.
func (w Waiver) MatchPath(rel string) bool {
	if w.glob == nil {
		w.glob = Glob(w.Path)
	}
	return w.glob.MatchString(rel)
}
