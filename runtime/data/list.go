package data

import "github.com/daphne-go/daphne/types"

var _ Value = (*List)(nil)

// List is an ordered list of matrices (createList, append, remove, length).
// All elements share one value type; an empty list records it in VT.
type List struct {
	VT    types.ValueType
	Elems []Matrix
}

// DataType returns types.List.
func (l *List) DataType() types.DataType { return types.List }

// ValueType returns the value type of the list's elements.
func (l *List) ValueType() types.ValueType { return l.VT }
