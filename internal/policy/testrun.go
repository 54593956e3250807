package policy

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/annexlint/annexlint/internal/catalog"
)

// TestResult is the outcome of one Rego unit test (a rule named test_...) of
// a custom policy folder.
type TestResult struct {
	Name     string // data.<package>.test_<name>
	File     string // the test's file, as positions name it
	Line     int
	Outcome  string // PASS, FAIL, ERROR or SKIPPED
	Error    string // ERROR: why the test could not be evaluated
	FailedAt string // FAIL: "file:line: expression" of the expression that was false, when known
	Output   string // what the test printed (print())
	// Cases are the outcomes of a parametrised test's cases (a test that is
	// a partial object, test_x[name] if ...), by name.
	Cases []TestCase
}

// TestCase is one case of a parametrised test.
type TestCase struct {
	Name string
	Pass bool
}

// RunTests runs the Rego unit tests (files *_test.rego) of the custom
// sources, compiled with the built-in policies (so tests can import
// data.annexlint.lib and read built-in packages) under the compiler
// settings and capabilities of a check. Before any test runs, the sources
// must load as `check --policy` loads them; their errors are returned as
// they are. run, when not empty, is a regular expression a test's full name
// (data.<package>.test_<name>) must match. Results are in file and line
// order, so the output is the same on every run.
func RunTests(ctx context.Context, sources []Source, run string, timeout time.Duration) ([]TestResult, error) {
	// A bad expression is a usage error, said before anything compiles.
	if _, err := regexp.Compile(run); err != nil {
		return nil, fmt.Errorf("--run %q: %w", run, err)
	}
	// The rules themselves must load exactly as a check loads them: the
	// sandbox, the built-in packages' ownership, metadata and IDs.
	if _, err := New(ctx, sources, catalog.Builtin()); err != nil {
		return nil, err
	}
	modules := map[string]*ast.Module{}
	own, custom := map[string]*ast.Module{}, map[string]*ast.Module{}
	for _, src := range sources {
		ms, err := LoadModules([]Source{src}, src.Custom)
		if err != nil {
			return nil, err
		}
		for name, m := range ms {
			modules[name] = m
			if src.Custom {
				custom[name] = m
			} else {
				own[name] = m
			}
		}
	}
	// Test modules may not define built-in packages either: a test that
	// redefined lib.has_text would be judged against another library.
	if err := foreignPackages(own, custom); err != nil {
		return nil, err
	}
	store := inmem.New()
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return nil, err
	}
	defer store.Abort(ctx, txn)
	// print() is allowed in tests, as opa test allows it: its output is
	// shown with the test's result and goes nowhere else.
	compiler := NewCompiler().WithEnablePrintStatements(true)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		SetModules(modules).
		CapturePrintOutput(true).
		EnableTracing(true).
		RaiseBuiltinErrors(true).
		SetTimeout(timeout).
		SetParallel(runtime.GOMAXPROCS(0)).
		Filter(run)
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		var errs ast.Errors
		if errors.As(err, &errs) {
			return nil, compileError(errs)
		}
		return nil, err
	}
	var out []TestResult
	for tr := range ch {
		// Only the custom folders' tests: the built-in set is loaded
		// without its tests, but a test_ rule in it must not count here.
		if tr.Location == nil || custom[tr.Location.File] == nil {
			continue
		}
		out = append(out, testResult(tr))
	}
	slices.SortFunc(out, func(a, b TestResult) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Name, b.Name))
	})
	return out, nil
}

func testResult(tr *tester.Result) TestResult {
	r := TestResult{
		Name:   tr.Package + "." + tr.Name,
		File:   tr.Location.File,
		Line:   tr.Location.Row,
		Output: string(tr.Output),
	}
	switch {
	case tr.Skip:
		r.Outcome = "SKIPPED"
	case tr.Error != nil:
		r.Outcome, r.Error = "ERROR", tr.Error.Error()
	case tr.Fail:
		r.Outcome, r.FailedAt = "FAIL", failedAt(tr.Trace)
	default:
		r.Outcome = "PASS"
	}
	for name, sr := range tr.SubResults.Iter {
		if len(sr.SubResults) == 0 {
			r.Cases = append(r.Cases, TestCase{Name: strings.Join(name, " / "), Pass: !sr.Fail})
		}
	}
	return r
}

// failedAt finds the last expression of the test's own query that was false,
// as opa test --var-values does, and quotes it as written.
func failedAt(trace []*topdown.Event) string {
	for _, e := range slices.Backward(trace) {
		if e.Op != topdown.FailOp || e.Location == nil || e.QueryID == 0 {
			continue
		}
		if expr, ok := e.Node.(*ast.Expr); ok {
			if _, every := expr.Terms.(*ast.Every); every {
				continue
			}
		}
		text := string(e.Location.Text)
		if text == "" {
			text = fmt.Sprint(e.Node)
		}
		return fmt.Sprintf("%s:%d: %s", e.Location.File, e.Location.Row, text)
	}
	return ""
}
