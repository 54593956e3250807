//go:build !unix

package safefile

import "io/fs"

// openFlags is empty where there are no named pipes to block on.
const openFlags = 0

// hardLinks is not known here: os.FileInfo does not carry a link count
// outside Unix, so hard links are not detected.
func hardLinks(fs.FileInfo) uint64 { return 1 }
