package input

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// converter turns the generic documents into policy values as
// ast.InterfaceToValue does, but makes each object key once per input: the
// components of a large SBOM repeat the same twenty-odd keys thousands of
// times, and a fresh value for each was a good part of the policy input's
// allocations (and of the pages a run touches). Anything but the generic
// JSON types goes to ast.InterfaceToValue, so the values are the same
// (TestConverterMatchesInterfaceToValue).
type converter struct {
	keys map[string]ast.Value
}

func newConverter() *converter { return &converter{keys: map[string]ast.Value{}} }

func (c *converter) key(k string) ast.Value {
	v, ok := c.keys[k]
	if !ok {
		v = ast.String(k)
		c.keys[k] = v
	}
	return v
}

func (c *converter) value(x any) (ast.Value, error) {
	switch x := x.(type) {
	case []any:
		terms := make([]ast.Term, len(x))
		ptrs := make([]*ast.Term, len(x))
		for i, e := range x {
			v, err := c.value(e)
			if err != nil {
				return nil, err
			}
			terms[i].Value = v
			ptrs[i] = &terms[i]
		}
		return ast.NewArray(ptrs...), nil
	case map[string]any:
		terms := make([]ast.Term, 2*len(x))
		pairs := make([][2]*ast.Term, 0, len(x))
		i := 0
		for k, e := range x {
			v, err := c.value(e)
			if err != nil {
				return nil, err
			}
			terms[i].Value, terms[i+1].Value = c.key(k), v
			pairs = append(pairs, [2]*ast.Term{&terms[i], &terms[i+1]})
			i += 2
		}
		return ast.NewObject(pairs...), nil
	default:
		return ast.InterfaceToValue(x)
	}
}
