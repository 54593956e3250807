package threatimport

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/internal/position"
)

// parseThreagile reads a Threagile file through docparse, like every other
// document. Native documents may not use YAML merge keys (<<), but
// Threagile's own example model teaches them, so when docparse refuses a
// file that has them it is read again here with the merges resolved. All
// other checks (encoding, duplicate keys, limits, one document) stay.
func parseThreagile(file string, data []byte, limits docparse.Limits) (valued, error) {
	doc, err := docparse.Parse(file, data, limits)
	if err == nil {
		return docValue{doc}, nil
	}
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || !utf8.Valid(data) || !hasMergeKey(data, limits) {
		return nil, err
	}
	md, err := parseMergeYAML(file, data, limits)
	if err != nil {
		return nil, err
	}
	return md, nil
}

// valued is a source whose parsed value the importer reads.
type valued interface {
	source
	value() any
}

type docValue struct{ *docparse.Doc }

func (d docValue) value() any { return d.Value }

// mergeDoc is a YAML file read with its merge keys resolved. Merged values
// keep the position where they are written, under the anchor.
type mergeDoc struct {
	file  string
	val   any
	index map[string]position.Pos
}

func (d *mergeDoc) value() any { return d.val }

// Pos works like docparse.Doc.Pos: the pointer's position or its nearest
// ancestor's.
func (d *mergeDoc) Pos(pointer string) position.Pos {
	for p := pointer; ; {
		if pos, ok := d.index[p]; ok {
			return pos
		}
		if p == "" {
			return position.Pos{File: d.file, Line: 1, Col: 1}
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			p = ""
			continue
		}
		p = p[:i]
	}
}

// hasMergeKey reports whether the YAML has a merge key anywhere, without
// following aliases.
func hasMergeKey(data []byte, limits docparse.Limits) bool {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return false
	}
	maxDepth := limits.MaxDepth
	if maxDepth <= 0 {
		maxDepth = docparse.DefaultMaxDepth
	}
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if depth > maxDepth {
			return false
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Kind == yaml.ScalarNode && n.Content[i].Tag == "!!merge" {
					return true
				}
			}
		}
		for _, c := range n.Content {
			if walk(c, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(&root, 0)
}

// maxAliasValues bounds values produced through aliases and merges, as
// docparse does, so an alias bomb stops early.
const maxAliasValues = 100_000

func parseMergeYAML(file string, data []byte, limits docparse.Limits) (*mergeDoc, error) {
	if limits.MaxDepth <= 0 {
		limits.MaxDepth = docparse.DefaultMaxDepth
	}
	if limits.MaxNodes <= 0 {
		limits.MaxNodes = docparse.DefaultMaxNodes
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		return nil, position.Errorf(position.Pos{File: file, Line: 1}, "invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var extra yaml.Node
	if dec.Decode(&extra) == nil {
		return nil, position.Errorf(position.Pos{File: file, Line: extra.Line, Col: extra.Column},
			"file holds more than one YAML document; put each document in its own file")
	}
	c := &mergeConv{file: file, limits: limits, index: map[string]position.Pos{}}
	n := &root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	c.index[""] = c.at(n)
	v, err := c.convert(n, "", 0)
	if err != nil {
		return nil, err
	}
	return &mergeDoc{file: file, val: v, index: c.index}, nil
}

type mergeConv struct {
	file                string
	limits              docparse.Limits
	nodes               int
	aliases, aliasNodes int
	index               map[string]position.Pos
}

func (c *mergeConv) at(n *yaml.Node) position.Pos {
	return position.Pos{File: c.file, Line: n.Line, Col: n.Column}
}

func (c *mergeConv) convert(n *yaml.Node, ptr string, depth int) (any, error) {
	if depth > c.limits.MaxDepth {
		return nil, position.Errorf(c.at(n), "nesting deeper than %d levels", c.limits.MaxDepth)
	}
	c.nodes++
	if c.aliases > 0 {
		c.aliasNodes++
	}
	if c.nodes > c.limits.MaxNodes || c.aliasNodes > maxAliasValues {
		return nil, position.Errorf(c.at(n), "YAML aliases expand to too many values (alias bomb?); write the content out instead")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.convert(n.Content[0], ptr, depth)
	case yaml.AliasNode:
		c.aliases++
		defer func() { c.aliases-- }()
		return c.convert(n.Alias, ptr, depth+1)
	case yaml.MappingNode:
		return c.mapping(n, ptr, depth)
	case yaml.SequenceNode:
		arr := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			child := docparse.Index(ptr, i)
			if _, seen := c.index[child]; !seen {
				c.index[child] = c.at(item)
			}
			v, err := c.convert(item, child, depth+1)
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

// mapping resolves merge keys as YAML 1.1 defines them: keys written in the
// mapping win over merged ones, and of several merged mappings the earlier
// wins.
func (c *mergeConv) mapping(n *yaml.Node, ptr string, depth int) (any, error) {
	obj := make(map[string]any, len(n.Content)/2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, position.Errorf(c.at(k), "mapping keys must be plain text, not a list or a mapping")
		}
		if k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if _, dup := obj[k.Value]; dup {
			return nil, position.Errorf(c.at(k), "duplicate key %q; each key may appear once per mapping", k.Value)
		}
		child := docparse.Pointer(ptr, k.Value)
		if _, seen := c.index[child]; !seen {
			c.index[child] = c.at(k)
		}
		val, err := c.convert(v, child, depth+1)
		if err != nil {
			return nil, err
		}
		obj[k.Value] = val
	}
	for _, m := range merges {
		sources := []*yaml.Node{m}
		if m.Kind == yaml.SequenceNode {
			sources = m.Content
		}
		for _, s := range sources {
			val, err := c.convert(s, ptr, depth+1)
			if err != nil {
				return nil, err
			}
			merged, ok := val.(map[string]any)
			if !ok {
				return nil, position.Errorf(c.at(s), "the value of a merge key (<<) must be a mapping or a list of mappings")
			}
			for k, v := range merged {
				if _, set := obj[k]; !set {
					obj[k] = v
				}
			}
		}
	}
	return obj, nil
}

// scalar maps YAML's resolved tags onto JSON types exactly as docparse does;
// timestamps stay text.
func (c *mergeConv) scalar(n *yaml.Node) (any, error) {
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
