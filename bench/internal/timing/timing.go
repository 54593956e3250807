// Package timing runs one process and takes its cost from the kernel: wall
// time, CPU time (user + system, from wait4's rusage) and peak resident
// memory. bench/timeit and bench/corpus time whole runs with it.
package timing

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Sample is what one run of a process cost.
type Sample struct {
	Wall   time.Duration
	CPU    time.Duration // user + system
	RSSKiB int64         // peak resident set size (maxrss)
}

// Run runs args[0] with args[1:], its output discarded, and measures it. An
// exit status of 1 (annexlint's "findings") is success; any other non-zero
// status is an error unless anyStatus is set.
func Run(args []string, anyStatus bool) (Sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if errors.As(err, &exit) && (anyStatus || exit.ExitCode() == 1) {
		err = nil
	}
	if err != nil {
		return Sample{}, err
	}
	s := Sample{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.RSSKiB = ru.Maxrss
	}
	return s, nil
}

// Median is the median of d (the mean of the middle two for an even
// count); 0 for none. Times and ratios alike.
func Median[T ~int64 | ~float64](d []T) T {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// LoadAverage is the machine's load average over 1, 5 and 15 minutes, or
// "unknown" where /proc/loadavg cannot be read (not Linux, a sandbox).
func LoadAverage() string {
	load, err := os.ReadFile("/proc/loadavg")
	if fields := strings.Fields(string(load)); err == nil && len(fields) >= 3 {
		return strings.Join(fields[:3], " ")
	}
	return "unknown"
}
