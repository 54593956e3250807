package scaffold

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// maxTries bounds how often one question is asked again after an answer
// that is not valid, so a script piping wrong answers ends instead of
// looping.
const maxTries = 3

// errEndOfInput is the input ending before an answer: an error, except
// where it ends a list.
var errEndOfInput = errors.New("end of input")

// Ask asks on out, and reads from in, every option not yet set (a terminal
// session of annexlint init without all flags). Options already set are
// not asked. An empty answer takes the default shown in brackets, where
// there is one; the end of input before every answer is an error.
func Ask(in io.Reader, out io.Writer, o *Options) error {
	r := bufio.NewReader(in)
	ask := func(question, def string, valid func(string) error) (string, error) {
		for range maxTries {
			if def != "" {
				fmt.Fprintf(out, "%s [%s]: ", question, def)
			} else {
				fmt.Fprintf(out, "%s: ", question)
			}
			line, err := r.ReadString('\n')
			answer := strings.TrimSpace(line)
			if err != nil && (answer == "" || !errors.Is(err, io.EOF)) {
				if errors.Is(err, io.EOF) {
					fmt.Fprintln(out)
					return "", fmt.Errorf("no answer to %q: %w", question, errEndOfInput)
				}
				return "", err
			}
			if answer == "" {
				answer = def
			}
			if verr := valid(answer); verr != nil {
				fmt.Fprintf(out, "  %v\n", verr)
				continue
			}
			return answer, nil
		}
		return "", fmt.Errorf("no valid answer to %q after %d tries", question, maxTries)
	}
	anything := func(string) error { return nil }
	var err error
	if o.Product == "" {
		if o.Product, err = ask("Product name (empty: a TODO marker)", "", anything); err != nil {
			return err
		}
	}
	if o.Version == "" {
		if o.Version, err = ask("Product version (empty: a TODO marker)", "", anything); err != nil {
			return err
		}
	}
	if o.Manufacturer == "" {
		if o.Manufacturer, err = ask("Manufacturer's legal name (empty: a TODO marker)", "", anything); err != nil {
			return err
		}
	}
	if o.Framework == "" {
		o.Framework, err = ask("Framework: mdr (medical device), ivdr (in-vitro diagnostic) or cra (other product with digital elements)", "", func(s string) error {
			if _, ok := Classes[strings.ToUpper(s)]; !ok {
				return errors.New("answer mdr, ivdr or cra")
			}
			return nil
		})
		if err != nil {
			return err
		}
		o.Framework = strings.ToUpper(o.Framework)
	}
	if o.Class == "" {
		classes := Classes[strings.ToUpper(o.Framework)]
		o.Class, err = ask(fmt.Sprintf("%s %s (%s)", strings.ToUpper(o.Framework), classWord(strings.ToUpper(o.Framework)), strings.Join(classes, ", ")), "", func(s string) error {
			for _, c := range classes {
				if strings.EqualFold(c, s) {
					return nil
				}
			}
			return fmt.Errorf("answer one of %s", strings.Join(classes, ", "))
		})
		if err != nil {
			return err
		}
	}
	if len(o.Markets) == 0 {
		markets, err := ask("Markets, separated by commas (EU, US, ...)", "EU", func(s string) error {
			for m := range strings.SplitSeq(s, ",") {
				if !marketRe.MatchString(strings.ToUpper(strings.TrimSpace(m))) {
					return fmt.Errorf("%q is not EU or a two-letter country code", strings.TrimSpace(m))
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		o.Markets = strings.Split(markets, ",")
	}
	if o.NIS2 == "" {
		if o.NIS2, err = ask("Is the manufacturer a NIS2 entity: essential, important or none", "none", func(s string) error {
			if !slices.Contains(NIS2Entities, strings.ToLower(s)) {
				return errors.New("answer essential, important or none")
			}
			return nil
		}); err != nil {
			return err
		}
	}
	date := func(s string) error {
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return errors.New("answer a date as YYYY-MM-DD")
		}
		return nil
	}
	if o.PlacedOnMarket == "" {
		if o.PlacedOnMarket, err = ask("Date placed on the market, or planned (YYYY-MM-DD)", "", date); err != nil {
			return err
		}
	}
	if o.SupportEnd == "" {
		if o.SupportEnd, err = ask("End of the security support period (YYYY-MM-DD)", "", date); err != nil {
			return err
		}
	}
	if len(o.Interfaces) == 0 {
		fmt.Fprintf(out, "External interfaces as NAME:TYPE (types: %s); an empty line ends the list.\n", strings.Join(InterfaceTypes, ", "))
		for {
			var in Interface
			line, err := ask("Interface", "", func(s string) error {
				if s == "" {
					return nil
				}
				parsed, err := ParseInterface(s)
				if err == nil && !slices.Contains(InterfaceTypes, parsed.Type) {
					err = fmt.Errorf("type must be one of %s", strings.Join(InterfaceTypes, ", "))
				}
				in = parsed
				return err
			})
			if errors.Is(err, errEndOfInput) || (err == nil && line == "") {
				break
			}
			if err != nil {
				return err
			}
			o.Interfaces = append(o.Interfaces, in)
		}
	}
	return nil
}
