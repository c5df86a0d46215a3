package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/daphne-go/daphne/examples/purchasegen"
)

// genPurchases implements "daphne gen purchases ..." (args after the word
// purchases): the tables of examples/recommendation.daph.
func genPurchases(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("daphne gen purchases", flag.ContinueOnError)
	fs.SetOutput(stderr)
	d := purchasegen.Default()
	fs.IntVar(&d.Customers, "customers", d.Customers, "number of customers")
	fs.IntVar(&d.Products, "products", d.Products, "number of products")
	fs.IntVar(&d.Purchases, "purchases", d.Purchases, "number of purchases (rows of purchases.csv)")
	fs.IntVar(&d.Categories, "categories", d.Categories, "number of product categories (1 to 12)")
	fs.Float64Var(&d.Skew, "skew", d.Skew, "Zipf exponent of product popularity")
	fs.Float64Var(&d.Loyalty, "loyalty", d.Loyalty, "probability that a purchase is in the customer's favourite category")
	fs.Uint64Var(&d.Seed, "seed", d.Seed, "random seed")
	out := fs.String("o", "", "output directory (created if missing) for purchases.csv and products.csv with their .meta files")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "daphne gen purchases: unexpected argument %q\n", fs.Arg(0))
		return 1
	}
	if *out == "" {
		fmt.Fprintln(stderr, "daphne gen purchases: -o DIR is required")
		return 1
	}
	t0 := time.Now()
	products, purchases, err := purchasegen.Generate(d)
	if err == nil {
		err = os.MkdirAll(*out, 0o755)
	}
	var prodPath, purPath string
	if err == nil {
		prodPath, purPath, err = purchasegen.Write(*out, products, purchases)
	}
	if err != nil {
		fmt.Fprintf(stderr, "daphne gen purchases: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%d purchases by %d customers) and %s (%d products in %d categories), skew %g, loyalty %g, seed %d, in %.2fs\n",
		purPath, len(purchases), d.Customers, prodPath, len(products), d.Categories, d.Skew, d.Loyalty, d.Seed, time.Since(t0).Seconds())
	return 0
}
