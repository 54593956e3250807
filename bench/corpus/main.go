// Command corpus times annexlint against sbomqs on every SBOM of the
// reference corpus, the "corpus" case of bench/run:
//
//	go run ./bench/corpus -annexlint BIN -sbomqs BIN -corpus ../shared/corpus/sbom [-runs 3] [-only REGEXP] [-markdown]
//
// For each SBOM file (CycloneDX JSON and XML, SPDX JSON and tag-value) and
// each profile it writes two bundles with internal/scaletest: the example
// bundle with its SBOM replaced by the file ("full": the run a user makes,
// the example's risk file, plans, scan and VEX checked too) and the manifest
// with the SBOM alone ("minimal": what the SBOM costs, as for sbomqs, which
// reads nothing else). The MDR manifest (NTIA and FDA SBOM rules) is timed
// against sbomqs compliance --ntia --json FILE, the CRA manifest (BSI
// TR-03183-2 rules) against sbomqs compliance --bsi --json FILE; annexlint
// writes its JSON report. The three commands run round-robin, interleaved,
// after one untimed run each that also sorts out the files either tool
// rejects as an SBOM: those are listed with the tool's reason, not timed.
//
// It prints one table (SBOM, size, format, packages, profile, the medians
// of wall and CPU time of each command, the ratios annexlint / sbomqs) and
// a summary per profile and variant: how many ratios are at or under 1.0×,
// the median ratio and the worst. Without -sbomqs, annexlint is timed alone.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/annexlint/annexlint/bench/internal/timing"
	"github.com/annexlint/annexlint/internal/sbom"
	"github.com/annexlint/annexlint/internal/scaletest"

	"github.com/annexlint/annexlint/internal/termsafe"
)

func main() {
	var o options
	flag.StringVar(&o.annexlint, "annexlint", "", "the annexlint binary (required)")
	flag.StringVar(&o.sbomqs, "sbomqs", "", "the sbomqs binary (empty: annexlint is timed alone)")
	flag.StringVar(&o.corpus, "corpus", "", "the folder of SBOMs, searched recursively (required)")
	flag.StringVar(&o.example, "example", "", "the example bundle (default examples/infusion-pump of this module)")
	flag.StringVar(&o.work, "work", "", "scratch folder for the bundles (default: a temporary one, removed)")
	flag.IntVar(&o.runs, "runs", 3, "timed runs of each command")
	flag.StringVar(&o.asOf, "as-of", "2026-11-25", "annexlint check --as-of")
	only := flag.String("only", "", "time only the SBOMs whose path in the corpus matches this regular expression")
	flag.BoolVar(&o.markdown, "markdown", false, "print the table as Markdown")
	flag.Parse()
	if o.annexlint == "" || o.corpus == "" || o.runs < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpus -annexlint BIN [-sbomqs BIN] -corpus DIR [-runs N] [-only REGEXP] [-markdown] [-work DIR]")
		os.Exit(2)
	}
	if *only != "" {
		re, err := regexp.Compile(*only)
		if err != nil {
			fmt.Fprintln(os.Stderr, "corpus: -only:", err)
			os.Exit(2)
		}
		o.only = re
	}
	if o.example == "" {
		_, file, _, _ := runtime.Caller(0)
		o.example = filepath.Join(filepath.Dir(file), "..", "..", "examples", "infusion-pump")
	}
	if err := runInScratch(o); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

// runInScratch runs the comparison and prints it, in a temporary scratch
// folder (removed after) when o names none.
func runInScratch(o options) error {
	if o.work == "" {
		dir, err := os.MkdirTemp("", "annexlint-corpus-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		o.work = dir
	}
	// The tools run in the scratch folder, not where this was started: sbomqs
	// writes extracted_signature.bin into its working folder on a signed SBOM,
	// which left that file in the repository. The paths given are made
	// absolute first (a bare name is still looked up in PATH).
	for _, p := range []*string{&o.annexlint, &o.sbomqs, &o.corpus, &o.example, &o.work} {
		bareName := p == &o.annexlint || p == &o.sbomqs
		if *p == "" || bareName && !strings.ContainsRune(*p, filepath.Separator) {
			continue
		}
		abs, err := filepath.Abs(*p)
		if err != nil {
			return err
		}
		*p = abs
	}
	if err := os.Chdir(o.work); err != nil {
		return err
	}
	res, err := run(o, os.Stderr)
	if err != nil {
		return err
	}
	res.print(os.Stdout, o)
	return nil
}

type options struct {
	annexlint, sbomqs, corpus, example, work, asOf string
	runs                                           int
	only                                           *regexp.Regexp
	markdown                                       bool
}

// profile pairs an annexlint manifest with the sbomqs compliance profile
// that checks the same elements.
type profile struct {
	name, framework, sbomqsFlag string
}

var profiles = []profile{
	{"NTIA", "MDR", "--ntia"},
	{"BSI", "CRA", "--bsi"},
}

// file is one SBOM of the corpus.
type file struct {
	rel, path string
	size      int64
	format    string // as annexlint detects it, with the version
	packages  int    // components, the primary one included
	note      string
}

// row is one SBOM under one profile, timed.
type row struct {
	file    *file
	profile profile
	// medians: the peer (zero without sbomqs), the full and the minimal bundle
	peerWall, peerCPU, fullWall, fullCPU, minWall, minCPU time.Duration
}

// rejection is a file a tool would not take as an SBOM, or a run that failed.
type rejection struct {
	file     *file
	profiles []string
	who      string
	reason   string
}

type results struct {
	rows     []row
	rejected []rejection
	peer     bool
}

func run(o options, progress io.Writer) (*results, error) {
	files, err := corpusFiles(o.corpus, o.only)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no SBOM files in %s", o.corpus)
	}
	res := &results{peer: o.sbomqs != ""}
	for i, f := range files {
		for _, p := range profiles {
			fmt.Fprintf(progress, "corpus: %d/%d %s %s\n", i+1, len(files), f.rel, p.name)
			r, rej, err := timeOne(o, i, f, p)
			if err != nil {
				return nil, err
			}
			for _, refused := range rej {
				res.reject(refused)
			}
			if r == nil {
				continue
			}
			// The figures as they come, so that a long run stopped early
			// still says something.
			peer := ""
			if res.peer {
				peer = "sbomqs " + ms(r.peerCPU) + " ms, "
			}
			fmt.Fprintf(progress, "corpus:   median CPU: %sannexlint %s ms, minimal bundle %s ms\n", peer, ms(r.fullCPU), ms(r.minCPU))
			res.rows = append(res.rows, *r)
		}
	}
	return res, nil
}

// reject records a rejection, joining it to the same file's same rejection
// under another profile.
func (res *results) reject(r rejection) {
	for i := range res.rejected {
		e := &res.rejected[i]
		if e.file == r.file && e.who == r.who && e.reason == r.reason {
			e.profiles = append(e.profiles, r.profiles...)
			return
		}
	}
	res.rejected = append(res.rejected, r)
}

// corpusFiles lists the files under dir that may be SBOMs (the corpus's
// metadata tables are not), in path order, with what annexlint's SBOM
// loader makes of each.
func corpusFiles(dir string, only *regexp.Regexp) ([]*file, error) {
	var files []*file
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv", ".tsv", ".md", ".txt":
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if only != nil && !only.MatchString(rel) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f := &file{rel: termsafe.String(rel), path: path, size: int64(len(data)), format: "?", packages: -1, note: labelNote(filepath.Base(path))}
		if s, err := sbom.Parse(filepath.Base(path), data); err == nil {
			f.format = fmt.Sprintf("%s %s", s.Format, s.SpecVersion)
			f.packages = len(s.Components)
			if s.Primary != nil {
				f.packages++
			}
		}
		files = append(files, f)
		return nil
	})
	return files, err
}

// labelNote says what the corpus's file-name prefix declares about a file
// (its README): such a file is still timed when both tools take it.
func labelNote(base string) string {
	switch {
	case strings.HasPrefix(base, "INVALID-"):
		return "INVALID-: labelled not parseable or not schema-valid"
	case strings.HasPrefix(base, "MISLABELLED-"):
		return "MISLABELLED-: the name claims another format than the content"
	case strings.HasPrefix(base, "TEMPLATE-"):
		return "TEMPLATE-: unexpanded placeholders"
	case strings.HasPrefix(base, "invalid-"):
		return "invalid-: CycloneDX test vector that fails the schema"
	}
	return ""
}

// timeOne writes the two bundles of f under p, sorts out a rejection with
// one untimed run of each command, then times them interleaved.
func timeOne(o options, i int, f *file, p profile) (*row, []rejection, error) {
	dirs := map[bool]string{}
	for _, minimal := range []bool{false, true} {
		variant := "full"
		if minimal {
			variant = "minimal"
		}
		dir := filepath.Join(o.work, fmt.Sprintf("%03d-%s-%s", i+1, p.framework, variant))
		if err := os.RemoveAll(dir); err != nil {
			return nil, nil, err
		}
		b := scaletest.Bundle{SBOM: f.path, Framework: p.framework, Minimal: minimal}
		if err := b.Write(o.example, dir); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f.rel, err)
		}
		dirs[minimal] = dir
	}
	check := func(dir string) []string {
		return []string{o.annexlint, "check", dir, "--as-of", o.asOf, "--format", "json"}
	}
	type command struct {
		who      string
		args     []string
		findings bool // exit status 1 reports findings, not a failure
		wall     []time.Duration
		cpu      []time.Duration
	}
	var cmds []*command
	if o.sbomqs != "" {
		cmds = append(cmds, &command{who: "sbomqs", args: []string{o.sbomqs, "compliance", p.sbomqsFlag, "--json", f.path}})
	}
	cmds = append(cmds,
		&command{who: "annexlint", args: check(dirs[false]), findings: true},
		&command{who: "annexlint (minimal bundle)", args: check(dirs[true]), findings: true})
	// Every tool's verdict is listed, not only the first refusal.
	var refused []rejection
	annexlintRefused := false
	for _, c := range cmds {
		reason := rejects(c.args, c.findings)
		if reason == "" {
			continue
		}
		// The minimal bundle holds the same SBOM: its refusal is news only
		// when the full bundle's run took it.
		if c.findings && annexlintRefused {
			continue
		}
		annexlintRefused = annexlintRefused || c.findings
		refused = append(refused, rejection{file: f, profiles: []string{p.name}, who: c.who, reason: reason})
	}
	if len(refused) > 0 {
		return nil, refused, nil
	}
	for range o.runs {
		for _, c := range cmds {
			s, err := timing.Run(c.args, false)
			if err != nil {
				// A tool that took the file untimed and fails now is reported
				// with the file, and the run goes on with the next one.
				return nil, []rejection{{file: f, profiles: []string{p.name}, who: c.who, reason: "failed in a timed run: " + err.Error()}}, nil //nolint:nilerr // reported as a rejection
			}
			c.wall = append(c.wall, s.Wall)
			c.cpu = append(c.cpu, s.CPU)
		}
	}
	r := &row{file: f, profile: p}
	n := len(cmds)
	r.fullWall, r.fullCPU = timing.Median(cmds[n-2].wall), timing.Median(cmds[n-2].cpu)
	r.minWall, r.minCPU = timing.Median(cmds[n-1].wall), timing.Median(cmds[n-1].cpu)
	if n == 3 {
		r.peerWall, r.peerCPU = timing.Median(cmds[0].wall), timing.Median(cmds[0].cpu)
	}
	return r, nil, nil
}

// rejects runs args once, untimed (it is also the warm-up), and says why the
// tool refused its input: annexlint exits 2 on input it cannot check
// (status 1, with findings set, means findings), sbomqs exits non-zero. ""
// when it took it.
func rejects(args []string, findings bool) string {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return ""
	case findings && errors.As(err, &exit) && exit.ExitCode() == 1:
		return ""
	case errors.As(err, &exit):
		return fmt.Sprintf("exit %d: %s", exit.ExitCode(), reason(stdout.String(), stderr.String()))
	default:
		return err.Error()
	}
}

var (
	ansi      = regexp.MustCompile("\x1b\\[[0-9;]*m")
	zapReason = regexp.MustCompile(`"error": "((?:[^"\\]|\\.)*)"`)
)

// reason is the gist of a tool's error output: sbomqs logs structured lines
// to standard output (the first "error" field says it) before it fails,
// annexlint ends its standard error with the error (notices come before).
func reason(stdout, stderr string) string {
	return termsafe.String(toolReason(stdout, stderr))
}

// toolReason is reason before its control characters are made visible.
func toolReason(stdout, stderr string) string {
	stderr = ansi.ReplaceAllString(stderr, "")
	for _, s := range []string{ansi.ReplaceAllString(stdout, ""), stderr} {
		if m := zapReason.FindStringSubmatch(s); m != nil {
			return m[1]
		}
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	// A Go panic: its message and the function that panicked, not the
	// last line of the stack trace.
	for i, line := range lines {
		if strings.HasPrefix(line, "panic: ") {
			for _, frame := range lines[i+1:] {
				if fn, ok := panicFrame(frame); ok {
					return shorten(line+" in "+fn, 240)
				}
			}
			return shorten(line, 240)
		}
	}
	if last := strings.TrimSpace(lines[len(lines)-1]); last != "" {
		return shorten(last, 240)
	}
	return "no message"
}

// panicFrame is the function of a stack trace line such as
// "github.com/x/y/pkg/common.RetrieveSignatureFromSBOM({0xdead50, ...})": "common.RetrieveSignatureFromSBOM".
func panicFrame(line string) (string, bool) {
	if strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "goroutine ") || strings.HasPrefix(line, "[") {
		return "", false
	}
	fn, _, ok := strings.Cut(line, "(")
	if !ok || fn == "" {
		return "", false
	}
	return fn[strings.LastIndex(fn, "/")+1:], true
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d)/1e6) }

func ratio(a, b time.Duration) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func (res *results) print(w io.Writer, o options) {
	header := []string{"SBOM", "size", "format", "packages", "profile"}
	if res.peer {
		header = append(header, "sbomqs wall", "sbomqs CPU")
	}
	header = append(header, "annexlint wall", "annexlint CPU")
	if res.peer {
		header = append(header, "ratio wall", "ratio CPU")
	}
	header = append(header, "minimal wall", "minimal CPU")
	if res.peer {
		header = append(header, "ratio wall", "ratio CPU")
	}
	header = append(header, "note")
	table := make([][]string, 0, len(res.rows))
	for _, r := range res.rows {
		line := []string{r.file.rel, size(r.file.size), r.file.format, fmt.Sprint(r.file.packages), r.profile.name}
		if res.peer {
			line = append(line, ms(r.peerWall), ms(r.peerCPU))
		}
		line = append(line, ms(r.fullWall), ms(r.fullCPU))
		if res.peer {
			line = append(line, fmt.Sprintf("%.2f×", ratio(r.fullWall, r.peerWall)), fmt.Sprintf("%.2f×", ratio(r.fullCPU, r.peerCPU)))
		}
		line = append(line, ms(r.minWall), ms(r.minCPU))
		if res.peer {
			line = append(line, fmt.Sprintf("%.2f×", ratio(r.minWall, r.peerWall)), fmt.Sprintf("%.2f×", ratio(r.minCPU, r.peerCPU)))
		}
		table = append(table, append(line, r.file.note))
	}
	fmt.Fprintf(w, "\nEvery corpus SBOM: annexlint check (full bundle; minimal bundle: manifest and SBOM only) against sbomqs compliance --ntia/--bsi --json\n")
	fmt.Fprintf(w, "(medians of %d interleaved runs each after one untimed run; times in ms; ratio = annexlint / sbomqs; load average after %s)\n\n",
		o.runs, timing.LoadAverage())
	writeTable(w, header, table, o.markdown)
	res.summary(w)
	if len(res.rejected) > 0 {
		fmt.Fprintf(w, "\nNot timed (%d): files a tool does not take as an SBOM, with its reason\n", len(res.rejected))
		for _, r := range res.rejected {
			note := ""
			if r.file.note != "" {
				note = " [" + r.file.note + "]"
			}
			fmt.Fprintf(w, "  %s (%s): %s rejects it: %s%s\n", r.file.rel, strings.Join(r.profiles, ", "), r.who, r.reason, note)
		}
	}
}

// summary says, per profile and bundle variant, how many ratios are at or
// under 1.0×, their median and the worst.
func (res *results) summary(w io.Writer) {
	if !res.peer {
		fmt.Fprintf(w, "\n%d SBOM and profile pairs timed; no sbomqs, so no ratios\n", len(res.rows))
		return
	}
	fmt.Fprintln(w, "\nSummary (ratio = annexlint / sbomqs; at or under 1.0× meets the budget of issue 14):")
	for _, p := range profiles {
		for _, v := range []struct {
			name      string
			wall, cpu func(row) time.Duration
		}{
			{"full bundle", func(r row) time.Duration { return r.fullWall }, func(r row) time.Duration { return r.fullCPU }},
			{"minimal bundle", func(r row) time.Duration { return r.minWall }, func(r row) time.Duration { return r.minCPU }},
		} {
			for _, m := range []struct {
				name         string
				mine, theirs func(row) time.Duration
			}{
				{"wall", v.wall, func(r row) time.Duration { return r.peerWall }},
				{"CPU", v.cpu, func(r row) time.Duration { return r.peerCPU }},
			} {
				var ratios []float64
				worst, worstAt := 0.0, ""
				for _, r := range res.rows {
					if r.profile != p {
						continue
					}
					x := ratio(m.mine(r), m.theirs(r))
					ratios = append(ratios, x)
					if x > worst {
						worst, worstAt = x, r.file.rel
					}
				}
				if len(ratios) == 0 {
					continue
				}
				met := 0
				for _, x := range ratios {
					if x <= 1.0 {
						met++
					}
				}
				fmt.Fprintf(w, "  %-4s %-14s %-4s: %d of %d at or under 1.0×, median %.2f×, worst %.2f× (%s)\n",
					p.name, v.name, m.name, met, len(ratios), timing.Median(ratios), worst, worstAt)
			}
		}
	}
}

// writeTable prints rows under header: aligned columns (numbers to the
// right), or a Markdown table.
func writeTable(w io.Writer, header []string, rows [][]string, markdown bool) {
	// A column is numeric when every cell that is not empty is a number,
	// a size or a ratio, and one is not.
	isNumeric := func(col int) bool {
		seen := false
		for _, r := range rows {
			s := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(r[col], "×"), " KiB"), " MiB")
			s = strings.TrimSuffix(s, " B")
			if s == "" {
				continue
			}
			if _, err := fmt.Sscanf(s, "%f", new(float64)); err != nil {
				return false
			}
			seen = true
		}
		return seen
	}
	numeric := make([]bool, len(header))
	for i := range header {
		numeric[i] = i > 0 && isNumeric(i)
	}
	if markdown {
		fmt.Fprintf(w, "| %s |\n|", strings.Join(header, " | "))
		for i := range header {
			if numeric[i] {
				fmt.Fprint(w, "---:|")
			} else {
				fmt.Fprint(w, "---|")
			}
		}
		fmt.Fprintln(w)
		for _, r := range rows {
			fmt.Fprintf(w, "| %s |\n", strings.Join(r, " | "))
		}
		return
	}
	width := make([]int, len(header))
	for i, h := range header {
		width[i] = len([]rune(h))
	}
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		for i, c := range cells {
			pad := strings.Repeat(" ", width[i]-len([]rune(c)))
			if i > 0 {
				b.WriteString("  ")
			}
			if numeric[i] {
				b.WriteString(pad + c)
			} else if i < len(cells)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
}
