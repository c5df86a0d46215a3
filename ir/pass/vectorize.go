package pass

import (
	"strings"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/types"
)

// The vectorize pass (--vec) groups chains of vectorizable ops of one block
// into one call of ir.PipelineOp ("vectorizedPipeline") whose region holds
// the chain: block arguments are the pipeline inputs, the yield its
// outputs. The interpreter runs the region once per row range [lo, hi) of
// the split inputs, as tasks of the scheduler.
//
// Attributes of the pipeline op (comma-separated, one entry per input or
// output, in order):
//
//	split    "rows"  the input is cut into row ranges (it has the pipeline's n rows)
//	         "bcast" the input is passed whole to every task (a scalar or a 1 x m row vector)
//	combine  "rows"  the output has n rows; tasks write their row ranges
//	         "add", "min", "max"  a column aggregation (sumCol, aggMinCol,
//	         aggMaxCol): tasks produce 1 x m partials that are combined
//	         "moments:mean", "moments:var", "moments:stddev"  a column
//	         statistic (meanCol, varCol, stddevCol): the op leaves the
//	         region, which yields its input matrix instead; tasks summarise
//	         their rows of it (count, mean, M2 per column), the runtime
//	         merges the summaries in row order and finishes the statistic.
//	         Statistics of the same value (mean(X, 1) and stddev(X, 1)) share
//	         one pipeline and one summary per task: one pass over X.
//
// Vectorizable ops (without attributes, hence without kernel hints, and
// with a single result):
//
//   - cbind of two matrices of the pipeline's n rows (row by row);
//   - syrk(X) = t(X) @ X and gemv(X, y) = t(X) @ y of an n-row f32 or f64
//     X (and n x 1 y): output combined "sum" (each worker accumulates the
//     products of its rows, runtime/vec Sums), never used inside;
//   - elementwise unary ops (ewAbs, ewSqrt, ...) and binary ops (ewAdd,
//     ewMul, ewMin, ewLt, ...) whose result is a matrix of the pipeline's n
//     rows and whose operands are each a matrix of n rows (split) or a
//     scalar or a 1 x m matrix (broadcast);
//   - row aggregations sumRow, aggMinRow, aggMaxRow, meanRow of an n-row
//     matrix (output split by rows);
//   - column aggregations sumCol, aggMinCol, aggMaxCol and column
//     statistics meanCol, varCol, stddevCol (not of a bool matrix, whose
//     error the unfused kernel reports) of an n-row matrix (output
//     combined; such a result is never used inside its pipeline).
//
// The pass is conservative: every row count involved must be known from
// the infer pass (an unknown row count or value type means no fusion;
// column counts may be unknown, as splitting by rows does not change how
// the kernels treat columns, and a shape error fails every task, after
// which the runtime reruns the pipeline unsplit and reports it), n must
// be at least 2 (a 1-row input cannot be told from a broadcast row),
// string value types are excluded, and a group
// never spans control flow: it consists of ops of one block, with nothing
// but constants and transparent ops (nrow, ncol, fill of a column;
// vectorize_transparent.go) between them, and the pipeline op is placed after its last
// member (after those constants), so no op with effects or that may fail is
// reordered with respect to a member, and every outside use of a member
// value comes after the pipeline. Besides vertical fusion
// (producer -> consumer), ops that read a split input of the open group
// join it (horizontal fusion), so rowSums(X) and colSums(X) scan X once.
//
// Dense and CSR matrices fuse alike (the representation is rarely known
// statically): the runtime splits a CSR input into row views and joins
// CSR row-wise results in row order (runtime/vec, csr.go), so rowSums(G),
// G * s and rowMaxs(abs(G * t(c))) run as pipelines; rowMaxs(G * t(c))
// itself is rewritten earlier to the fused sparse kernel spRowAggMul.
func vectorize(s *state) error {
	for _, f := range s.m.Funcs {
		v := &vectorizer{f: f, uses: map[*ir.Value][]*ir.Op{}, depth: map[*ir.Value]int{}}
		v.collectUses(f.Body, nil)
		v.block(f.Body)
	}
	return nil
}

// Attribute names and values of the pipeline op (defined in package ir,
// the contract with the runtime).
const (
	AttrSplit     = ir.AttrSplit
	AttrCombine   = ir.AttrCombine
	SplitRows     = ir.SplitRows
	SplitBcast    = ir.SplitBcast
	CombineRows   = ir.CombineRows
	CombineAdd    = ir.CombineAdd
	CombineMin    = ir.CombineMin
	CombineMax    = ir.CombineMax
	CombineSum    = ir.CombineSum
	CombineMean   = ir.CombineMean
	CombineVar    = ir.CombineVar
	CombineStddev = ir.CombineStddev
)

// colStats maps the column statistics to their combine mode.
var colStats = map[string]string{"meanCol": CombineMean, "varCol": CombineVar, "stddevCol": CombineStddev}

// colAggs maps the column aggregations to their combine mode.
var colAggs = map[string]string{"sumCol": CombineAdd, "aggMinCol": CombineMin, "aggMaxCol": CombineMax}

// rowAggs are the row aggregations (n x m -> n x 1).
var rowAggs = map[string]bool{"sumRow": true, "aggMinRow": true, "aggMaxRow": true, "meanRow": true}

// ewBinary and ewUnary are the elementwise ops (runtime/kernel/ew's IR names).
var (
	ewBinary = map[string]bool{"ewAdd": true, "ewSub": true, "ewMul": true, "ewDiv": true, "ewPow": true,
		"ewMod": true, "ewLog": true, "ewMin": true, "ewMax": true, "ewEq": true, "ewNeq": true,
		"ewLt": true, "ewLe": true, "ewGt": true, "ewGe": true, "ewAnd": true, "ewOr": true}
	ewUnary = map[string]bool{"ewAbs": true, "ewSign": true, "ewExp": true, "ewLn": true, "ewSqrt": true,
		"ewSin": true, "ewCos": true, "ewTan": true, "ewAsin": true, "ewAcos": true, "ewAtan": true,
		"ewSinh": true, "ewCosh": true, "ewTanh": true, "ewRound": true, "ewFloor": true, "ewCeil": true,
		"ewIsNan": true, "ewMinus": true}
)

type vectorizer struct {
	f *ir.Func
	// uses maps a value to the top-level ops of the block that contains
	// the use (an op using a value inside one of its regions counts as a
	// use by the op owning the region, at the level of the value's block).
	uses  map[*ir.Value][]*ir.Op
	depth map[*ir.Value]int // nesting depth of the block defining a value (params: 0)
}

// collectUses records, for every value, the ops using it: a use in a nested
// region counts as a use by the op itself and by every enclosing op up to
// (not beyond) the block defining the value.
func (v *vectorizer) collectUses(b *ir.Block, outer []*ir.Op) {
	for _, a := range b.Args {
		v.depth[a] = len(outer)
	}
	for _, op := range b.Ops {
		chain := append(append([]*ir.Op(nil), outer...), op)
		for _, a := range op.Args {
			v.uses[a] = append(v.uses[a], chain[min(v.depth[a], len(chain)-1):]...)
		}
		for _, r := range op.Regions {
			v.collectUses(r, chain)
		}
		for _, r := range op.Results {
			v.depth[r] = len(outer)
		}
	}
}

// group is an open pipeline being built.
type group struct {
	n       int
	members []*ir.Op
	in      map[*ir.Op]bool
	split   map[*ir.Value]bool // split inputs read by members
	// firstSplit is the first split input read by a member (nil if none).
	firstSplit *ir.Value
	colAgg     map[*ir.Value]bool // member results that are column aggregates
}

func (g *group) defines(val *ir.Value) bool { return val.Def != nil && g.in[val.Def] }

// knownShape reports whether t is a scalar, or a matrix (dense or CSR) of
// known row count, of a known non-string value type. Column counts need
// not be known: splitting by rows never changes how the kernels broadcast
// or check columns.
func knownShape(t types.Type) bool {
	if t.VT == types.Unknown || t.VT == types.Str {
		return false
	}
	switch t.DT {
	case types.Scalar:
		return true
	case types.Matrix:
		return t.Rows >= 0
	}
	return false
}

// rowCount returns the pipeline row count n an op would impose, and whether
// the op is vectorizable at all.
func rowCount(op *ir.Op) (int, bool) {
	if op.Kind != ir.KindCall || len(op.Attrs) > 0 || len(op.Results) != 1 || len(op.Regions) > 0 {
		return 0, false
	}
	rt := op.Results[0].Type
	if n, ok := productRows(op); ok { // syrk, gemv: vectorize_transparent.go
		return n, true
	}
	if !knownShape(rt) || rt.DT != types.Matrix {
		return 0, false
	}
	for _, a := range op.Args {
		if !knownShape(a.Type) {
			return 0, false
		}
	}
	switch {
	case ewUnary[op.Name] && len(op.Args) == 1:
		a := op.Args[0].Type
		if a.DT != types.Matrix || a.Rows != rt.Rows {
			return 0, false
		}
		return rt.Rows, rt.Rows >= 2
	case ewBinary[op.Name] && len(op.Args) == 2:
		n := rt.Rows
		if n < 2 {
			return 0, false
		}
		split := 0
		for _, a := range op.Args {
			t := a.Type
			switch {
			case t.DT == types.Scalar, t.Rows == 1:
			case t.Rows == n:
				split++
			default:
				return 0, false
			}
		}
		return n, split > 0
	case op.Name == "cbind" && len(op.Args) == 2:
		// Row by row: both operands have the pipeline's n rows.
		n := rt.Rows
		for _, a := range op.Args {
			if a.Type.DT != types.Matrix || a.Type.Rows != n {
				return 0, false
			}
		}
		return n, n >= 2
	case (rowAggs[op.Name] || colAggs[op.Name] != "" || colStats[op.Name] != "") && len(op.Args) == 1:
		a := op.Args[0].Type
		if a.DT != types.Matrix || a.Rows < 2 {
			return 0, false
		}
		if colStats[op.Name] != "" {
			// bool input is an error of the kernel, reported unfused; the
			// summaries of a CSR matrix would densify every batch.
			return a.Rows, rt.Rows == 1 && a.VT != types.Bool && a.Repr != types.SparseRepr
		}
		if rowAggs[op.Name] && rt.Rows != a.Rows {
			return 0, false
		}
		if colAggs[op.Name] != "" && rt.Rows != 1 {
			return 0, false
		}
		return a.Rows, true
	}
	return 0, false
}

// splitOperand reports whether operand a of a vectorizable op with row
// count n is split by rows (otherwise it is broadcast).
func splitOperand(a *ir.Value, n int) bool {
	return a.Type.DT == types.Matrix && a.Type.Rows == n
}

// block fuses the ops of b and, recursively, of nested blocks.
func (v *vectorizer) block(b *ir.Block) {
	for _, op := range b.Ops {
		for _, r := range op.Regions {
			v.block(r)
		}
	}
	var g *group
	var out []*ir.Op
	flush := func() {
		if g != nil {
			out = append(out, v.emit(g)...)
			g = nil
		}
	}
	for _, op := range b.Ops {
		n, ok := rowCount(op)
		if g != nil && ok && n == g.n && v.canJoin(g, op) {
			g.add(op)
			continue
		}
		if g != nil && !ok && v.transparent(g, op) { // vectorize_transparent.go
			out = append(out, op)
			continue
		}
		// Any other op but a constant or a transparent op closes the open group (the pipeline
		// is placed before it, so it sees the pipeline's results and runs
		// after it, as before: an op that may fail or has effects is never
		// moved across a member that may fail); a vectorizable op that
		// cannot join starts a new group.
		if g != nil && (ok || op.Kind != ir.KindConst) {
			flush()
		}
		if ok {
			g = &group{n: n, in: map[*ir.Op]bool{}, split: map[*ir.Value]bool{}, colAgg: map[*ir.Value]bool{}}
			g.add(op)
			continue
		}
		out = append(out, op)
	}
	flush()
	b.Ops = out
}

func (g *group) add(op *ir.Op) {
	g.members = append(g.members, op)
	g.in[op] = true
	for _, a := range op.Args {
		if !g.defines(a) && splitOperand(a, g.n) {
			g.split[a] = true
			if g.firstSplit == nil {
				g.firstSplit = a
			}
		}
	}
	if colAggs[op.Name] != "" || colStats[op.Name] != "" || products[op.Name] {
		g.colAgg[op.Results[0]] = true
	}
}

// canJoin reports whether op may join g: it does not read a column
// aggregate of g and it is related to g (reads a member's value or a split
// input of g).
func (v *vectorizer) canJoin(g *group, op *ir.Op) bool {
	for _, a := range op.Args {
		if g.colAgg[a] {
			return false
		}
	}
	return v.related(g, op)
}

// related reports whether op reads a member's value or a split input of g.
func (v *vectorizer) related(g *group, op *ir.Op) bool {
	for _, a := range op.Args {
		if g.defines(a) || g.split[a] {
			return true
		}
	}
	return false
}

// emit builds the pipeline op of g, or returns its members unchanged when
// no member value is used outside the group.
func (v *vectorizer) emit(g *group) []*ir.Op {
	// Outputs: member results used by a non-member.
	var outputs []*ir.Value
	for _, m := range g.members {
		r := m.Results[0]
		for _, u := range v.uses[r] {
			if !g.in[u] {
				outputs = append(outputs, r)
				break
			}
		}
	}
	if len(outputs) == 0 {
		return g.members
	}
	// Inputs: non-member operands, in first-use order, deduplicated.
	var inputs []*ir.Value
	arg := map[*ir.Value]*ir.Value{}
	region := &ir.Block{}
	var splits []string
	for _, m := range g.members {
		for i, a := range m.Args {
			if g.defines(a) {
				continue
			}
			ba, seen := arg[a]
			if !seen {
				ba = v.f.NewValue(a.Type, nil)
				ba.Name = a.Name
				arg[a] = ba
				inputs = append(inputs, a)
				region.Args = append(region.Args, ba)
				if splitOperand(a, g.n) {
					splits = append(splits, SplitRows)
				} else {
					splits = append(splits, SplitBcast)
				}
			}
			m.Args[i] = ba
		}
	}
	// Column statistics leave the region: it yields their input instead.
	for _, m := range g.members {
		if colStats[m.Name] == "" {
			region.Ops = append(region.Ops, m)
		}
	}
	last := g.members[len(g.members)-1]
	p := &ir.Op{Kind: ir.KindCall, Name: ir.PipelineOp, Args: inputs, Loc: last.Loc,
		Regions: []*ir.Block{region}}
	var combines []string
	yields := make([]*ir.Value, len(outputs))
	rep := replacer{}
	for k, o := range outputs {
		yields[k] = o
		r := v.f.NewValue(o.Type, p)
		r.Name = o.Name
		p.Results = append(p.Results, r)
		rep[o] = r
		if c := colStats[o.Def.Name]; c != "" {
			combines = append(combines, c)
			yields[k] = o.Def.Args[0]
		} else if c := colAggs[o.Def.Name]; c != "" {
			combines = append(combines, c)
		} else if products[o.Def.Name] {
			combines = append(combines, CombineSum)
		} else {
			combines = append(combines, CombineRows)
		}
	}
	region.Ops = append(region.Ops, &ir.Op{Kind: ir.KindYield, Args: yields, Loc: last.Loc})
	p.SetAttr(AttrSplit, strings.Join(splits, ","))
	p.SetAttr(AttrCombine, strings.Join(combines, ","))
	// Rewrite the outside uses (which all follow the pipeline op).
	forEachOp(v.f.Body, func(op *ir.Op) {
		if op == p || g.in[op] {
			return
		}
		for i, a := range op.Args {
			if r, ok := rep[a]; ok {
				op.Args[i] = r
			}
		}
	})
	// Keep the use table right for later groups of enclosing blocks.
	for o, r := range rep {
		v.uses[r] = v.uses[o]
	}
	for _, in := range inputs {
		v.uses[in] = append(v.uses[in], p)
	}
	return []*ir.Op{p}
}
