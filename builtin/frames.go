package builtin

import "github.com/daphne-go/daphne/types"

// Frames, relational operators, SQL and frame I/O (daphnedsl.md sections
// 9.8, 9.10 and 9.12). Argument conventions of the IR ops:
//
//   - createFrame(c1, ..., cn[, l1, ..., ln]): n column matrices (n x 1 each)
//     and optionally n string labels (default col_0, ...).
//   - readFrame(filename[, schema[, header]]) -> frame; writeFrame(frame, filename).
//     schema ("" default: the .meta file, or inference without one) and
//     header (-1 default: detect; false/true) are this implementation's
//     reading without a .meta file (see runtime/fileio).
//   - registerView(name, frame): name a frame for sql; sql(query) -> frame.
//   - cartesian(lhs, rhs) -> frame.
//   - innerJoin(lhs, rhs, lhsOn, rhsOn[, numRowRes]) -> frame; lhsOn/rhsOn are
//     column labels; numRowRes is a size hint (-1 or missing: unknown).
//   - semiJoin(lhs, rhs, lhsOn, rhsOn[, numRowRes]) -> (frame of the matching
//     lhs keys, n x 1 size matrix of the positions of the matching lhs rows).
//   - groupJoin(lhs, rhs, lhsOn, rhsOn, rhsAgg) -> (frame of lhs key and sum
//     of rhsAgg per key, size matrix of lhs positions).
//   - groupSum(frame, grp1, ..., grpk, sumCol) -> frame (labels grp..., SUM(sumCol)).
//   - setColLabels(frame, l1, ..., ln); setColLabelsPrefix(frame, prefix).
//   - leftOuterJoin, fullOuterJoin, antiJoin(lhs, rhs, lhsOn1, ..., lhsOnk,
//     rhsOn1, ..., rhsOnk): k >= 1 lhs key labels, then k rhs key labels
//     (DAPHNE's createJoinOp order).
//   - intersect(lhs, rhs), merge(lhs, rhs), except(lhs, rhs): set operations
//     on frames with the same schema.
//
// Builtins listed in pendingFrames are not implemented yet; the front end
// rejects their calls with MsgFrames.

var kwJoin = []string{"lhs", "rhs", "lhsOn", "rhsOn", "numRowRes"}

// pendingFrames lists the frame builtins without a runtime implementation.
// Remove a name here in the same commit that registers its op.
var pendingFrames = map[string]bool{}

func frameT() types.Type {
	return types.Type{DT: types.Frame, VT: types.Unknown, Rows: types.UnknownDim, Cols: types.UnknownDim}
}

func fixedFrame(args []types.Type) []types.Type { return one(frameT()) }

func frameAndPositions(args []types.Type) []types.Type {
	return []types.Type{frameT(), types.MatrixOf(types.Size)}
}

// frameSigs returns the signatures of the frame builtins.
func frameSigs() []*Sig {
	sigs := []*Sig{
		fn("createFrame", "createFrame", 1, -1, nil, 1, fixedFrame),
		withDefaults(fn("readFrame", "readFrame", 3, 3, []string{"filename", "schema", "header"}, 1, fixedFrame), nil, "", int64(-1)),
		fn("writeFrame", "writeFrame", 2, 2, []string{"arg", "filename"}, 0, nil),
		fn("registerView", "registerView", 2, 2, []string{"name", "arg"}, 0, nil),
		fn("sql", "sql", 1, 1, []string{"query"}, 1, fixedFrame),
		fn("cartesian", "cartesian", 2, 2, kwLhsRhs, 1, fixedFrame),
		withDefaults(fn("innerJoin", "innerJoin", 5, 5, kwJoin, 1, fixedFrame), nil, nil, nil, nil, int64(-1)),
		withDefaults(fn("semiJoin", "semiJoin", 5, 5, kwJoin, 2, frameAndPositions), nil, nil, nil, nil, int64(-1)),
		fn("groupJoin", "groupJoin", 5, 5, []string{"lhs", "rhs", "lhsOn", "rhsOn", "rhsAgg"}, 2, frameAndPositions),
		fn("groupSum", "groupSum", 3, -1, nil, 1, fixedFrame),
		fn("setColLabels", "setColLabels", 2, -1, nil, 1, fixedFrame),
		fn("setColLabelsPrefix", "setColLabelsPrefix", 2, 2, []string{"frame", "prefix"}, 1, fixedFrame),
		fn("leftOuterJoin", "leftOuterJoin", 4, -1, nil, 1, fixedFrame),
		fn("fullOuterJoin", "fullOuterJoin", 4, -1, nil, 1, fixedFrame),
		fn("antiJoin", "antiJoin", 4, -1, nil, 1, fixedFrame),
		fn("intersect", "intersect", 2, 2, kwLhsRhs, 1, fixedFrame),
		fn("merge", "merge", 2, 2, kwLhsRhs, 1, fixedFrame),
		fn("except", "except", 2, 2, kwLhsRhs, 1, fixedFrame),
	}
	for _, s := range sigs {
		if pendingFrames[s.Name] {
			s.Unsupported = MsgFrames
		}
	}
	return sigs
}
