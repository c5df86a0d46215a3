package sim

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// A simulated run written as a Chrome trace reads back into the same
// chunks, and the rebuilt cost model has the same chunk costs.
func TestChromeTraceRoundTrip(t *testing.T) {
	t.Parallel()
	cost, _ := RandomCost(5000, 1, 1000, 9)
	r, err := Run(Config{Scheme: "FAC2", Layout: PerCPU, Victim: Random, Machine: Machine{Cores: 6, Groups: 2}, Cost: cost, ChunkOverhead: 7, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteChromeTrace(&buf); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if n := len(raw["traceEvents"].([]any)); n != 1+6+r.Chunks {
		t.Errorf("%d events, want %d", n, 1+6+r.Chunks)
	}
	chunks, err := ReadChromeTrace(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := r.TraceChunks()
	if len(chunks) != len(want) {
		t.Fatalf("%d chunks read, want %d", len(chunks), len(want))
	}
	for i := range want {
		if chunks[i] != want[i] {
			t.Errorf("chunk %d: %+v, want %+v", i, chunks[i], want[i])
		}
	}
	back, err := FromTrace(5000, chunks)
	if err != nil || back.Total() != cost.Total() {
		t.Errorf("rebuilt total %v, want %v (%v)", back.Total(), cost.Total(), err)
	}
}

func TestReadChromeTrace(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []TraceChunk
		err      bool
	}{
		{"bare array", `[{"ph":"X","ts":0,"dur":1.5,"pid":0,"tid":0,"args":{"lo":0,"hi":4}}]`, []TraceChunk{{0, 4, 1500}}, false},
		{"skips other events", `{"traceEvents":[{"ph":"M","name":"thread_name","args":{"name":"w"}},{"ph":"X","dur":2,"args":{"lo":4,"hi":5}},{"ph":"X","dur":2,"args":{"lo":"x"}}]}`, []TraceChunk{{4, 5, 2000}}, false},
		{"not json", `hello`, nil, true},
		{"negative duration", `[{"ph":"X","dur":-1,"args":{"lo":0,"hi":1}}]`, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadChromeTrace(strings.NewReader(tc.in))
			if tc.err {
				if !errors.Is(err, ErrCost) {
					t.Errorf("got %v, want an ErrCost", err)
				}
				return
			}
			if err != nil || len(got) != len(tc.want) {
				t.Fatalf("got %v, %v; want %v", got, err, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("chunk %d: %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}
