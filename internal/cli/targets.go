package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/annexlint/annexlint/internal/bundle"
)

// target is one bundle a run checks.
type target struct {
	// Dir is the bundle folder as reports name it: relative to the working
	// directory when the argument was relative, absolute otherwise.
	Dir string
	// Abs is its absolute, cleaned path: the identity used to check each
	// bundle once and to order them.
	Abs string
}

// resolveTargets maps the check command's arguments (any mix of bundle
// folders, folders inside a bundle and file names, as pre-commit passes
// them) to the bundles they belong to, each once, ordered by path. A file
// outside any bundle is skipped and listed in ignored; a folder outside any
// bundle, or a path that does not exist, is a usage error.
func resolveTargets(args []string) (targets []target, ignored []string, err error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	seen := map[string]bool{}
	for _, arg := range args {
		abs, err := filepath.Abs(arg)
		if err != nil {
			return nil, nil, fmt.Errorf("bundle %s: %w", arg, err)
		}
		st, err := os.Stat(abs)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, nil, fmt.Errorf("bundle %s: no such file or directory", arg)
			}
			return nil, nil, fmt.Errorf("bundle %s: %w", arg, err)
		}
		start := abs
		if !st.IsDir() {
			start = filepath.Dir(abs)
		}
		root, ok := findBundleRoot(start)
		if !ok {
			if st.IsDir() {
				return nil, nil, fmt.Errorf("bundle %s: no manifest found (looked for %s); nor in any folder above it", arg, strings.Join(bundle.ManifestNames, ", "))
			}
			ignored = append(ignored, arg)
			continue
		}
		// Two names of one folder (a symbolic link) are one bundle.
		id := root
		if real, err := filepath.EvalSymlinks(root); err == nil {
			id = real
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		targets = append(targets, target{Dir: displayDir(arg, abs, root), Abs: root})
	}
	sort.Slice(targets, func(i, j int) bool { return targets[i].Abs < targets[j].Abs })
	return targets, ignored, nil
}

// findBundleRoot searches dir and the folders above it for a manifest.
func findBundleRoot(dir string) (string, bool) {
	for d := dir; ; d = filepath.Dir(d) {
		// Any entry with a manifest's name marks the bundle, even one that
		// is not a readable file: the loader then says what is wrong with it.
		for _, name := range bundle.ManifestNames {
			if _, err := os.Lstat(filepath.Join(d, name)); err == nil {
				return d, true
			}
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// displayDir names the bundle root the way the user named its argument: the
// argument itself when it is the bundle folder, relative to the working
// directory when the argument was relative, absolute otherwise.
func displayDir(arg, argAbs, root string) string {
	if argAbs == root {
		return filepath.Clean(arg)
	}
	if filepath.IsAbs(arg) {
		return root
	}
	wd, err := os.Getwd()
	if err != nil {
		return root
	}
	rel, err := filepath.Rel(wd, root)
	if err != nil {
		return root
	}
	return rel
}
