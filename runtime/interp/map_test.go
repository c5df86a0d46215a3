package interp

import (
	"bytes"
	"context"
	"testing"

	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// TestMapConvertsToDeclaredTypes maps an identity UDF over a si64 matrix:
// declared parameter and result value types convert each cell and result,
// so the result matrix has the type the compiler inferred for map.
func TestMapConvertsToDeclaredTypes(t *testing.T) {
	tests := []struct {
		name        string
		param, res  types.ValueType
		wantVT      types.ValueType
		wantFirstF  float64
		inputFloats bool
	}{
		{"untyped keeps the cell type", types.Unknown, types.Unknown, types.SI64, 1, false},
		{"f64 parameter", types.F64, types.F64, types.F64, 1, false},
		{"si64 parameter truncates floats", types.SI64, types.SI64, types.SI64, 1, true},
		{"f32 result only", types.Unknown, types.F32, types.F32, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := ir.NewFunc("id", []types.Type{types.ScalarOf(tc.param)}, []types.Type{types.ScalarOf(tc.res)})
			ir.NewBuilder(id, id.Body).Return(id.Params[0])

			r := testRegistry()
			var got data.Value
			r.Register("mk", func(*ops.Ctx, []data.Value, map[string]string) ([]data.Value, error) {
				if tc.inputFloats {
					return ops.Results(data.DenseFrom(2, 1, []float64{1.5, 2.9})), nil
				}
				return ops.Results(data.DenseFrom(2, 1, []int64{1, 2})), nil
			})
			r.Register("keep", func(_ *ops.Ctx, args []data.Value, _ map[string]string) ([]data.Value, error) {
				got = args[0]
				return nil, nil
			})
			main := ir.NewFunc("main", nil, nil)
			b := ir.NewBuilder(main, main.Body)
			x := b.Call("mk", types.MatrixOf(types.Unknown))
			op := b.Op(ir.KindCall, "map", []*ir.Value{x}, types.MatrixOf(tc.res))
			op.SetAttr("func", "id")
			b.Op(ir.KindCall, "keep", []*ir.Value{op.Results[0]})
			b.Return()
			var out bytes.Buffer
			if err := Run(context.Background(), &ir.Module{Funcs: []*ir.Func{main, id}}, r, Options{Stdout: &out}); err != nil {
				t.Fatal(err)
			}
			m, ok := got.(data.Matrix)
			if !ok {
				t.Fatalf("map returned %T", got)
			}
			if m.ValueType() != tc.wantVT {
				t.Fatalf("value type %v, want %v", m.ValueType(), tc.wantVT)
			}
			c, err := data.MatrixCell(m, 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			if f, err := data.ConvertScalar(c, types.F64); err != nil || f.F != tc.wantFirstF {
				t.Fatalf("first cell %v (%v), want %v", c, err, tc.wantFirstF)
			}
		})
	}
}
