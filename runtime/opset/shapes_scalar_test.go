package opset

import (
	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/types"
)

// The families of ops with scalar arguments besides their matrix: meta
// data and casts, data generation (the shape comes from scalars) and
// preprocessing.

func metaCalls(op string, e env) []call {
	x := e.x()
	switch op {
	case "nrow", "ncol", "ncell", "sparsity", "typeOf":
		return []call{at("x", scalarShape(), true, x)}
	case "isSymmetric":
		return []call{at("x", when(e.r == e.c, scalarShape()), e.r == e.c, x)}
	case "print":
		return []call{at("x", nil, true, x, data.Bool(true), data.Bool(false))}
	}
	// cast
	var c []call
	for _, to := range allVTs {
		// Strings hold decimal numbers ("1", "2", "0"), which every
		// numeric type parses.
		must := e.vt != types.Str || isNum(to) || to == types.Str
		c = append(c, withAttrs(at("to"+to.String(), sh(e.r, e.c), must, x), "dt", "matrix", "vt", to.String()))
	}
	if e.r*e.c == 1 {
		return append(c, withAttrs(at("toScalar", scalarShape(), true, x), "dt", "scalar"))
	}
	return append(c, withAttrs(failing("toScalar", x), "dt", "scalar"))
}

func genCalls(op string, e env) []call {
	r, c := si64(int64(e.r)), si64(int64(e.c))
	num := isNum(e.vt)
	switch op {
	case "fill":
		return []call{at("x", sh(e.r, e.c), true, scalar(e.vt, 1), r, c), failing("negative", scalar(e.vt, 1), si64(-1), c)}
	case "rand":
		// DAPHNE's rand rejects 0 rows or columns; so does this one.
		num = num && e.r > 0 && e.c > 0
		return []call{
			at("dense", sh(e.r, e.c), num, r, c, scalar(e.vt, 0), scalar(e.vt, 2), data.F64(1), si64(7)),
			withAttrs(at("csr", sh(e.r, e.c), num, r, c, scalar(e.vt, 0), scalar(e.vt, 2), data.F64(0.5), si64(7)), "repr", "csr"),
			failing("minMax", r, c, scalar(e.vt, 2), scalar(e.vt, 0), data.F64(1), si64(7)),
		}
	case "seq":
		return []call{
			at("up", when(e.r > 0, sh(e.r, 1)), num && e.r > 0, scalar(e.vt, 1), scalar(e.vt, float64(e.r)), scalar(e.vt, 1)),
			failing("zeroStep", scalar(e.vt, 0), scalar(e.vt, 2), scalar(e.vt, 0)),
		}
	}
	// sample(range, size, withReplacement, seed): DAPHNE rejects size 0, and
	// more integers than the range holds without replacement.
	num = num && e.r > 0
	calls := []call{
		at("without", sh(e.r, 1), num, scalar(e.vt, 10), r, data.Bool(false), si64(7)),
		at("with", sh(e.r, 1), num, scalar(e.vt, 2), r, data.Bool(true), si64(7)),
	}
	if e.vt.IsFloat() {
		return calls
	}
	return append(calls, failing("tooMany", scalar(e.vt, 2), si64(int64(e.r+3)), data.Bool(false), si64(7)))
}

func prepCalls(op string, e env) []call {
	x, num := e.x(), isNum(e.vt)
	switch op {
	case "oneHot":
		keep := patterned(types.SI64, 1, e.c, false, func(int) float64 { return -1 })
		return []call{at("keep", sh(e.r, e.c), num, x, keep), failing("infoLength", x, patterned(types.SI64, 1, e.c+1, false, func(int) float64 { return -1 }))}
	case "recode":
		if e.c != 1 {
			return []call{failing("notColumn", x, data.Bool(true))}
		}
		return []call{at("sorted", sh(e.r, 1), true, x, data.Bool(true)), at("firstSeen", sh(e.r, 1), true, x, data.Bool(false))}
	case "bin":
		// One cell has min = max, which allows only one bin.
		return []call{at("data", sh(e.r, e.c), num && e.r*e.c != 1, x, si64(3)),
			at("range", sh(e.r, e.c), num, x, si64(3), scalar(e.vt, 0), scalar(e.vt, 2)),
			failing("noBins", x, si64(0))}
	}
	return []call{at("x", sh(e.r, e.c), e.vt.IsFloat(), x, data.F64(0), data.F64(2))}
}
