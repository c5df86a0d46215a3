package ew

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	// The sign of a NaN from 0/0 is the CPU's (x86 sets it); keep the files portable.
	got = strings.ReplaceAll(got, "-nan", "nan")
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s line %d:\n got  %s\n want %s", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: got %d lines, want %d", path, len(gl), len(wl))
	}
}

// sample returns a scalar of value type vt holding 7 (true for bool, "7"
// for str) or, if small, 2 (true, "2").
func sample(vt types.ValueType, small bool) *data.Scalar {
	v := 7.0
	if small {
		v = 2
	}
	switch vt {
	case types.Str:
		return data.Str(fmt.Sprint(v))
	case types.Size:
		return data.SizeScalar(uint64(v))
	}
	return sc(vt, v)
}

// TestPromotionTable records, for every binary op and every pair of value
// types, the result of 7 op 2 (value type and value) or the error, and
// checks that ResultType predicts the kernel's value type.
func TestPromotionTable(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for op := BinOp(0); op < numBinOps; op++ {
		for _, va := range types.AllValueTypes {
			for _, vb := range types.AllValueTypes {
				x, y := sample(va, false), sample(vb, true)
				got, err := Binary(op, x, y)
				rt, rerr := ResultType(op, va, vb)
				fmt.Fprintf(&b, "%s %s %s: ", op.IROp(), va, vb)
				if err != nil {
					fmt.Fprintf(&b, "error: %v\n", err)
					if rerr == nil {
						t.Errorf("%s %s %s: kernel error %v, but ResultType gives %s", op, va, vb, err, rt)
					}
					continue
				}
				if rerr != nil || rt != got.ValueType() {
					t.Errorf("%s %s %s: kernel gives %s, ResultType %s, %v", op, va, vb, got.ValueType(), rt, rerr)
				}
				fmt.Fprintf(&b, "%s\n", show(got))
			}
		}
	}
	golden(t, "promotion.golden", b.String())
}

// TestUnaryTable records every unary op on every value type (of 2, or
// "Ab" for strings).
func TestUnaryTable(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for op := UnOp(0); op < numUnOps; op++ {
		for _, vt := range types.AllValueTypes {
			x := sample(vt, true)
			if vt == types.Str {
				x = data.Str("Ab")
			}
			got, err := Unary(op, x)
			fmt.Fprintf(&b, "%s %s: ", op.IROp(), vt)
			rt, rerr := UnaryResultType(op, vt)
			if err != nil {
				fmt.Fprintf(&b, "error: %v\n", err)
				if rerr == nil && !errors.Is(err, ErrDomain) {
					t.Errorf("%s %s: kernel error %v, but UnaryResultType gives %s", op, vt, err, rt)
				}
				continue
			}
			if rerr != nil || rt != got.ValueType() {
				t.Errorf("%s %s: kernel gives %s, UnaryResultType %s, %v", op, vt, got.ValueType(), rt, rerr)
			}
			fmt.Fprintf(&b, "%s\n", show(got))
		}
	}
	golden(t, "unary.golden", b.String())
}
