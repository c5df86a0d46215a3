package fileio

import (
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/encoding"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// orderedGroup is the root node of a written file's schema. parquet.Group
// is a map and orders its fields by name; a frame's columns keep their
// order, so the written schema lists them as the frame does.
type orderedGroup []parquet.Field

func (g orderedGroup) ID() int { return 0 }

func (g orderedGroup) String() string {
	names := make([]string, len(g))
	for i, f := range g {
		names[i] = f.Name() + " " + f.Type().String()
	}
	return "message { " + strings.Join(names, "; ") + " }"
}

func (g orderedGroup) Type() parquet.Type                  { return parquet.Group{}.Type() }
func (g orderedGroup) Optional() bool                      { return false }
func (g orderedGroup) Repeated() bool                      { return false }
func (g orderedGroup) Required() bool                      { return true }
func (g orderedGroup) Leaf() bool                          { return false }
func (g orderedGroup) Fields() []parquet.Field             { return g }
func (g orderedGroup) Encoding() encoding.Encoding         { return nil }
func (g orderedGroup) Compression() compress.Codec         { return nil }
func (g orderedGroup) GoType() reflect.Type                { return reflect.TypeOf(map[string]any{}) }
func (f namedLeaf) Name() string                           { return f.name }
func (f namedLeaf) Value(base reflect.Value) reflect.Value { return base }

// namedLeaf is one required column of an orderedGroup.
type namedLeaf struct {
	parquet.Node
	name string
}

// parquetNode returns the leaf node written for a column of value type vt.
func parquetNode(vt types.ValueType) (parquet.Node, error) {
	switch vt {
	case types.F64:
		return parquet.Leaf(parquet.DoubleType), nil
	case types.F32:
		return parquet.Leaf(parquet.FloatType), nil
	case types.SI64:
		return parquet.Leaf(parquet.Int64Type), nil
	case types.SI32:
		return parquet.Leaf(parquet.Int32Type), nil
	case types.SI8:
		return parquet.Int(8), nil
	case types.UI64, types.Size:
		return parquet.Uint(64), nil
	case types.UI32:
		return parquet.Uint(32), nil
	case types.UI8:
		return parquet.Uint(8), nil
	case types.Str:
		return parquet.String(), nil
	}
	return nil, fmt.Errorf("no Parquet type for value type %v", vt)
}

// parquetCell returns the function making the Parquet value of row r of a
// frame column (column index j).
func parquetCell(c data.Matrix, j int) (func(r int) parquet.Value, error) {
	switch x := c.(type) {
	case *data.Dense[float64]:
		return func(r int) parquet.Value { return parquet.DoubleValue(x.Data[r]).Level(0, 0, j) }, nil
	case *data.Dense[float32]:
		return func(r int) parquet.Value { return parquet.FloatValue(x.Data[r]).Level(0, 0, j) }, nil
	case *data.Dense[int64]:
		return func(r int) parquet.Value { return parquet.Int64Value(x.Data[r]).Level(0, 0, j) }, nil
	case *data.Dense[int32]:
		return func(r int) parquet.Value { return parquet.Int32Value(x.Data[r]).Level(0, 0, j) }, nil
	case *data.Dense[int8]:
		return func(r int) parquet.Value { return parquet.Int32Value(int32(x.Data[r])).Level(0, 0, j) }, nil
	case *data.Dense[uint64]:
		return func(r int) parquet.Value { return parquet.Int64Value(int64(x.Data[r])).Level(0, 0, j) }, nil
	case *data.Dense[uint32]:
		return func(r int) parquet.Value { return parquet.Int32Value(int32(x.Data[r])).Level(0, 0, j) }, nil
	case *data.Dense[uint8]:
		return func(r int) parquet.Value { return parquet.Int32Value(int32(x.Data[r])).Level(0, 0, j) }, nil
	case *data.Dense[string]:
		return func(r int) parquet.Value { return parquet.ByteArrayValue([]byte(x.Data[r])).Level(0, 0, j) }, nil
	}
	return nil, fmt.Errorf("cannot write %s to Parquet", data.Describe(c))
}

// parquetRowGroup is the number of rows per written row group.
const parquetRowGroup = 1 << 20

// writeParquetFrame writes f as a Parquet file with one required column per
// frame column, in the frame's order, named by the labels. No .meta file
// is written: Parquet describes itself.
func writeParquetFrame(path string, f *data.Frame) error {
	return writeFile(path, func(w io.Writer) error { return encodeParquetFrame(w, f, parquetRowGroup) })
}

// encodeParquetFrame writes f to w with at most rowGroup rows per row group.
func encodeParquetFrame(w io.Writer, f *data.Frame, rowGroup int) error {
	group := make(orderedGroup, f.Cols())
	cells := make([]func(int) parquet.Value, f.Cols())
	for j := range group {
		c, err := data.ToDenseMatrix(f.Column(j))
		if err != nil {
			return err
		}
		node, err := parquetNode(c.ValueType())
		if err != nil {
			return fmt.Errorf("column %q: %w", f.Label(j), err)
		}
		group[j] = namedLeaf{Node: node, name: f.Label(j)}
		if cells[j], err = parquetCell(c, j); err != nil {
			return fmt.Errorf("column %q: %w", f.Label(j), err)
		}
	}
	pw := parquet.NewWriter(w, parquet.NewSchema("daphne", group), parquet.MaxRowsPerRowGroup(int64(rowGroup)),
		parquet.Compression(&parquet.Snappy))
	const batch = 1024
	rows := make([]parquet.Row, 0, batch)
	vals := make([]parquet.Value, batch*f.Cols())
	for lo := 0; lo < f.Rows(); lo += batch {
		hi := min(lo+batch, f.Rows())
		rows = rows[:0]
		for r := lo; r < hi; r++ {
			row := vals[(r-lo)*f.Cols() : (r-lo+1)*f.Cols()]
			for j, cell := range cells {
				row[j] = cell(r)
			}
			rows = append(rows, row)
		}
		if _, err := pw.WriteRows(rows); err != nil {
			return err
		}
	}
	return pw.Close()
}
