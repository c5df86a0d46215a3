package vec

import (
	"slices"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/linalg"
)

// Running a compiled pipeline (program.go) on one batch.

// run computes one batch.
func (p *prog[T]) run(s *Scratch, lo, hi int) error {
	t := scratchOf[T](s)
	h := hi - lo
	vals := t.table(len(p.slots))
	for i := range p.slots {
		sl := &p.slots[i]
		switch {
		case sl.kind == sSplit:
			vals[i] = sl.data[lo*sl.cols : hi*sl.cols]
		case sl.kind == sBcast:
			vals[i] = sl.data
		case sl.kind == sComp && sl.sum:
			vals[i] = nil
		case sl.kind == sComp && sl.out >= 0:
			vals[i] = p.dst[sl.out][lo*sl.cols : hi*sl.cols]
		case sl.kind == sComp:
			rows := 1
			if sl.batch {
				rows = h
			}
			vals[i] = t.buf(sl.buf, rows*sl.cols)
		}
	}
	for _, st := range p.steps {
		if st.kind == kSyrk || st.kind == kGemv {
			p.product(st, s, vals, h)
			continue
		}
		if err := p.step(st, vals, h); err != nil {
			return err
		}
	}
	return p.emit(vals, lo, hi)
}

// step runs one step on the batch's values.
func (p *prog[T]) step(st step, vals [][]T, h int) error {
	d := vals[st.dst]
	switch st.kind {
	case kUn:
		return unary(st.uop, d, vals[st.a])
	case kRowAgg:
		a, c := vals[st.a], p.slots[st.a].cols
		for i := range d {
			d[i] = fold(st.agg, a[i*c:(i+1)*c])
		}
	case kColAgg:
		colFold(st.agg, d, vals[st.a])
	case kBin:
		p.binary(st, d, vals, h)
	case kCbind:
		a, b := vals[st.a], vals[st.b]
		ca, cb := p.slots[st.a].cols, p.slots[st.b].cols
		for i := range h {
			row := d[i*(ca+cb) : (i+1)*(ca+cb)]
			copy(row, a[i*ca:(i+1)*ca])
			copy(row[ca:], b[i*cb:(i+1)*cb])
		}
	}
	return nil
}

// binary runs an elementwise binary step with broadcasting: as one loop
// over the batch when each operand is a scalar or has the result's shape,
// else row by row.
func (p *prog[T]) binary(st step, d []T, vals [][]T, h int) {
	A, B := &p.slots[st.a], &p.slots[st.b]
	a, b := vals[st.a], vals[st.b]
	dc := p.slots[st.dst].cols
	sa, sb := p.scalarOf(st.a, st.scalarA, a), p.scalarOf(st.b, st.scalarB, b)
	fullA, fullB := A.batch && A.cols == dc, B.batch && B.cols == dc
	switch {
	case st.scalarA && fullB:
		binSV(st.bop, d, sa, b)
		return
	case fullA && st.scalarB:
		binVS(st.bop, d, a, sb)
		return
	case fullA && fullB:
		binVV(st.bop, d, a, b)
		return
	}
	for i := range h {
		row := d[i*dc : (i+1)*dc]
		ra, va := operandRow(A, st.scalarA, sa, a, i, dc)
		rb, vb := operandRow(B, st.scalarB, sb, b, i, dc)
		switch {
		case ra == nil && rb == nil:
			fillBin(st.bop, row, va, vb)
		case ra == nil:
			binSV(st.bop, row, va, rb)
		case rb == nil:
			binVS(st.bop, row, ra, vb)
		default:
			binVV(st.bop, row, ra, rb)
		}
	}
}

// scalarOf returns the scalar value of a scalar operand (a scalar input or
// a 1 x 1 matrix).
func (p *prog[T]) scalarOf(i int, scalar bool, v []T) T {
	if !scalar {
		var z T
		return z
	}
	if p.slots[i].kind == sScalar {
		return p.slots[i].s
	}
	return v[0]
}

// operandRow returns row i of an operand for a result row of width dc: a
// vector, or (nil and) a value repeated along the row.
func operandRow[T elem](sl *slot[T], scalar bool, s T, v []T, i, dc int) ([]T, T) {
	if scalar {
		return nil, s
	}
	r := 0
	if sl.batch {
		r = i
	}
	row := v[r*sl.cols : (r+1)*sl.cols]
	if sl.cols == 1 && dc != 1 {
		return nil, row[0]
	}
	return row, s
}

// fillBin fills d with a op b.
func fillBin[T elem](op binOp, d []T, a, b T) {
	x := bin(op, a, b)
	for i := range d {
		d[i] = x
	}
}

// product adds the batch's partial t(a) @ a (syrk) or t(a) @ b (gemv)
// into the worker's accumulator, with linalg's row-range kernels.
func (p *prog[T]) product(st step, s *Scratch, vals [][]T, h int) {
	acc := accOf[T](st.sum, s)
	n := p.slots[st.a].cols
	switch a := any(vals[st.a]).(type) {
	case []float64:
		if st.kind == kSyrk {
			linalg.SyrkRows(a, any(acc).([]float64), n, 0, h)
		} else {
			linalg.GemvTRows(a, any(vals[st.b]).([]float64), any(acc).([]float64), n, 0, h)
		}
	case []float32:
		if st.kind == kSyrk {
			linalg.SyrkRows(a, any(acc).([]float32), n, 0, h)
		} else {
			linalg.GemvTRows(a, any(vals[st.b]).([]float32), any(acc).([]float32), n, 0, h)
		}
	}
}

// emit hands the batch's results to the outputs.
func (p *prog[T]) emit(vals [][]T, lo, hi int) error {
	for i, y := range p.yields {
		sl := &p.slots[y]
		c := p.cols[i]
		switch {
		case p.dst[i] != nil:
			if sl.out != i {
				copy(p.dst[i][lo*c:hi*c], vals[y])
			}
		case i < len(p.out.Parts) && p.out.Parts[i] != nil:
			p.out.Parts[i].Add(lo, data.DenseFromVT(p.vt, 1, c, slices.Clone(vals[y])))
		case i < len(p.out.Moments) && p.out.Moments[i] != nil:
			if p.out.Moments[i].Add(lo, data.DenseFromVT(p.vt, hi-lo, c, vals[y])) != nil {
				return errOutput
			}
		}
	}
	return nil
}
