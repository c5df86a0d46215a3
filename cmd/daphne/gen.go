package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/daphne-go/daphne/examples/graphgen"
)

// genMain implements "daphne gen graph ..." and "daphne gen purchases ...".
func genMain(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "purchases" {
		return genPurchases(args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "graph" {
		fmt.Fprintln(stderr, "usage: daphne gen graph -nodes N -edges E [-model amazon|graph500|uniform] [-seed S] -o FILE.mtx|FILE.csv")
		fmt.Fprintln(stderr, "       daphne gen purchases [-customers N] [-products M] [-purchases K] [-categories C] [-skew S] [-loyalty L] [-seed S] -o DIR")
		return 1
	}
	fs := flag.NewFlagSet("daphne gen graph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	nodes := fs.Int("nodes", 10000, "number of nodes")
	edges := fs.Int("edges", 80000, "number of undirected edges (the matrix holds twice as many non-zeros)")
	model := fs.String("model", "amazon", "R-MAT quadrant probabilities: "+strings.Join(modelNames(), ", "))
	seed := fs.Uint64("seed", 42, "random seed")
	out := fs.String("o", "", "output file: .mtx (Matrix Market) or .csv (dense, small graphs), with a .meta file")
	if err := fs.Parse(args[1:]); err != nil {
		return 1
	}
	m, ok := graphgen.Models[*model]
	if !ok {
		fmt.Fprintf(stderr, "daphne gen graph: unknown model %q, expected one of %s\n", *model, strings.Join(modelNames(), ", "))
		return 1
	}
	if *out == "" {
		fmt.Fprintln(stderr, "daphne gen graph: -o FILE is required")
		return 1
	}
	if *nodes < 0 || *edges < 0 {
		fmt.Fprintf(stderr, "daphne gen graph: -nodes and -edges must not be negative, got %d and %d\n", *nodes, *edges)
		return 1
	}
	t0 := time.Now()
	es, err := graphgen.Generate(*nodes, *edges, m, *seed)
	if err == nil {
		err = graphgen.Write(*out, *nodes, es)
	}
	if err != nil {
		fmt.Fprintf(stderr, "daphne gen graph: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d nodes, %d undirected edges (%d non-zeros), model %s, seed %d, in %.2fs\n",
		*out, *nodes, len(es), 2*len(es), m.Name, *seed, time.Since(t0).Seconds())
	return 0
}

func modelNames() []string {
	var names []string
	for n := range graphgen.Models {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
