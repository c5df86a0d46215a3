package e2e

import (
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/examples/graphgen"
)

// unionFind counts connected components independently of daphne.
func unionFind(nodes int, edges []graphgen.Edge) int {
	parent := make([]int, nodes)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	comps := nodes
	for _, e := range edges {
		a, b := find(int(e.U)), find(int(e.V))
		if a != b {
			parent[a] = b
			comps--
		}
	}
	return comps
}

func TestConnectedComponentsExample(t *testing.T) {
	examples, _ := filepath.Abs("../examples")
	for _, tc := range []struct {
		name         string
		nodes, edges int
		model        string
		ext          string
	}{
		{"graph500 mtx", 5000, 12000, "graph500", ".mtx"},
		{"amazon mtx", 20000, 100000, "amazon", ".mtx"},
		{"sparse uniform csv", 300, 200, "uniform", ".csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es, err := graphgen.Generate(tc.nodes, tc.edges, graphgen.Models[tc.model], 11)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "g"+tc.ext)
			if err := graphgen.Write(path, tc.nodes, es); err != nil {
				t.Fatal(err)
			}
			r := runDaphne(t, examples, "connected_components.daph", `f="`+path+`"`)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			// The fused label-propagation kernel (phyop) and the unfused
			// ops must agree exactly, as must every performance flag.
			for _, flags := range [][]string{{"--no-phy-op-selection"}, {"--num-threads=1"}, {"--select-matrix-repr"},
				{"--vec", "--partitioning=STATIC"}, {"--vec", "--partitioning=GSS", "--queue_layout=PERCPU", "--victim_selection=SEQPRI"},
				{"--vec", "--partitioning=SS", "--num-threads=3"}} {
				other := runDaphne(t, examples, append(flags, "connected_components.daph", `f="`+path+`"`)...)
				if other.code != 0 || other.stdout != r.stdout {
					t.Fatalf("with %v: exit %d, output\n%s\nwant\n%s", flags, other.code, other.stdout, r.stdout)
				}
			}
			m := regexp.MustCompile(`components: (\d+)`).FindStringSubmatch(r.stdout)
			if m == nil {
				t.Fatalf("no component count in output:\n%s", r.stdout)
			}
			got, _ := strconv.Atoi(m[1])
			if want := unionFind(tc.nodes, es); got != want {
				t.Fatalf("daphne found %d components, union-find %d\n%s", got, want, r.stdout)
			}
		})
	}
}

func TestLinearRegressionRecoversCoefficients(t *testing.T) {
	examples, _ := filepath.Abs("../examples")
	r := runDaphne(t, examples, "linear_regression_known.daph", "numRows=5000", "numCols=6", "seed=3")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 7 || lines[0] != "DenseMatrix(6x1, double)" {
		t.Fatalf("unexpected output:\n%s", r.stdout)
	}
	for j, line := range lines[1:] {
		v, err := strconv.ParseFloat(line, 64)
		if err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if want := float64(j + 1); math.Abs(v-want) > 0.01*want+0.01 {
			t.Errorf("coefficient %d = %v, want %v", j, v, want)
		}
	}
}

func TestLinearRegressionListing(t *testing.T) {
	examples, _ := filepath.Abs("../examples")
	r := runDaphne(t, examples, "linear_regression.daph", "numRows=2000", "numCols=11")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "coefficients: 11\n") {
		t.Fatalf("unexpected output:\n%s", r.stdout)
	}
	m := regexp.MustCompile(`intercept: ([0-9.e+-]+)`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("no intercept in output:\n%s", r.stdout)
	}
	// y is uniform on [0,1] and independent of the standardized X, so the
	// ridge intercept is mean(y), close to 0.5.
	if v, _ := strconv.ParseFloat(m[1], 64); math.Abs(v-0.5) > 0.05 {
		t.Fatalf("intercept %v, want about 0.5", v)
	}
}
