package ew

import (
	"errors"
	"strings"
	"testing"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

func TestOuter(t *testing.T) {
	t.Parallel()
	si, f64 := types.SI64, types.F64
	col := mat(si, 3, 1, 1, 2, 3)
	row := mat(si, 1, 2, 10, 20)
	tests := []struct {
		name string
		op   BinOp
		a, b data.Value
		want string
	}{
		{"sub", Sub, col, row, "DenseMatrix(3x2, int64_t)|-9 -19|-8 -18|-7 -17"},
		{"mul", Mul, col, row, "DenseMatrix(3x2, int64_t)|10 20|20 40|30 60"},
		{"lt", Lt, col, mat(f64, 1, 2, 2, 0.5), "DenseMatrix(3x2, double)|1 0|0 0|0 0"},
		{"pow", Pow, col, mat(si, 1, 2, 0, 2), "DenseMatrix(3x2, int64_t)|1 1|1 4|1 9"},
		{"scalars", Add, sc(si, 1), sc(si, 2), "DenseMatrix(1x1, int64_t)|3"},
		{"scalar column", Max, col, sc(si, 2), "DenseMatrix(3x1, int64_t)|2|2|3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Outer(tc.op, tc.a, tc.b)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
	_, err := Outer(Add, row, col)
	if !errors.Is(err, ErrShape) || !strings.Contains(err.Error(), "1x2") || !strings.Contains(err.Error(), "outerAdd") {
		t.Errorf("outerAdd(row, col): got %v, want a shape error naming 1x2 and outerAdd", err)
	}
	if _, err := Outer(Concat, col, row); !errors.Is(err, ErrType) {
		t.Errorf("outer concat: got %v, want %v", err, ErrType)
	}
}

func TestCond(t *testing.T) {
	t.Parallel()
	si, f64 := types.SI64, types.F64
	A := mat(si, 2, 2, 1, 2, 3, 4)
	B := mat(si, 2, 2, 5, 6, 7, 8)
	tests := []struct {
		name    string
		c, a, b data.Value
		want    string
	}{
		{"scalar true", sc(si, 1), sc(si, 10), sc(si, 20), "si64 10"},
		{"scalar false", sc(f64, 0), sc(si, 10), sc(si, 20), "si64 20"},
		{"scalar promotes", data.Bool(true), sc(si, 1), sc(f64, 0), "f64 1"},
		{"scalar matrices", sc(si, 0), A, B, "DenseMatrix(2x2, int64_t)|5 6|7 8"},
		{"strings", sc(si, 1), data.Str("yes"), data.Str("no"), "str yes"},
		{"matrix cond scalar else", mat(si, 4, 1, 1, 0, 0, 1), mat(f64, 4, 1, 1, 2, 3, 4), sc(f64, 99.9),
			"DenseMatrix(4x1, double)|1|99.9|99.9|4"},
		{"matrix cond matrices", mat(f64, 2, 2, 1, 0, 0, 2), A, B, "DenseMatrix(2x2, int64_t)|1 6|7 4"},
		{"matrix cond scalars", mat(types.Bool, 1, 3, 1, 0, 1), sc(si, 1), sc(f64, 0.5), "DenseMatrix(1x3, double)|1 0.5 1"},
		{"matrix cond strings", mat(si, 1, 2, 0, 1), data.Str("a"), smat(1, 2, "x", "y"), "DenseMatrix(1x2, std::string)|x a"},
		{"csr cond", sparse(si, 2, 2, 0, 1, 0, 0), A, sc(si, 0), "DenseMatrix(2x2, int64_t)|0 2|0 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Cond(tc.c, tc.a, tc.b)
			if err != nil {
				t.Fatal(err)
			}
			if s := show(got); s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func TestCondErrors(t *testing.T) {
	t.Parallel()
	si := types.SI64
	tests := []struct {
		name    string
		c, a, b data.Value
		is      error
		part    string
	}{
		{"data types differ", sc(si, 1), sc(si, 1), mat(si, 1, 1, 1), ErrType, "same data type"},
		{"branch shape", mat(si, 2, 1, 1, 0), mat(si, 3, 1, 1, 2, 3), sc(si, 0), ErrShape, "3x1"},
		{"string condition", data.Str("x"), sc(si, 1), sc(si, 2), nil, "condition"},
		{"string matrix condition", smat(1, 1, "x"), sc(si, 1), sc(si, 2), ErrType, "condition"},
		{"list branch", mat(si, 1, 1, 1), &data.List{VT: si}, sc(si, 2), ErrType, "list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v, err := Cond(tc.c, tc.a, tc.b)
			if err == nil {
				t.Fatalf("got %s, want an error", show(v))
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q does not wrap %q", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.part) {
				t.Errorf("error %q does not mention %q", err, tc.part)
			}
		})
	}
}

// irOps are the IR op names this package must implement (builtin/doc.go).
var irOps = strings.Fields(`ewAdd ewSub ewMul ewDiv ewPow ewMod ewLog ewMin ewMax ewConcat
	ewEq ewNeq ewLt ewLe ewGt ewGe ewAnd ewOr
	ewAbs ewSign ewExp ewLn ewSqrt ewSin ewCos ewTan ewAsin ewAcos ewAtan ewSinh ewCosh
	ewTanh ewRound ewFloor ewCeil ewIsNan ewLower ewUpper ewMinus
	outerAdd outerSub outerMul outerDiv outerPow outerMod outerLog outerMin outerMax
	outerAnd outerOr outerEq outerNeq outerLt outerLe outerGt outerGe cond`)

func TestRegister(t *testing.T) {
	t.Parallel()
	r := ops.NewRegistry()
	Register(r)
	if got, want := len(r.Names()), len(irOps); got != want {
		t.Errorf("registered %d ops, want %d: %v", got, want, r.Names())
	}
	for _, name := range irOps {
		if _, ok := r.Lookup(name); !ok {
			t.Errorf("%s is not registered", name)
		}
	}
	tests := []struct {
		name string
		op   string
		args []data.Value
		want string
		err  string
	}{
		{"binary", "ewSub", []data.Value{sc(types.SI64, 1), sc(types.SI64, 3)}, "si64 -2", ""},
		{"unary", "ewSqrt", []data.Value{sc(types.SI64, 9)}, "f64 3", ""},
		{"outer", "outerMul", []data.Value{mat(types.SI64, 2, 1, 1, 2), mat(types.SI64, 1, 1, 3)}, "DenseMatrix(2x1, int64_t)|3|6", ""},
		{"cond", "cond", []data.Value{sc(types.SI64, 0), sc(types.SI64, 1), sc(types.SI64, 2)}, "si64 2", ""},
		{"arity", "ewAdd", []data.Value{sc(types.SI64, 1)}, "", "ewAdd expects 2 arguments, got 1"},
		{"nil argument", "ewAbs", []data.Value{nil}, "", "no value"},
		{"kernel error", "ewDiv", []data.Value{sc(types.SI64, 1), sc(types.SI64, 0)}, "", "division by zero"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, _ := r.Lookup(tc.op)
			res, err := f(&ops.Ctx{}, tc.args, nil)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want an error containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 1 || show(res[0]) != tc.want {
				t.Errorf("got %d results, first %s; want %s", len(res), show(res[0]), tc.want)
			}
		})
	}
}
