package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// DefaultMaxMemory is the heap size at which a run is stopped (--max-memory).
// The value budget keeps ordinary and hostile bundles far below it (a
// 50,000-component SBOM peaks near 1 GB); it catches what the budget does
// not count, such as a custom policy building huge strings.
const DefaultMaxMemory = 4 << 30

// errMemory is the cause a run is cancelled with when the heap passes the
// limit; like a panic it exits with ExitInternal.
var errMemory = errors.New("memory limit reached")

// watchMemory cancels the run when the live heap passes limit bytes, and
// sets Go's soft memory limit there so the collector works harder first.
// A check every 50 ms cannot stop one allocation larger than what is left
// (the Go runtime then ends the process), but it stops a run that grows.
func watchMemory(ctx context.Context, cancel context.CancelCauseFunc, limit int64) (stop func()) {
	old := debug.SetMemoryLimit(limit)
	done := make(chan struct{})
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
				metrics.Read(sample)
				if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > uint64(limit) {
					cancel(fmt.Errorf("%w: the heap passed %d bytes (--max-memory)", errMemory, limit))
					return
				}
			}
		}
	}()
	return func() {
		close(done)
		debug.SetMemoryLimit(old)
	}
}
