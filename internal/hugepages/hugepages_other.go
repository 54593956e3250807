//go:build !linux

package hugepages

// Reserve does nothing outside Linux: other systems decide about large
// pages without being asked.
func Reserve() {}
