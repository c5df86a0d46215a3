// Package purchasegen generates the input tables of the recommendation
// example (examples/recommendation.daph): a product catalogue and a table
// of purchases, written as CSV files with DAPHNE's .meta schema.
//
// Products belong to categories (product p to category p mod Categories),
// and product popularity is skewed: within a category, the product of
// popularity rank r (0-based, ranks drawn at random) is drawn with
// probability proportional to 1/(r+1)^Skew (Zipf). Each customer has a
// favourite category and buys from it with probability Loyalty; the other
// purchases pick any product uniformly (noise). So the popular products of
// one category are often bought by the same customers, and the co-purchase
// graph thresholded at a few shared customers falls apart into groups that
// follow the categories, while unpopular products stay on their own.
// Everything depends only on the seed.
package purchasegen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"sort"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/fileio"
)

// Config describes a data set.
type Config struct {
	Customers, Products, Purchases int
	// Categories is the number of product categories (at most len(CategoryNames)).
	Categories int
	// Skew is the Zipf exponent of product popularity (> 0).
	Skew float64
	// Loyalty is the probability that a purchase is in the customer's
	// favourite category (0..1).
	Loyalty float64
	Seed    uint64
}

// Default returns the configuration of "daphne gen purchases" without flags.
func Default() Config {
	return Config{Customers: 2000, Products: 500, Purchases: 20000, Categories: 8, Skew: 1.1, Loyalty: 0.9, Seed: 42}
}

// CategoryNames are the category names in order.
var CategoryNames = []string{"tea", "coffee", "books", "garden", "toys", "music", "sports", "beauty",
	"games", "baby", "tools", "pets"}

var adjectives = []string{"green", "classic", "deluxe", "mini", "organic", "smart", "vintage", "bright",
	"quiet", "royal", "swift", "cosy"}

// Product is a row of products.csv.
type Product struct {
	ID       int64 // 0-based
	Name     string
	Category string
}

// Purchase is a row of purchases.csv.
type Purchase struct {
	Customer, Product int64 // 0-based
	Quantity          int64
	Price             float64 // unit price
}

// Validate checks a configuration.
func (c Config) Validate() error {
	switch {
	case c.Customers < 1 || c.Products < 1 || c.Purchases < 0:
		return fmt.Errorf("customers and products must be at least 1 and purchases not negative, got %d, %d and %d", c.Customers, c.Products, c.Purchases)
	case c.Categories < 1 || c.Categories > len(CategoryNames):
		return fmt.Errorf("categories must be between 1 and %d, got %d", len(CategoryNames), c.Categories)
	case c.Categories > c.Products:
		return fmt.Errorf("%d categories need at least as many products, got %d", c.Categories, c.Products)
	case !(c.Skew > 0) || math.IsInf(c.Skew, 0):
		return fmt.Errorf("skew must be a positive number, got %v", c.Skew)
	case !(c.Loyalty >= 0 && c.Loyalty <= 1):
		return fmt.Errorf("loyalty must be between 0 and 1, got %v", c.Loyalty)
	}
	return nil
}

// zipf draws indexes 0..n-1 with probability proportional to 1/(i+1)^s by
// binary search in the cumulative weights.
type zipf struct{ cum []float64 }

func newZipf(n int, s float64) zipf {
	cum := make([]float64, n)
	total := 0.0
	for i := range cum {
		total += math.Pow(float64(i+1), -s)
		cum[i] = total
	}
	return zipf{cum}
}

func (z zipf) draw(rng *rand.Rand) int {
	x := rng.Float64() * z.cum[len(z.cum)-1]
	return min(sort.SearchFloat64s(z.cum, x), len(z.cum)-1)
}

// Generate makes the catalogue and the purchases of c.
func Generate(c Config) ([]Product, []Purchase, error) {
	if err := c.Validate(); err != nil {
		return nil, nil, err
	}
	rng := rand.New(rand.NewPCG(c.Seed, c.Seed^0x6a09e667f3bcc908))
	products := make([]Product, c.Products)
	prices := make([]float64, c.Products)
	byCat := make([][]int64, c.Categories) // products of each category, by popularity rank
	rank := rng.Perm(c.Products)           // product at popularity rank r overall
	for _, p := range rank {
		cat := p % c.Categories
		byCat[cat] = append(byCat[cat], int64(p))
	}
	for p := range products {
		cat := p % c.Categories
		name := fmt.Sprintf("%s %s no. %d", adjectives[rng.IntN(len(adjectives))], CategoryNames[cat], p)
		if p%7 == 3 {
			name += ", large" // a comma: the CSV field is quoted
		}
		products[p] = Product{ID: int64(p), Name: name, Category: CategoryNames[cat]}
		prices[p] = float64(100+rng.IntN(9900)) / 100
	}
	inCat := make([]zipf, c.Categories)
	for k, ps := range byCat {
		inCat[k] = newZipf(len(ps), c.Skew)
	}
	favourite := make([]int, c.Customers)
	for i := range favourite {
		favourite[i] = rng.IntN(c.Categories)
	}
	purchases := make([]Purchase, c.Purchases)
	for k := range purchases {
		cust := rng.IntN(c.Customers)
		var p int64
		if rng.Float64() < c.Loyalty {
			f := favourite[cust]
			p = byCat[f][inCat[f].draw(rng)]
		} else {
			p = int64(rng.IntN(c.Products))
		}
		q := int64(1)
		for q < 4 && rng.IntN(3) == 0 {
			q++
		}
		purchases[k] = Purchase{Customer: int64(cust), Product: p, Quantity: q, Price: prices[p]}
	}
	return products, purchases, nil
}

// Write writes dir/products.csv (product, name, category) and
// dir/purchases.csv (customer, product, quantity, price), each with its
// .meta file, and returns the two paths.
func Write(dir string, products []Product, purchases []Purchase) (string, string, error) {
	n := len(products)
	ids, names, cats := make([]int64, n), make([]string, n), make([]string, n)
	for i, p := range products {
		ids[i], names[i], cats[i] = p.ID, p.Name, p.Category
	}
	pf, err := data.NewFrame([]data.Matrix{data.DenseFrom(n, 1, ids), data.DenseFrom(n, 1, names), data.DenseFrom(n, 1, cats)},
		[]string{"product", "name", "category"})
	if err != nil {
		return "", "", err
	}
	m := len(purchases)
	cs, ps, qs, pr := make([]int64, m), make([]int64, m), make([]int64, m), make([]float64, m)
	for i, p := range purchases {
		cs[i], ps[i], qs[i], pr[i] = p.Customer, p.Product, p.Quantity, p.Price
	}
	uf, err := data.NewFrame([]data.Matrix{data.DenseFrom(m, 1, cs), data.DenseFrom(m, 1, ps), data.DenseFrom(m, 1, qs), data.DenseFrom(m, 1, pr)},
		[]string{"customer", "product", "quantity", "price"})
	if err != nil {
		return "", "", err
	}
	prodPath, purPath := filepath.Join(dir, "products.csv"), filepath.Join(dir, "purchases.csv")
	if err := fileio.WriteFrame(prodPath, pf); err != nil {
		return "", "", err
	}
	if err := fileio.WriteFrame(purPath, uf); err != nil {
		return "", "", err
	}
	return prodPath, purPath, nil
}
