package vec

import (
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/agg"
	"github.com/daphne-go/daphne/types"
)

// Combine modes of column statistics (meanCol, varCol, stddevCol). The
// pipeline's region yields the statistic's input matrix for such an
// output; every task summarises its rows of it with agg.MomentsOf, and the
// summaries are merged in row order and finished as the statistic.
const (
	CombineMean   = ir.CombineMean   // meanCol
	CombineVar    = ir.CombineVar    // varCol
	CombineStddev = ir.CombineStddev // stddevCol
)

// CombineModes lists every combine mode a pipeline op may carry.
var CombineModes = []string{CombineRows, CombineAdd, CombineMin, CombineMax, CombineMean, CombineVar, CombineStddev}

// IsMoments reports whether mode is one of the column-statistics modes.
func IsMoments(mode string) bool {
	return mode == CombineMean || mode == CombineVar || mode == CombineStddev
}

// MomentsKernel returns the column statistic a moments mode stands for
// ("moments:mean" -> "meanCol"): the op the unsplit run applies to the
// yielded matrix. It returns "" for any other mode.
func MomentsKernel(mode string) string {
	switch mode {
	case CombineMean:
		return "meanCol"
	case CombineVar:
		return "varCol"
	case CombineStddev:
		return "stddevCol"
	}
	return ""
}

func momentsOp(mode string) agg.Op {
	switch mode {
	case CombineVar:
		return agg.Var
	case CombineStddev:
		return agg.Stddev
	}
	return agg.Mean
}

// MomentParts collects the per-batch column summaries of one yielded
// matrix, keyed by the batch's first row. Add is safe for concurrent use;
// Finish is called after the run.
type MomentParts struct {
	mu    sync.Mutex
	vt    types.ValueType
	parts []momentPart
}

type momentPart struct {
	lo int
	m  *agg.Moments
}

// Add summarises rows [lo, lo+v.Rows()) of the yielded matrix v by column.
// It fails if v is not a numeric matrix or differs in value type or width
// from the matrices added before (the caller then runs the pipeline
// unsplit).
func (p *MomentParts) Add(lo int, v data.Value) error {
	mat, ok := v.(data.Matrix)
	if !ok {
		return fmt.Errorf("vec: column statistics of a %v", v.DataType())
	}
	m, err := agg.MomentsOf(agg.Col, mat)
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.parts) > 0 && (p.vt != mat.ValueType() || len(p.parts[0].m.Mean) != len(m.Mean)) {
		return fmt.Errorf("vec: column statistics of parts of different value types or widths")
	}
	p.vt = mat.ValueType()
	p.parts = append(p.parts, momentPart{lo, m})
	return nil
}

// Finish merges the summaries in row order and returns the statistic of
// mode as the unsplit kernel would (1 x m, f32 for f32 input, else f64).
// ok is false when the result may differ from the unsplit kernel's by more
// than rounding, and the caller must run the pipeline unsplit: there are
// no parts, or a summary holds a non-finite value where the one-pass
// formulas treat infinities differently from the kernels (see doc.go).
func (p *MomentParts) Finish(mode string) (v data.Value, ok bool, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.parts) == 0 || !IsMoments(mode) {
		return nil, false, nil
	}
	sort.Slice(p.parts, func(i, j int) bool { return p.parts[i].lo < p.parts[j].lo })
	first := p.parts[0].m
	acc := &agg.Moments{Axis: first.Axis, Mean: make([]float64, len(first.Mean)), M2: make([]float64, len(first.M2))}
	for _, x := range p.parts {
		if !finiteEnough(mode, x.m) {
			return nil, false, nil
		}
		if err := acc.Merge(x.m); err != nil {
			return nil, false, err
		}
	}
	if !finiteEnough(mode, acc) {
		return nil, false, nil
	}
	v, err = acc.Finish(momentsOp(mode), p.vt)
	return v, err == nil, err
}

// finiteEnough reports whether a summary can be merged and finished with
// the kernels' results on the non-finite values. A NaN input makes a
// column's mean and M2 NaN in every formula, as in the kernels, but an
// infinity does not: the shifted one-pass mean of (inf, 1) is inf - inf =
// NaN where the kernel's sum gives inf, and a merged M2 may overflow where
// the kernel's does not. So a mean accepts only finite summaries, and var
// and stddev (NaN in the kernels whenever a column holds an infinity or
// NaN) accept NaN but no infinity.
func finiteEnough(mode string, m *agg.Moments) bool {
	for j := range m.Mean {
		a, b := m.Mean[j], m.M2[j]
		if mode == CombineMean {
			if math.IsNaN(a) || math.IsInf(a, 0) {
				return false
			}
			continue
		}
		if math.IsInf(a, 0) || math.IsInf(b, 0) {
			return false
		}
	}
	return true
}
