package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/atomicfile"
	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/schema"
	"github.com/annexlint/annexlint/internal/threatimport"
)

func importCommand(stdout, stderr io.Writer) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "import MODEL",
		Short: "Convert a Threat Dragon v2 or Threagile model into a native security risk file",
		Long: `Convert an OWASP Threat Dragon v2 (JSON) or Threagile (YAML) threat model into annexlint's native
security risk file (YAML), which you then edit and list in the manifest as type security-risk-file.

annexlint check also reads such models directly; import is for when the risk file should become the
document you maintain. The format is told from the content. Fields the model does not hold and the
risk-file schema requires are listed on standard error. The output goes to standard output, or with
-o FILE to FILE, written atomically.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return runImport(args[0], output, stdout, stderr)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the risk file to FILE (atomically) instead of standard output; - is standard output")
	return cmd
}

func runImport(model, output string, stdout, stderr io.Writer) error {
	st, err := os.Stat(model)
	if err != nil {
		return fmt.Errorf("import %s: no such file or not readable", model)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("import %s: not a regular file", model)
	}
	if st.Size() > bundle.DefaultMaxFileSize {
		return fmt.Errorf("import %s: %d bytes, more than the %d annexlint reads", model, st.Size(), bundle.DefaultMaxFileSize)
	}
	data, err := os.ReadFile(model)
	if err != nil {
		return fmt.Errorf("import %s: %w", model, err)
	}
	format := threatimport.Detect(data)
	if format == threatimport.Native {
		return fmt.Errorf("import %s: not a Threat Dragon v2 or Threagile model (a native security risk file, or an unknown format); nothing to import", model)
	}
	name := filepath.ToSlash(model)
	content, _, err := threatimport.Import(name, data, docparse.Limits{})
	if err != nil {
		return err
	}
	out, err := riskFileYAML(content, fmt.Sprintf("# Security risk file imported by annexlint import from %s (%s).\n"+
		"# Edit it here from now on, and list it in annexlint.yaml as type security-risk-file.\n", filepath.Base(model), format))
	if err != nil {
		return err
	}
	vs, err := schema.New().Validate("security-risk-file", content)
	if err != nil {
		return err
	}
	for _, v := range vs {
		fmt.Fprintf(stderr, "annexlint: imported risk file, to complete: %s\n", v.Message)
	}
	if output == "" || output == "-" {
		_, err := stdout.Write(out)
		return err
	}
	if err := atomicfile.Write(output, 0o644, func(w io.Writer) error { _, err := w.Write(out); return err }); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "annexlint: wrote %s from %s (%s)\n", output, model, format)
	return nil
}

// riskFileYAML renders content as YAML, keys in a fixed order (see
// orderKeys), so the output is the same on every run.
func riskFileYAML(content map[string]any, header string) ([]byte, error) {
	var node yaml.Node
	if err := node.Encode(content); err != nil {
		return nil, fmt.Errorf("encode risk file: %w", err)
	}
	if node.Kind != yaml.MappingNode {
		return nil, errors.New("encode risk file: not a mapping")
	}
	orderKeys(&node)
	var buf bytes.Buffer
	buf.WriteString(header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&node); err != nil {
		return nil, fmt.Errorf("encode risk file: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode risk file: %w", err)
	}
	return buf.Bytes(), nil
}

// keyRank puts the keys a reader looks for first ahead of the others, which
// follow in sorted order.
var keyRank = map[string]int{"kind": 1, "id": 2, "name": 3, "title": 4}

// orderKeys sorts the keys of every mapping under n: kind, id, name and
// title first, then the rest alphabetically.
func orderKeys(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		type pair struct{ k, v *yaml.Node }
		pairs := make([]pair, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
		}
		sort.SliceStable(pairs, func(i, j int) bool {
			ri, rj := keyRank[pairs[i].k.Value], keyRank[pairs[j].k.Value]
			if ri == 0 {
				ri = len(keyRank) + 1
			}
			if rj == 0 {
				rj = len(keyRank) + 1
			}
			if ri != rj {
				return ri < rj
			}
			return pairs[i].k.Value < pairs[j].k.Value
		})
		n.Content = n.Content[:0]
		for _, p := range pairs {
			n.Content = append(n.Content, p.k, p.v)
		}
	}
	for _, c := range n.Content {
		orderKeys(c)
	}
}
