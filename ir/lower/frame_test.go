package lower

import (
	"os"
	"testing"

	"github.com/daphne-go/daphne/dsl/parser"
	"github.com/daphne-go/daphne/ir"
	"github.com/daphne-go/daphne/ir/pass"
	"github.com/daphne-go/daphne/types"
)

// TestFramesThroughPasses runs the whole pass pipeline (with --vec and
// representation selection, verifying after each pass) over the lowered
// frames golden script: no pass may fail on frame values, a frame keeps the
// type "frame", and no frame enters a fused pipeline.
func TestFramesThroughPasses(t *testing.T) {
	src, err := os.ReadFile("testdata/frames.daph")
	if err != nil {
		t.Fatal(err)
	}
	script, err := parser.ParseFile("frames.daph", src)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := Lower(script, Options{})
	if err != nil {
		t.Fatal(err)
	}
	frameVals := 0
	for _, f := range mod.Funcs {
		walkOps(f.Body, func(op *ir.Op) {
			for _, r := range op.Results {
				if r.Type.DT == types.Frame {
					frameVals++
				}
			}
		})
	}
	if frameVals < 10 {
		t.Fatalf("the script lowers to only %d frame values", frameVals)
	}
	opts := pass.Options{Vec: true, SelectMatrixRepr: true, VerifyEach: true}
	if err := pass.Run(mod, opts); err != nil {
		t.Fatal(err)
	}
	fused := 0
	for _, f := range mod.Funcs {
		walkOps(f.Body, func(op *ir.Op) {
			if len(op.Regions) > 0 && op.Kind == ir.KindCall {
				fused++
				for _, a := range op.Args {
					if a.Type.DT == types.Frame {
						t.Errorf("a frame is an input of the fused op %s", op.Name)
					}
				}
			}
			for _, r := range op.Results {
				if r.Type.DT == types.Frame && r.Type != frameType() {
					t.Errorf("%s gives the frame type %#v, want plain frame", op.Name, r.Type)
				}
			}
		})
	}
	if fused == 0 {
		t.Errorf("nothing was fused: the test no longer exercises vectorize next to frames")
	}
}

// walkOps calls fn on every op of b and its nested regions.
func walkOps(b *ir.Block, fn func(*ir.Op)) {
	if b == nil {
		return
	}
	for _, op := range b.Ops {
		fn(op)
		for _, r := range op.Regions {
			walkOps(r, fn)
		}
	}
}

func frameType() types.Type {
	return types.Type{DT: types.Frame, VT: types.Unknown, Rows: types.UnknownDim, Cols: types.UnknownDim}
}
