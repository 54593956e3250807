//go:build unix

package sbom

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestParseScalesLinearly guards against quadratic work: an eightfold input
// must cost about eightfold, where quadratic work would cost 64-fold. It
// measures process CPU time, not wall time, so a busy machine does not make
// it flaky, and allocated bytes, which do not depend on the machine at all.
// It is not parallel, so no other test of this package runs meanwhile.
func TestParseScalesLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped in -short mode")
	}
	for _, tc := range []struct {
		name string
		gen  func(int) []byte
	}{
		{"cyclonedx-json", genCycloneDXJSON},
		{"cyclonedx-xml", genCycloneDXXML},
		{"spdx-json", genSPDXJSON},
		{"spdx-tag-value", genSPDXTagValue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			small, large := tc.gen(1500), tc.gen(12000)
			cpuS, allocS := cost(t, small)
			cpuL, allocL := cost(t, large)
			cpuRatio, allocRatio := float64(cpuL)/float64(cpuS), float64(allocL)/float64(allocS)
			t.Logf("1500 -> 12000 components: CPU %v -> %v (x%.1f), allocated %d -> %d KiB (x%.1f)",
				cpuS, cpuL, cpuRatio, allocS>>10, allocL>>10, allocRatio)
			if allocRatio > 16 {
				t.Errorf("8x input allocated %.1fx: super-linear work", allocRatio)
			}
			if cpuRatio > 24 {
				t.Errorf("8x input took %.1fx CPU time: super-linear work", cpuRatio)
			}
		})
	}
}

// cost is the least CPU time of three parses and the bytes one parse allocates.
func cost(t *testing.T, data []byte) (time.Duration, uint64) {
	t.Helper()
	best := time.Duration(1<<63 - 1)
	var alloc uint64
	for range 3 {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		c0 := cpuTime(t)
		if _, err := Parse("gen", data); err != nil {
			t.Fatal(err)
		}
		c := cpuTime(t) - c0
		runtime.ReadMemStats(&m1)
		alloc = m1.TotalAlloc - m0.TotalAlloc
		best = min(best, c)
	}
	return best, alloc
}

func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
