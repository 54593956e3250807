package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/annexlint/annexlint/internal/evidence"
	"github.com/annexlint/annexlint/internal/termsafe"
)

type evidenceOptions struct {
	write      bool
	reviewedBy string
	date       string
}

func evidenceCommand(stdout, stderr io.Writer) *cobra.Command {
	var opts evidenceOptions
	cmd := &cobra.Command{
		Use:   "evidence [BUNDLE]",
		Short: "List GSPR evidence whose recorded SHA-256 is out of date; --write records the new hashes",
		Long: `List the entries of the bundle's GSPR evidence matrices whose recorded sha256 differs from the
evidence file's SHA-256 now (the evidence changed since it was reviewed), whose document is not a file in
the bundle, or that record no sha256. Exit 1 when there is any, 0 when every recorded hash is current.

With --write, and only then, annexlint records the current SHA-256 of each changed or unhashed entry in
the matrix, and with --reviewed-by NAME (and --date YYYY-MM-DD, default today in UTC) who reviewed the new
version and when (reviewed_by, reviewed_on). This is the one annexlint command that writes into a bundle:
only those values change, byte for byte; comments, order and layout of the rest stay; the matrix is
replaced atomically, and refused when it is a symbolic link or changed meanwhile. Record a hash only after
reviewing the new version of the evidence: the hash says "this is the version that was reviewed".`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return runEvidence(cmd, dir, opts, stdout, stderr)
		},
	}
	cmd.Flags().BoolVar(&opts.write, "write", false, "record the current SHA-256 of changed and unhashed evidence in the matrix (the only write annexlint makes into a bundle)")
	cmd.Flags().StringVar(&opts.reviewedBy, "reviewed-by", "", "with --write: record who reviewed the new versions (reviewed_by)")
	cmd.Flags().StringVar(&opts.date, "date", "", "with --reviewed-by: the review date, YYYY-MM-DD (reviewed_on; default today, UTC)")
	return cmd
}

func runEvidence(cmd *cobra.Command, dir string, opts evidenceOptions, stdout, stderr io.Writer) error {
	if !opts.write && (opts.reviewedBy != "" || opts.date != "") {
		return fmt.Errorf("evidence: --reviewed-by and --date sign off the hashes --write records; add --write")
	}
	signoff := evidence.Signoff{ReviewedBy: opts.reviewedBy, ReviewedOn: opts.date}
	if signoff.ReviewedBy != "" && signoff.ReviewedOn == "" {
		signoff.ReviewedOn = time.Now().UTC().Format(time.DateOnly)
	}
	if err := signoff.Validate(); err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	rep, err := evidence.Scan(cmd.Context(), dir)
	if err != nil {
		return err
	}
	show := func(p string) string { return filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p))) }
	for _, e := range rep.Entries() {
		// Paths and values come from the bundle: neutralise them for the terminal.
		e.Document, e.GSPR, e.Recorded = termsafe.String(e.Document), termsafe.String(e.GSPR), termsafe.String(e.Recorded)
		at := termsafe.String(fmt.Sprintf("%s:%d:%d", show(e.At.File), e.At.Line, e.At.Col))
		switch e.Status {
		case evidence.Changed:
			fmt.Fprintf(stdout, "%s: changed: %s (GSPR %s) records sha256 %s, the file now has %s; review the new version, then record it with annexlint evidence --write --reviewed-by NAME\n",
				at, e.Document, e.GSPR, e.Recorded, e.Actual)
		case evidence.Missing:
			fmt.Fprintf(stdout, "%s: missing: %s (GSPR %s) is not a file in the bundle; add it, or correct the path\n", at, e.Document, e.GSPR)
		case evidence.Unhashed:
			fmt.Fprintf(stdout, "%s: no hash: %s (GSPR %s) records no sha256; once this version is reviewed, record %s with annexlint evidence --write\n",
				at, e.Document, e.GSPR, e.Actual)
		}
	}
	n := rep.Count()
	total := len(rep.Entries())
	fmt.Fprintf(stdout, "%d evidence entries in %d matrices: %d changed, %d missing, %d without a hash, %d current\n",
		total, len(rep.Matrices), n[evidence.Changed], n[evidence.Missing], n[evidence.Unhashed], n[evidence.Current])
	if opts.write {
		written, err := evidence.Write(rep, signoff)
		for _, e := range written {
			who := ""
			if signoff.ReviewedBy != "" {
				who = fmt.Sprintf(", reviewed by %s on %s", signoff.ReviewedBy, signoff.ReviewedOn)
			}
			fmt.Fprintf(stderr, "annexlint: recorded sha256 %s for %s (GSPR %s) in %s%s\n", e.Actual, e.Document, e.GSPR, show(e.Matrix), who)
		}
		if err != nil {
			return err
		}
		if len(written) > 0 && signoff.ReviewedBy == "" {
			fmt.Fprintln(stderr, "annexlint: hashes recorded without a sign-off; say who reviewed the new versions with --reviewed-by NAME (and --date), or AL-GSPR-006 reports them")
		}
		if n[evidence.Missing] > 0 {
			return exitError{code: ExitFindings}
		}
		return nil
	}
	if n[evidence.Changed]+n[evidence.Missing]+n[evidence.Unhashed] > 0 {
		return exitError{code: ExitFindings}
	}
	return nil
}
