package cli

import (
	"bytes"

	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/sbom"
)

// RegisterFormats installs the readers of non-native document formats.
func RegisterFormats(l *bundle.Loader) {
	l.Register("sbom", readSBOM)
}

// readSBOM normalises any supported SBOM format; findings point at the
// component in the original file through the model's loc fields.
func readSBOM(file string, data []byte, limits docparse.Limits) (any, bundle.Locator, error) {
	s, err := sbom.Parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	content, err := bundle.Generic(s)
	if err != nil {
		return nil, nil, err
	}
	var raw *docparse.Doc
	if trimmed := bytes.TrimLeft(data, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '{' {
		raw = docparse.Locate(file, data, limits)
	}
	return content, bundle.ModelLocator{File: file, Content: content, Raw: raw}, nil
}
