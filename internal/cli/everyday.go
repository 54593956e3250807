package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/annexlint/annexlint/internal/catalog"
	"github.com/annexlint/annexlint/internal/report"
)

// failOnValues are --fail-on's values, from the most to the least severe.
var failOnValues = []string{string(catalog.Error), string(catalog.Warning), string(catalog.Note), "none"}

// colorValues are --color's values, offered by completion when the flag exists.
var colorValues = []string{"auto", "always", "never"}

// formatNames lists the report formats, sorted.
func formatNames() []string {
	names := make([]string, 0, len(writers))
	for n := range writers {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// oneOf joins values as "a, b or c".
func oneOf(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// parseFormat accepts a format name in any case.
func parseFormat(s string) (string, report.Writer, error) {
	name := strings.ToLower(s)
	if w, ok := writers[name]; ok {
		return name, w, nil
	}
	return "", nil, fmt.Errorf("unknown --format %q (want %s)", s, oneOf(formatNames()))
}

// parseFailOn accepts a threshold in any case; "none" gives "".
func parseFailOn(s string) (catalog.Severity, error) {
	v := strings.ToLower(s)
	if !slices.Contains(failOnValues, v) {
		return "", fmt.Errorf("unknown --fail-on %q (want %s)", s, oneOf(failOnValues))
	}
	if v == "none" {
		return "", nil
	}
	return catalog.Severity(v), nil
}

// completeCheck makes shell completion offer the values of the enumerated
// flags and directories (bundle folders) for the arguments.
func completeCheck(cmd *cobra.Command) {
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	values := map[string][]string{"format": formatNames(), "fail-on": failOnValues, "color": colorValues}
	for name, vals := range values {
		if cmd.Flags().Lookup(name) == nil {
			continue
		}
		_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(vals, cobra.ShellCompDirectiveNoFileComp))
	}
	for _, name := range []string{"policy", "repo-root"} {
		if cmd.Flags().Lookup(name) != nil {
			_ = cmd.MarkFlagDirname(name)
		}
	}
}
