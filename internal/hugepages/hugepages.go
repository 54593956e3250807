// Package hugepages lets a short run's heap live on transparent huge pages
// where Linux gives them only on request.
//
// A check allocates most of its memory once and briefly, so each fresh 4 KiB
// page costs a page fault, and on a virtual machine a fault costs several
// microseconds: on the istio SBOM (3,461 packages) a run took some 21,000
// faults and 150 ms of system time, more than any stage of its own. With the
// kernel's transparent huge pages in "madvise" mode (Debian's and Ubuntu's
// default) memory is handed out 2 MiB at a time only where a program asked
// for it, and Go's runtime does not ask for its heap. Reserve asks for the
// first part of the heap: it allocates a block, marks it for huge pages and
// frees it again before anything else is allocated, so the allocator carves
// the run's objects out of it (docs/performance.md, "Huge pages").
package hugepages

// Size is the part of the heap Reserve marks. The block is never written
// by Reserve, so it costs address space, not memory: only the pages the run
// then touches are backed, a huge page each. A small check uses some 30 MiB
// of heap, the istio SBOM about 100 MiB, 10,000 components about 180 MiB;
// beyond Size the heap grows on ordinary pages as it always did. Marking
// more costs more at every start (about 2 ms for 512 MiB, 4 ms for 1 GiB,
// most of it the allocator's bookkeeping), while the 10,000-component check
// took 712 ms with 256 MiB and 636 ms with 512 MiB.
const Size = 512 << 20

// reserved is Size once Reserve has marked the block, 0 before or when it
// did nothing.
var reserved int64

// Reserved is how much of the heap Reserve marked: Size, or 0 when it did
// nothing. The runtime holds that much memory it does not use until its
// scavenger returns it, which Go's memory limit counts.
func Reserved() int64 { return reserved }
