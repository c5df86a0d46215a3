package ir

// Attributes of a PipelineOp (vectorizedPipeline) and their values: the
// contract between the vectorize pass that writes them (ir/pass) and the
// engine that runs them (runtime/interp, runtime/vec). "split" lists, per
// operand, how tasks see it; "combine" lists, per result, how the tasks'
// partial results make the whole.
const (
	AttrSplit   = "split"
	AttrCombine = "combine"

	SplitRows  = "rows"  // operand cut into row ranges
	SplitBcast = "bcast" // operand passed whole to every task

	CombineRows = "rows" // result rows written into a preallocated result
	CombineAdd  = "add"  // sumCol partials
	CombineMin  = "min"  // aggMinCol partials
	CombineMax  = "max"  // aggMaxCol partials
	// CombineSum: matrix products over the rows (syrk, gemv): each worker
	// adds its rows' partial product into its own accumulator, and the
	// accumulators are added after the run.
	CombineSum = "sum"
	// Column statistics: the region yields the statistic's input matrix,
	// tasks summarise their rows of it (count, mean, M2 per column) and the
	// summaries are merged in row order.
	CombineMean   = "moments:mean"   // meanCol
	CombineVar    = "moments:var"    // varCol
	CombineStddev = "moments:stddev" // stddevCol
)
