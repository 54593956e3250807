package check

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestInParallelEachIndexOnce: every index is done exactly once, whether
// the work is split or not.
func TestInParallelEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, parallelMin - 1, parallelMin, 3*parallelMin + 7, 10000} {
		counts := make([]atomic.Int32, n)
		inParallel(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d done %d times", n, i, c)
			}
		}
	}
}

// TestInParallelPanicReachesCaller: a panic in a worker is raised in the
// caller, where the run recovers it, rather than ending the process.
func TestInParallelPanicReachesCaller(t *testing.T) {
	// On one core inParallel runs in the caller, and the panic would reach
	// it without the workers' recover: make sure there are workers.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer func() {
		if r := recover(); r != "boom" {
			t.Fatalf("recovered %v, want the worker's panic", r)
		}
	}()
	inParallel(4*parallelMin, func(i int) {
		if i == 3*parallelMin {
			panic("boom")
		}
	})
	t.Fatal("inParallel returned after a worker panicked")
}
