package agg

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
)

// Op is an aggregation function.
type Op uint8

// The aggregation functions. Sum, Min and Max keep the input's value type;
// Mean, Var and Stddev produce the float of it (f32 stays f32, every other
// type becomes f64). Var and Stddev are population statistics (divide by N).
const (
	Sum Op = iota
	Min
	Max
	Mean
	Var
	Stddev
)

var opNames = [...]string{Sum: "sum", Min: "aggMin", Max: "aggMax", Mean: "mean", Var: "var", Stddev: "stddev"}

// String returns the DaphneDSL name of the function (sum, aggMin, ...).
func (o Op) String() string {
	if int(o) < len(opNames) {
		return opNames[o]
	}
	return fmt.Sprintf("Op(%d)", uint8(o))
}

// isStat reports whether o produces a float result (mean, var, stddev).
func (o Op) isStat() bool { return o == Mean || o == Var || o == Stddev }

// Axis says what an aggregation reduces over.
type Axis uint8

// The aggregation forms.
const (
	All Axis = iota // every cell: a scalar
	Row             // one value per row: n x 1
	Col             // one value per column: 1 x m
)

var axisNames = [...]string{All: "All", Row: "Row", Col: "Col"}

// String returns the IR op suffix (All, Row, Col).
func (a Axis) String() string {
	if int(a) < len(axisNames) {
		return axisNames[a]
	}
	return fmt.Sprintf("Axis(%d)", uint8(a))
}

// opName is the IR op name of an aggregation, for error messages.
func opName(o Op, a Axis) string { return o.String() + a.String() }

// emptyError reports a min/max (or idxMin/idxMax) over no cells.
func emptyError(name string, m data.Matrix) error {
	return fmt.Errorf("%s: cannot aggregate an empty %s: there is no minimum or maximum of zero values",
		name, data.Describe(m))
}

// minOf and maxOf are C++'s std::min(acc, x) and std::max(acc, x): a NaN
// accumulator stays NaN, a NaN x is skipped.
func minOf[T ordered](acc, x T) T {
	if x < acc {
		return x
	}
	return acc
}

func maxOf[T ordered](acc, x T) T {
	if acc < x {
		return x
	}
	return acc
}

// ordered is data.Number plus string: the types min and max work on.
type ordered interface {
	data.Number | ~string
}

// float is the result element type of mean, var and stddev.
type float interface {
	~float32 | ~float64
}

// isF32 reports whether T is float32 (whose statistics stay f32).
func isF32[T data.Number]() bool {
	var z T
	_, ok := any(z).(float32)
	return ok
}
