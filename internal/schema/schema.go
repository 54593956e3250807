// Package schema validates native bundle documents against the JSON Schemas
// embedded from schemas/, with gojsonschema (draft-07). Each schema is
// compiled once, on first use.
package schema

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	"github.com/annexlint/annexlint/internal/docparse"
	"github.com/annexlint/annexlint/schemas"
)

// Violation is one schema error: where in the document and what is wrong.
type Violation struct {
	Pointer string
	Message string
}

// Validator holds compiled schemas by document type.
type Validator struct {
	mu       sync.Mutex
	compiled map[string]*gojsonschema.Schema
}

// New returns a validator over the embedded schemas.
func New() *Validator { return &Validator{compiled: map[string]*gojsonschema.Schema{}} }

// Known reports whether a schema exists for the document type.
func Known(docType string) bool {
	_, err := schemas.FS.Open(docType + ".schema.json")
	return err == nil
}

func (v *Validator) schema(docType string) (*gojsonschema.Schema, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if s, ok := v.compiled[docType]; ok {
		return s, nil
	}
	raw, err := schemas.FS.ReadFile(docType + ".schema.json")
	if err != nil {
		return nil, fmt.Errorf("no schema for document type %q", docType)
	}
	s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(raw))
	if err != nil {
		return nil, fmt.Errorf("compile schema %s: %w", docType, err)
	}
	v.compiled[docType] = s
	return s, nil
}

// Validate checks value (as produced by docparse) against the schema of
// docType and returns violations sorted by pointer and message.
func (v *Validator) Validate(docType string, value any) ([]Violation, error) {
	s, err := v.schema(docType)
	if err != nil {
		return nil, err
	}
	res, err := s.Validate(gojsonschema.NewGoLoader(value))
	if err != nil {
		return nil, fmt.Errorf("validate %s: %w", docType, err)
	}
	out := make([]Violation, 0, len(res.Errors()))
	for _, e := range res.Errors() {
		// A failed if/then or allOf is reported with the failing sub-schema's
		// own errors beside it; the combinator's summary only adds noise.
		switch e.Type() {
		case "condition_then", "condition_else", "number_all_of":
			continue
		}
		out = append(out, violation(e))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pointer != out[j].Pointer {
			return out[i].Pointer < out[j].Pointer
		}
		return out[i].Message < out[j].Message
	})
	return out, nil
}

// sep cannot occur in JSON keys written by people, so splitting the
// context on it is unambiguous even for keys that contain dots.
const sep = "\x1f"

func violation(e gojsonschema.ResultError) Violation {
	tokens := strings.Split(e.Context().String(sep), sep)
	ptr := ""
	human := make([]string, 0, len(tokens))
	for _, t := range tokens[1:] { // tokens[0] is "(root)"
		ptr = docparse.Pointer(ptr, t)
		human = append(human, t)
	}
	where := "document root"
	if len(human) > 0 {
		where = strings.Join(human, ".")
	}
	// gojsonschema starts most descriptions with the field path, which the
	// message already gives.
	msg := strings.TrimPrefix(e.Description(), e.Field()+" ")
	switch e.Type() {
	case "required":
		msg = fmt.Sprintf("required field %q is missing", e.Details()["property"])
	case "additional_property_not_allowed":
		msg = fmt.Sprintf("field %q is not part of this document type (misspelt?)", e.Details()["property"])
		ptr = docparse.Pointer(ptr, fmt.Sprint(e.Details()["property"]))
	}
	return Violation{Pointer: ptr, Message: where + ": " + msg}
}
