// Package cli wires flags to the checker and report writers. It holds no
// business logic; exit codes are 0 (clean or below the threshold), 1
// (findings at or above --fail-on), 2 (usage or input errors, including a
// run stopped by --timeout or a value limit) and 3 (internal errors: a
// recovered panic, the --max-memory limit).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/annexlint/annexlint/internal/atomicfile"
	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/config"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/hugepages"
	"github.com/annexlint/annexlint/internal/override"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/policycache"
	"github.com/annexlint/annexlint/internal/regime"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/github"
	"github.com/annexlint/annexlint/internal/report/html"
	"github.com/annexlint/annexlint/internal/report/jsonreport"
	"github.com/annexlint/annexlint/internal/report/junitreport"
	"github.com/annexlint/annexlint/internal/report/markdown"
	"github.com/annexlint/annexlint/internal/report/oscal"
	"github.com/annexlint/annexlint/internal/report/sarif"
	"github.com/annexlint/annexlint/internal/report/source"
	"github.com/annexlint/annexlint/internal/report/text"
	"github.com/annexlint/annexlint/internal/safefile"
	"github.com/annexlint/annexlint/internal/schema"
	"github.com/annexlint/annexlint/internal/termsafe"
	"github.com/annexlint/annexlint/internal/waiver"
	"github.com/annexlint/annexlint/policies"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
	// ExitInternal is a failure of annexlint, not of the input: CI can
	// tell "the bundle is wrong" from "the tool broke".
	ExitInternal = 3
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// exitError carries an exit code out of a cobra command.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

var writers = map[string]report.Writer{
	"text":     text.Writer{},
	"json":     jsonreport.Writer{},
	"sarif":    sarif.Writer{},
	"html":     html.Writer{},
	"markdown": markdown.Writer{},
	"github":   github.Writer{},
	"junit":    junitreport.Writer{},
	"oscal":    oscal.Writer{},
}

// Run executes annexlint with args and returns the process exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	// Everything annexlint says on standard error is prose that may quote a
	// path or a value from a bundle or a policy: neutralise it at the one
	// place it leaves, rather than at each message.
	// The progress indicator alone writes to the terminal itself (a
	// carriage return and an erase-line sequence around neutralised text).
	var terminal io.Writer
	if isTerminal(stderr) {
		terminal = stderr
	}
	stderr = termsafe.Writer(stderr)
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "annexlint: internal error: %s\n%s", termsafe.Lines(fmt.Sprint(r)), debug.Stack())
			code = ExitInternal
		}
	}()
	root := &cobra.Command{
		Use:           "annexlint",
		Short:         "Policy-as-code checks for medical-device and CRA cybersecurity technical documentation",
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.Version = version()
	root.SetVersionTemplate("annexlint {{.Version}}\n")
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(checkCommand(stdout, stderr, terminal), rulesCommand(stdout), versionCommand(stdout))
	root.AddCommand(importCommand(stdout, stderr), explainCommand(stdout), evidenceCommand(stdout, stderr))
	root.AddCommand(testCommand(stdout))
	root.AddCommand(initCommand(os.Stdin, stdout, stderr))
	err := root.ExecuteContext(ctx)
	var ee exitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, policy.ErrInternal), errors.Is(err, errMemory):
		fmt.Fprintf(stderr, "annexlint: %s\n", termsafe.Lines(err.Error()))
		return ExitInternal
	default:
		// Errors quote bundle and policy content; line feeds stay (a list
		// of errors spans lines), every other control is made visible.
		fmt.Fprintf(stderr, "annexlint: %s\n", termsafe.Lines(err.Error()))
		if strings.Contains(err.Error(), "unknown flag") || strings.Contains(err.Error(), "unknown command") || strings.Contains(err.Error(), "accepts") {
			fmt.Fprintln(stderr, "Run 'annexlint --help' for usage.")
		}
		return ExitUsage
	}
}

type checkFlags struct {
	format      string
	output      string
	failOn      string
	asOf        string
	policyDirs  []string
	maxFileSize int64
	maxValues   int64
	repoRoot    string
	timeout     time.Duration
	maxMemory   int64
	config      string
	baseline    string
	writeBase   string
	color       string
	quiet       bool
	verbose     bool
	recursive   bool
	jobs        int
	readiness   bool
	// changed reports whether a flag was given on the command line, so
	// that it wins over the configuration file.
	changed func(name string) bool
}

// checkCommand is the check command; terminal is standard error when it is a
// terminal (for the progress indicator), nil otherwise.
func checkCommand(stdout, stderr, terminal io.Writer) *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check documentation bundles (default: the bundle the current directory is in)",
		Long: `Check technical-documentation bundles: folders holding annexlint.yaml and the documents it lists.
Every document is validated against its schema and every applicable rule is evaluated; findings are
reported with file:line:column, the rule ID and the regulatory clause it enforces.

Each PATH may be a bundle folder, a folder inside a bundle or a file inside a bundle, as pre-commit
passes them: annexlint finds the bundle each belongs to (the nearest folder at or above it holding
annexlint.yaml) and checks every bundle once, in path order. Files outside any bundle are skipped.
With --recursive, every bundle below each folder is checked too (hidden folders, .git, node_modules
and vendor are not searched; symbolic links to folders are not followed). Bundles are checked in
parallel (--jobs); the report is the same as a sequential run's. When a bundle cannot be read, the
others are still reported, the error names the bundle, and the exit code is 2.

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it (in any bundle),
2 usage or input error (a run stopped by --timeout or a value limit included), 3 internal error.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := flagsFromEnv(cmd.Flags()); err != nil {
				return err
			}
			f.changed = cmd.Flags().Changed
			return runCheck(cmd.Context(), args, f, stdout, stderr, terminal)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: text, json, sarif, html or markdown (html and markdown: the audit report), github (workflow-command annotations), junit (JUnit XML, one test per clause) or oscal (OSCAL assessment results)")
	fl.StringVarP(&f.output, "output", "o", "", "write the report to FILE (atomically) instead of standard output (- is standard output)")
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding has this severity or higher: error, warning, note or none")
	fl.StringVar(&f.asOf, "as-of", "", "check as of this date (YYYY-MM-DD) for date-dependent rules; default today (UTC)")
	fl.StringArrayVar(&f.policyDirs, "policy", nil, "also load custom Rego rules from DIR (repeatable)")
	fl.Int64Var(&f.maxFileSize, "max-file-size", bundle.DefaultMaxFileSize, "refuse bundle files larger than this many bytes")
	fl.Int64Var(&f.maxValues, "max-values", bundle.DefaultMaxValues, "refuse bundles whose documents hold more values than this in all (each SBOM component counts 24)")
	fl.StringVar(&f.repoRoot, "repo-root", "", "repository root that SARIF locations are relative to (default: nearest folder with .git)")
	fl.DurationVar(&f.timeout, "timeout", policy.DefaultTimeout, "stop the run (reading, validation, hashing, evaluation) after this long")
	fl.Int64Var(&f.maxMemory, "max-memory", DefaultMaxMemory, "stop the run (exit 3) when its heap passes this many bytes")
	fl.StringVar(&f.config, "config", "", "configuration FILE (default: .annexlint.yaml, .annexlint.yml or annexlint.config.yaml in the bundle folder or a folder above it, up to the repository root)")
	fl.StringVar(&f.baseline, "baseline", "", "findings this baseline FILE records are reported as baselined and do not count for the exit code")
	fl.StringVar(&f.writeBase, "write-baseline", "", "record the run's findings in FILE (atomically) for a later --baseline")
	fl.StringVar(&f.color, "color", "auto", "text output: colour auto (on a terminal), always or never; never when NO_COLOR is set")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "text output: cite clauses in full, not only by ID, and list waived and baselined findings")
	fl.BoolVarP(&f.recursive, "recursive", "r", false, "also check every bundle in the folders below each PATH (not hidden folders, .git, node_modules, vendor; no symbolic links to folders)")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, "check at most N bundles at a time (default: the number of CPUs Go may use, GOMAXPROCS)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "text output: the regime in one line and the findings, one line each; no source lines or summary")
	fl.BoolVar(&f.readiness, "readiness", false, "text output: also list the obligations that start within 12 months after --as-of and what the bundle misses for each")
	completeCheck(cmd)
	return cmd
}

func runCheck(ctx context.Context, args []string, f checkFlags, stdout, stderr, terminal io.Writer) error {
	start := time.Now()
	format, w, err := parseFormat(f.format)
	if err != nil {
		return err
	}
	f.format = format
	if f.color != "auto" && f.color != "always" && f.color != "never" {
		return fmt.Errorf("unknown --color %q (want auto, always or never)", f.color)
	}
	if f.quiet && f.verbose {
		return errors.New("--quiet and --verbose exclude each other")
	}
	if f.readiness && f.format != "text" {
		return fmt.Errorf("--readiness is shown in text output only; use --format text (not %s)", f.format)
	}
	threshold, err := parseFailOn(f.failOn)
	if err != nil {
		return err
	}
	asOf := f.asOf
	if asOf == "" {
		asOf = time.Now().UTC().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, asOf); err != nil {
		return fmt.Errorf("--as-of %q is not a date in YYYY-MM-DD form", asOf)
	}
	if f.maxFileSize <= 0 {
		return errors.New("--max-file-size must be positive")
	}
	if f.maxValues <= 0 {
		return errors.New("--max-values must be positive")
	}
	if f.timeout <= 0 {
		return errors.New("--timeout must be positive")
	}
	if f.maxMemory <= 0 {
		return errors.New("--max-memory must be positive")
	}
	if f.jobs < 0 {
		return errors.New("--jobs must be positive (or 0 for the number of CPUs)")
	}
	if f.jobs == 0 {
		f.jobs = runtime.GOMAXPROCS(0)
	}
	targets, ignored, err := resolveTargets(args, f.recursive)
	if err != nil {
		return err
	}
	for _, p := range ignored {
		fmt.Fprintf(stderr, "annexlint: %s is in no bundle (no annexlint.yaml at or above it); skipped\n", p)
	}
	if len(targets) == 0 {
		fmt.Fprintln(stderr, "annexlint: none of the given paths is in a bundle; nothing to check")
		return nil
	}
	metas := make([]report.Meta, len(targets))
	roots := make([]string, len(targets))
	for i, t := range targets {
		m, root, err := bundleMeta(t, f.repoRoot)
		if err != nil {
			return err
		}
		m.Verbose = f.verbose
		metas[i], roots[i] = m, root
	}
	cfg, err := loadConfig(f.config, targets, roots)
	if err != nil {
		return err
	}
	if cfg != nil {
		if !f.changed("format") && cfg.Format != "" {
			w, f.format = writers[cfg.Format], cfg.Format
		}
		if !f.changed("fail-on") && cfg.FailOn != "" {
			f.failOn = cfg.FailOn
			threshold = ""
			if cfg.FailOn != "none" {
				threshold = catalog.Severity(cfg.FailOn)
			}
		}
		if !f.changed("policy") && len(cfg.Policy) > 0 {
			f.policyDirs = cfg.Policy
		}
	}
	base, err := loadBaseline(f, cfg)
	if err != nil {
		return err
	}
	for i, t := range targets {
		metas[i].Baseline = base != nil
		if metas[i].NoRepoRoot && f.format != "text" {
			fmt.Fprintf(stderr, "annexlint: no repository root (.git) found above %s; locations are relative to the bundle folder (pass --repo-root to set one)\n", t.Dir)
		}
	}
	if len(targets) > 1 {
		if _, multi := w.(report.MultiWriter); !multi && f.format != "text" {
			return fmt.Errorf("--format %s renders one bundle per report; check the %d bundles one at a time", f.format, len(targets))
		}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer watchMemory(ctx, cancel, f.maxMemory)()
	checker, policySet, compiled, err := startChecker(ctx, f.policyDirs, f.maxFileSize, f.timeout, len(targets) == 1 && !f.readiness)
	if err != nil {
		return runError(ctx, f.timeout, err)
	}
	digest, modules := policySet.Digest()
	// One time budget for the whole run: --timeout covers reading,
	// validating, hashing and evaluating every bundle, and the memory
	// watchdog cancels the same context. Its clock starts when the policies
	// are compiled: compiling does not depend on the bundles and is outside
	// the budget (the bundles are read meanwhile, which is why this is not
	// a context.WithTimeout from here).
	ctx, stopRun := context.WithCancelCause(ctx)
	defer stopRun(nil)
	go func() {
		select {
		case <-compiled:
		case <-ctx.Done():
			return
		}
		timer := time.NewTimer(f.timeout)
		defer timer.Stop()
		select {
		case <-timer.C:
			stopRun(context.DeadlineExceeded)
		case <-ctx.Done():
		}
	}()
	checker.Loader.SetMaxValues(f.maxValues)
	// The audit report identifies every file of the bundle it judged.
	audit := f.format == "html" || f.format == "markdown"
	// The bundles are checked in parallel, each result kept at its
	// bundle's index, so the report is the one a sequential run writes.
	checked := make([]*report.Bundle, len(targets))
	ready := make([]*readiness, len(targets))
	fatal := func(err error) bool { return errors.Is(err, errMemory) || errors.Is(err, policy.ErrInternal) }
	errs := forEachBundle(ctx, len(targets), f.jobs, func(ctx context.Context, i int) error {
		t := targets[i]
		res, err := checker.Run(ctx, t.Dir, check.Options{AsOf: asOf, Waivers: &waiver.Set{Config: cfg}, HashOtherFiles: audit})
		if err != nil {
			return err
		}
		if cfg != nil {
			override.Apply(res, cfg.Rules)
		}
		base.Apply(res, bundleID(metas[i]))
		m := metas[i]
		m.PolicyDigest, m.PolicyModules = digest, modules
		m.Source = source.New(t.Dir, res.Documents, f.maxFileSize)
		checked[i] = &report.Bundle{Meta: m, Result: res}
		if f.readiness {
			r, err := assessReadiness(ctx, checker, t.Dir, &waiver.Set{Config: cfg}, res)
			if err != nil {
				return err
			}
			ready[i] = &r
		}
		return nil
	}, fatal, newProgress(terminal, terminal != nil, len(targets)))
	// A policy that does not compile is the run's error, before any
	// bundle's: each bundle's run waited for it and failed the same way.
	if _, err := checker.Compiling(); err != nil {
		return runError(ctx, f.timeout, err)
	}
	bundles := make([]report.Bundle, 0, len(targets))
	var inputErrs []error
	var readies []readiness
	for i, err := range errs {
		if err == nil {
			bundles = append(bundles, *checked[i])
			if ready[i] != nil {
				readies = append(readies, *ready[i])
			}
			continue
		}
		err = runError(ctx, f.timeout, err)
		if fatal(err) {
			return err
		}
		if len(targets) > 1 {
			err = fmt.Errorf("bundle %s: %w", targets[i].Dir, err)
		}
		inputErrs = append(inputErrs, err)
	}
	// A bundle that cannot be read does not hide the others: they are
	// reported, and the error (exit 2, the worst code) names the bundle.
	// Nothing is written when no bundle could be checked, so a single
	// bundle's input error leaves a previous report in place.
	if len(bundles) == 0 {
		return errors.Join(inputErrs...)
	}
	if f.writeBase != "" && len(inputErrs) > 0 {
		// A baseline without the unread bundle's findings would report
		// them all as new on the next run.
		fmt.Fprintf(stderr, "annexlint: %s not written: %d bundle(s) could not be checked\n", f.writeBase, len(inputErrs))
	} else if f.writeBase != "" {
		if err := writeBaseline(f.writeBase, asOf, bundles, stderr); err != nil {
			return err
		}
	}
	if _, ok := w.(text.Writer); ok {
		tw := text.Writer{Quiet: f.quiet}
		// Colour and the time taken only on a terminal: reports in files,
		// pipes and CI logs stay byte-identical for identical input.
		tty := (f.output == "" || f.output == "-") && isTerminal(stdout)
		tw.Color = colorOn(f.color, tty)
		if tty && len(bundles) == 1 {
			tw.Elapsed = time.Since(start)
		}
		w = tw
	}
	render := func(out io.Writer) error {
		if err := writeReport(out, w, bundles, len(inputErrs)); err != nil {
			return err
		}
		for _, r := range readies {
			if err := writeReadiness(out, r); err != nil {
				return err
			}
		}
		return nil
	}
	if f.output == "" || f.output == "-" {
		if err := render(stdout); err != nil {
			return err
		}
	} else {
		if err := atomicfile.Write(f.output, 0o644, render); err != nil {
			return err
		}
		for _, b := range bundles {
			fmt.Fprintf(stderr, "annexlint: wrote %s: %s (%s, as of %s)\n", f.output, b.Result.Bundle, b.Result.Summary(), b.Result.AsOf)
		}
	}
	if f.format == "sarif" {
		for _, warning := range sarifLimits(bundles) {
			fmt.Fprintf(stderr, "annexlint: warning: %s\n", warning)
		}
	}
	if len(inputErrs) > 0 {
		return errors.Join(inputErrs...)
	}
	if threshold != "" {
		for _, b := range bundles {
			if finding.AtOrAbove(b.Result.Findings, threshold) {
				return exitError{code: ExitFindings}
			}
		}
	}
	return nil
}

// EnvPrefix starts the environment variable of each check flag, as Trivy
// does: --fail-on is ANNEXLINT_FAIL_ON. A flag on the command line wins over
// its variable, and the variable over the configuration file.
const EnvPrefix = "ANNEXLINT_"

// flagsFromEnv sets every flag not given on the command line from its
// environment variable; a repeatable flag takes a list separated like PATH.
func flagsFromEnv(fs *pflag.FlagSet) error {
	var errs []error
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.Changed {
			return
		}
		name := EnvPrefix + strings.ToUpper(strings.ReplaceAll(fl.Name, "-", "_"))
		v, ok := os.LookupEnv(name)
		if !ok {
			return
		}
		values := []string{v}
		if fl.Value.Type() == "stringArray" {
			values = filepath.SplitList(v)
		}
		for _, x := range values {
			if err := fs.Set(fl.Name, x); err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: %w", name, v, err))
			}
		}
	})
	return errors.Join(errs...)
}

// sarifLimits says where a SARIF log would exceed GitHub code scanning's
// documented limits (docs/github-code-scanning.md).
func sarifLimits(bundles []report.Bundle) []string {
	var out []string
	if len(bundles) > sarif.MaxRuns {
		out = append(out, fmt.Sprintf("%d runs in one SARIF file; GitHub code scanning accepts at most %d: check the bundles in groups of %d",
			len(bundles), sarif.MaxRuns, sarif.MaxRuns))
	}
	for _, b := range bundles {
		if n := len(b.Result.Findings) + len(b.Result.Waived); n > sarif.MaxResultsPerRun {
			out = append(out, fmt.Sprintf("%s has %d results; GitHub code scanning accepts at most %d per run", b.Result.Bundle, n, sarif.MaxResultsPerRun))
		}
	}
	return out
}

// writeReport renders the run's bundles as one report: through the writer's
// WriteAll when it has one, otherwise (text) bundle by bundle under a
// header line naming each bundle, with a closing tally.
//
// unchecked counts the bundles an input error kept out of the report; the
// text tally says so, and so does standard error for every format.
func writeReport(out io.Writer, w report.Writer, bundles []report.Bundle, unchecked int) error {
	if len(bundles) == 1 && unchecked == 0 {
		return w.Write(out, bundles[0].Meta, bundles[0].Result)
	}
	if mw, ok := w.(report.MultiWriter); ok {
		return mw.WriteAll(out, bundles)
	}
	failing := 0
	for i, b := range bundles {
		if i > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintf(out, "== bundle %s ==\n", termsafe.String(b.Result.Bundle))
		if err := w.Write(out, b.Meta, b.Result); err != nil {
			return err
		}
		if len(b.Result.Findings) > 0 {
			failing++
		}
	}
	notChecked := ""
	if unchecked > 0 {
		notChecked = fmt.Sprintf("; %d not checked (input error, see standard error)", unchecked)
	}
	noun := "bundles"
	if len(bundles) == 1 {
		noun = "bundle"
	}
	_, err := fmt.Fprintf(out, "\nannexlint: %d %s checked, %d with findings%s\n", len(bundles), noun, failing, notChecked)
	return err
}

// bundleMeta finds where the bundle sits in its repository. An explicit
// --repo-root must exist and hold the bundle; without one, the nearest
// folder above the bundle with a .git entry is the root, and when there is
// none Meta.NoRepoRoot says so.
func bundleMeta(t target, repoRoot string) (meta report.Meta, root string, err error) {
	meta = report.Meta{ToolVersion: version()}
	if repoRoot != "" {
		abs, err := filepath.Abs(repoRoot)
		if err != nil {
			return meta, "", fmt.Errorf("--repo-root %s: %w", repoRoot, err)
		}
		st, err := os.Stat(abs)
		if err != nil || !st.IsDir() {
			return meta, "", fmt.Errorf("--repo-root %s: not an existing directory", repoRoot)
		}
		root = abs
	} else {
		for d := t.Abs; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
				root = d
				break
			}
			if filepath.Dir(d) == d {
				meta.NoRepoRoot = true
				return meta, "", nil
			}
		}
	}
	rel, err := filepath.Rel(root, t.Abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return meta, "", fmt.Errorf("--repo-root %s is not the bundle folder %s or a folder above it", repoRoot, t.Dir)
	}
	if rel != "." {
		meta.RepoPrefix = filepath.ToSlash(rel)
	}
	return meta, root, nil
}

// loadConfig reads the configuration: --config when given, otherwise the
// file found at or above the bundles, searching up to each bundle's
// repository root (only the bundle folder when it is in no repository). Bundles checked together must share one configuration
// (or all have none).
func loadConfig(explicit string, targets []target, roots []string) (*config.Config, error) {
	if explicit != "" {
		return config.Load(explicit, explicit)
	}
	found := ""
	for i, t := range targets {
		// Outside a repository only the bundle folder itself is searched, so
		// a stray file in a parent folder (/tmp, a home folder) never applies.
		stop := roots[i]
		if stop == "" {
			stop = t.Abs
		}
		p, _ := config.Find(t.Abs, stop)
		if i > 0 && p != found {
			return nil, fmt.Errorf("bundles %s and %s have different configuration files (%q and %q); check them separately or pass --config",
				targets[0].Dir, t.Dir, found, p)
		}
		found = p
	}
	if found == "" {
		return nil, nil
	}
	// Name it relative to the repository root (the same on every machine),
	// else to the working directory, else absolute.
	display := found
	for _, base := range []string{roots[0], "."} {
		abs, err := filepath.Abs(base)
		if base == "" || err != nil {
			continue
		}
		if rel, err := filepath.Rel(abs, found); err == nil && !strings.HasPrefix(rel, "..") {
			display = filepath.ToSlash(rel)
			break
		}
	}
	return config.Load(found, display)
}

// runError explains an error of a stopped run by why it stopped.
func runError(ctx context.Context, timeout time.Duration, err error) error {
	if cause := context.Cause(ctx); errors.Is(cause, errMemory) {
		return cause
	}
	if errors.Is(context.Cause(ctx), context.DeadlineExceeded) && !strings.Contains(err.Error(), "time limit") {
		return fmt.Errorf("stopped after %s (--timeout): %w", timeout, err)
	}
	return err
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// colorOn decides colour: never when NO_COLOR is set to anything but the
// empty string (https://no-color.org), even with --color always; otherwise
// as the flag says, auto meaning on a terminal.
func colorOn(flag string, tty bool) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	return flag == "always" || (flag == "auto" && tty)
}

// policySources are the built-in policies and the custom directories given;
// closeAll closes the custom directories' roots once the sources are read.
func policySources(policyDirs []string) (sources []policy.Source, closeAll func(), err error) {
	var roots []*os.Root
	closeAll = func() {
		for _, r := range roots {
			_ = r.Close()
		}
	}
	sources = []policy.Source{{Name: "policies", FS: policies.FS}}
	for _, d := range policyDirs {
		st, err := os.Stat(d)
		if err != nil || !st.IsDir() {
			closeAll()
			return nil, nil, fmt.Errorf("--policy %s: not a directory", d)
		}
		// Read through an os.Root, as bundles are: no symbolic link out of
		// the folder (to /proc/self/environ, /dev/zero), regular files only,
		// each size-bounded, and no open that blocks on a named pipe.
		root, err := os.OpenRoot(d)
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("--policy %s: %w", d, err)
		}
		roots = append(roots, root)
		sources = append(sources, policy.Source{Name: filepath.ToSlash(d), FS: safefile.FS{Root: root, Limit: policy.MaxModuleSize}, Custom: true})
	}
	return sources, closeAll, nil
}

// NewChecker compiles the built-in policies (and custom ones) once.
func NewChecker(ctx context.Context, policyDirs []string, maxFileSize int64) (*check.Checker, error) {
	c, _, _, err := startChecker(ctx, policyDirs, maxFileSize, policy.DefaultTimeout, false)
	if err != nil {
		return nil, err
	}
	if c.Engine, err = c.Compiling(); err != nil {
		return nil, err
	}
	return c, nil
}

// While the policies compile (see startChecker) the collector runs rarely:
// at GOGC 400, and in any case once the heap reaches compileHeapLimit. Go's
// limit counts memory it holds but does not use, and main may have handed it
// the huge-page block (hugepages.Reserve) to hold so: the limit is above that
// block, or the runtime would collect and give memory back from the first
// allocation. A lower limit already set (--max-memory, GOMEMLIMIT) stays.
const (
	compileGCPercent = 400
	compileHeapLimit = 256 << 20
)

// compileMemoryLimit is the memory limit while the policies compile.
func compileMemoryLimit() int64 {
	return min(compileHeapLimit+hugepages.Reserved(), debug.SetMemoryLimit(-1))
}

// startChecker reads the policies and returns at once, compiling them in
// the background: a pre-commit run spends most of its time compiling, and
// reading and validating the bundle meanwhile takes that much off the wall
// time. The returned Set is what is being compiled (for its digest), and
// compiled is closed when compiling ends.
// Read errors come back here; compile errors from the checker's Compiling.
//
// With oneBundle, the checker compiles only the rules the bundle's regime
// decision can apply (policy.CompileFor): the parse starts at once, and the
// compile waits for the decision, which the checker makes from the manifest
// before it reads the other documents. A checker made so serves that one
// bundle only.
func startChecker(ctx context.Context, policyDirs []string, maxFileSize int64, timeout time.Duration, oneBundle bool) (c *check.Checker, set *policy.Set, compiled <-chan struct{}, err error) {
	sources, closeAll, err := policySources(policyDirs)
	if err != nil {
		return nil, nil, nil, err
	}
	set, err = policy.Read(sources, false)
	closeAll() // everything is read: compiling touches no file
	if err != nil {
		return nil, nil, nil, err
	}
	// Compiled built-in policies are kept between runs (docs/performance.md);
	// a set with custom policies is never cached.
	set.UseCache(policycache.Open())
	decisions := make(chan *regime.Decision, 1)
	var decideOnce sync.Once
	decided := func(d *regime.Decision) { decideOnce.Do(func() { decisions <- d }) }
	decision := sync.OnceValue(func() *regime.Decision { return <-decisions })
	var keep func(catalog.Rule) bool
	if oneBundle {
		// nil when the run ended before the manifest was decided: then
		// every rule is compiled, as for several bundles.
		keep = func(r catalog.Rule) bool {
			d := decision()
			return d == nil || d.Verdict(r).Applies
		}
	}
	done := make(chan struct{})
	var engine *policy.Engine
	var compileErr error
	go func() {
		defer close(done)
		defer func() {
			if p := recover(); p != nil {
				compileErr = fmt.Errorf("%w: compiling the policies: %v", policy.ErrInternal, p)
			}
		}()
		// Compiling makes tens of megabytes of short-lived trees; at the
		// default GOGC the collector runs several times during it. Turned
		// off, every allocation lands on memory the kernel must fault in
		// and zero (a fifth of the run's CPU, measured); GOGC 400 keeps
		// both costs low. Only while compiling: the bundle checks after it
		// run with the default, so memory budgets on large SBOMs are unchanged.
		defer debug.SetGCPercent(debug.SetGCPercent(compileGCPercent))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(compileMemoryLimit()))
		engine, compileErr = policy.CompileFor(ctx, set, catalog.Builtin(), keep)
		if engine != nil {
			engine.SetTimeout(timeout)
		}
	}()
	compiling := func() (*policy.Engine, error) {
		decided(nil) // no decision is coming if none came yet
		<-done
		return engine, compileErr
	}
	loader := bundle.NewLoader(bundle.Options{MaxFileSize: maxFileSize})
	c = &check.Checker{Compiling: compiling, Validator: schema.New(), Loader: loader}
	if oneBundle {
		c.Decided = decided
	}
	return c, set, done, nil
}

func versionCommand(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print annexlint's version",
		Args:  cobra.NoArgs,
		Run: func(*cobra.Command, []string) {
			fmt.Fprintf(stdout, "annexlint %s\n", version())
		},
	}
}
