package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/termsafe"
)

// testCommand runs the Rego unit tests of custom policy folders with the
// binary alone: no opa CLI, and the tests see the rules exactly as a check
// does (built-in library, capabilities, sandbox).
func testCommand(stdout io.Writer) *cobra.Command {
	var (
		verbose bool
		run     string
		timeout time.Duration
	)
	cmd := &cobra.Command{
		Use:   "test DIR...",
		Short: "Run the Rego unit tests (*_test.rego) of custom policy folders",
		Long: `Run the Rego unit tests of custom policy folders, as check --policy DIR loads them: compiled with
annexlint's built-in policies (tests may import data.annexlint.lib), under the same capabilities and
sandbox. A test is a rule named test_... in a file *_test.rego. Failures are listed with the test's
file:line and the expression that was false; -v lists every test and what it printed.

Exit codes: 0 every test passed, 1 a test failed or raised an error, 2 usage error, a folder that
does not load as a --policy folder, or no test to run.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return errors.New("annexlint test needs the policy folder(s) whose tests to run: annexlint test DIR")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, dirs []string) error {
			if timeout <= 0 {
				return errors.New("--timeout must be positive")
			}
			sources, closeAll, err := policySources(dirs)
			if err != nil {
				return err
			}
			defer closeAll()
			results, err := policy.RunTests(cmd.Context(), sources, run, timeout)
			if err != nil {
				return err
			}
			if len(results) == 0 {
				if run != "" {
					return fmt.Errorf("no test in %s matches --run %q", strings.Join(dirs, ", "), run)
				}
				return fmt.Errorf("no test in %s: a test is a rule named test_... in a file whose name ends in _test.rego (see docs/custom-policies.md)", strings.Join(dirs, ", "))
			}
			// Test names, expressions and print output come from the
			// user's policies: shown as text, never acted on by a terminal.
			if failed := writeTestResults(termsafe.Writer(stdout), results, verbose); failed {
				return exitError{code: ExitFindings}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVarP(&verbose, "verbose", "v", false, "list every test, not only failures, with what it printed")
	fl.StringVar(&run, "run", "", "run only the tests whose full name (data.<package>.test_<name>) matches this regular expression")
	fl.DurationVar(&timeout, "timeout", policy.DefaultTimeout, "stop a test that runs longer than this")
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	return cmd
}

// writeTestResults prints results as opa test does: failures (every test
// with -v), each under its file:line, then the counts. Durations are left
// out so that two runs print the same. It reports whether any test failed
// or raised an error.
func writeTestResults(w io.Writer, results []policy.TestResult, verbose bool) (failed bool) {
	counts := map[string]int{}
	total := 0
	lastFile := ""
	printed := false
	for _, r := range results {
		if len(r.Cases) > 0 && r.Error == "" {
			for _, c := range r.Cases {
				counts[map[bool]string{true: "PASS", false: "FAIL"}[c.Pass]]++
				total++
			}
		} else {
			counts[r.Outcome]++
			total++
		}
		if r.Outcome == "FAIL" || r.Outcome == "ERROR" {
			failed = true
		}
		if !verbose && r.Outcome == "PASS" {
			continue
		}
		if lastFile != "" && r.File != lastFile {
			fmt.Fprintln(w)
		}
		lastFile = r.File
		printed = true
		fmt.Fprintf(w, "%s:%d:\n%s: %s\n", r.File, r.Line, r.Name, r.Outcome)
		for _, c := range r.Cases {
			if verbose || !c.Pass {
				fmt.Fprintf(w, "  %s: %s\n", c.Name, map[bool]string{true: "PASS", false: "FAIL"}[c.Pass])
			}
		}
		if r.FailedAt != "" {
			fmt.Fprintf(w, "  false at %s\n", oneLine(r.FailedAt))
		}
		if r.Error != "" {
			fmt.Fprintf(w, "  %s\n", r.Error)
		}
		if out := strings.TrimSpace(r.Output); out != "" {
			for line := range strings.SplitSeq(out, "\n") {
				fmt.Fprintf(w, "  | %s\n", line)
			}
		}
	}
	if printed {
		fmt.Fprintln(w, strings.Repeat("-", 80))
	}
	for _, outcome := range []string{"PASS", "FAIL", "SKIPPED", "ERROR"} {
		if n := counts[outcome]; n > 0 {
			fmt.Fprintf(w, "%s: %d/%d\n", outcome, n, total)
		}
	}
	return failed
}
