package hugepages

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestDisabled(t *testing.T) {
	for _, tc := range []struct {
		godebug string
		want    bool
	}{
		{"", false},
		{"disablethp=1", true},
		{"disablethp=0", false},
		{"madvdontneed=1,disablethp=1", true},
		{" disablethp=1 , gctrace=1", false}, // the runtime does not trim: " disablethp" is another name
		{"disablethp=1 ", false},             // nor parse "1 " as a number: the setting is ignored
		{"disablethp=2", true},
		{"disablethp=01", true},
		{"disablethp=1,disablethp=x", true}, // a value that does not parse leaves the earlier one
		{"disablethp=1,disablethp=0", false},
		{"xdisablethp=1", false},
		{"gctrace=1", false},
		{"disablethp=1,madvdontneed=0,x", true},
	} {
		if got := disabled(tc.godebug); got != tc.want {
			t.Errorf("disabled(%q) = %v, want %v", tc.godebug, got, tc.want)
		}
	}
}

// childEnv makes the test binary a child that allocates a run's worth of
// small objects, with or without Reserve first, and prints how much of its
// memory is on huge pages. A child, because Reserve must come before the
// heap holds anything, which a test process's heap already does.
const childEnv = "ANNEXLINT_HUGEPAGES_CHILD"

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		switch mode {
		case "reserve":
			Reserve()
		case "limited", "data-limited": // a bounded address space or data segment, however roomy
			resource := unix.RLIMIT_AS
			if mode == "data-limited" {
				resource = unix.RLIMIT_DATA
			}
			limit := unix.Rlimit{Cur: 64 << 30, Max: 64 << 30}
			if err := unix.Setrlimit(resource, &limit); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			Reserve()
		}
		live := make([][]byte, 0, 1<<20)
		for range 1 << 20 { // 64 MiB in objects of 64 bytes, as a check allocates
			live = append(live, make([]byte, 64))
		}
		kib, err := anonHugePages()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Println(kib, Reserved(), len(live))
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestReserveBacksTheHeapWithHugePages: where the kernel gives huge pages
// only on request, a heap reserved by Reserve is on huge pages and one not
// reserved is not. This is what the speed-up rests on (docs/performance.md).
func TestReserveBacksTheHeapWithHugePages(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		t.Skipf("transparent huge pages are not in madvise mode here (%q, %v)", mode, err)
	}
	if disabled(os.Getenv("GODEBUG")) {
		t.Skip("GODEBUG=disablethp=1 is set")
	}
	plain, reserved, limited := childHugePages(t, "plain"), childHugePages(t, "reserve"), childHugePages(t, "limited")
	t.Logf("AnonHugePages: %d KiB without Reserve, %d KiB with it, %d KiB with it under ulimit -v", plain, reserved, limited)
	if reserved < plain+32<<10 {
		t.Errorf("with Reserve %d KiB of the heap are on huge pages, without it %d KiB: want at least 32 MiB more", reserved, plain)
	}
	// Under an address-space or data limit Reserve leaves the heap alone:
	// the block could be the allocation that fails.
	if limited > plain+8<<10 {
		t.Errorf("under ulimit -v Reserve should do nothing, but %d KiB of the heap are on huge pages (%d KiB without Reserve)", limited, plain)
	}
	if dataLimited := childHugePages(t, "data-limited"); dataLimited > plain+8<<10 {
		t.Errorf("under ulimit -d Reserve should do nothing, but %d KiB of the heap are on huge pages (%d KiB without Reserve)", dataLimited, plain)
	}
}

// childHugePages runs a child in mode and returns its heap's KiB on huge
// pages; it fails the test when Reserved does not say whether Reserve
// marked the block (Size in mode "reserve", 0 otherwise).
func childHugePages(t *testing.T, mode string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child (%s): %v", mode, err)
	}
	fields := strings.Fields(string(out))
	kib, err := strconv.Atoi(fields[0])
	if err != nil || len(fields) < 2 {
		t.Fatalf("child (%s) printed %q", mode, out)
	}
	want := "0"
	if mode == "reserve" {
		want = strconv.Itoa(Size)
	}
	if fields[1] != want {
		t.Errorf("child (%s): Reserved() = %s, want %s", mode, fields[1], want)
	}
	return kib
}

var anonHugeLine = regexp.MustCompile(`(?m)^AnonHugePages:\s+(\d+) kB$`)

// anonHugePages is the process's anonymous memory on huge pages, in KiB.
func anonHugePages() (int, error) {
	data, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		return 0, err
	}
	m := anonHugeLine.FindSubmatch(data)
	if m == nil {
		return 0, fmt.Errorf("no AnonHugePages line in /proc/self/smaps_rollup")
	}
	return strconv.Atoi(string(m[1]))
}
