package topo

import (
	"errors"
	"reflect"
	"runtime"
	"testing"
)

func TestRead(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                   string
		root                   string
		logical, pkgs, nodes   int
		cores                  int
		cpu                    int // a CPU to check
		wantPkg, wantNode      int
		wantThread             int
		wantSiblings, wantOrds []int
	}{
		{"numa2x2x2", "testdata/numa2x2x2", 8, 2, 2, 4, 6, 1, 1, 1, []int{2, 6}, []int{0, 1, 2, 3, 4, 5, 6, 7}},
		{"flat4 without online or node", "testdata/flat4", 4, 1, 1, 4, 3, 0, 0, 0, []int{3}, []int{0, 1, 2, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tp, err := Read(tc.root)
			if err != nil {
				t.Fatal(err)
			}
			if tp.Logical() != tc.logical || tp.Packages != tc.pkgs || tp.Nodes != tc.nodes || tp.Cores != tc.cores || !tp.FromSys {
				t.Fatalf("got %d CPUs %d packages %d nodes %d cores (%v)", tp.Logical(), tp.Packages, tp.Nodes, tp.Cores, tp.FromSys)
			}
			c := tp.CPUs[tc.cpu]
			if c.ID != tc.cpu || c.Package != tc.wantPkg || c.Node != tc.wantNode || c.Thread != tc.wantThread || !reflect.DeepEqual(c.Siblings, tc.wantSiblings) {
				t.Errorf("cpu%d = %+v", tc.cpu, c)
			}
			var ord []int
			for _, c := range tp.Order() {
				ord = append(ord, c.ID)
			}
			if !reflect.DeepEqual(ord, tc.wantOrds) {
				t.Errorf("order %v, want %v", ord, tc.wantOrds)
			}
			checkInvariants(t, tp)
		})
	}
}

func checkInvariants(t *testing.T, tp *Topology) {
	t.Helper()
	if tp.Logical() < 1 {
		t.Fatal("no CPUs")
	}
	for _, c := range tp.CPUs {
		if c.Package < 0 || c.Package >= tp.Packages || c.Node < 0 || c.Node >= tp.Nodes || c.Core < 0 || c.Core >= tp.Cores {
			t.Errorf("cpu %+v out of range", c)
		}
		found := false
		for _, s := range c.Siblings {
			found = found || s == c.ID
		}
		if !found {
			t.Errorf("cpu %d not among its siblings %v", c.ID, c.Siblings)
		}
	}
}

func TestReadErrors(t *testing.T) {
	t.Parallel()
	for _, root := range []string{"testdata/broken", "testdata/missing"} {
		if _, err := Read(root); !errors.Is(err, ErrTopology) {
			t.Errorf("%s: got %v, want ErrTopology", root, err)
		}
	}
}

func TestDetectAndFlat(t *testing.T) {
	t.Parallel()
	tp := Detect()
	checkInvariants(t, tp)
	if tp.Logical() < 1 {
		t.Fatal("Detect found no CPU")
	}
	f := Flat(0)
	checkInvariants(t, f)
	if f.Logical() != 1 || f.ForWorker(5).ID != 0 {
		t.Errorf("Flat(0) = %+v", f)
	}
	if g := Flat(3); g.ForWorker(4).ID != 1 || g.ForWorker(-1).ID != 2 {
		t.Errorf("ForWorker wraps wrongly")
	}
	_ = runtime.NumCPU()
}

func TestParseList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []int
		err  bool
	}{
		{"0-3,8,10-11\n", []int{0, 1, 2, 3, 8, 10, 11}, false},
		{"", nil, false},
		{"5", []int{5}, false},
		{"3-1", nil, true},
		{"a", nil, true},
		{"-1", nil, true},
	}
	for _, tc := range tests {
		got, err := ParseList(tc.in)
		if (err != nil) != tc.err || (!tc.err && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("ParseList(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestPin(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("pinning is Linux only")
	}
	done := make(chan error)
	go func() {
		// This goroutine's thread stays locked and exits with the goroutine,
		// so the pinned thread is not reused.
		err := Pin(0)
		if err == nil {
			var cpus []int
			cpus, err = Affinity()
			if err == nil && !reflect.DeepEqual(cpus, []int{0}) {
				err = errors.New("affinity not {0}")
			}
		}
		done <- err
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := Pin(-1); err == nil {
		t.Error("Pin(-1) succeeded")
	}
}
