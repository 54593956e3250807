//go:build unix

package policycache

import (
	"os"
	"syscall"
)

// private reports whether path is a directory (dir) or a regular file, not
// a link, owned by this user and not writable by group or others.
func private(path string, dir bool) bool {
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&os.ModeSymlink != 0 || st.IsDir() != dir || (!dir && !st.Mode().IsRegular()) {
		return false
	}
	if st.Mode().Perm()&0o022 != 0 {
		return false
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	return ok && int(sys.Uid) == os.Getuid()
}
