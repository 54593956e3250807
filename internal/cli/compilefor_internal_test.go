package cli

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/check"
	"github.com/annexlint/annexlint/internal/policy"
	"github.com/annexlint/annexlint/internal/schema"
	"github.com/annexlint/annexlint/policies"
)

// TestOneBundleCompileSameResult: a one-bundle run compiles only the rules
// its regime can apply (startChecker with oneBundle). The run model must be
// exactly the one of a checker that compiled everything, for every shipped
// example (devices, CRA products, prototypes, hollow bundles) on two dates
// either side of the CRA's application; and for the CRA-only examples the
// narrowed compile must really leave rules out, or the test proves nothing.
func TestOneBundleCompileSameResult(t *testing.T) {
	// The reference compiles every rule with one compiler, without the
	// built-in index (every file parsed with its METADATA); the narrowed
	// runs use the index and split their rules between several compilers.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	set, err := policy.Read([]policy.Source{{Name: "policies", FS: policies.FS}}, false)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := policy.CompileFor(context.Background(), set.WithoutIndex(), catalog.Builtin(), nil)
	if err != nil {
		t.Fatal(err)
	}
	full := &check.Checker{
		Engine:    engine,
		Validator: schema.New(),
		Loader:    bundle.NewLoader(bundle.Options{MaxFileSize: bundle.DefaultMaxFileSize}),
	}
	compiledRules := func(e *policy.Engine) int {
		n := 0
		for _, g := range e.Groups() {
			n += len(g)
		}
		return n
	}
	all := compiledRules(engine)
	if n := engine.Compilers(); n != 1 {
		t.Fatalf("the reference compile used %d compilers, want 1", n)
	}
	runtime.GOMAXPROCS(4)
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	narrowedSome := false
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, bundle.ManifestNames[0])); err != nil {
			continue
		}
		for _, asOf := range []string{"2026-11-25", "2028-06-01"} {
			want, err := full.Run(context.Background(), dir, check.Options{AsOf: asOf})
			if err != nil {
				t.Fatalf("%s: full compile: %v", dir, err)
			}
			one, _, _, err := startChecker(context.Background(), nil, bundle.DefaultMaxFileSize, policy.DefaultTimeout, true)
			if err != nil {
				t.Fatal(err)
			}
			got, err := one.Run(context.Background(), dir, check.Options{AsOf: asOf})
			if err != nil {
				t.Fatalf("%s as of %s: narrowed compile: %v", dir, asOf, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s as of %s: the run model differs when only the regime's rules are compiled", dir, asOf)
			}
			// The same run again reads the compiled rules from the policy
			// cache (TestMain keeps it in a folder of its own) and gives
			// the same model.
			again, _, _, err := startChecker(context.Background(), nil, bundle.DefaultMaxFileSize, policy.DefaultTimeout, true)
			if err != nil {
				t.Fatal(err)
			}
			gotAgain, err := again.Run(context.Background(), dir, check.Options{AsOf: asOf})
			if err != nil {
				t.Fatalf("%s as of %s: compile read from the cache: %v", dir, asOf, err)
			}
			if !reflect.DeepEqual(gotAgain, want) {
				t.Errorf("%s as of %s: the run model differs when the compiled rules are read from the cache", dir, asOf)
			}
			if e, _ := again.Compiling(); e.FromCache() != e.Compilers() {
				t.Errorf("%s as of %s: %d of %d compilers read from the cache, want all", dir, asOf, e.FromCache(), e.Compilers())
			}
			e, _ := one.Compiling()
			if n := compiledRules(e); n < all {
				narrowedSome = true
			}
			if e.Compilers() < 2 {
				t.Errorf("%s as of %s: %d compiler, want the rules split between several", dir, asOf, e.Compilers())
			}
		}
	}
	if !narrowedSome {
		t.Errorf("no example compiled fewer than all %d rules: the regime no longer narrows compilation", all)
	}
}
