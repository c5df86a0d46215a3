package e2e

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/examples/purchasegen"
)

// recommendationReference computes the output of
// examples/recommendation.daph in plain Go, independently of daphne: sets
// of products per customer, co-purchase counts by pairs, label propagation
// as in connected_components.daph (to count its iterations), components by
// union-find (cross-checked against the labels), and the best sellers of
// the three largest groups.
func recommendationReference(products []purchasegen.Product, purchases []purchasegen.Purchase, minShared int) string {
	n := len(products)
	bought := map[int64]map[int64]bool{}
	units := make([]int64, n)
	numCustomers := int64(0)
	pairs := 0
	for _, p := range purchases {
		if bought[p.Customer] == nil {
			bought[p.Customer] = map[int64]bool{}
		}
		if !bought[p.Customer][p.Product] {
			bought[p.Customer][p.Product] = true
			pairs++
		}
		units[p.Product] += p.Quantity
		numCustomers = max(numCustomers, p.Customer+1)
	}
	shared := make([][]int, n)
	for i := range shared {
		shared[i] = make([]int, n)
	}
	for _, set := range bought {
		for a := range set {
			for b := range set {
				shared[a][b]++
			}
		}
	}
	adj := make([][]int, n)
	links := 0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j && shared[i][j] >= minShared {
				adj[i] = append(adj[i], j)
				if i < j {
					links++
				}
			}
		}
	}
	// Label propagation: c[i] = max(c[i], c[j] for neighbours j), 1-based.
	c := make([]int, n)
	for i := range c {
		c[i] = i + 1
	}
	iters := 0
	for changed := true; changed && iters < 100; iters++ {
		u := make([]int, n)
		changed = false
		for i := range u {
			u[i] = c[i]
			for _, j := range adj[i] {
				u[i] = max(u[i], c[j])
			}
			changed = changed || u[i] != c[i]
		}
		c = u
	}
	// Union-find agrees with the propagated labels (largest member + 1).
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i := range adj {
		for _, j := range adj[i] {
			parent[find(i)] = find(j)
		}
	}
	label := map[int]int{}
	for i := 0; i < n; i++ {
		label[find(i)] = max(label[find(i)], i+1)
	}
	members := map[int][]int{}
	for i := 0; i < n; i++ {
		if l := label[find(i)]; l != c[i] {
			return fmt.Sprintf("reference: label propagation gives %d for product %d, union-find %d", c[i], i, l)
		}
		members[c[i]] = append(members[c[i]], i)
	}
	type group struct{ label, size int }
	var groups []group
	big, inBig := 0, 0
	for l, ms := range members {
		groups = append(groups, group{l, len(ms)})
		if len(ms) >= 2 {
			big++
			inBig += len(ms)
		}
	}
	sort.Slice(groups, func(a, b int) bool {
		if groups[a].size != groups[b].size {
			return groups[a].size > groups[b].size
		}
		return groups[a].label < groups[b].label
	})
	var sb strings.Builder
	fmt.Fprintf(&sb, "purchases: %d, customers: %d, products: %d\n", len(purchases), numCustomers, n)
	fmt.Fprintf(&sb, "customer-product pairs: %d\n", pairs)
	fmt.Fprintf(&sb, "co-purchase links (>= %d shared customers): %d\n", minShared, links)
	fmt.Fprintf(&sb, "label propagation iterations: %d\n", iters)
	fmt.Fprintf(&sb, "components: %d\n", len(groups))
	fmt.Fprintf(&sb, "groups of 2 or more products: %d, holding %d products\n", big, inBig)
	sb.WriteString("best sellers of the 3 largest groups (group size, component, name, units):\n")
	var rows []string
	for _, g := range groups[:min(3, len(groups))] {
		ms := append([]int(nil), members[g.label]...)
		sort.Slice(ms, func(a, b int) bool { // units descending, then product id
			if units[ms[a]] != units[ms[b]] {
				return units[ms[a]] > units[ms[b]]
			}
			return ms[a] < ms[b]
		})
		ms = ms[:min(3, len(ms))]
		sort.SliceStable(ms, func(a, b int) bool { // the query's ORDER BY: units DESC, name
			if units[ms[a]] != units[ms[b]] {
				return units[ms[a]] > units[ms[b]]
			}
			return products[ms[a]].Name < products[ms[b]].Name
		})
		for _, p := range ms {
			rows = append(rows, fmt.Sprintf("%d %d %s %d\n", g.size, g.label, products[p].Name, units[p]))
		}
	}
	fmt.Fprintf(&sb, "Frame(%dx4, [t.size:uint64_t, a.component:int64_t, a.name:std::string, a.units:int64_t])\n", len(rows))
	sb.WriteString(strings.Join(rows, ""))
	return sb.String()
}

func TestRecommendationExample(t *testing.T) {
	examples, _ := filepath.Abs("../examples")
	for _, tc := range []struct {
		name      string
		cfg       purchasegen.Config
		minShared int
	}{
		{"four categories", purchasegen.Config{Customers: 300, Products: 120, Purchases: 2000, Categories: 4, Skew: 1.1, Loyalty: 0.9, Seed: 7}, 4},
		{"default shape, small", purchasegen.Config{Customers: 500, Products: 150, Purchases: 5000, Categories: 8, Skew: 1.1, Loyalty: 0.9, Seed: 3}, 5},
		{"no loyalty: one big group", purchasegen.Config{Customers: 200, Products: 40, Purchases: 3000, Categories: 2, Skew: 0.5, Loyalty: 0, Seed: 1}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			products, purchases, err := purchasegen.Generate(tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if _, _, err := purchasegen.Write(dir, products, purchases); err != nil {
				t.Fatal(err)
			}
			want := recommendationReference(products, purchases, tc.minShared)
			args := []string{"recommendation.daph", `dir="` + dir + `"`, "minShared=" + strconv.Itoa(tc.minShared)}
			for _, flags := range [][]string{nil, {"--vec"}, {"--select-matrix-repr"}} {
				r := runDaphne(t, examples, append(flags, args...)...)
				if r.code != 0 {
					t.Fatalf("%v: exit %d\n%s%s", flags, r.code, r.stdout, r.stderr)
				}
				if r.stdout != want {
					t.Fatalf("%v: output\n%s\nwant (reference)\n%s", flags, r.stdout, want)
				}
			}
		})
	}
}
