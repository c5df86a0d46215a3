package types

import (
	"fmt"
	"strings"
)

// DataType is the kind of a value: scalar, matrix, frame or list.
type DataType uint8

// The data types of DaphneDSL.
const (
	AnyData DataType = iota // not known statically
	Scalar
	Matrix
	Frame
	List
)

// String returns the DaphneDSL keyword (scalar, matrix, frame, list).
func (d DataType) String() string {
	switch d {
	case Scalar:
		return "scalar"
	case Matrix:
		return "matrix"
	case Frame:
		return "frame"
	case List:
		return "list"
	}
	return "unknown"
}

// ParseDataType parses scalar, matrix, frame or list.
func ParseDataType(s string) (DataType, bool) {
	switch s {
	case "scalar":
		return Scalar, true
	case "matrix":
		return Matrix, true
	case "frame":
		return Frame, true
	case "list":
		return List, true
	}
	return AnyData, false
}

// Dim is an extent that may be unknown at compile time (-1).
const UnknownDim = -1

// Repr is the storage representation of a matrix.
type Repr uint8

// Matrix representations.
const (
	AnyRepr Repr = iota
	DenseRepr
	SparseRepr
)

// Type is the static type of an IR value: its data type, value type (for a
// frame or list: unknown unless uniform), and shape when known.
type Type struct {
	DT   DataType
	VT   ValueType
	Rows int // UnknownDim if not known
	Cols int // UnknownDim if not known
	Repr Repr
}

// Any is the type about which nothing is known.
var Any = Type{DT: AnyData, VT: Unknown, Rows: UnknownDim, Cols: UnknownDim}

// ScalarOf returns the static type of a scalar of value type vt.
func ScalarOf(vt ValueType) Type { return Type{DT: Scalar, VT: vt, Rows: 1, Cols: 1} }

// MatrixOf returns the static type of a matrix with value type vt and unknown shape.
func MatrixOf(vt ValueType) Type {
	return Type{DT: Matrix, VT: vt, Rows: UnknownDim, Cols: UnknownDim}
}

// WithShape returns t with the given shape.
func (t Type) WithShape(rows, cols int) Type { t.Rows, t.Cols = rows, cols; return t }

// String formats a type the way the IR text form writes it:
// "si64", "matrix<f64>", "matrix<f64>[3x4]", "matrix<?>", "frame", "list", "?".
// Parse reads it back.
func (t Type) String() string {
	vt := "?"
	if t.VT != Unknown {
		vt = t.VT.String()
	}
	switch t.DT {
	case Scalar:
		return vt
	case Matrix:
		s := "matrix<" + vt + ">"
		if t.Rows != UnknownDim || t.Cols != UnknownDim {
			s += "[" + dimString(t.Rows) + "x" + dimString(t.Cols) + "]"
		}
		switch t.Repr {
		case DenseRepr:
			s += "dense"
		case SparseRepr:
			s += "csr"
		}
		return s
	case Frame:
		return "frame"
	case List:
		return "list<" + vt + ">"
	}
	return "?"
}

func dimString(d int) string {
	if d == UnknownDim {
		return "?"
	}
	return fmt.Sprint(d)
}

// ParseType parses the text written by Type.String.
func ParseType(s string) (Type, error) {
	t := Any
	switch {
	case s == "?":
		return t, nil
	case s == "frame":
		t.DT = Frame
		return t, nil
	case strings.HasPrefix(s, "list<") && strings.HasSuffix(s, ">"):
		t.DT = List
		vt, err := parseVTOrUnknown(s[5 : len(s)-1])
		t.VT = vt
		return t, err
	case strings.HasPrefix(s, "matrix<"):
		t.DT = Matrix
		end := strings.IndexByte(s, '>')
		if end < 0 {
			return t, fmt.Errorf("types: bad matrix type %q", s)
		}
		vt, err := parseVTOrUnknown(s[7:end])
		if err != nil {
			return t, err
		}
		t.VT = vt
		rest := s[end+1:]
		if strings.HasPrefix(rest, "[") {
			close := strings.IndexByte(rest, ']')
			if close < 0 {
				return t, fmt.Errorf("types: bad shape in %q", s)
			}
			r, c, ok := strings.Cut(rest[1:close], "x")
			if !ok {
				return t, fmt.Errorf("types: bad shape in %q", s)
			}
			if t.Rows, err = parseDim(r); err != nil {
				return t, err
			}
			if t.Cols, err = parseDim(c); err != nil {
				return t, err
			}
			rest = rest[close+1:]
		}
		switch rest {
		case "":
		case "dense":
			t.Repr = DenseRepr
		case "csr":
			t.Repr = SparseRepr
		default:
			return t, fmt.Errorf("types: bad matrix type %q", s)
		}
		return t, nil
	}
	vt, ok := ParseValueType(s)
	if !ok && s != "size" {
		return t, fmt.Errorf("types: unknown type %q", s)
	}
	if s == "size" {
		vt = Size
	}
	return ScalarOf(vt), nil
}

func parseVTOrUnknown(s string) (ValueType, error) {
	if s == "?" {
		return Unknown, nil
	}
	if s == "size" {
		return Size, nil
	}
	vt, ok := ParseValueType(s)
	if !ok {
		return Unknown, fmt.Errorf("types: unknown value type %q", s)
	}
	return vt, nil
}

func parseDim(s string) (int, error) {
	if s == "?" {
		return UnknownDim, nil
	}
	var d int
	if _, err := fmt.Sscanf(s, "%d", &d); err != nil || d < 0 {
		return 0, fmt.Errorf("types: bad dimension %q", s)
	}
	return d, nil
}
