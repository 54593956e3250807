package scaffold

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// TestAskFillsWhatIsMissing: a terminal session answers the questions for
// the options not given; a wrong answer is explained and asked again, an
// empty one takes the default, and an empty line ends the interfaces.
func TestAskFillsWhatIsMissing(t *testing.T) {
	t.Parallel()
	o := Options{Product: "Given by flag"}
	answers := strings.Join([]string{
		"1.2.0",            // version
		"",                 // manufacturer: left as a TODO marker
		"mdd",              // framework: wrong, asked again
		"mdr",              // framework
		"iib",              // class, any case
		"",                 // markets: default EU
		"important",        // NIS2
		"2027-13-01",       // placed on the market: not a date, asked again
		"2027-03-01",       // placed on the market
		"2035-12-31",       // end of support
		"IF-WIFI:radio",    // interface: unknown type, asked again
		"IF-WIFI:WIRELESS", // interface
		"",                 // end of the list
	}, "\n") + "\n"
	var out bytes.Buffer
	if err := Ask(strings.NewReader(answers), &out, &o); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	o.Normalise()
	want := Options{Product: "Given by flag", Version: "1.2.0", Framework: "MDR", Class: "IIb", Markets: []string{"EU"},
		NIS2: "important", PlacedOnMarket: "2027-03-01", SupportEnd: "2035-12-31", Interfaces: []Interface{{ID: "IF-WIFI", Type: "wireless"}}}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("got  %+v\nwant %+v", o, want)
	}
	if err := o.Validate(); err != nil {
		t.Error(err)
	}
	for _, said := range []string{"answer mdr, ivdr or cra", "answer a date as YYYY-MM-DD", "type must be one of"} {
		if !strings.Contains(out.String(), said) {
			t.Errorf("the session does not say %q:\n%s", said, out.String())
		}
	}
	if strings.Contains(out.String(), "Product name") {
		t.Errorf("asked for the product name given by flag:\n%s", out.String())
	}
}

// TestAskEndsOnBadInput: input that ends before a required answer, or
// keeps answering wrongly, is an error rather than a loop or a guess.
func TestAskEndsOnBadInput(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct{ in, want string }{
		"end of input":  {"Pump\n1\nACME\n", "end of input"},
		"wrong answers": {"Pump\n1\nACME\nx\ny\nz\n", "no valid answer"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var o Options
			err := Ask(strings.NewReader(c.in), &bytes.Buffer{}, &o)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// TestFilesQuoteUserText: what the user types is written as YAML text, so
// a name holding quotes, a colon or '#' stays the name and cannot add keys.
func TestFilesQuoteUserText(t *testing.T) {
	t.Parallel()
	o := Options{Product: "Pump \"X\": #1\nkind: evil", Framework: "MDR", Class: "I", PlacedOnMarket: "2027-01-01", SupportEnd: "2030-01-01"}
	o.Normalise()
	manifest := string(Files(o)[0].Content)
	if !strings.Contains(manifest, `  name: "Pump \"X\": #1\nkind: evil"`+"\n") {
		t.Errorf("product name not quoted:\n%s", manifest)
	}
	if !reflect.DeepEqual(Files(o), Files(o)) {
		t.Error("two calls give different files")
	}
}
