package vec

import (
	"errors"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/ew"
	"github.com/daphne-go/daphne/types"
)

// errDomain is a task's failure on a value outside an op's domain (sqrt or
// ln of a negative number); errOutput a result the sinks refuse. The
// interpreter then reruns the pipeline unfused, which reports the kernel's
// own error or computes the result the kernels' way.
var (
	errDomain = errors.New("vec: argument outside the domain of an op")
	errOutput = errors.New("vec: a result does not fit its output")
)

// Outputs says where the tasks of one pipeline run put each output i:
// Rows[i] (row-wise results), Parts[i] (column-aggregate partials),
// Moments[i] (column-statistics summaries) or Sums[i] (syrk and gemv); an output with none of them
// set is not produced by the tasks (a statistic sharing another output's
// summaries).
type Outputs struct {
	Rows    []*Rows
	Parts   []*Partials
	Moments []*MomentParts
	Sums    []*Sums
}

// Program is a pipeline region compiled to typed loops for one run: every
// batch reads its rows of the split inputs in place, computes each
// intermediate into a buffer of the worker's Scratch (reused from batch to
// batch and run to run), and computes row-wise outputs directly into their
// rows of the result, so a task allocates nothing batch- or full-sized.
// Results are exactly the kernels' (see loops.go).
//
// Compile accepts regions whose values all have one value type (f64, f32
// or si64; scalars of any numeric type that promotes to it) and whose ops
// are the elementwise ops of loops.go, sum/min/max by rows or columns and
// cbind on dense inputs; for anything else it reports false and the interpreter
// runs the region's ops through the kernels as before.
type Program struct {
	run func(s *Scratch, lo, hi int) error
}

// Run computes rows [lo, hi) of the pipeline, one batch, with s as
// scratch, and hands the results to the Outputs given to Compile. Safe for
// concurrent use with different Scratches and disjoint row ranges.
func (p *Program) Run(s *Scratch, lo, hi int) error { return p.run(s, lo, hi) }

// Compile compiles region (the pipeline op's region, whose arguments are
// args, split as splits says) for one run over n rows, or reports false.
// It allocates the Rows results it will write (nil Rows entries are fine).
func Compile(region *ir.Block, splits []string, args []data.Value, n int, out Outputs) (*Program, bool) {
	for i, a := range args {
		if splits[i] != SplitRows {
			continue
		}
		switch m := a.(type) {
		case *data.Dense[float64]:
			return compile[float64](region, splits, args, n, out, types.F64)
		case *data.Dense[float32]:
			return compile[float32](region, splits, args, n, out, types.F32)
		case *data.Dense[int64]:
			if m.ValueType() == types.SI64 {
				return compile[int64](region, splits, args, n, out, types.SI64)
			}
		}
		return nil, false
	}
	return nil, false
}

type slotKind uint8

const (
	sSplit  slotKind = iota // rows of a split input
	sBcast                  // a broadcast 1 x m input
	sScalar                 // a broadcast scalar
	sComp                   // computed by a step
)

// slot is one value of the region.
type slot[T elem] struct {
	kind  slotKind
	vt    types.ValueType
	batch bool // the batch's rows (else 1 row)
	cols  int
	s     T    // sScalar: the value converted to T
	data  []T  // sSplit: the whole input; sBcast: the row
	buf   int  // sComp: scratch buffer index
	out   int  // sComp: the Rows output written in place, or -1
	sum   bool // sComp: a product accumulated in a Sums (no buffer)
}

type stepKind uint8

const (
	kBin stepKind = iota
	kUn
	kRowAgg
	kColAgg
	kCbind
	kSyrk // t(a) @ a into a worker's accumulator
	kGemv // t(a) @ b into a worker's accumulator
)

type step struct {
	kind    stepKind
	bop     binOp
	uop     unOp
	agg     aggKind
	dst     int
	a, b    int
	scalarA bool // operand a, b is a scalar or a 1 x 1 matrix
	scalarB bool
	sum     *Sums // kSyrk, kGemv: the output accumulating the products
}

// prog is a compiled region for element type T.
type prog[T elem] struct {
	vt     types.ValueType
	slots  []slot[T]
	steps  []step
	yields []int
	out    Outputs
	dst    [][]T // dst[i]: the data of output i's Rows result
	cols   []int // cols[i]: the width of output i
}

func compile[T elem](region *ir.Block, splits []string, args []data.Value, n int, out Outputs, vt types.ValueType) (*Program, bool) {
	p := &prog[T]{vt: vt, out: out}
	id := map[*ir.Value]int{}
	if len(region.Args) != len(args) {
		return nil, false
	}
	for i, ra := range region.Args {
		sl, ok := inputSlot[T](args[i], splits[i], n, vt)
		if !ok {
			return nil, false
		}
		sl.out = -1
		id[ra] = len(p.slots)
		p.slots = append(p.slots, sl)
	}
	k := len(region.Ops)
	if k == 0 || region.Ops[k-1].Kind != ir.KindYield {
		return nil, false
	}
	nbuf := 0
	for _, op := range region.Ops[:k-1] {
		st, sl, ok := p.compileOp(op, id)
		if !ok {
			return nil, false
		}
		sl.buf, sl.out = nbuf, -1
		nbuf++
		st.dst = len(p.slots)
		id[op.Results[0]] = st.dst
		p.slots = append(p.slots, sl)
		p.steps = append(p.steps, st)
	}
	for _, y := range region.Ops[k-1].Args {
		i, ok := id[y]
		if !ok {
			return nil, false
		}
		p.yields = append(p.yields, i)
	}
	if !p.bindOutputs(n) {
		return nil, false
	}
	for _, st := range p.steps {
		if (st.kind == kSyrk || st.kind == kGemv) && st.sum == nil {
			return nil, false // a product used otherwise than as a Sums output
		}
	}
	return &Program{run: p.run}, true
}

// inputSlot makes the slot of a pipeline input.
func inputSlot[T elem](a data.Value, split string, n int, vt types.ValueType) (slot[T], bool) {
	switch v := a.(type) {
	case *data.Dense[T]:
		if v.ValueType() != vt {
			return slot[T]{}, false
		}
		if split == SplitRows {
			return slot[T]{kind: sSplit, vt: vt, batch: true, cols: v.Cols(), data: v.Data}, v.Rows() == n
		}
		return slot[T]{kind: sBcast, vt: vt, cols: v.Cols(), data: v.Data}, v.Rows() == 1
	case *data.Scalar:
		if split == SplitRows || v.VT == types.Str || v.VT == types.Unknown {
			return slot[T]{}, false
		}
		return slot[T]{kind: sScalar, vt: v.VT, cols: 1, s: data.Get[T](v)}, true
	}
	return slot[T]{}, false
}

// compileOp compiles one op of the region into a step and the slot of its
// result, or reports false.
func (p *prog[T]) compileOp(op *ir.Op, id map[*ir.Value]int) (step, slot[T], bool) {
	var st step
	if op.Kind != ir.KindCall || len(op.Attrs) > 0 || len(op.Regions) > 0 || len(op.Results) != 1 ||
		op.Results[0].Type.VT != p.vt {
		return st, slot[T]{}, false
	}
	var in []slot[T]
	for _, a := range op.Args {
		i, ok := id[a]
		if !ok {
			return st, slot[T]{}, false
		}
		in = append(in, p.slots[i])
	}
	argAt := func(i int) int { return id[op.Args[i]] }
	_, isInt := any(*new(T)).(int64)
	res := slot[T]{kind: sComp, vt: p.vt}
	if bop, ok := binOps[op.Name]; ok && len(in) == 2 {
		a, b := in[0], in[1]
		ewOp, known := ewBinOp(op.Name)
		rt, err := ew.ResultType(ewOp, a.vt, b.vt)
		if !known || err != nil || rt != p.vt || types.Promote(a.vt, b.vt) != p.vt || (bop == bDiv && isInt) {
			return st, res, false
		}
		cols, ok := bdim(a.cols, b.cols)
		if !ok || !(a.batch || b.batch) {
			return st, res, false
		}
		res.batch, res.cols = true, cols
		st = step{kind: kBin, bop: bop, a: argAt(0), b: argAt(1),
			scalarA: a.kind == sScalar || (!a.batch && a.cols == 1),
			scalarB: b.kind == sScalar || (!b.batch && b.cols == 1)}
		return st, res, true
	}
	if (op.Name == "syrk" && len(in) == 1) || (op.Name == "gemv" && len(in) == 2) {
		for _, x := range in {
			if x.kind == sScalar || !x.batch || x.vt != p.vt || isInt {
				return st, res, false
			}
		}
		if op.Name == "gemv" {
			if in[1].cols != 1 {
				return st, res, false
			}
			res.cols, res.sum = 1, true
			return step{kind: kGemv, a: argAt(0), b: argAt(1)}, res, true
		}
		res.cols, res.sum = in[0].cols, true
		return step{kind: kSyrk, a: argAt(0)}, res, true
	}
	if op.Name == "cbind" && len(in) == 2 {
		a, b := in[0], in[1]
		if a.kind == sScalar || b.kind == sScalar || !a.batch || !b.batch || a.vt != p.vt || b.vt != p.vt {
			return st, res, false
		}
		res.batch, res.cols = true, a.cols+b.cols
		return step{kind: kCbind, a: argAt(0), b: argAt(1)}, res, true
	}
	if len(in) != 1 || in[0].kind == sScalar || !in[0].batch || in[0].vt != p.vt {
		return st, res, false
	}
	a := in[0]
	if uop, ok := unOps[op.Name]; ok {
		if isInt && (uop == uSqrt || uop == uExp || uop == uLn) {
			return st, res, false
		}
		res.batch, res.cols = true, a.cols
		return step{kind: kUn, uop: uop, a: argAt(0)}, res, true
	}
	if k, ok := rowAggOps[op.Name]; ok && a.cols > 0 {
		res.batch, res.cols = true, 1
		return step{kind: kRowAgg, agg: k, a: argAt(0)}, res, true
	}
	if k, ok := colAggOps[op.Name]; ok && a.cols > 0 {
		res.batch, res.cols = false, a.cols
		return step{kind: kColAgg, agg: k, a: argAt(0)}, res, true
	}
	return st, res, false
}

// ewBinOp returns ew's op of an IR name.
func ewBinOp(name string) (ew.BinOp, bool) {
	op, ok := ewBinOps[binOps[name]]
	_, known := binOps[name]
	return op, ok && known
}

// ewBinOps maps the binary ops to ew's (for its type rules).
var ewBinOps = map[binOp]ew.BinOp{bAdd: ew.Add, bSub: ew.Sub, bMul: ew.Mul, bDiv: ew.Div,
	bMin: ew.Min, bMax: ew.Max, bEq: ew.Eq, bNeq: ew.Neq, bLt: ew.Lt, bLe: ew.Le, bGt: ew.Gt, bGe: ew.Ge}

// bdim is ew's broadcasting rule for one dimension.
func bdim(x, y int) (int, bool) {
	switch {
	case x == y:
		return x, true
	case x == 1:
		return y, true
	case y == 1:
		return x, true
	}
	return 0, false
}

// bindOutputs checks every output against its sink and lets row-wise
// outputs computed by a step be computed in place.
func (p *prog[T]) bindOutputs(n int) bool {
	p.dst = make([][]T, len(p.yields))
	p.cols = make([]int, len(p.yields))
	for i, y := range p.yields {
		sl := &p.slots[y]
		p.cols[i] = sl.cols
		switch {
		case i < len(p.out.Rows) && p.out.Rows[i] != nil:
			if !sl.batch {
				return false
			}
			d, ok := p.out.Rows[i].allocDense(p.vt, n, sl.cols)
			if !ok {
				return false
			}
			p.dst[i] = d.(*data.Dense[T]).Data
			if sl.kind == sComp && sl.out < 0 {
				sl.out = i
			}
		case i < len(p.out.Sums) && p.out.Sums[i] != nil:
			k := p.producer(y)
			if k < 0 || (p.steps[k].kind != kSyrk && p.steps[k].kind != kGemv) || p.steps[k].sum != nil {
				return false
			}
			st := &p.steps[k]
			st.sum = p.out.Sums[i]
			st.sum.init(p.vt, p.slots[st.a].cols, sl.cols, st.kind == kSyrk)
		case i < len(p.out.Parts) && p.out.Parts[i] != nil:
			if sl.kind != sComp || sl.batch || sl.sum {
				return false
			}
		case i < len(p.out.Moments) && p.out.Moments[i] != nil:
			if !sl.batch {
				return false
			}
		case sl.sum:
			return false // a product yielded to another sink
		}
	}
	return true
}

// producer returns the index of the step computing slot i, or -1.
func (p *prog[T]) producer(i int) int {
	for k, st := range p.steps {
		if st.dst == i {
			return k
		}
	}
	return -1
}
