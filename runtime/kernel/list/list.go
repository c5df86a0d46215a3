// Package list implements DaphneDSL's list builtins (daphnedsl.md section
// 9.11): createList, length, append and remove. A list holds matrices of
// one value type (data.List). Lists are values like any other: append and
// remove return new lists and never modify their argument, so a list shared
// by two variables is safe (copy-on-write, as for matrices). The matrices
// themselves are shared, which is safe because they are immutable.
package list

import (
	"fmt"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Register adds the IR ops createList, length, append and remove.
func Register(r *ops.Registry) {
	r.Register("createList", createListOp)
	r.Register("length", lengthOp)
	r.Register("append", appendOp)
	r.Register("remove", removeOp)
}

// Create returns a list of the given matrices; there must be at least one,
// and all must have the same value type.
func Create(elems []data.Value) (*data.List, error) {
	if len(elems) == 0 {
		return nil, fmt.Errorf("createList needs at least one matrix, got none")
	}
	l := &data.List{Elems: make([]data.Matrix, len(elems))}
	for i, e := range elems {
		m, ok := e.(data.Matrix)
		if !ok {
			return nil, fmt.Errorf("createList element %d must be a matrix, got %s", i, data.Describe(e))
		}
		if i == 0 {
			l.VT = m.ValueType()
		} else if m.ValueType() != l.VT {
			return nil, fmt.Errorf("createList elements must have one value type: element 0 is %s, element %d is %s",
				data.Describe(elems[0]), i, data.Describe(m))
		}
		l.Elems[i] = m
	}
	return l, nil
}

// Append returns a new list with m added at the end; m must have the
// list's value type.
func Append(l *data.List, m data.Value) (*data.List, error) {
	mat, ok := m.(data.Matrix)
	if !ok {
		return nil, fmt.Errorf("append needs a matrix to add to the list, got %s", data.Describe(m))
	}
	if mat.ValueType() != l.VT {
		return nil, fmt.Errorf("cannot append %s to a list of %s matrices: the value types must be equal",
			data.Describe(mat), l.VT)
	}
	elems := make([]data.Matrix, len(l.Elems), len(l.Elems)+1)
	copy(elems, l.Elems)
	return &data.List{VT: l.VT, Elems: append(elems, mat)}, nil
}

// Remove returns a new list without element idx, and that element. An
// index outside [0, length) is an error naming it.
func Remove(l *data.List, idx int64) (*data.List, data.Matrix, error) {
	n := int64(len(l.Elems))
	if idx < 0 || idx >= n {
		if n == 0 {
			return nil, nil, fmt.Errorf("cannot remove element %d from an empty list", idx)
		}
		return nil, nil, fmt.Errorf("list index %d is out of range for a list of %s (valid: 0 to %d)", idx, elements(n), n-1)
	}
	elems := make([]data.Matrix, 0, n-1)
	elems = append(elems, l.Elems[:idx]...)
	elems = append(elems, l.Elems[idx+1:]...)
	return &data.List{VT: l.VT, Elems: elems}, l.Elems[idx], nil
}

// listArg returns args[0] as a list.
func listArg(op string, args []data.Value, want int) (*data.List, error) {
	if len(args) != want {
		noun := "arguments"
		if want == 1 {
			noun = "argument"
		}
		return nil, fmt.Errorf("%s takes %d %s, got %d", op, want, noun, len(args))
	}
	l, ok := args[0].(*data.List)
	if !ok {
		return nil, fmt.Errorf("%s needs a list, got %s", op, data.Describe(args[0]))
	}
	return l, nil
}

func createListOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	l, err := Create(args)
	if err != nil {
		return nil, err
	}
	return ops.Results(l), nil
}

func lengthOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	l, err := listArg("length", args, 1)
	if err != nil {
		return nil, err
	}
	return ops.Results(data.SizeScalar(uint64(len(l.Elems)))), nil
}

func appendOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	l, err := listArg("append", args, 2)
	if err != nil {
		return nil, err
	}
	res, err := Append(l, args[1])
	if err != nil {
		return nil, err
	}
	return ops.Results(res), nil
}

func removeOp(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
	l, err := listArg("remove", args, 2)
	if err != nil {
		return nil, err
	}
	idx, err := data.IntArg(args[1], "the index of remove")
	if err != nil {
		return nil, err
	}
	res, elem, err := Remove(l, idx)
	if err != nil {
		return nil, err
	}
	return []data.Value{res, elem}, nil
}

// elements spells a count of list elements: "1 element", "3 elements".
func elements(n int64) string {
	if n == 1 {
		return "1 element"
	}
	return fmt.Sprintf("%d elements", n)
}
