package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenPurchases(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "dir")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // substring of stdout+stderr
	}{
		{"writes both tables", []string{"purchases", "-customers", "30", "-products", "12", "-purchases", "100", "-o", dir}, 0,
			"(100 purchases by 30 customers) and " + filepath.Join(dir, "products.csv") + " (12 products in 8 categories), skew 1.1, loyalty 0.9, seed 42"},
		{"missing output", []string{"purchases"}, 1, "-o DIR is required"},
		{"usage names purchases", []string{"tables"}, 1, "daphne gen purchases [-customers N]"},
		{"no customers", []string{"purchases", "-customers", "0", "-o", dir}, 1, "customers and products must be at least 1"},
		{"too many categories", []string{"purchases", "-categories", "13", "-o", dir}, 1, "categories must be between 1 and 12"},
		{"more categories than products", []string{"purchases", "-products", "3", "-o", dir}, 1, "8 categories need at least as many products"},
		{"bad skew", []string{"purchases", "-skew", "0", "-o", dir}, 1, "skew must be a positive number"},
		{"bad loyalty", []string{"purchases", "-loyalty", "1.5", "-o", dir}, 1, "loyalty must be between 0 and 1"},
		{"extra argument", []string{"purchases", "-o", dir, "more"}, 1, `unexpected argument "more"`},
		{"bad flag", []string{"purchases", "-bogus"}, 1, "flag provided but not defined"},
		{"output is a file", []string{"purchases", "-o", "/dev/null"}, 1, "daphne gen purchases:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := genMain(tc.args, &stdout, &stderr)
			if code != tc.code || !strings.Contains(stdout.String()+stderr.String(), tc.want) {
				t.Fatalf("exit %d, output %q%q; want exit %d containing %q", code, stdout.String(), stderr.String(), tc.code, tc.want)
			}
		})
	}
	meta, err := os.ReadFile(filepath.Join(dir, "purchases.csv.meta"))
	if err != nil || string(meta) != `{"numCols":4,"numRows":100,"schema":[{"label":"customer","valueType":"si64"},{"label":"product","valueType":"si64"},{"label":"quantity","valueType":"si64"},{"label":"price","valueType":"f64"}]}` {
		t.Fatalf("purchases meta %s, %v", meta, err)
	}
	meta, err = os.ReadFile(filepath.Join(dir, "products.csv.meta"))
	if err != nil || string(meta) != `{"numCols":3,"numRows":12,"schema":[{"label":"product","valueType":"si64"},{"label":"name","valueType":"str"},{"label":"category","valueType":"str"}]}` {
		t.Fatalf("products meta %s, %v", meta, err)
	}
}
