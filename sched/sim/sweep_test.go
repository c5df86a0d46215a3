package sim

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/sched/partition"
)

func TestSweep(t *testing.T) {
	t.Parallel()
	cost, _ := Linear(2000, 1, 100)
	s := Sweep{
		Base:          Config{Cost: cost, ChunkOverhead: 5, Seed: 3, NoTrace: true},
		Schemes:       []string{"STATIC", "GSS"},
		Layouts:       []string{Centralized, PerCPU},
		Victims:       []string{Seq, Random},
		Machines:      []Machine{{Cores: 4, Groups: 2}, {Cores: 1}},
		PrePartitions: []bool{false, true},
		Parallel:      3,
	}
	// 4 cores: CENTRALIZED x 1 victim + PERCPU x 2 victims x 2
	// pre-partitionings; 1 core: one queue in both layouts; times 2 schemes.
	cs := s.Configs()
	if len(cs) != (1+4+1+1)*2 {
		t.Fatalf("%d configurations, want 14", len(cs))
	}
	rs, err := s.Run(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		check(t, r)
		one, err := Run(cs[i])
		if err != nil || one.Makespan != r.Makespan {
			t.Errorf("point %d: sweep makespan %v, single run %v (%v)", i, r.Makespan, one.Makespan, err)
		}
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 15 || lines[0] != CSVHeader || !strings.HasPrefix(lines[1], "STATIC,CENTRALIZED,SEQ,false,false,4,2,2000,") {
		t.Errorf("CSV:\n%s", buf.String())
	}
	for _, l := range lines {
		if n := strings.Count(l, ","); n != strings.Count(CSVHeader, ",") {
			t.Errorf("line %q has %d commas", l, n)
		}
	}
}

func TestSweepErrors(t *testing.T) {
	t.Parallel()
	s := Sweep{Base: Config{Cost: Uniform(1), Rows: 100, Machine: Machine{Cores: 2}}, Schemes: []string{"SS", "NOPE", "GSS"}}
	if _, err := s.Run(t.Context()); !errors.Is(err, partition.ErrUnknownScheme) || !strings.Contains(err.Error(), "NOPE") {
		t.Errorf("got %v, want the unknown scheme NOPE", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	s.Schemes = []string{"SS"}
	if _, err := s.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled sweep: got %v", err)
	}
}
