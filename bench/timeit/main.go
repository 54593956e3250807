// Command timeit times whole processes the way bench/run needs: several
// commands run round-robin (interleaved, so a busy machine slows them all
// alike), each run's wall time, CPU time and peak resident memory taken
// from the kernel (wait4 rusage), and medians, ratios against the first
// command and the worst peak memory reported.
//
//	go run ./bench/timeit -runs 20 -warmup 3 -- annexlint -- ./annexlint check dir \
//	    -- conftest -- conftest test sbom.json
//
// Each command is `NAME -- ARGS...`; a lone `--` ends it. The
// output of the commands is discarded; a command that exits with a status
// other than 0 or 1 (findings) is an error unless -any-status is given.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/annexlint/annexlint/bench/internal/timing"
)

type command struct {
	name string
	args []string
	wall []time.Duration
	cpu  []time.Duration
	rss  int64 // KiB, the largest of all runs
}

func main() {
	runs := flag.Int("runs", 20, "timed runs of each command")
	warmup := flag.Int("warmup", 3, "untimed runs of each command first")
	anyStatus := flag.Bool("any-status", false, "accept any exit status")
	label := flag.String("label", "", "title of the table")
	flag.Parse()
	cmds, err := parse(flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "timeit:", err)
		fmt.Fprintln(os.Stderr, "usage: timeit [-runs N] [-warmup N] [-label TEXT] -- NAME -- ARGS... [-- NAME -- ARGS...]")
		os.Exit(2)
	}
	for i := range *warmup + *runs {
		for _, c := range cmds {
			sample, err := timing.Run(c.args, *anyStatus)
			if err != nil {
				fmt.Fprintf(os.Stderr, "timeit: %s: %v\n", c.name, err)
				os.Exit(1)
			}
			if i < *warmup {
				continue
			}
			c.wall = append(c.wall, sample.Wall)
			c.cpu = append(c.cpu, sample.CPU)
			c.rss = max(c.rss, sample.RSSKiB)
		}
	}
	if *label != "" {
		fmt.Printf("\n%s\n", *label)
	}
	fmt.Printf("%-28s %12s %12s %12s %12s %10s %9s\n", "command", "median wall", "min wall", "max wall", "median CPU", "peak RSS", "ratio")
	base := timing.Median(cmds[0].wall)
	for _, c := range cmds {
		m := timing.Median(c.wall)
		fmt.Printf("%-28s %12s %12s %12s %12s %6.1f MiB %8.2f×\n", c.name, ms(m), ms(slices.Min(c.wall)), ms(slices.Max(c.wall)),
			ms(timing.Median(c.cpu)), float64(c.rss)/1024, float64(m)/float64(base))
	}
	fmt.Printf("(%d interleaved runs each after %d warm-up; ratio = median wall / median wall of %s; load average %s)\n",
		*runs, *warmup, cmds[0].name, timing.LoadAverage())
}

// parse reads NAME -- ARGS... groups separated by a lone "--".
func parse(args []string) ([]*command, error) {
	var cmds []*command
	for len(args) > 0 {
		if len(args) < 3 || args[1] != "--" {
			return nil, errors.New("want NAME -- ARGS, groups separated by a lone --")
		}
		c := &command{name: args[0]}
		args = args[2:]
		for len(args) > 0 && args[0] != "--" {
			c.args = append(c.args, args[0])
			args = args[1:]
		}
		if len(args) > 0 {
			args = args[1:] // the separator before the next NAME
		}
		if len(c.args) == 0 {
			return nil, fmt.Errorf("%s: no command", c.name)
		}
		cmds = append(cmds, c)
	}
	if len(cmds) == 0 {
		return nil, errors.New("no command")
	}
	return cmds, nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
