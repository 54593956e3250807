package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/atomicfile"
	"github.com/annexlint/annexlint/internal/bundle"
	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/schema"
	"github.com/annexlint/annexlint/internal/threatimport"
)

// importOptions are the flags of annexlint import.
type importOptions struct {
	output         string
	interfacesFrom string   // the bundle manifest whose interfaces the threats may name
	maps           []string // ELEMENT=IF-ID
	mapFile        string
}

func importCommand(stdout, stderr io.Writer) *cobra.Command {
	var opts importOptions
	cmd := &cobra.Command{
		Use:   "import MODEL",
		Short: "Convert a Threat Dragon v2 or Threagile model into a native security risk file",
		Long: `Convert an OWASP Threat Dragon v2 (JSON) or Threagile (YAML) threat model into annexlint's native
security risk file (YAML), which you then edit and list in the manifest as type security-risk-file.

annexlint check also reads such models directly; import is for when the risk file should become the
document you maintain. The format is told from the content. Fields the model does not hold and the
risk-file schema requires are listed on standard error. The output goes to standard output, or with
-o FILE to FILE, written atomically.

Neither tool knows the manifest's interface IDs. Map the model's elements (Threat Dragon data flows,
processes, actors and stores; Threagile technical assets, communication links and trust boundaries) onto
them with --interfaces-from BUNDLE/annexlint.yaml and --map ELEMENT=IF-ID (repeatable) or --map-file FILE
(a YAML or JSON mapping of ELEMENT to an interface ID or a list of them). ELEMENT is the element's ID in
the model, or its name when no other element has it. Each imported threat then names the interfaces of
the element it is on, so the interface coverage rule (AL-RISK-001) sees them. Elements left unmapped and
interfaces no threat names are listed on standard error.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return runImport(args[0], opts, stdout, stderr)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write the risk file to FILE (atomically) instead of standard output; - is standard output")
	cmd.Flags().StringVar(&opts.interfacesFrom, "interfaces-from", "", "the bundle manifest (annexlint.yaml) whose product.interfaces the imported threats may name")
	cmd.Flags().StringArrayVar(&opts.maps, "map", nil, "map a model element (ID, or unique name) onto a manifest interface: ELEMENT=IF-ID (repeatable; needs --interfaces-from)")
	cmd.Flags().StringVar(&opts.mapFile, "map-file", "", "YAML or JSON file mapping model elements to interface IDs (ELEMENT: IF-ID or [IF-ID, ...]; needs --interfaces-from)")
	return cmd
}

func runImport(model string, opts importOptions, stdout, stderr io.Writer) error {
	output := opts.output
	if (len(opts.maps) > 0 || opts.mapFile != "") && opts.interfacesFrom == "" {
		return errors.New("import: --map and --map-file need --interfaces-from BUNDLE/annexlint.yaml, so that every interface ID is checked against the manifest")
	}
	data, err := readImportInput("import", model)
	if err != nil {
		return err
	}
	format := threatimport.Detect(data)
	if format == threatimport.Native {
		return fmt.Errorf("import %s: not a Threat Dragon v2 or Threagile model (a native security risk file, or an unknown format); nothing to import", model)
	}
	name := filepath.ToSlash(model)
	m, err := threatimport.ImportModel(name, data, docparse.Limits{})
	if err != nil {
		return err
	}
	if err := mapInterfaces(m, opts, stderr); err != nil {
		return err
	}
	content := m.Content
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

// readImportInput reads a file named on the import command line: a regular
// file no larger than annexlint reads in a bundle.
func readImportInput(what, name string) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("%s %s: no such file or not readable", what, name)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s %s: not a regular file", what, name)
	}
	if st.Size() > bundle.DefaultMaxFileSize {
		return nil, fmt.Errorf("%s %s: %d bytes, more than the %d annexlint reads", what, name, st.Size(), bundle.DefaultMaxFileSize)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", what, name, err)
	}
	return data, nil
}

// mapInterfaces applies the --map and --map-file mapping to the imported
// threats and says on stderr what is left unmapped, and how to map it.
func mapInterfaces(m *threatimport.Model, opts importOptions, stderr io.Writer) error {
	var interfaces []threatimport.Interface
	if opts.interfacesFrom != "" {
		data, err := readImportInput("--interfaces-from", opts.interfacesFrom)
		if err != nil {
			return err
		}
		if interfaces, err = threatimport.ManifestInterfaces(filepath.ToSlash(opts.interfacesFrom), data); err != nil {
			return err
		}
	}
	mapper := threatimport.NewMapper(m, interfaces)
	if opts.mapFile != "" {
		data, err := readImportInput("--map-file", opts.mapFile)
		if err != nil {
			return err
		}
		if err := mapper.AddFile(filepath.ToSlash(opts.mapFile), data); err != nil {
			return err
		}
	}
	for _, pair := range opts.maps {
		i := strings.LastIndexByte(pair, '=')
		if i <= 0 || i == len(pair)-1 {
			return fmt.Errorf("--map %s: write ELEMENT=IF-ID, the element's ID or name in the model and the manifest interface's id", pair)
		}
		if err := mapper.Add(pair[:i], pair[i+1:]); err != nil {
			return fmt.Errorf("--map %s: %w", pair, err)
		}
	}
	m.MapInterfaces(mapper.Mapping)

	example := "IF-ID"
	if len(interfaces) > 0 {
		example = interfaces[0].ID
	}
	for _, e := range m.Elements {
		if len(mapper.Mapping[e.ID]) > 0 || e.ID == "" {
			continue
		}
		fmt.Fprintf(stderr, "annexlint: model element not mapped to a manifest interface: %s, %s; if it is one, map it with --map %s\n",
			e.Label(), threatCount(e.Threats), shellQuote(e.ID+"="+example))
	}
	if opts.interfacesFrom == "" {
		fmt.Fprintln(stderr, "annexlint: the imported threats name no interface; give --interfaces-from BUNDLE/annexlint.yaml and map the model's elements with --map or --map-file, or AL-RISK-001 reports every interface")
		return nil
	}
	for _, i := range m.Unnamed(interfaces) {
		fmt.Fprintf(stderr, "annexlint: interface %s (%s) is named by no imported threat; AL-RISK-001 reports it until a threat names it\n", i.ID, i.Name)
	}
	return nil
}

func threatCount(n int) string {
	switch n {
	case 0:
		return "no threats"
	case 1:
		return "1 threat"
	default:
		return fmt.Sprintf("%d threats", n)
	}
}

// shellQuote quotes s for a POSIX shell, so the suggested flag can be pasted
// whatever the element ID holds (Threagile link IDs hold ">").
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
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
