// Package safefile opens files in folders annexlint does not trust (a
// bundle, a custom policy folder) so that what is read is what was checked.
//
// Every open goes through an os.Root, which refuses paths and symbolic
// links that resolve outside the folder. The open itself does not block on
// a named pipe (O_NONBLOCK on Unix), and the checks are made on the opened
// file, not on the path beforehand: a path swapped for a FIFO or a device
// between a check and the open would otherwise hang the run or read
// without end.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Open opens name under root for reading and returns it only if it is a
// regular file with a single name (see hardLinks).
func Open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err == nil {
		err = Check(st)
	}
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// Check refuses anything but a regular file with one name.
func Check(st fs.FileInfo) error {
	if st.IsDir() {
		return errors.New("is a directory, expected a file")
	}
	if m := st.Mode(); !m.IsRegular() {
		what := "special file"
		switch {
		case m&fs.ModeNamedPipe != 0:
			what = "named pipe"
		case m&fs.ModeSocket != 0:
			what = "socket"
		case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
			what = "device"
		}
		return fmt.Errorf("is a %s, expected a regular file", what)
	}
	// A hard link is a second name for a file that may live anywhere on the
	// same file system (a secret outside the folder); unlike a symbolic link
	// nothing on the path shows where it leads, so it is refused outright.
	if n := hardLinks(st); n > 1 {
		return fmt.Errorf("is a hard link (the file has %d names), which may lead outside the folder; copy the file in instead", n)
	}
	return nil
}

// TooLargeError says a file is over the size limit.
type TooLargeError struct {
	Size, Limit int64 // Size is -1 when the file grew while being read
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("file is over the limit of %d bytes", e.Limit)
	}
	return fmt.Sprintf("file is %d bytes, over the limit of %d bytes", e.Size, e.Limit)
}

// ReadFile reads a regular file of at most limit bytes under root.
func ReadFile(root *os.Root, name string, limit int64) ([]byte, error) {
	data, _, err := ReadFileInfo(root, name, limit)
	return data, err
}

// ReadFileInfo is ReadFile that also returns the opened file's FileInfo,
// for telling one file reached by two names apart (os.SameFile).
func ReadFileInfo(root *os.Root, name string, limit int64) ([]byte, fs.FileInfo, error) {
	data, st, err := readFile(root, name, limit)
	if err != nil {
		return nil, nil, err
	}
	return data, st, nil
}

func readFile(root *os.Root, name string, limit int64) ([]byte, fs.FileInfo, error) {
	f, st, err := Open(root, name)
	if err != nil {
		return nil, nil, err
	}
	defer func() { _ = f.Close() }()
	if st.Size() > limit {
		return nil, nil, &TooLargeError{Size: st.Size(), Limit: limit}
	}
	data, err := readAll(f, st.Size(), limit)
	if err != nil {
		return nil, nil, err
	}
	return data, st, nil
}

// readAll reads r to its end into a buffer of the size the file had when
// opened, plus room for one byte more to see it grow; io.ReadAll starts at
// 512 bytes and grows as it goes, which for a 13 MB SBOM allocated about 60
// MB and copied the bytes many times over. More than limit bytes is a
// *TooLargeError (the file grew while being read).
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	data := make([]byte, 0, min(max(size, 0), limit)+1)
	for {
		if len(data) == cap(data) { // at most limit: checked after every read below
			data = append(data, 0)[:len(data)] // grew since opened: let append pick the room
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, &TooLargeError{Size: -1, Limit: limit}
		}
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// FS is a read-only fs.FS over root that reads files through ReadFile:
// regular files only, no links out of root, at most limit bytes each.
type FS struct {
	Root  *os.Root
	Limit int64
}

// Open implements fs.FS. Directories open as they are (for walking); any
// other file must pass Open's checks.
func (s FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if st, err := s.Root.Lstat(name); err == nil && st.IsDir() {
		return s.Root.FS().Open(name)
	}
	f, _, err := Open(s.Root, name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// ReadDir implements fs.ReadDirFS.
func (s FS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(s.Root.FS(), name)
}

// ReadFile implements fs.ReadFileFS with the size limit.
func (s FS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	data, err := ReadFile(s.Root, name, s.Limit)
	if err != nil && strings.Contains(err.Error(), "path escapes from parent") {
		err = errors.New("the path (or a symbolic link on it) leads outside the folder, which annexlint refuses to read")
	}
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}
