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
// before the run allocates. It does nothing when the kernel has no
// transparent huge pages or GODEBUG=disablethp=1 asks Go not to use them,
// and where the block could be refused: on 32-bit systems, under a limit
// on the process's address space (ulimit -v), or when the kernel counts
// every writable mapping against a fixed limit (vm.overcommit_memory = 2).
// Go stops a program that cannot map its heap, so the block must never be
// the allocation that fails.
func Reserve() {
	if strconv.IntSize < 64 || disabled(os.Getenv("GODEBUG")) || addressSpaceLimited() || strictOvercommit() {
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
}

// addressSpaceLimited reports whether the process's address space is
// bounded (RLIMIT_AS); when it cannot tell, it assumes so.
func addressSpaceLimited() bool {
	var limit unix.Rlimit
	return unix.Getrlimit(unix.RLIMIT_AS, &limit) != nil || limit.Cur != unix.RLIM_INFINITY
}

// strictOvercommit reports whether the kernel refuses mappings beyond a
// commit limit; when it cannot tell, it assumes so.
func strictOvercommit() bool {
	mode, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err != nil || strings.TrimSpace(string(mode)) == "2"
}

// disabled reports whether GODEBUG (Go's own setting, read the same way)
// turns transparent huge pages off for the heap.
func disabled(godebug string) bool {
	disable := false
	for _, setting := range strings.Split(godebug, ",") {
		if value, ok := strings.CutPrefix(strings.TrimSpace(setting), "disablethp="); ok {
			disable = value == "1" // the last setting wins, as in the runtime
		}
	}
	return disable
}
