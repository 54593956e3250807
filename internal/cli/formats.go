package cli

import "github.com/annexlint/annexlint/internal/bundle"

// RegisterFormats installs the readers of non-native document formats.
func RegisterFormats(l *bundle.Loader) {
	_ = l
}
