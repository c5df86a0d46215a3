package vec

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// Split and combine modes of a vectorizedPipeline op (its "split" and
// "combine" attributes, written by ir/pass's vectorize pass; defined in
// package ir).
const (
	SplitRows   = ir.SplitRows
	SplitBcast  = ir.SplitBcast
	CombineRows = ir.CombineRows
	CombineAdd  = ir.CombineAdd
	CombineMin  = ir.CombineMin
	CombineMax  = ir.CombineMax
)

// CombineOp returns the column aggregation that combines stacked partials
// of the given mode ("add" -> "sumCol"), or "" for "rows" or an unknown mode.
func CombineOp(mode string) string {
	switch mode {
	case CombineAdd:
		return "sumCol"
	case CombineMin:
		return "aggMinCol"
	case CombineMax:
		return "aggMaxCol"
	}
	return ""
}

// ParseModes splits a comma-separated attribute into want modes, each one
// of allowed.
func ParseModes(attr string, want int, allowed ...string) ([]string, error) {
	if want == 0 && attr == "" {
		return nil, nil
	}
	ms := strings.Split(attr, ",")
	if len(ms) != want {
		return nil, fmt.Errorf("vec: %d modes in %q, want %d", len(ms), attr, want)
	}
	for _, m := range ms {
		ok := false
		for _, a := range allowed {
			ok = ok || m == a
		}
		if !ok {
			return nil, fmt.Errorf("vec: unknown mode %q in %q (accepted: %s)", m, attr, strings.Join(allowed, ", "))
		}
	}
	return ms, nil
}

// RowView returns rows [lo, hi) of v as a matrix sharing v's storage (for
// CSR: its values and column indexes; the view has its own row pointers),
// and false if v is neither a dense nor a CSR matrix (the caller then runs
// the pipeline unsplit). 0 <= lo <= hi <= v's rows is the caller's to
// ensure.
func RowView(v data.Value, lo, hi int) (data.Value, bool) {
	switch m := v.(type) {
	case *data.Dense[float64]:
		return m.RowRange(lo, hi), true
	case *data.Dense[float32]:
		return m.RowRange(lo, hi), true
	case *data.Dense[int64]:
		return m.RowRange(lo, hi), true
	case *data.Dense[int32]:
		return m.RowRange(lo, hi), true
	case *data.Dense[int8]:
		return m.RowRange(lo, hi), true
	case *data.Dense[uint64]:
		return m.RowRange(lo, hi), true
	case *data.Dense[uint32]:
		return m.RowRange(lo, hi), true
	case *data.Dense[uint8]:
		return m.RowRange(lo, hi), true
	case *data.Dense[bool]:
		return m.RowRange(lo, hi), true
	case *data.Dense[string]:
		return m.RowRange(lo, hi), true
	}
	return csrRowView(v, lo, hi)
}

// Rows is an n-row result that tasks fill with their row ranges. A dense
// result is allocated once, by the first Put, with that task output's
// value type and width (which static types do not always know); every
// later Put must match them. If the first Put is a CSR matrix, the result
// is CSR: the parts are kept and joined in row order by Matrix (csr.go).
// Put may be called concurrently for disjoint row ranges.
type Rows struct {
	n    int
	once sync.Once
	dst  data.Matrix
	put  func(lo int, src data.Value) bool
	mu   sync.Mutex         // serialises the puts of CSR parts
	join func() data.Matrix // CSR results: joins the parts
}

// NewRows returns an empty n-row result.
func NewRows(n int) *Rows { return &Rows{n: n} }

// Put copies src, a dense matrix, into rows [lo, lo+src.Rows()). It
// reports false (and copies nothing) if src is not dense or does not match
// the value type and width of the first Put, or the range does not fit.
func (r *Rows) Put(lo int, src data.Value) bool {
	r.once.Do(func() {
		if put, join, ok := allocCSR(src, r.n); ok {
			r.put, r.join = put, join
			return
		}
		r.dst, r.put = alloc(src, r.n)
	})
	if r.put == nil {
		return false
	}
	if r.join != nil {
		r.mu.Lock()
		defer r.mu.Unlock()
	}
	return r.put(lo, src)
}

// allocDense allocates the result as an n x cols dense matrix of value type
// vt (for a compiled pipeline, which writes into it directly), unless a
// Put came first; it reports false if the result has another shape or
// type.
func (r *Rows) allocDense(vt types.ValueType, n, cols int) (data.Matrix, bool) {
	r.once.Do(func() {
		like, err := data.NewDenseOf(vt, 0, cols)
		if err == nil {
			r.dst, r.put = alloc(like, n)
		}
	})
	if r.dst == nil || r.dst.ValueType() != vt || r.dst.Rows() != n || r.dst.Cols() != cols || r.n != n {
		return nil, false
	}
	return r.dst, true
}

// Matrix returns the result: nil before the first Put, and for a CSR
// result whose parts do not cover the rows exactly once. Call it after the
// run.
func (r *Rows) Matrix() data.Matrix {
	if r.join != nil {
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.dst == nil {
			r.dst = r.join()
		}
	}
	return r.dst
}

// alloc allocates an n-row dense matrix like src and its put function, or
// nil, nil if src is not a dense matrix.
func alloc(src data.Value, n int) (data.Matrix, func(int, data.Value) bool) {
	switch m := src.(type) {
	case *data.Dense[float64]:
		return newRows(m, n)
	case *data.Dense[float32]:
		return newRows(m, n)
	case *data.Dense[int64]:
		return newRows(m, n)
	case *data.Dense[int32]:
		return newRows(m, n)
	case *data.Dense[int8]:
		return newRows(m, n)
	case *data.Dense[uint64]:
		return newRows(m, n)
	case *data.Dense[uint32]:
		return newRows(m, n)
	case *data.Dense[uint8]:
		return newRows(m, n)
	case *data.Dense[bool]:
		return newRows(m, n)
	case *data.Dense[string]:
		return newRows(m, n)
	}
	return nil, nil
}

func newRows[T data.Elem](like *data.Dense[T], n int) (data.Matrix, func(int, data.Value) bool) {
	vt, cols := like.ValueType(), like.Cols()
	d := data.NewDenseVT[T](vt, n, cols)
	return d, func(lo int, src data.Value) bool {
		s, ok := src.(*data.Dense[T])
		if !ok || s.ValueType() != vt || s.Cols() != cols || lo < 0 || lo+s.Rows() > n {
			return false
		}
		copy(d.Data[lo*cols:(lo+s.Rows())*cols], s.Data)
		return true
	}
}

// Partials collects per-task partial results of one output (1 x m column
// aggregates) keyed by the first row of the task. Add is safe for
// concurrent use.
type Partials struct {
	mu    sync.Mutex
	parts []partial
}

type partial struct {
	lo int
	v  data.Value
}

// Add records the partial of the task starting at row lo.
func (p *Partials) Add(lo int, v data.Value) {
	p.mu.Lock()
	p.parts = append(p.parts, partial{lo, v})
	p.mu.Unlock()
}

// Stacked returns the partials stacked in row order (the partial of the
// task with the smallest lo first) as one k x m dense matrix, so that the
// same column aggregation applied to it combines them. ok is false if a
// partial is not dense or the partials differ in width or value type.
func (p *Partials) Stacked() (data.Value, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.parts) == 0 {
		return nil, false
	}
	sort.Slice(p.parts, func(i, j int) bool { return p.parts[i].lo < p.parts[j].lo })
	vs := make([]data.Value, len(p.parts))
	for i, x := range p.parts {
		vs[i] = x.v
	}
	return Stack(vs)
}

// Stack concatenates dense matrices of one value type and width by rows.
func Stack(vs []data.Value) (data.Value, bool) {
	if len(vs) == 0 {
		return nil, false
	}
	switch vs[0].(type) {
	case *data.Dense[float64]:
		return stack[float64](vs)
	case *data.Dense[float32]:
		return stack[float32](vs)
	case *data.Dense[int64]:
		return stack[int64](vs)
	case *data.Dense[int32]:
		return stack[int32](vs)
	case *data.Dense[int8]:
		return stack[int8](vs)
	case *data.Dense[uint64]:
		return stack[uint64](vs)
	case *data.Dense[uint32]:
		return stack[uint32](vs)
	case *data.Dense[uint8]:
		return stack[uint8](vs)
	case *data.Dense[bool]:
		return stack[bool](vs)
	case *data.Dense[string]:
		return stack[string](vs)
	}
	return nil, false
}

func stack[T data.Elem](vs []data.Value) (data.Value, bool) {
	first := vs[0].(*data.Dense[T])
	cols, vt := first.Cols(), first.ValueType()
	rows := 0
	for _, v := range vs {
		m, ok := v.(*data.Dense[T])
		if !ok || m.Cols() != cols || m.ValueType() != vt {
			return nil, false
		}
		rows += m.Rows()
	}
	out := make([]T, 0, rows*cols)
	for _, v := range vs {
		out = append(out, v.(*data.Dense[T]).Data...)
	}
	return data.DenseFromVT(vt, rows, cols, out), true
}

// NaNBelowFirstRow reports whether a floating-point dense matrix has a NaN
// in any row but the first. Column min and max kernels fold from a
// column's first value, so a NaN at the top of a task's range makes that
// task's partial NaN and drops the task's other values; a stacked partial
// with a NaN below the first row therefore means the combined result may
// differ from the unsplit one (the caller then reruns unsplit). A NaN in
// the first partial propagates exactly as in the unsplit kernel.
func NaNBelowFirstRow(v data.Value) bool {
	switch m := v.(type) {
	case *data.Dense[float64]:
		return hasNaN(m.Data[min(m.Cols(), len(m.Data)):])
	case *data.Dense[float32]:
		return hasNaN(m.Data[min(m.Cols(), len(m.Data)):])
	}
	return false
}

func hasNaN[T float32 | float64](xs []T) bool {
	for _, x := range xs {
		if x != x {
			return true
		}
	}
	return false
}
