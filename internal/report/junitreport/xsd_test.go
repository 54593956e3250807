package junitreport_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// xsdNode is an element of the schema file.
type xsdNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []xsdNode  `xml:",any"`
}

func (n xsdNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// elementRule is what the schema allows for one element.
type elementRule struct {
	attrs    map[string]string // attribute name -> type
	required map[string]bool
	children map[string]bool
	text     bool // mixed content or a simple type
}

// schemaRules reads testdata/junit-10.xsd into a rule per global element.
// Every content model of that schema is a choice or a sequence of optional
// elements, repeated or not, and the writer emits each child at most once
// per parent where the schema says so: so "which children, which
// attributes (which of them required), text or not" is the whole of what
// the schema checks for the documents this package writes. Anything the
// reader does not understand (an attribute type other than xs:string, a
// named simple type in use) fails the validation rather than passing it.
func schemaRules(t *testing.T) map[string]*elementRule {
	t.Helper()
	data, err := os.ReadFile("testdata/junit-10.xsd")
	if err != nil {
		t.Fatal(err)
	}
	var schema xsdNode
	if err := xml.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	types := map[string]xsdNode{}
	for _, n := range schema.Nodes {
		if n.XMLName.Local == "complexType" {
			types[n.attr("name")] = n
		}
	}
	rules := map[string]*elementRule{}
	var walk func(r *elementRule, n xsdNode)
	walk = func(r *elementRule, n xsdNode) {
		switch n.XMLName.Local {
		case "complexType":
			if n.attr("mixed") == "true" {
				r.text = true
			}
		case "attribute":
			r.attrs[n.attr("name")] = n.attr("type")
			if n.attr("use") == "required" {
				r.required[n.attr("name")] = true
			}
			return
		case "element":
			name := n.attr("ref")
			if name == "" {
				name = n.attr("name")
			}
			r.children[name] = true
			return
		}
		for _, c := range n.Nodes {
			walk(r, c)
		}
	}
	for _, n := range schema.Nodes {
		if n.XMLName.Local != "element" {
			continue
		}
		r := &elementRule{attrs: map[string]string{}, required: map[string]bool{}, children: map[string]bool{}}
		switch typ := n.attr("type"); {
		case typ == "xs:string":
			r.text = true
		case typ != "":
			walk(r, types[typ])
		}
		for _, c := range n.Nodes {
			walk(r, c)
		}
		rules[n.attr("name")] = r
	}
	return rules
}

// validate checks an XML document against the rules, with the root
// testsuites (the schema allows testsuite too; annexlint writes the list);
// it returns every violation.
func validate(rules map[string]*elementRule, doc []byte) []string {
	const root = "testsuites"
	var errs []string
	dec := xml.NewDecoder(bytes.NewReader(doc))
	type open struct {
		name string
		rule *elementRule
	}
	var stack []open
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return append(errs, "not well-formed: "+err.Error())
		}
		line, _ := dec.InputPos()
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			r, ok := rules[name]
			switch {
			case !ok:
				errs = append(errs, fmt.Sprintf("line %d: element %s is not in the schema", line, name))
			case len(stack) == 0 && name != root:
				errs = append(errs, fmt.Sprintf("line %d: root %s, want %s", line, name, root))
			case len(stack) > 0 && (stack[len(stack)-1].rule == nil || !stack[len(stack)-1].rule.children[name]):
				errs = append(errs, fmt.Sprintf("line %d: %s may not hold %s", line, stack[len(stack)-1].name, name))
			}
			if r != nil {
				seen := map[string]bool{}
				for _, a := range tok.Attr {
					typ, ok := r.attrs[a.Name.Local]
					switch {
					case !ok || a.Name.Space != "":
						errs = append(errs, fmt.Sprintf("line %d: %s has no attribute %s", line, name, a.Name.Local))
					case typ != "xs:string":
						errs = append(errs, fmt.Sprintf("line %d: %s@%s has type %s, which this check does not read", line, name, a.Name.Local, typ))
					}
					seen[a.Name.Local] = true
				}
				for req := range r.required {
					if !seen[req] {
						errs = append(errs, fmt.Sprintf("line %d: %s lacks the required attribute %s", line, name, req))
					}
				}
			}
			stack = append(stack, open{name, r})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && strings.TrimSpace(string(tok)) != "" && (stack[len(stack)-1].rule == nil || !stack[len(stack)-1].rule.text) {
				errs = append(errs, fmt.Sprintf("line %d: %s may not hold text", line, stack[len(stack)-1].name))
			}
		}
	}
	return errs
}

// TestValidatorRejects: the check fails documents the schema rejects, so a
// pass means something.
func TestValidatorRejects(t *testing.T) {
	rules := schemaRules(t)
	ok := `<testsuites name="a"><testsuite name="s" tests="1" failures="0" errors="0" skipped="1"><properties><property name="p" value="v"/></properties><testcase name="c" classname="k"><skipped message="m"/></testcase></testsuite></testsuites>`
	if errs := validate(rules, []byte(ok)); len(errs) != 0 {
		t.Fatalf("a valid document is rejected: %v", errs)
	}
	for name, doc := range map[string]string{
		"missing failures":       `<testsuites><testsuite name="s" tests="1" errors="0"/></testsuites>`,
		"skipped on testsuites":  `<testsuites skipped="1"/>`,
		"text in a testcase":     `<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c">x</testcase></testsuite></testsuites>`,
		"unknown element":        `<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c"><note/></testcase></testsuite></testsuites>`,
		"testcase outside suite": `<testsuites><testcase name="c"/></testsuites>`,
		"testcase without name":  `<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase/></testsuite></testsuites>`,
		"time is not read":       `<testsuites time="1.5"/>`,
		"wrong root":             `<testsuite name="s" tests="1" failures="0" errors="0"/>`,
	} {
		if errs := validate(rules, []byte(doc)); len(errs) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
}
