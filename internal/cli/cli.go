// Package cli wires flags to the checker and report writers. It holds no
// business logic; exit codes are 0 (clean or below the threshold), 1
// (findings at or above --fail-on) and 2 (usage or input errors).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexlint/annexlint/internal/atomicfile"
	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/finding"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/report"
	"github.com/annexlint/annexlint/internal/report/jsonreport"
	"github.com/annexlint/annexlint/internal/report/sarif"
	"github.com/annexlint/annexlint/internal/report/text"
	"github.com/annexlint/annexlint/internal/schema"
	"github.com/annexlint/annexlint/policies"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
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
	"text":  text.Writer{},
	"json":  jsonreport.Writer{},
	"sarif": sarif.Writer{},
}

// Run executes annexlint with args and returns the process exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := &cobra.Command{
		Use:           "annexlint",
		Short:         "Policy-as-code checks for medical-device and CRA cybersecurity technical documentation",
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(checkCommand(stdout, stderr), rulesCommand(stdout), versionCommand(stdout))
	err := root.ExecuteContext(ctx)
	var ee exitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintf(stderr, "annexlint: %v\n", err)
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
	repoRoot    string
	timeout     time.Duration
}

func checkCommand(stdout, stderr io.Writer) *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [BUNDLE]",
		Short: "Check a documentation bundle (default: the current directory)",
		Long: `Check a technical-documentation bundle: the folder holding annexlint.yaml and the documents it lists.
Every document is validated against its schema and every applicable rule is evaluated; findings are
reported with file:line:column, the rule ID and the regulatory clause it enforces.

Exit codes: 0 no findings at or above --fail-on, 1 findings at or above it, 2 usage or input error.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return runCheck(cmd.Context(), dir, f, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "output format: text, json or sarif")
	fl.StringVarP(&f.output, "output", "o", "", "write the report to FILE (atomically) instead of standard output")
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding has this severity or higher: error, warning, note or none")
	fl.StringVar(&f.asOf, "as-of", "", "check as of this date (YYYY-MM-DD) for date-dependent rules; default today (UTC)")
	fl.StringArrayVar(&f.policyDirs, "policy", nil, "also load custom Rego rules from DIR (repeatable)")
	fl.Int64Var(&f.maxFileSize, "max-file-size", bundle.DefaultMaxFileSize, "refuse bundle files larger than this many bytes")
	fl.StringVar(&f.repoRoot, "repo-root", "", "repository root that SARIF locations are relative to (default: nearest folder with .git)")
	fl.DurationVar(&f.timeout, "timeout", policy.DefaultTimeout, "stop policy evaluation after this long")
	return cmd
}

func runCheck(ctx context.Context, dir string, f checkFlags, stdout, stderr io.Writer) error {
	w, ok := writers[f.format]
	if !ok {
		return fmt.Errorf("unknown --format %q (want text, json or sarif)", f.format)
	}
	var threshold catalog.Severity
	if f.failOn != "none" {
		var err error
		if threshold, err = catalog.ParseSeverity(f.failOn); err != nil {
			return fmt.Errorf("--fail-on: %w", err)
		}
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
	checker, err := NewChecker(ctx, f.policyDirs, f.maxFileSize)
	if err != nil {
		return err
	}
	checker.Engine.SetTimeout(f.timeout)
	res, err := checker.Run(ctx, dir, check.Options{AsOf: asOf})
	if err != nil {
		return err
	}
	meta := report.Meta{ToolVersion: version(), RepoPrefix: repoPrefix(dir, f.repoRoot)}
	if f.output == "" {
		if err := w.Write(stdout, meta, res); err != nil {
			return err
		}
	} else {
		if err := atomicfile.Write(f.output, 0o644, func(out io.Writer) error { return w.Write(out, meta, res) }); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "annexlint: wrote %s (%s, as of %s)\n", f.output, res.Summary(), res.AsOf)
	}
	if threshold != "" && finding.AtOrAbove(res.Findings, threshold) {
		return exitError{code: ExitFindings}
	}
	return nil
}

// NewChecker compiles the built-in policies (and custom ones) once.
func NewChecker(ctx context.Context, policyDirs []string, maxFileSize int64) (*check.Checker, error) {
	sources := []policy.Source{{Name: "policies", FS: policies.FS}}
	for _, d := range policyDirs {
		st, err := os.Stat(d)
		if err != nil || !st.IsDir() {
			return nil, fmt.Errorf("--policy %s: not a directory", d)
		}
		sources = append(sources, policy.Source{Name: filepath.ToSlash(d), FS: os.DirFS(d)})
	}
	engine, err := policy.New(ctx, sources, catalog.Builtin())
	if err != nil {
		return nil, err
	}
	loader := bundle.NewLoader(bundle.Options{MaxFileSize: maxFileSize})
	RegisterFormats(loader)
	return &check.Checker{Engine: engine, Validator: schema.New(), Loader: loader}, nil
}

// repoPrefix finds the bundle's path relative to the repository root.
func repoPrefix(dir, repoRoot string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	if repoRoot == "" {
		for d := abs; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
				repoRoot = d
				break
			}
			if filepath.Dir(d) == d {
				return ""
			}
		}
	}
	rootAbs, err := filepath.Abs(repoRoot)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(rootAbs, abs)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return ""
	}
	return filepath.ToSlash(rel)
}

func rulesCommand(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its severity and the clauses it enforces",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			engine, err := policy.New(cmd.Context(), []policy.Source{{Name: "policies", FS: policies.FS}}, catalog.Builtin())
			if err != nil {
				return err
			}
			return writeRules(stdout, format, engine.Catalog().Rules())
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text or markdown")
	return cmd
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
