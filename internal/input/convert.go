package input

import (
	"fmt"
	"runtime"

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
		if err := c.elements(x, terms, ptrs); err != nil {
			return nil, err
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

// elements converts the elements of list into terms and ptrs. A long list
// (the components of a large SBOM) is split in two, the second half
// converted on another core by a converter of its own: the values are the
// same (its keys are equal strings, made once more), and converting was
// the longest part of building a large bundle's input.
func (c *converter) elements(list []any, terms []ast.Term, ptrs []*ast.Term) error {
	half := len(list) / 2
	if len(list) < splitLength || runtime.GOMAXPROCS(0) < 2 {
		half = len(list)
	}
	var second chan error
	if half < len(list) {
		second = make(chan error, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					second <- panicked{r}
				}
			}()
			second <- newConverter().fill(list[half:], terms[half:], ptrs[half:])
		}()
	}
	err := c.fill(list[:half], terms[:half], ptrs[:half])
	if second != nil {
		secondErr := <-second
		if p, ok := secondErr.(panicked); ok {
			panic(p.value) // where the run recovers it as an internal error
		}
		if err == nil {
			err = secondErr
		}
	}
	return err
}

// splitLength is the shortest list elements converts on two cores.
const splitLength = 2048

// fill converts each element of list into the term at the same index.
func (c *converter) fill(list []any, terms []ast.Term, ptrs []*ast.Term) error {
	for i, e := range list {
		v, err := c.value(e)
		if err != nil {
			return err
		}
		terms[i].Value = v
		ptrs[i] = &terms[i]
	}
	return nil
}

// panicked carries a panic of the goroutine elements starts to its caller.
type panicked struct{ value any }

func (p panicked) Error() string { return fmt.Sprint("panic: ", p.value) }
