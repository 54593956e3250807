package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/annexlint/annexlint/internal/scaffold"
)

// initCommand scaffolds a new bundle. stdin is read for answers only when
// it is a terminal and flags are missing; in scripts and CI every value
// comes from flags, and a missing one is a usage error.
func initCommand(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var (
		o          scaffold.Options
		interfaces []string
		markets    []string
		category   string
		force      bool
	)
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Scaffold a new documentation bundle in DIR, with TODO markers for what only you can write",
		Long: `Scaffold a new technical-documentation bundle in DIR: annexlint.yaml from the flags (or, on a
terminal, from answers to questions for the flags not given) and the native documents annexlint
checks, with "TODO:" markers for every field only the manufacturer can write.

The skeleton passes schema validation, but no rule passes on it: annexlint reads every TODO as
absent, so annexlint check DIR lists exactly what remains to be written. Documents your tools
produce (SBOMs, test reports, scans, VEX) are not invented; the manifest says where they go.
Existing files are never overwritten unless --force is given.

Exit codes: 0 written, 2 usage error or a file in the way.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return errors.New("annexlint init needs one folder to write the bundle into: annexlint init DIR")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if category != "" {
				if o.Class != "" && o.Class != category {
					return errors.New("--class and --category name the same thing; give one")
				}
				o.Class = category
			}
			for _, m := range markets {
				for part := range strings.SplitSeq(m, ",") {
					if part = strings.TrimSpace(part); part != "" {
						o.Markets = append(o.Markets, part)
					}
				}
			}
			for _, s := range interfaces {
				in, err := scaffold.ParseInterface(s)
				if err != nil {
					return err
				}
				o.Interfaces = append(o.Interfaces, in)
			}
			if len(o.Missing()) > 0 && isTerminalReader(stdin) {
				if err := scaffold.Ask(stdin, stderr, &o); err != nil {
					return err
				}
			}
			o.Normalise()
			if err := o.Validate(); err != nil {
				return err
			}
			files := scaffold.Files(o)
			if err := scaffold.Write(dir, files, force); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "annexlint: wrote a %s %s bundle skeleton to %s:\n", o.Framework, o.Class, dir)
			for _, f := range files {
				fmt.Fprintf(stdout, "  %s\n", f.Path)
			}
			fmt.Fprintf(stdout, "Every TODO in them is a finding until it is written: run annexlint check %s\n", dir)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Framework, "framework", "", "mdr, ivdr or cra")
	fl.StringVar(&o.Class, "class", "", "MDR class (I, Is, Im, Ir, IIa, IIb, III), IVDR class (A-D) or CRA category")
	fl.StringVar(&category, "category", "", "CRA category (default, important-class-I, important-class-II, critical); same as --class")
	fl.StringArrayVar(&markets, "market", nil, "markets, e.g. EU,US (repeatable; default EU)")
	fl.StringVar(&o.NIS2, "nis2", "", "the manufacturer's NIS2 entity type: essential, important or none (default none)")
	fl.StringArrayVar(&interfaces, "interface", nil, "an external interface as NAME:TYPE, e.g. IF-WIFI:wireless (repeatable)")
	fl.StringVar(&o.Product, "product", "", "product name (default: a TODO marker)")
	fl.StringVar(&o.Version, "version", "", "product version (default: a TODO marker)")
	fl.StringVar(&o.Manufacturer, "manufacturer", "", "manufacturer's legal name (default: a TODO marker)")
	fl.StringVar(&o.PlacedOnMarket, "placed-on-market", "", "date the product is (or will be) placed on the market, YYYY-MM-DD")
	fl.StringVar(&o.SupportEnd, "support-end", "", "end of the security support period, YYYY-MM-DD")
	fl.BoolVar(&force, "force", false, "replace files of the skeleton that already exist in DIR")
	completeInit(cmd)
	return cmd
}

// completeInit offers the values each flag accepts, and folders for DIR.
func completeInit(cmd *cobra.Command) {
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	var classes []string
	interfaces := make([]string, 0, len(scaffold.InterfaceTypes))
	for _, fw := range []string{"MDR", "IVDR", "CRA"} {
		classes = append(classes, scaffold.Classes[fw]...)
	}
	for _, t := range scaffold.InterfaceTypes {
		interfaces = append(interfaces, "IF-:"+t)
	}
	values := map[string][]string{
		"framework": {"mdr", "ivdr", "cra"},
		"class":     classes,
		"category":  scaffold.Classes["CRA"],
		"nis2":      scaffold.NIS2Entities,
		"interface": interfaces,
	}
	for name, vals := range values {
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(vals, cobra.ShellCompDirectiveNoFileComp))
	}
}

// isTerminalReader reports whether r is a terminal, so questions are asked
// only of a person.
func isTerminalReader(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
