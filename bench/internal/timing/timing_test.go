package timing

import (
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{5}, 5},
		{[]time.Duration{9, 1, 5}, 5},
		{[]time.Duration{8, 2, 4, 6}, 5},
	} {
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestMedianOfRatios: ratios (floats) take the same median, the middle two's
// mean not rounded.
func TestMedianOfRatios(t *testing.T) {
	if got := Median([]float64{1.5, 0.25, 1.0, 2.0}); got != 1.25 {
		t.Errorf("Median of 1.5 0.25 1.0 2.0 = %v, want 1.25", got)
	}
}

func TestRunStatus(t *testing.T) {
	if _, err := Run([]string{"sh", "-c", "exit 1"}, false); err != nil {
		t.Errorf("exit 1 (findings) is success: %v", err)
	}
	if _, err := Run([]string{"sh", "-c", "exit 2"}, false); err == nil {
		t.Error("exit 2 is an error unless any status is accepted")
	}
	if _, err := Run([]string{"sh", "-c", "exit 2"}, true); err != nil {
		t.Errorf("any status accepted: %v", err)
	}
	s, err := Run([]string{"sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if s.Wall <= 0 || s.CPU <= 0 || s.RSSKiB <= 0 {
		t.Errorf("a busy loop measured as %+v, want wall, CPU and RSS above zero", s)
	}
}
