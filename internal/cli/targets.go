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
//
// With recursive, every bundle below each folder argument is checked too
// (findBundlesBelow); a folder argument then needs a bundle at, above or
// below it.
func resolveTargets(args []string, recursive bool) (targets []target, ignored []string, err error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	seen := map[string]bool{}
	add := func(arg, abs, root string) {
		// Two names of one folder (a symbolic link) are one bundle.
		id := root
		if real, err := filepath.EvalSymlinks(root); err == nil {
			id = real
		}
		if seen[id] {
			return
		}
		seen[id] = true
		targets = append(targets, target{Dir: displayDir(arg, abs, root), Abs: root})
	}
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
		if recursive && st.IsDir() {
			below, err := findBundlesBelow(arg, abs)
			if err != nil {
				return nil, nil, err
			}
			if !ok && len(below) == 0 {
				return nil, nil, fmt.Errorf("bundle %s: no manifest found (looked for %s) in it, in any folder below it or above it", arg, strings.Join(bundle.ManifestNames, ", "))
			}
			if ok {
				add(arg, abs, root)
			}
			for _, b := range below {
				add(arg, abs, b)
			}
			continue
		}
		if !ok {
			if st.IsDir() {
				return nil, nil, fmt.Errorf("bundle %s: no manifest found (looked for %s); nor in any folder above it", arg, strings.Join(bundle.ManifestNames, ", "))
			}
			ignored = append(ignored, arg)
			continue
		}
		add(arg, abs, root)
	}
	sort.Slice(targets, func(i, j int) bool { return targets[i].Abs < targets[j].Abs })
	return targets, ignored, nil
}

// skippedFolders are never searched by --recursive: version-control data
// and the dependency trees of package managers, which may hold a manifest
// of someone else's project but never a bundle of this one.
var skippedFolders = map[string]bool{".git": true, "node_modules": true, "vendor": true}

// findBundlesBelow lists the folders strictly below abs (the argument arg,
// an existing folder) that hold a manifest, as --recursive checks them.
// Hidden folders and skippedFolders are not entered, nor are symbolic links
// to folders: one pointing into the tree would name a bundle twice, one
// pointing out of it would check what the user did not name. A bundle
// inside a bundle is a bundle of its own: each manifest is checked with the
// documents it lists, whatever folder holds it. A folder that cannot be
// read is an error, not a silent gap in the search.
func findBundlesBelow(arg, abs string) ([]string, error) {
	var found []string
	// The trailing separator makes the walk enter abs even when the
	// argument itself is a symbolic link to a folder: the user named it.
	err := filepath.WalkDir(abs+string(filepath.Separator), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("bundle %s: searching %s: %w", arg, p, err)
		}
		if !d.IsDir() {
			return nil
		}
		p = filepath.Clean(p)
		if p == abs {
			return nil
		}
		name := d.Name()
		if skippedFolders[name] || strings.HasPrefix(name, ".") {
			return filepath.SkipDir
		}
		for _, m := range bundle.ManifestNames {
			if _, err := os.Lstat(filepath.Join(p, m)); err == nil {
				found = append(found, p)
				break
			}
		}
		return nil
	})
	return found, err
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
