package ew_test

import (
	"fmt"
	"os"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/ew"
)

// A column vector minus a row vector broadcasts to a matrix, and integer
// division truncates.
func ExampleBinary() {
	col := data.DenseFrom(2, 1, []int64{10, 20})
	row := data.DenseFrom(1, 3, []int64{1, 2, 3})
	d, _ := ew.Binary(ew.Sub, col, row)
	_ = data.Print(os.Stdout, d, true)
	q, _ := ew.Binary(ew.Div, data.SI64(-7), data.SI64(2))
	fmt.Println(data.FormatScalar(q.(*data.Scalar)), q.ValueType())
	s, _ := ew.Binary(ew.Add, data.Str("a"), data.F64(1.5))
	fmt.Println(data.FormatScalar(s.(*data.Scalar)))
	// Output:
	// DenseMatrix(2x3, int64_t)
	// 9 8 7
	// 19 18 17
	// -3 si64
	// a1.500000
}

// A sparse matrix times a row vector stays sparse.
func ExampleBinary_sparse() {
	g, _ := data.NewCSR(2, 3, []int{0, 1, 2}, []int{2, 0}, []float64{1, 1})
	c := data.DenseFrom(1, 3, []float64{5, 6, 7})
	v, _ := ew.Binary(ew.Mul, g, c)
	_ = data.Print(os.Stdout, v, true)
	// Output:
	// CSRMatrix(2x3, double)
	// 0 0 7
	// 5 0 0
}

// Domain errors are runtime errors naming the value.
func ExampleUnary() {
	_, err := ew.Unary(ew.Sqrt, data.F64(-4))
	fmt.Println(err)
	v, _ := ew.Unary(ew.Round, data.F64(-2.5))
	fmt.Println(data.FormatScalar(v.(*data.Scalar)))
	// Output:
	// argument outside the domain: sqrt(-4): the argument must not be negative
	// -3
}
