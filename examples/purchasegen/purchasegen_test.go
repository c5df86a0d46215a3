package purchasegen

import (
	"math"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/fileio"
)

func TestGenerate(t *testing.T) {
	c := Config{Customers: 1000, Products: 200, Purchases: 50000, Categories: 4, Skew: 1.1, Loyalty: 0.9, Seed: 5}
	products, purchases, err := Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	again, againP, _ := Generate(c)
	if !reflect.DeepEqual(products, again) || !reflect.DeepEqual(purchases, againP) {
		t.Fatal("the same seed gave different data")
	}
	c.Seed = 6
	if _, other, _ := Generate(c); reflect.DeepEqual(other, purchases) {
		t.Fatal("another seed gave the same purchases")
	}
	t.Run("ranges and prices", func(t *testing.T) {
		price := map[int64]float64{}
		for _, p := range purchases {
			if p.Customer < 0 || p.Customer >= 1000 || p.Product < 0 || p.Product >= 200 || p.Quantity < 1 || p.Quantity > 4 {
				t.Fatalf("purchase out of range: %+v", p)
			}
			if q, ok := price[p.Product]; ok && q != p.Price {
				t.Fatalf("product %d has prices %v and %v", p.Product, q, p.Price)
			}
			price[p.Product] = p.Price
			if p.Price < 1 || p.Price >= 100 || math.Abs(math.Round(p.Price*100)-p.Price*100) > 1e-9 {
				t.Fatalf("price %v is not a cent amount in [1, 100)", p.Price)
			}
		}
		for i, p := range products {
			if p.ID != int64(i) || p.Category != CategoryNames[i%4] {
				t.Fatalf("product %d: %+v", i, p)
			}
		}
	})
	t.Run("skew and loyalty", func(t *testing.T) {
		// Within each category the best seller sells far more than the
		// median product (Zipf), and about 90% (+ noise) of a customer's
		// purchases fall in one category.
		count := make([]int, 200)
		for _, p := range purchases {
			count[p.Product]++
		}
		for cat := 0; cat < 4; cat++ {
			var cs []int
			for p := cat; p < 200; p += 4 {
				cs = append(cs, count[p])
			}
			best, median := maxOf(cs), medianOf(cs)
			if best < 8*median {
				t.Errorf("category %d: best seller %d, median %d: not skewed", cat, best, median)
			}
		}
		byCust := map[int64][4]int{}
		for _, p := range purchases {
			k := byCust[p.Customer]
			k[p.Product%4]++
			byCust[p.Customer] = k
		}
		top, all := 0, 0
		for _, k := range byCust {
			top += maxOf(k[:])
			all += k[0] + k[1] + k[2] + k[3]
		}
		if f := float64(top) / float64(all); f < 0.88 || f > 0.97 {
			t.Errorf("share of purchases in the favourite category %.3f, want about 0.9 + 0.1/4", f)
		}
	})
}

func maxOf(xs []int) int {
	m := xs[0]
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func medianOf(xs []int) int {
	s := append([]int(nil), xs...)
	sort.Ints(s)
	return s[len(s)/2]
}

func TestWriteReadsBack(t *testing.T) {
	products, purchases, err := Generate(Config{Customers: 20, Products: 30, Purchases: 60, Categories: 3, Skew: 1, Loyalty: 0.5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	prodPath, purPath, err := Write(t.TempDir(), products, purchases)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := fileio.ReadFrame(prodPath, fileio.FrameReadOptions{Header: fileio.HeaderDetect})
	if err != nil {
		t.Fatal(err)
	}
	names := pf.Column(1).(*data.Dense[string]).Data
	for i, p := range products {
		if names[i] != p.Name {
			t.Fatalf("name %d: %q, want %q", i, names[i], p.Name)
		}
	}
	uf, err := fileio.ReadFrame(purPath, fileio.FrameReadOptions{Header: fileio.HeaderDetect})
	if err != nil {
		t.Fatal(err)
	}
	prices := uf.Column(3).(*data.Dense[float64]).Data
	for i, p := range purchases {
		if prices[i] != p.Price || uf.Column(0).(*data.Dense[int64]).Data[i] != p.Customer {
			t.Fatalf("purchase %d read back differently", i)
		}
	}
	if filepath.Base(prodPath) != "products.csv" || filepath.Base(purPath) != "purchases.csv" {
		t.Errorf("paths %s, %s", prodPath, purPath)
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []Config{
		{Customers: 0, Products: 10, Categories: 1, Skew: 1},
		{Customers: 1, Products: 10, Purchases: -1, Categories: 1, Skew: 1},
		{Customers: 1, Products: 10, Categories: 0, Skew: 1},
		{Customers: 1, Products: 10, Categories: 1, Skew: math.NaN()},
		{Customers: 1, Products: 10, Categories: 1, Skew: 1, Loyalty: -0.1},
	} {
		if _, _, err := Generate(c); err == nil {
			t.Errorf("%+v accepted", c)
		}
	}
}
