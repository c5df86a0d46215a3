// Package graphgen generates the input graphs of the connected-components
// example: undirected R-MAT (recursive matrix) graphs with a given number of
// nodes and edges, written as Matrix Market files (the format of SNAP and
// SuiteSparse graphs) or, for small graphs, as dense CSV with a .meta file.
//
// R-MAT picks each edge by descending log2(n) levels of the adjacency
// matrix, choosing one of the four quadrants with probabilities a, b, c, d.
// With 0.45/0.15/0.15/0.25 one component holds about 99% of the nodes, close
// to the Amazon co-purchase graph of the DaphneSched paper; Graph500's
// 0.57/0.19/0.19/0.05 leaves many nodes isolated. Self-loops and duplicate
// edges are dropped and drawn again, node IDs are permuted at random (as
// Graph500 does), and every edge is stored in both directions, so the
// adjacency matrix is symmetric as label propagation needs.
package graphgen

import (
	"bufio"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
)

// Model holds the R-MAT quadrant probabilities (they must sum to 1).
type Model struct {
	Name       string
	A, B, C, D float64
}

// Models are the named quadrant distributions.
var Models = map[string]Model{
	"amazon":   {"amazon", 0.45, 0.15, 0.15, 0.25},
	"graph500": {"graph500", 0.57, 0.19, 0.19, 0.05},
	"uniform":  {"uniform", 0.25, 0.25, 0.25, 0.25},
}

// Edge is an undirected edge with U < V (0-based node IDs).
type Edge struct{ U, V uint32 }

// Generate returns exactly `edges` distinct undirected edges without
// self-loops over `nodes` nodes, sorted by (U, V), drawn from model m with
// the given seed. It fails if the request cannot be met (more edges than
// node pairs, fewer than 2 nodes).
func Generate(nodes, edges int, m Model, seed uint64) ([]Edge, error) {
	if nodes < 2 && edges > 0 {
		return nil, fmt.Errorf("graphgen: %d nodes cannot hold an edge", nodes)
	}
	if nodes > 1<<31 {
		return nil, fmt.Errorf("graphgen: at most 2^31 nodes, got %d", nodes)
	}
	if maxE := uint64(nodes) * uint64(nodes-1) / 2; uint64(edges) > maxE {
		return nil, fmt.Errorf("graphgen: %d edges requested but %d nodes allow at most %d", edges, nodes, maxE)
	}
	if s := m.A + m.B + m.C + m.D; s < 0.999 || s > 1.001 || m.A < 0 || m.B < 0 || m.C < 0 || m.D < 0 {
		return nil, fmt.Errorf("graphgen: quadrant probabilities %v must be non-negative and sum to 1", m)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	perm := make([]uint32, nodes)
	for i := range perm {
		perm[i] = uint32(i)
	}
	rng.Shuffle(nodes, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	levels := bits.Len(uint(nodes - 1))
	keys := make([]uint64, 0, edges+edges/8)
	for attempts := 0; len(keys) < edges; attempts++ {
		if attempts > 64 {
			return nil, fmt.Errorf("graphgen: could not draw %d distinct edges (model too skewed for so dense a graph)", edges)
		}
		for need := edges - len(keys); need > 0; need-- {
			u, v := drawEdge(rng, m, levels, nodes)
			if u == v {
				need++ // a self-loop: draw again
				continue
			}
			u, v = perm[u], perm[v]
			if u > v {
				u, v = v, u
			}
			keys = append(keys, uint64(u)<<32|uint64(v))
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
	}
	out := make([]Edge, len(keys))
	for i, k := range keys {
		out[i] = Edge{uint32(k >> 32), uint32(k)}
	}
	return out, nil
}

// drawEdge draws one directed R-MAT edge, re-drawing while it falls outside
// the n x n matrix (n need not be a power of two).
func drawEdge(rng *rand.Rand, m Model, levels, n int) (uint32, uint32) {
	for {
		var u, v uint32
		for l := 0; l < levels; l++ {
			r := rng.Float64()
			u <<= 1
			v <<= 1
			switch {
			case r < m.A:
			case r < m.A+m.B:
				v |= 1
			case r < m.A+m.B+m.C:
				u |= 1
			default:
				u |= 1
				v |= 1
			}
		}
		if int(u) < n && int(v) < n {
			return u, v
		}
	}
}

// WriteMTX writes the symmetric adjacency matrix in Matrix Market
// coordinate pattern symmetric format (lower triangle, 1-based) to path,
// plus path.meta.
func WriteMTX(path string, nodes int, edges []Edge) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("graphgen: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "%%%%MatrixMarket matrix coordinate pattern symmetric\n%% R-MAT graph by daphne gen graph\n%d %d %d\n", nodes, nodes, len(edges))
	buf := make([]byte, 0, 32)
	for _, e := range edges {
		buf = buf[:0]
		buf = appendUint(buf, uint64(e.V)+1)
		buf = append(buf, ' ')
		buf = appendUint(buf, uint64(e.U)+1)
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("graphgen: writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("graphgen: %w", err)
	}
	return writeMeta(path, nodes, 2*len(edges))
}

// MaxCSVNodes bounds dense CSV output (n*n cells).
const MaxCSVNodes = 20000

// WriteCSV writes the symmetric adjacency matrix as dense CSV (0/1 values)
// with a .meta file; only for graphs of at most MaxCSVNodes nodes.
func WriteCSV(path string, nodes int, edges []Edge) error {
	if nodes > MaxCSVNodes {
		return fmt.Errorf("graphgen: dense CSV of %d nodes is too large (at most %d); use .mtx", nodes, MaxCSVNodes)
	}
	adj := make([]byte, nodes*nodes)
	for _, e := range edges {
		adj[int(e.U)*nodes+int(e.V)] = 1
		adj[int(e.V)*nodes+int(e.U)] = 1
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("graphgen: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := 0; i < nodes; i++ {
		for j := 0; j < nodes; j++ {
			if j > 0 {
				w.WriteByte(',')
			}
			w.WriteByte('0' + adj[i*nodes+j])
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("graphgen: writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("graphgen: %w", err)
	}
	return writeMeta(path, nodes, 2*len(edges))
}

func writeMeta(path string, nodes, nnz int) error {
	meta := fmt.Sprintf(`{"numCols":%d,"numNonZeros":%d,"numRows":%d,"valueType":"f64"}`, nodes, nnz, nodes)
	if err := os.WriteFile(path+".meta", []byte(meta+"\n"), 0o644); err != nil {
		return fmt.Errorf("graphgen: %w", err)
	}
	return nil
}

// Write writes the graph in the format given by path's extension (.mtx or .csv).
func Write(path string, nodes int, edges []Edge) error {
	switch {
	case strings.HasSuffix(path, ".mtx"):
		return WriteMTX(path, nodes, edges)
	case strings.HasSuffix(path, ".csv"):
		return WriteCSV(path, nodes, edges)
	}
	return fmt.Errorf("graphgen: output %q must end in .mtx or .csv", path)
}

func appendUint(b []byte, v uint64) []byte {
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}
