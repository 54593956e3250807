package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/annexlint/annexlint/internal/termsafe"
)

// forEachBundle calls check(i) for i in [0, n) on at most jobs goroutines
// and returns each call's error at its index, so results gathered by index
// come out in the same order whatever the scheduling: a parallel run's
// report is byte-identical to a sequential one. A fatal error (fatal(err)
// true: an internal error, the memory limit) cancels the calls not yet
// started, since the run will report nothing but that error.
func forEachBundle(ctx context.Context, n, jobs int, check func(ctx context.Context, i int) error, fatal func(error) bool, progress *progress) []error {
	errs := make([]error, n)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range n {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	ran := make([]bool, n)
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ran[i] = true
				errs[i] = check(ctx, i)
				if errs[i] != nil && fatal(errs[i]) {
					cancel(errs[i])
				}
				progress.done()
			}
		}()
	}
	wg.Wait()
	progress.finish()
	// A bundle never handed out (the run was cancelled or timed out first)
	// has no result: it gets the reason as its error, never a silent gap.
	for i := range errs {
		if !ran[i] {
			errs[i] = fmt.Errorf("%w: %w", errNotChecked, context.Cause(ctx))
		}
	}
	return errs
}

// progress shows "checked 17/100 bundles" on standard error while a run of
// several bundles goes on, only when standard error is a terminal: pipes,
// files and CI logs never see it, so they stay byte-identical. The line is
// redrawn in place and erased when the run ends, before the report or any
// error message is written.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	count int
}

// newProgress returns the indicator, or nil (which shows nothing) when w is
// not a terminal or there is only one bundle.
func newProgress(w io.Writer, tty bool, total int) *progress {
	if !tty || total < 2 {
		return nil
	}
	p := &progress{w: w, total: total}
	p.draw()
	return p
}

func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	p.draw()
}

// draw writes the line; the caller holds mu (or is the constructor). The
// carriage return and the erase-line sequence are annexlint's own; the
// text between them goes through termsafe like everything else on
// standard error, so the indicator can never carry a control from input.
func (p *progress) draw() {
	fmt.Fprintf(p.w, "\r%s\x1b[K", termsafe.String(fmt.Sprintf("annexlint: checked %d/%d bundles", p.count, p.total)))
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\x1b[K")
}

// errNotChecked marks a bundle a fatal error elsewhere kept from running.
var errNotChecked = errors.New("not checked")
