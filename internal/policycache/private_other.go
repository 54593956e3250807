//go:build !unix

package policycache

import "os"

// private reports whether path is a directory (dir) or a regular file and
// not a link. Ownership is left to the user cache directory's ACLs here.
func private(path string, dir bool) bool {
	st, err := os.Lstat(path)
	return err == nil && st.Mode()&os.ModeSymlink == 0 && st.IsDir() == dir && (dir || st.Mode().IsRegular())
}
