package hugepages

import (
	"os"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// Reserve marks the first Size bytes of the heap for transparent huge
// pages. Call it first thing in main, before other goroutines run: the
// block must be the next memory the heap takes from the system, and freed
// before the run allocates. It does nothing unless the kernel gives huge
// pages on request only (mode "madvise": in "always" the heap has them
// already, in "never" or without them the advice changes nothing and the
// block would cost a start-up for naught), nor when GODEBUG=disablethp asks
// Go not to use them. Nor where the block could be refused: on 32-bit
// systems, under a limit on the process's address space or data (ulimit -v,
// ulimit -d), when the kernel counts every writable mapping against a fixed
// limit (vm.overcommit_memory = 2), or on a machine whose memory and swap
// are less than twice the block (the kernel's default heuristic refuses a
// mapping larger than they are). Go stops a program that cannot map its
// heap, so the block must never be the allocation that fails.
func Reserve() {
	if strconv.IntSize < 64 || !madviseMode() || disabled(os.Getenv("GODEBUG")) || limited() || strictOvercommit() || smallMachine() {
		return
	}
	block := make([]byte, Size)
	// An error means the kernel cannot do it (no transparent huge pages);
	// the heap then stays on ordinary pages, as without Reserve.
	_ = unix.Madvise(block, unix.MADV_HUGEPAGE)
	// The block is not used again, so this collection frees it; freed now,
	// while the heap holds almost nothing else, its pages are the lowest
	// free ones and are handed out first.
	runtime.GC()
	reserved = Size
}

// limited reports whether the process's address space or data segment is
// bounded (RLIMIT_AS, RLIMIT_DATA: since Linux 4.7 the latter counts private
// writable mappings such as Go's heap); when it cannot tell, it assumes so.
func limited() bool {
	for _, resource := range []int{unix.RLIMIT_AS, unix.RLIMIT_DATA} {
		var limit unix.Rlimit
		if unix.Getrlimit(resource, &limit) != nil || limit.Cur != unix.RLIM_INFINITY {
			return true
		}
	}
	return false
}

// madviseMode reports whether the kernel gives transparent huge pages where
// a program asks for them and only there.
func madviseMode() bool {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && strings.Contains(string(mode), "[madvise]")
}

// smallMachine reports whether the machine's memory and swap are less than
// twice the block; when it cannot tell, it assumes so.
func smallMachine() bool {
	var info unix.Sysinfo_t
	if unix.Sysinfo(&info) != nil {
		return true
	}
	total := (uint64(info.Totalram) + uint64(info.Totalswap)) * uint64(info.Unit) //nolint:unconvert // the fields are uint32 on 32-bit systems
	return total < 2*Size
}

// strictOvercommit reports whether the kernel refuses mappings beyond a
// commit limit; when it cannot tell, it assumes so.
func strictOvercommit() bool {
	mode, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err != nil || strings.TrimSpace(string(mode)) == "2"
}

// disabled reports whether GODEBUG turns transparent huge pages off for the
// heap, read as the runtime reads it at start: settings left to right, the
// last one that parses as a number winning, any number but 0 turning them
// off. (A default compiled into the binary with a godebug directive would
// count too; annexlint sets none for disablethp.)
func disabled(godebug string) bool {
	disable := false
	for _, setting := range strings.Split(godebug, ",") {
		if value, ok := strings.CutPrefix(setting, "disablethp="); ok {
			if n, err := strconv.ParseInt(value, 10, 32); err == nil {
				disable = n != 0
			}
		}
	}
	return disable
}
