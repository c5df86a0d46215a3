package meta

import "github.com/daphne-go/daphne/runtime/data"

// frameShape answers nrow, ncol and ncell (name) of a single frame
// argument; ok is false when args is not exactly one frame, so the matrix
// path handles (and reports) everything else.
func frameShape(name string, args []data.Value) (v data.Value, ok bool) {
	if len(args) != 1 {
		return nil, false
	}
	f, isFrame := args[0].(*data.Frame)
	if !isFrame {
		return nil, false
	}
	var n int
	switch name {
	case "nrow":
		n = f.Rows()
	case "ncol":
		n = f.Cols()
	case "ncell":
		n = f.Rows() * f.Cols()
	default:
		return nil, false
	}
	return data.SizeScalar(uint64(n)), true
}
