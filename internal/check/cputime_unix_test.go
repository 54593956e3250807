//go:build unix

package check_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used (user and system, all
// threads). Benchmarks report it per operation beside the wall time, since on
// a shared machine other processes stretch the wall time but not this.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
