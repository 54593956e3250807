package policycache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"testing"
	"time"
)

// The cache lives in ANNEXLINT_CACHE_DIR when set ("off" turns it off),
// else in the user cache directory (os.UserCacheDir()/annexlint). It holds
// only what annexlint compiled from its own embedded policies.
const (
	EnvDir = "ANNEXLINT_CACHE_DIR"
	// codecVersion changes whenever the encoding or the compiler settings
	// of the cached modules change, so no binary reads another's entries
	// by mistake (the binary's identity is in the key too).
	codecVersion = "annexlint-policy-cache 2"
	// maxEntry bounds what is read from one entry.
	maxEntry = 64 << 20
	// maxStore bounds the folder: every policy edit of a rule author and
	// every upgrade adds entries, and a cache must not grow without end.
	// Past it, Save removes the least recently written entries down to
	// half of it.
	maxStore = 256 << 20
)

var magic = []byte(codecVersion + "\n")

// Store reads and writes cache entries in one directory.
//
// An entry is trusted no more than the directory: the store refuses a
// directory or an entry that another user owns or that others may write
// (as OpenSSH refuses such key files), a link, and an entry whose checksum
// or encoding is wrong; any refusal means a normal compile. A user who can
// write the directory can change what annexlint evaluates, as one who can
// replace the binary can: keep it private (the store creates it 0700).
type Store struct {
	dir      string
	identity string
}

// Open returns the store of this binary, or nil when the cache is off or no
// cache directory can be found (a run then compiles as usual).
func Open() *Store {
	dir := os.Getenv(EnvDir)
	switch dir {
	case "off":
		return nil
	case "":
		if testing.Testing() {
			// A test binary is a new binary every build: its entries would
			// never be read again and would push the installed binary's out
			// of the user's folder. Tests that exercise the cache set EnvDir.
			return nil
		}
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "annexlint")
	}
	return &Store{dir: filepath.Join(dir, "policies"), identity: binaryIdentity()}
}

// binaryIdentity names the running binary: its build (module versions and
// VCS revision when recorded) and the executable file's size and time, so a
// rebuilt binary never reads entries of an older one.
func binaryIdentity() string {
	h := sha256.New()
	h.Write([]byte(codecVersion + "\x00" + runtime.Version() + "\x00"))
	if bi, ok := debug.ReadBuildInfo(); ok {
		h.Write([]byte(bi.String()))
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			h.Write([]byte("\x00" + exe + "\x00" + strconv.FormatInt(st.Size(), 10) + "\x00" + strconv.FormatInt(st.ModTime().UnixNano(), 10)))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Key is the entry name for a compile of the named modules (sorted) of the
// policy set with digest.
func (s *Store) Key(digest string, names []string) string {
	h := sha256.New()
	h.Write([]byte(s.identity + "\x00" + digest))
	for _, n := range names {
		h.Write([]byte("\x00" + n))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (s *Store) path(key string) string { return filepath.Join(s.dir, key+".bin") }

// Load returns the payload stored under key, or false.
func (s *Store) Load(key string) ([]byte, bool) {
	if s == nil || !private(s.dir, true) || !private(s.path(key), false) {
		return nil, false
	}
	f, err := os.Open(s.path(key))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	// Read in one piece of the file's size: io.ReadAll's doubling buffer
	// would allocate (and the kernel zero) twice the entry.
	st, err := f.Stat()
	if err != nil || st.Size() > maxEntry {
		return nil, false
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil || !bytes.HasPrefix(data, magic) || len(data) < len(magic)+sha256.Size {
		return nil, false
	}
	sum, payload := data[len(magic):len(magic)+sha256.Size], data[len(magic)+sha256.Size:]
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	// Pruning goes by modification time: an entry read is marked as used,
	// so the entries of the binary in use outlive those of older builds.
	now := time.Now()
	_ = os.Chtimes(s.path(key), now, now)
	return payload, true
}

// Save stores payload under key, atomically (a temporary file renamed into
// place). Failing to save only costs the next run a compile.
func (s *Store) Save(key string, payload []byte) error {
	if s == nil {
		return nil
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	if !private(s.dir, true) {
		return errors.New("the cache directory " + s.dir + " is not private to this user")
	}
	tmp, err := os.CreateTemp(s.dir, ".entry-*")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(payload)
	_, err = tmp.Write(append(append(append([]byte(nil), magic...), sum[:]...), payload...))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), s.path(key))
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	s.prune(maxStore)
	return nil
}

// prune removes the oldest entries (by modification time) while the folder's
// entries take more than limit bytes, down to half of it. Only files named
// as entries are touched.
func (s *Store) prune(limit int64) {
	dirEntries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	type entry struct {
		path string
		size int64
		time time.Time
	}
	var entries []entry
	var total int64
	for _, d := range dirEntries {
		if !d.Type().IsRegular() || filepath.Ext(d.Name()) != ".bin" {
			continue
		}
		info, err := d.Info()
		if err != nil {
			continue
		}
		entries = append(entries, entry{filepath.Join(s.dir, d.Name()), info.Size(), info.ModTime()})
		total += info.Size()
	}
	if total <= limit {
		return
	}
	sort.Slice(entries, func(i, j int) bool {
		if !entries[i].time.Equal(entries[j].time) {
			return entries[i].time.Before(entries[j].time)
		}
		return entries[i].path < entries[j].path
	})
	for _, e := range entries {
		if total <= limit/2 {
			return
		}
		if os.Remove(e.path) == nil {
			total -= e.size
		}
	}
}
