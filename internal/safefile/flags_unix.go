//go:build unix

package safefile

import (
	"io/fs"
	"syscall"
)

// openFlags makes opening a named pipe return at once instead of waiting
// for a writer; for a regular file O_NONBLOCK changes nothing.
const openFlags = syscall.O_NONBLOCK

func hardLinks(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink) //nolint:unconvert // Nlink is uint32 on some platforms
	}
	return 1
}
