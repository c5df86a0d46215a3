package graphgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	for _, tc := range []struct {
		name         string
		nodes, edges int
		model        string
	}{
		{"amazon small", 1000, 5000, "amazon"},
		{"graph500", 1 << 12, 20000, "graph500"},
		{"not a power of two", 1001, 3000, "uniform"},
		{"complete graph", 10, 45, "uniform"},
		{"no edges", 5, 0, "amazon"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es, err := Generate(tc.nodes, tc.edges, Models[tc.model], 7)
			if err != nil {
				t.Fatal(err)
			}
			if len(es) != tc.edges {
				t.Fatalf("%d edges, want %d", len(es), tc.edges)
			}
			seen := map[Edge]bool{}
			for _, e := range es {
				if e.U >= e.V || int(e.V) >= tc.nodes || seen[e] {
					t.Fatalf("bad or duplicate edge %v", e)
				}
				seen[e] = true
			}
			again, _ := Generate(tc.nodes, tc.edges, Models[tc.model], 7)
			for i := range es {
				if es[i] != again[i] {
					t.Fatal("same seed gave a different graph")
				}
			}
		})
	}
}

func TestGenerateErrors(t *testing.T) {
	for _, tc := range []struct {
		nodes, edges int
		want         string
	}{
		{1, 1, "cannot hold an edge"},
		{4, 7, "allow at most 6"},
	} {
		if _, err := Generate(tc.nodes, tc.edges, Models["amazon"], 1); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Generate(%d, %d): got %v, want %q", tc.nodes, tc.edges, err, tc.want)
		}
	}
	if _, err := Generate(10, 5, Model{A: 0.5, B: 0.5, C: 0.5}, 1); err == nil {
		t.Error("probabilities summing to 1.5 were accepted")
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	es := []Edge{{0, 1}, {1, 2}, {0, 3}}
	p := filepath.Join(dir, "g.mtx")
	if err := Write(p, 4, es); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	want := "%%MatrixMarket matrix coordinate pattern symmetric\n% R-MAT graph by daphne gen graph\n4 4 3\n2 1\n3 2\n4 1\n"
	if string(got) != want {
		t.Fatalf("mtx:\n%s\nwant:\n%s", got, want)
	}
	meta, _ := os.ReadFile(p + ".meta")
	if !strings.Contains(string(meta), `"numNonZeros":6`) {
		t.Fatalf("meta %s", meta)
	}
	c := filepath.Join(dir, "g.csv")
	if err := Write(c, 4, es); err != nil {
		t.Fatal(err)
	}
	got, _ = os.ReadFile(c)
	if string(got) != "0,1,0,1\n1,0,1,0\n0,1,0,0\n1,0,0,0\n" {
		t.Fatalf("csv:\n%s", got)
	}
	if err := Write(filepath.Join(dir, "g.txt"), 4, es); err == nil {
		t.Fatal("unknown extension accepted")
	}
}

func BenchmarkGenerate400k(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(400000, 3400000, Models["amazon"], 1); err != nil {
			b.Fatal(err)
		}
	}
}
