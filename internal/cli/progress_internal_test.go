package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

func TestProgressOnlyOnTerminalAndSeveralBundles(t *testing.T) {
	var buf bytes.Buffer
	for _, c := range []struct {
		tty   bool
		total int
	}{{false, 5}, {true, 1}} {
		p := newProgress(&buf, c.tty, c.total)
		p.done()
		p.finish()
	}
	if buf.Len() != 0 {
		t.Errorf("progress shown off a terminal or for one bundle: %q", buf.String())
	}
	p := newProgress(&buf, true, 2)
	p.done()
	p.done()
	p.finish()
	want := "\rannexlint: checked 0/2 bundles\x1b[K\rannexlint: checked 1/2 bundles\x1b[K\rannexlint: checked 2/2 bundles\x1b[K\r\x1b[K"
	if buf.String() != want {
		t.Errorf("progress wrote %q, want %q", buf.String(), want)
	}
}

func TestForEachBundle(t *testing.T) {
	t.Run("each index once, errors at their index", func(t *testing.T) {
		var calls [7]atomic.Int32
		var busy, most atomic.Int32
		errs := forEachBundle(context.Background(), 7, 3, func(_ context.Context, i int) error {
			calls[i].Add(1)
			n := busy.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			defer busy.Add(-1)
			if i == 4 {
				return errors.New("bad bundle 4")
			}
			return nil
		}, func(error) bool { return false }, nil)
		for i := range calls {
			if calls[i].Load() != 1 {
				t.Errorf("bundle %d checked %d times", i, calls[i].Load())
			}
			if (errs[i] != nil) != (i == 4) {
				t.Errorf("bundle %d: error %v", i, errs[i])
			}
		}
		if most.Load() > 3 {
			t.Errorf("%d bundles at a time, want at most 3", most.Load())
		}
	})
	t.Run("a fatal error stops the bundles not yet started", func(t *testing.T) {
		boom := errors.New("internal")
		errs := forEachBundle(context.Background(), 50, 1, func(_ context.Context, i int) error {
			if i == 0 {
				return boom
			}
			return nil
		}, func(err error) bool { return errors.Is(err, boom) }, nil)
		if !errors.Is(errs[0], boom) {
			t.Errorf("bundle 0: %v", errs[0])
		}
		notRun := 0
		for _, err := range errs[1:] {
			if errors.Is(err, errNotChecked) {
				notRun++
			} else if err != nil {
				t.Errorf("unexpected error %v", err)
			}
		}
		// With one worker, at most the bundle already handed out runs.
		if notRun < 48 {
			t.Errorf("%d of 49 bundles marked not checked, want at least 48", notRun)
		}
		if !strings.Contains(errs[49].Error(), "internal") {
			t.Errorf("a bundle not checked does not say why: %v", errs[49])
		}
	})
}
