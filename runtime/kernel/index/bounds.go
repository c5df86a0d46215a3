package index

import (
	"fmt"
	"math"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// sel is the selection along one axis: the half-open range [lo, hi) or,
// when list is set, the positions idx (any order, duplicates allowed). All
// positions are already adjusted (negative ones counted from the end) and
// validated against the axis length.
type sel struct {
	lo, hi int
	list   bool
	idx    []int
}

func (s sel) isRange() bool { return !s.list }

// len is the number of selected rows or columns.
func (s sel) len() int {
	if s.list {
		return len(s.idx)
	}
	return s.hi - s.lo
}

// at is the k-th selected position.
func (s sel) at(k int) int {
	if s.list {
		return s.idx[k]
	}
	return s.lo + k
}

// The index forms of the "rows"/"cols" attributes (see package builtin).
const (
	formAll     = "all"
	formAt      = "at"
	formRange   = "lo:hi"
	formFrom    = "lo:"
	formTo      = ":hi"
	formColonly = ":"
)

// formArity returns how many bound arguments a form takes.
func formArity(form string) (int, error) {
	switch form {
	case formAll, formColonly, "":
		return 0, nil
	case formAt, formFrom, formTo:
		return 1, nil
	case formRange:
		return 2, nil
	}
	return 0, fmt.Errorf("unknown index form %q (want all, at, lo:hi, lo:, :hi or :)", form)
}

// axis describes one dimension for messages: "row" or "column", and its length.
type axis struct {
	name  string
	count int
}

func (a axis) plural() string {
	if a.count == 1 {
		return a.name
	}
	return a.name + "s"
}

// position turns a scalar bound into an int64, rejecting strings with the
// label message, and NaN/inf.
func (a axis) position(v data.Value, what string) (int64, error) {
	if s, ok := v.(*data.Scalar); ok && s.VT == types.Str {
		return 0, fmt.Errorf("cannot index %ss by label %q: indexing by label needs a frame", a.name, s.S)
	}
	return data.IntArg(v, a.name+" "+what)
}

// adjust applies DAPHNE's rule for negative bounds of a half-open range
// (a single position p is the range p:p+1): a negative lower bound counts
// from the end, and then so does an upper bound <= 0; otherwise only a
// negative upper bound counts from the end.
func (a axis) adjust(lo, hi int64) (int64, int64) {
	n := int64(a.count)
	if lo < 0 {
		lo += n
		if hi <= 0 {
			hi += n
		}
	} else if hi < 0 {
		hi += n
	}
	return lo, hi
}

// checkRange validates an adjusted range for extraction:
// 0 <= lo < count and lo <= hi <= count.
func (a axis) checkRange(lo, hi, givenLo, givenHi int64) error {
	n := int64(a.count)
	if lo < 0 || lo >= n || hi < lo || hi > n {
		return fmt.Errorf("%s range %d:%d is out of bounds for a matrix with %d %s: "+
			"after counting negative positions from the end it must hold 0 <= lower < %d and lower <= upper <= %d",
			a.name, givenLo, givenHi, a.count, a.plural(), a.count, a.count)
	}
	return nil
}

// checkPos validates a single position p given as given (already adjusted).
func (a axis) checkPos(p, given int64) error {
	if p < 0 || p >= int64(a.count) {
		if a.count == 0 {
			return fmt.Errorf("%s position %d is out of bounds for a matrix with 0 %ss", a.name, given, a.name)
		}
		return fmt.Errorf("%s position %d is out of bounds for a matrix with %d %s (valid: %d to %d)",
			a.name, given, a.count, a.plural(), -a.count, a.count-1)
	}
	return nil
}

// rangeSel builds a validated range selection from the given bounds.
func (a axis) rangeSel(lo, hi int64) (sel, error) {
	alo, ahi := a.adjust(lo, hi)
	if err := a.checkRange(alo, ahi, lo, hi); err != nil {
		return sel{}, err
	}
	return sel{lo: int(alo), hi: int(ahi)}, nil
}

// single builds the selection of one position p (DAPHNE's p:p+1).
func (a axis) single(p int64) (sel, error) {
	ap := p
	if p < 0 {
		ap += int64(a.count)
	}
	if err := a.checkPos(ap, p); err != nil {
		return sel{}, err
	}
	return sel{lo: int(ap), hi: int(ap) + 1}, nil
}

// parseAxis reads the bound arguments of one axis for extraction. form is
// the attribute value, args the bound arguments of this axis (exactly
// formArity(form) of them).
func (a axis) parseAxis(form string, args []data.Value) (sel, error) {
	full := sel{lo: 0, hi: a.count}
	switch form {
	case formAll, formColonly, "":
		return full, nil
	case formAt:
		if m, ok := args[0].(data.Matrix); ok {
			return a.positions(m)
		}
		p, err := a.position(args[0], "position")
		if err != nil {
			return sel{}, err
		}
		return a.single(p)
	}
	lo, hi, err := a.rangeBounds(form, args)
	if err != nil {
		return sel{}, err
	}
	return a.rangeSel(lo, hi)
}

// rangeBounds reads the bounds of a range form (lo:hi, lo:, :hi) as given,
// filling a missing lower bound with 0 and a missing upper with the count.
func (a axis) rangeBounds(form string, args []data.Value) (lo, hi int64, err error) {
	lo, hi = 0, int64(a.count)
	switch form {
	case formRange:
		if lo, err = a.position(args[0], "lower bound"); err != nil {
			return 0, 0, err
		}
		hi, err = a.position(args[1], "upper bound")
	case formFrom:
		lo, err = a.position(args[0], "lower bound")
	case formTo:
		hi, err = a.position(args[0], "upper bound")
	default:
		_, err = formArity(form)
	}
	return lo, hi, err
}

// positions turns a column matrix of positions into a validated list.
func (a axis) positions(m data.Matrix) (sel, error) {
	if m.Cols() != 1 {
		return sel{}, fmt.Errorf("%s positions must be a column matrix (n x 1), got %s", a.name, data.Describe(m))
	}
	k, err := kernelOf(m)
	if err != nil {
		return sel{}, err
	}
	c := k.cells(m)
	if c.kind == kindStr {
		return sel{}, fmt.Errorf("cannot index %ss by a matrix of labels: indexing by label needs a frame", a.name)
	}
	idx := make([]int, c.len())
	for i := range idx {
		p, ok := c.int64At(i)
		if !ok {
			return sel{}, fmt.Errorf("%s position %v (entry %d of the positions) is not a finite number", a.name, c.f[i], i)
		}
		ap := p
		if p < 0 {
			ap += int64(a.count)
		}
		if err := a.checkPos(ap, p); err != nil {
			return sel{}, fmt.Errorf("%w (entry %d of the positions)", err, i)
		}
		idx[i] = int(ap)
	}
	return sel{list: true, idx: idx}, nil
}

// bits turns a 0/1 column vector of length count into the list of selected
// positions (filter).
func (a axis) bits(v data.Value) (sel, error) {
	m, ok := v.(data.Matrix)
	if !ok || m.Cols() != 1 || m.Rows() != a.count {
		return sel{}, fmt.Errorf("%s filter must be a column matrix of %d 0/1 values (one per %s), got %s",
			a.name, a.count, a.name, data.Describe(v))
	}
	k, err := kernelOf(m)
	if err != nil {
		return sel{}, err
	}
	c := k.cells(m)
	if c.kind == kindStr {
		return sel{}, fmt.Errorf("%s filter must hold 0/1 numbers, got %s", a.name, data.Describe(m))
	}
	idx := []int{}
	for i := 0; i < c.len(); i++ {
		f := c.float64At(i)
		switch f {
		case 1:
			idx = append(idx, i)
		case 0:
		default:
			return sel{}, fmt.Errorf("%s filter must hold only 0 and 1, got %v at position %d", a.name, f, i)
		}
	}
	return sel{list: true, idx: idx}, nil
}

// insertRange validates an adjusted range for left indexing, where DAPHNE
// also allows the empty range 0:0 of an empty axis.
func (a axis) insertRange(lo, hi, givenLo, givenHi int64) (sel, error) {
	if a.count == 0 && lo == 0 && hi == 0 {
		return sel{}, nil
	}
	if err := a.checkRange(lo, hi, givenLo, givenHi); err != nil {
		return sel{}, err
	}
	return sel{lo: int(lo), hi: int(hi)}, nil
}

// finite reports whether f is neither NaN nor infinite.
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
