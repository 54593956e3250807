package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Digest identifies the policy set a run used: the SHA-256 over every
// non-test .rego module of the sources, taken in sorted order of the
// module names LoadModules gives them ("policies/annexlint/…", or the
// custom directory as given), each as its name, a NUL, the SHA-256 of its
// bytes and a newline. Two runs with the same digest evaluated the same
// rules; the audit report prints it on its cover. modules is how many
// modules the digest covers.
func Digest(sources []Source) (digest string, modules int, err error) {
	sums := map[string]string{}
	for _, src := range sources {
		err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || path.Ext(p) != ".rego" || strings.HasSuffix(p, "_test.rego") {
				return nil
			}
			data, err := fs.ReadFile(src.FS, p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			sums[src.Name+"/"+p] = hex.EncodeToString(sum[:])
			return nil
		})
		if err != nil {
			return "", 0, fmt.Errorf("digest policies from %s: %w", src.Name, err)
		}
	}
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		h.Write([]byte(n + "\x00" + sums[n] + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil)), len(names), nil
}
