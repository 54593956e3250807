// Package atomicfile writes an output file so that readers see either the
// old content or the complete new content, never a partial file.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write creates path by writing to a temporary file in the same directory
// and renaming it into place. If fill fails (or panics), the temporary file
// is removed and any existing file at path is left untouched.
//
// Only regular files are replaced. An existing device, named pipe or socket
// (-o /dev/null, a common CI idiom; a pipe from the shell) is written into
// directly: renaming over it would replace the system's /dev/null with a
// regular file when run as root. A symbolic link is written through when it
// leads to such a file (/dev/stdout) and refused otherwise, since renaming
// would replace the link itself.
func Write(path string, perm os.FileMode, fill func(io.Writer) error) (err error) {
	if st, err := os.Lstat(path); err == nil {
		switch {
		case st.Mode()&os.ModeSymlink != 0:
			if target, err := os.Stat(path); err == nil && special(target.Mode()) {
				return writeInPlace(path, fill)
			}
			return fmt.Errorf("write %s: is a symbolic link; annexlint does not replace links, give the path of the file it leads to or remove the link", path)
		case special(st.Mode()):
			return writeInPlace(path, fill)
		case st.IsDir():
			return fmt.Errorf("write %s: is a directory", path)
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	renamed := false
	defer func() {
		// Keyed on the rename, not on err, so that a panic in fill does not
		// leave the temporary file behind either.
		if !renamed {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	renamed = true
	return nil
}

// special reports files that are not replaced but written into: devices,
// named pipes and sockets.
func special(m os.FileMode) bool {
	return m&(os.ModeDevice|os.ModeCharDevice|os.ModeNamedPipe|os.ModeSocket) != 0
}

// writeInPlace writes into an existing special file without creating or
// truncating anything.
func writeInPlace(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := fill(f); err != nil {
		_ = f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil && !errors.Is(err, os.ErrClosed) {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
