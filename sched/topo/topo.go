package topo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// CPU is one logical CPU (hardware thread).
type CPU struct {
	ID       int   // OS CPU number
	Package  int   // dense socket index, in order of physical_package_id
	Node     int   // dense NUMA node index (0 without NUMA information)
	Core     int   // dense physical-core index over the whole machine
	Thread   int   // position among the core's SMT siblings (0 = first)
	Siblings []int // OS ids of the core's hardware threads, this one included
}

// Topology is the machine's CPU layout.
type Topology struct {
	CPUs     []CPU // online CPUs, by ID
	Packages int   // sockets
	Nodes    int   // NUMA nodes
	Cores    int   // physical cores
	FromSys  bool  // read from sysfs (false: the flat fall-back)
}

// ErrTopology is returned (wrapped) by Read for a missing or malformed tree.
var ErrTopology = errors.New("topo: cannot read CPU topology")

// Flat is a machine of n CPUs (at least 1) in one package and node, no SMT.
func Flat(n int) *Topology {
	n = max(n, 1)
	t := &Topology{Packages: 1, Nodes: 1, Cores: n}
	for i := range n {
		t.CPUs = append(t.CPUs, CPU{ID: i, Core: i, Siblings: []int{i}})
	}
	return t
}

// Detect reads /sys, or returns Flat(runtime.NumCPU()) if that fails.
func Detect() *Topology {
	if t, err := Read("/sys"); err == nil {
		return t
	}
	return Flat(runtime.NumCPU())
}

// Logical is the number of logical CPUs.
func (t *Topology) Logical() int { return len(t.CPUs) }

// Order returns the CPUs in worker order (see the package doc): first
// threads of all cores, then second threads, and so on.
func (t *Topology) Order() []CPU {
	out := append([]CPU(nil), t.CPUs...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Thread != out[j].Thread {
			return out[i].Thread < out[j].Thread
		}
		return out[i].Core < out[j].Core
	})
	return out
}

// ForWorker is the CPU worker w runs on (or is pinned to): Order()[w mod
// Logical()]. It sorts on every call; hot paths keep Order() instead.
func (t *Topology) ForWorker(w int) CPU {
	o := t.Order()
	return o[((w%len(o))+len(o))%len(o)]
}

// Read parses the sysfs tree under root (root/devices/system/cpu and, if
// present, root/devices/system/node).
func Read(root string) (*Topology, error) {
	cpuDir := filepath.Join(root, "devices", "system", "cpu")
	ids, err := onlineCPUs(cpuDir)
	if err != nil {
		return nil, err
	}
	nodeOf := readNodes(filepath.Join(root, "devices", "system", "node"))
	type raw struct{ id, pkg, core, node int }
	var rs []raw
	sibs := map[int][]int{}
	for _, id := range ids {
		d := filepath.Join(cpuDir, "cpu"+strconv.Itoa(id), "topology")
		pkg, err1 := readInt(filepath.Join(d, "physical_package_id"))
		core, err2 := readInt(filepath.Join(d, "core_id"))
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("%w: cpu%d: %w", ErrTopology, id, err)
		}
		s, err := readList(filepath.Join(d, "thread_siblings_list"))
		if err != nil || len(s) == 0 {
			s = []int{id}
		}
		sibs[id] = s
		rs = append(rs, raw{id, max(pkg, 0), core, nodeOf[id]})
	}
	t := &Topology{FromSys: true}
	pkgIdx, nodeIdx, coreIdx := map[int]int{}, map[int]int{}, map[[2]int]int{}
	dense := func(m map[int]int, k int) int {
		if v, ok := m[k]; ok {
			return v
		}
		m[k] = len(m)
		return m[k]
	}
	// Dense indices in order of (package, core) so core numbering follows sockets.
	sorted := append([]raw(nil), rs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].pkg != sorted[j].pkg {
			return sorted[i].pkg < sorted[j].pkg
		}
		if sorted[i].core != sorted[j].core {
			return sorted[i].core < sorted[j].core
		}
		return sorted[i].id < sorted[j].id
	})
	for _, r := range sorted {
		dense(pkgIdx, r.pkg)
		if _, ok := coreIdx[[2]int{r.pkg, r.core}]; !ok {
			coreIdx[[2]int{r.pkg, r.core}] = len(coreIdx)
		}
	}
	nodeIDs := []int{}
	for _, r := range rs {
		nodeIDs = append(nodeIDs, r.node)
	}
	sort.Ints(nodeIDs)
	for _, n := range nodeIDs {
		dense(nodeIdx, n)
	}
	thread := map[int]int{}
	for _, r := range sorted {
		k := coreIdx[[2]int{r.pkg, r.core}]
		t.CPUs = append(t.CPUs, CPU{ID: r.id, Package: pkgIdx[r.pkg], Node: nodeIdx[r.node], Core: k, Thread: thread[k], Siblings: sibs[r.id]})
		thread[k]++
	}
	sort.Slice(t.CPUs, func(i, j int) bool { return t.CPUs[i].ID < t.CPUs[j].ID })
	t.Packages, t.Nodes, t.Cores = len(pkgIdx), len(nodeIdx), len(coreIdx)
	return t, nil
}

// onlineCPUs reads cpu/online, or lists the cpuN directories if it is absent.
func onlineCPUs(cpuDir string) ([]int, error) {
	if ids, err := readList(filepath.Join(cpuDir, "online")); err == nil && len(ids) > 0 {
		return ids, nil
	}
	ents, err := os.ReadDir(cpuDir)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrTopology, err)
	}
	var ids []int
	for _, e := range ents {
		if n, ok := strings.CutPrefix(e.Name(), "cpu"); ok {
			if id, err := strconv.Atoi(n); err == nil {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%w: no cpuN directories in %s", ErrTopology, cpuDir)
	}
	sort.Ints(ids)
	return ids, nil
}

// readNodes maps CPU id -> NUMA node id from node/nodeN/cpulist; CPUs not
// listed (or no node directory) get node 0.
func readNodes(nodeDir string) map[int]int {
	m := map[int]int{}
	ents, err := os.ReadDir(nodeDir)
	if err != nil {
		return m
	}
	for _, e := range ents {
		n, ok := strings.CutPrefix(e.Name(), "node")
		id, err := strconv.Atoi(n)
		if !ok || err != nil {
			continue
		}
		cpus, err := readList(filepath.Join(nodeDir, e.Name(), "cpulist"))
		if err != nil {
			continue
		}
		for _, c := range cpus {
			m[c] = id
		}
	}
	return m
}

func readInt(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(string(b)))
}

func readList(path string) ([]int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseList(string(b))
}

// ParseList parses a kernel CPU list such as "0-3,8,10-11" (empty means none).
func ParseList(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	var out []int
	if s == "" {
		return out, nil
	}
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err := strconv.Atoi(lo)
		if err != nil || a < 0 {
			return nil, fmt.Errorf("%w: bad CPU list %q", ErrTopology, s)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil || b < a || b-a > 1<<16 {
				return nil, fmt.Errorf("%w: bad CPU list %q", ErrTopology, s)
			}
		}
		for c := a; c <= b; c++ {
			out = append(out, c)
		}
	}
	return out, nil
}
