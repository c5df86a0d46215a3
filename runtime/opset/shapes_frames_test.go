package opset

import (
	"fmt"
	"path/filepath"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/runtime/kernel/list"
	"github.com/daphne-go/daphne/runtime/ops"
	"github.com/daphne-go/daphne/types"
)

// The families of lists, frames (relational operators, SQL) and file I/O.
// Frames are built from the columns of the environment's matrix (an r x 0
// matrix gives a frame of r rows and no columns); their columns are dense.

func otherFamilies() []family {
	return []family{
		{name: "list", ops: []string{"createList", "length", "append", "remove"}, vts: allVTs, calls: listCalls},
		{name: "frame", ops: []string{"createFrame", "setColLabels", "setColLabelsPrefix", "cartesian",
			"innerJoin", "semiJoin", "groupJoin", "groupSum", "leftOuterJoin", "fullOuterJoin", "antiJoin",
			"intersect", "except", "merge", "registerView", "sql"}, vts: allVTs, dense: true, calls: frameCalls},
		{name: "matrixIO", ops: []string{"writeMatrix", "write", "readMatrix"}, vts: allVTs, files: true, calls: matrixIOCalls},
		{name: "frameIO", ops: []string{"writeFrame", "readFrame"}, vts: allVTs, dense: true, files: true, calls: frameIOCalls},
	}
}

func listCalls(op string, e env) []call {
	x := e.x()
	l, err := list.Create([]data.Value{x})
	if err != nil {
		panic(fmt.Sprintf("opset test: list of %s: %v", data.Describe(x), err))
	}
	switch op {
	case "createList":
		return []call{at("one", nil, true, x), at("two", nil, true, x, e.mat(e.c, e.r)), failing("valueTypes", x, e.matVT(otherVT(e.vt), 1, 1))}
	case "length":
		return []call{at("x", scalarShape(), true, l)}
	case "append":
		return []call{at("x", nil, true, l, e.mat(e.c, e.r)), failing("valueType", l, e.matVT(otherVT(e.vt), e.r, e.c))}
	}
	return []call{at("first", nil, true, l, si64(0)), failing("pastEnd", l, si64(1))}
}

// otherVT is a value type different from vt.
func otherVT(vt types.ValueType) types.ValueType {
	if vt == types.F64 {
		return types.SI64
	}
	return types.F64
}

// frameOf makes a frame of the env's matrix, its column j labelled prefix+j.
func frameOf(e env, prefix string) *data.Frame {
	x := e.x()
	cols := make([]data.Matrix, e.c)
	labels := make([]string, e.c)
	for j := range cols {
		cell := e.cells(func(k int) float64 { return float64((k + 1) % 3) })
		cols[j] = patterned(e.vt, e.r, 1, false, func(k int) float64 { return cell(k*e.c + j) })
		labels[j] = fmt.Sprintf("%s%d", prefix, j)
	}
	f, err := data.NewFrameRows(x.Rows(), cols, labels)
	if err != nil {
		panic(fmt.Sprintf("opset test: frame of %s: %v", data.Describe(x), err))
	}
	return f
}

func frameCalls(op string, e env) []call {
	f, g := frameOf(e, "c"), frameOf(e, "d")
	r, c := e.r, e.c
	key := c > 0
	str := data.Str
	switch op {
	case "createFrame":
		cols, labels := []data.Value{}, []data.Value{}
		for j := range c {
			cols = append(cols, f.Column(j))
			labels = append(labels, str(f.Label(j)))
		}
		if c == 0 {
			return []call{failing("noColumns")}
		}
		return []call{at("unlabelled", sh(r, c), true, cols...), at("labelled", sh(r, c), true, append(cols, labels...)...),
			failing("lengths", append(cols, e.matVT(e.vt, r+1, 1))...)}
	case "setColLabels":
		labels := []data.Value{f}
		for j := range c {
			labels = append(labels, str(fmt.Sprintf("x%d", j)))
		}
		return []call{at("x", sh(r, c), true, labels...), failing("count", append(labels, str("extra"))...)}
	case "setColLabelsPrefix":
		return []call{at("x", sh(r, c), true, f, str("p"))}
	case "cartesian":
		return []call{at("x", sh(r*r, 2*c), true, f, g)}
	case "innerJoin", "semiJoin":
		if !key {
			return []call{failing("noKey", f, g, str("c0"), str("d0"), si64(-1))}
		}
		return []call{at("x", nil, true, f, g, str("c0"), str("d0"), si64(-1)), failing("label", f, g, str("zz"), str("d0"), si64(-1))}
	case "groupJoin":
		if c < 2 {
			return []call{failing("noAgg", f, g, str("c0"), str("d0"), str("d1"))}
		}
		return []call{at("x", nil, isNum(e.vt), f, g, str("c0"), str("d0"), str("d1"))}
	case "groupSum":
		if c < 2 {
			return []call{failing("noSum", f, str("c0"), str("c1"))}
		}
		return []call{at("x", nil, isNum(e.vt), f, str("c0"), str("c1"))}
	case "leftOuterJoin", "fullOuterJoin", "antiJoin":
		if !key {
			return []call{failing("noKey", f, g, str("c0"), str("d0"))}
		}
		return []call{at("x", nil, true, f, g, str("c0"), str("d0")), failing("label", f, g, str("c0"), str("zz"))}
	case "intersect", "except", "merge":
		want := map[string]*shape{"except": sh(0, c), "merge": sh(2*r, c)}[op]
		return []call{at("self", want, true, f, f), failing("schema", f, frameOf(env{r: r, c: c + 1, vt: e.vt}, "c"))}
	case "registerView":
		return []call{at("x", nil, true, str("v"), f)}
	}
	// sql over the view v of f
	setup := func(reg *ops.Registry, c *ops.Ctx) error {
		reg2, _ := reg.Lookup("registerView")
		_, err := reg2(c, []data.Value{str("v"), f}, nil)
		return err
	}
	cl := at("selectAll", when(key, sh(r, c)), key, str("SELECT * FROM v"))
	cl.setup = setup
	bad := failing("noView", str("SELECT * FROM w"))
	bad.setup = setup
	return []call{cl, bad}
}

// writer is a setup that writes v with op to file.
func writer(op string, v data.Value, file string) func(*ops.Registry, *ops.Ctx) error {
	return func(reg *ops.Registry, c *ops.Ctx) error {
		w, _ := reg.Lookup(op)
		_, err := w(c, []data.Value{v, data.Str(file)}, nil)
		return err
	}
}

func matrixIOCalls(op string, e env) []call {
	x := e.x()
	file := filepath.Join(e.dir, op+".csv")
	missing := failing("missing", data.Str(filepath.Join(e.dir, "missing.csv")))
	switch {
	case e.vt == types.Bool: // files have no bool value type
		return []call{failing("bool", x, data.Str(file)), missing}[b2i(op == "readMatrix"):]
	case op == "writeMatrix", op == "write":
		return []call{at("csv", nil, true, x, data.Str(file)), failing("noDir", x, data.Str(filepath.Join(e.dir, "no", "m.csv")))}
	}
	cl := at("csv", sh(e.r, e.c), true, data.Str(file))
	cl.setup = writer("writeMatrix", x, file)
	return []call{cl, missing}
}

func frameIOCalls(op string, e env) []call {
	f := frameOf(e, "c")
	file := filepath.Join(e.dir, op+".csv")
	missing := failing("missing", data.Str(filepath.Join(e.dir, "missing.csv")), data.Str(""), si64(-1))
	if e.vt == types.Bool && e.c > 0 { // files have no bool value type
		return []call{failing("bool", f, data.Str(file)), missing}[b2i(op == "readFrame"):]
	}
	if op == "writeFrame" {
		return []call{at("csv", nil, true, f, data.Str(file)), failing("noDir", f, data.Str(filepath.Join(e.dir, "no", "f.csv")))}
	}
	cl := at("csv", when(e.c > 0, sh(e.r, e.c)), e.c > 0, data.Str(file), data.Str(""), si64(-1))
	cl.setup = writer("writeFrame", f, file)
	return []call{cl, missing}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// withFrames adds, for dense environments, the calls of the frame forms of
// the reorganisation and indexing ops after the matrix calls (so the dense
// and CSR call lists stay aligned for comparison).
func withFrames(calls func(string, env) []call) func(string, env) []call {
	return func(op string, e env) []call {
		out := calls(op, e)
		if e.sparse {
			return out
		}
		return append(out, frameFormCalls(op, e)...)
	}
}

func frameFormCalls(op string, e env) []call {
	f, g := frameOf(e, "c"), frameOf(e, "d")
	r, c := int64(e.r), int64(e.c)
	switch op {
	case "cbind":
		return []call{at("frames", sh(e.r, 2*e.c), true, f, g), failing("frameRows", f, frameOf(env{r: e.r + 1, c: 1, vt: e.vt}, "d"))}
	case "rbind":
		return []call{at("frames", sh(2*e.r, e.c), true, f, f), failing("frameCols", f, frameOf(env{r: 1, c: e.c + 1, vt: e.vt}, "c"))}
	case "order":
		if c == 0 {
			return []call{failing("frameNoColumn", f, si64(0), data.Bool(true), data.Bool(false))}
		}
		return []call{at("frame", sh(e.r, e.c), e.vt != types.Bool, f, si64(0), data.Bool(true), data.Bool(false))}
	case "extract":
		return []call{
			withAttrs(at("frameAll", sh(e.r, e.c), true, f), "rows", "all", "cols", "all"),
			withAttrs(at("frameRows", when(r > 0, sh(e.r, e.c)), r > 0, f, si64(0), si64(r)), "rows", "lo:hi", "cols", "all"),
			withAttrs(at("frameFirstCol", when(c > 0, sh(e.r, 1)), c > 0, f, si64(0)), "rows", "all", "cols", "at"),
			withAttrs(at("frameLabel", when(c > 0, sh(e.r, 1)), c > 0, f, data.Str("c0")), "rows", "all", "cols", "at"),
		}
	case "filter":
		return []call{withAttrs(at("frameRows", sh(e.r, e.c), true, f, e.ones(types.SI64, e.r, 1)), "rows", "at", "cols", "all")}
	}
	return nil
}
