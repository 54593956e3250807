package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
)

// Digest identifies the policy set a run used: the SHA-256 over every
// non-test .rego module of the sources, taken in sorted order of the
// module names LoadModules gives them ("policies/annexlint/…", or the
// custom directory as given), each as its name, a NUL, the SHA-256 of its
// bytes and a newline. Two runs with the same digest evaluated the same
// rules; the audit report prints it on its cover. modules is how many
// modules the digest covers.
func Digest(sources []Source) (digest string, modules int, err error) {
	set, err := Read(sources, false)
	if err != nil {
		return "", 0, err
	}
	digest, modules = set.Digest()
	return digest, modules, nil
}

// Digest is the set's digest as Digest describes it, over the bytes the
// set holds: the ones Compile compiles.
func (s *Set) Digest() (digest string, modules int) {
	if s.digest == nil { // a Set not made by Read
		return s.computeDigest()
	}
	return s.digest()
}

func (s *Set) computeDigest() (digest string, modules int) {
	sums := make(map[string]string, len(s.files))
	for _, f := range s.files {
		sum := sha256.Sum256(f.data)
		sums[f.name] = hex.EncodeToString(sum[:])
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
	return hex.EncodeToString(h.Sum(nil)), len(names)
}
