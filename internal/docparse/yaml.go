package docparse

import (
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/position"
)

// yamlLineRe pulls the line number out of yaml.v3's error texts
// ("yaml: line 7: mapping values are not allowed in this context").
var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML reads one YAML document through yaml.v3's node tree, which is
// why that library was chosen: its Node carries line and column for every
// scalar, mapping key and sequence item.
func parseYAML(file string, data []byte, limits Limits) (any, *posNode, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	if err := dec.Decode(&root); err != nil {
		return nil, nil, yamlError(file, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, nil, position.Errorf(position.Pos{File: file, Line: extra.Line, Col: extra.Column},
			"file holds more than one YAML document; put each document in its own file")
	}
	c := &yamlConverter{file: file, limits: limits}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	c.index = newNode(position.Pos{Line: doc.Line, Col: doc.Column})
	v, err := c.convert(doc, c.index, 0)
	if err != nil {
		return nil, nil, err
	}
	return v, c.index, nil
}

func yamlError(file string, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return position.Errorf(position.Pos{File: file, Line: line}, "invalid YAML: %s", m[2])
	}
	return position.Errorf(position.Pos{File: file, Line: 1}, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

type yamlConverter struct {
	file   string
	limits Limits
	nodes  int
	index  *posNode
	// aliases is the alias nesting at the current node; aliasNodes counts
	// values produced through aliases, which real documents keep small.
	aliases, aliasNodes int
}

const maxAliasNodes = 100_000

func (c *yamlConverter) at(n *yaml.Node) position.Pos {
	return position.Pos{File: c.file, Line: n.Line, Col: n.Column}
}

func (c *yamlConverter) convert(n *yaml.Node, node *posNode, depth int) (any, error) {
	if depth > c.limits.MaxDepth {
		return nil, position.Errorf(c.at(n), "nesting deeper than %d levels", c.limits.MaxDepth)
	}
	// Every alias expansion counts, so a "billion laughs" file stops here
	// instead of exhausting memory.
	c.nodes++
	if c.aliases > 0 {
		c.aliasNodes++
	}
	switch {
	case c.aliasNodes > maxAliasNodes, c.nodes > c.limits.MaxNodes && c.aliasNodes > 0:
		return nil, position.Errorf(c.at(n), "YAML aliases expand to too many values (alias bomb?); write the content out instead")
	case c.nodes > c.limits.MaxNodes:
		return nil, position.Errorf(c.at(n), "more than %d values in one document; %s", c.limits.MaxNodes, raiseHint)
	case !c.limits.Budget.Take(1):
		return nil, position.Errorf(c.at(n), "%s", budgetMessage(c.limits.Budget))
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.convert(n.Content[0], node, depth)
	case yaml.AliasNode:
		c.aliases++
		defer func() { c.aliases-- }()
		return c.convert(n.Alias, node, depth+1)
	case yaml.MappingNode:
		return c.mapping(n, node, depth)
	case yaml.SequenceNode:
		arr := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			v, err := c.convert(item, node.item(i, c.at(item)), depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		return arr, nil
	case yaml.ScalarNode:
		return c.scalar(n)
	default:
		return nil, position.Errorf(c.at(n), "unsupported YAML node")
	}
}

func (c *yamlConverter) mapping(n *yaml.Node, node *posNode, depth int) (any, error) {
	obj := make(map[string]any, len(n.Content)/2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, position.Errorf(c.at(k), "mapping keys must be plain text, not a list or a mapping")
		}
		if k.Tag == "!!merge" {
			if !c.limits.MergeKeys {
				return nil, position.Errorf(c.at(k), "YAML merge keys (<<) are not supported; write the keys out")
			}
			merges = append(merges, v)
			continue
		}
		key := k.Value
		if _, dup := obj[key]; dup {
			return nil, position.Errorf(c.at(k), "duplicate key %q; each key may appear once per mapping", key)
		}
		val, err := c.convert(v, node.member(key, c.at(k)), depth+1)
		if err != nil {
			return nil, err
		}
		obj[key] = val
	}
	return obj, c.merge(obj, merges, node, depth)
}

// merge adds the keys of merged mappings that the mapping does not set
// itself; with a list of mappings, earlier ones win. Merged values keep the
// position where the anchor writes them.
func (c *yamlConverter) merge(obj map[string]any, merges []*yaml.Node, node *posNode, depth int) error {
	for _, m := range merges {
		sources := []*yaml.Node{m}
		if r := resolveAlias(m); r.Kind == yaml.SequenceNode {
			sources = r.Content
		}
		for _, src := range sources {
			if resolveAlias(src).Kind != yaml.MappingNode {
				return position.Errorf(c.at(src), "a merge key (<<) needs a mapping or a list of mappings")
			}
			val, err := c.convert(src, node, depth)
			if err != nil {
				return err
			}
			for key, x := range val.(map[string]any) {
				if _, set := obj[key]; !set {
					obj[key] = x
				}
			}
		}
	}
	return nil
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// scalar maps YAML's resolved tags onto JSON types. Timestamps stay strings:
// dates in technical documentation are compared as ISO 8601 text.
func (c *yamlConverter) scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return nil, position.Errorf(c.at(n), "invalid boolean %q", n.Value)
		}
		return b, nil
	case "!!int":
		var i int64
		if err := n.Decode(&i); err != nil {
			var u uint64
			if err2 := n.Decode(&u); err2 != nil {
				return nil, position.Errorf(c.at(n), "integer %q is out of range", n.Value)
			}
			return json.Number(strconv.FormatUint(u, 10)), nil
		}
		return json.Number(strconv.FormatInt(i, 10)), nil
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, position.Errorf(c.at(n), "number %q cannot be represented in JSON", n.Value)
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	default:
		return n.Value, nil
	}
}
