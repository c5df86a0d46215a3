// Package interp runs an IR module: it walks the ops of each function,
// calls the op implementations of a runtime/ops registry for builtins,
// executes structured control flow (if, while, for, early return) and calls
// of user-defined functions, and frees every intermediate value after its
// last use.
//
// # Values and frames
//
// Each function call gets a frame: a slice indexed by ir.Value.ID holding the
// runtime value of every IR value of the function. Values are immutable
// (see runtime/data), so loop-carried values and function arguments are
// passed by reference without copying.
//
// # Errors
//
// A failing op yields a *RuntimeError carrying the op's source location; a
// stop() yields one whose Err is an *ops.StopError. A panic inside an op
// implementation is recovered at the op boundary and reported as an internal
// error naming the op, never as a crash of the process.
//
// # Vectorized pipelines
//
// A vectorizedPipeline op (ir.PipelineOp, created under --vec by ir/pass's
// vectorize pass) runs its region once per row range as tasks of a
// sched.Pool (Options.Vec), see pipeline.go and runtime/vec. Each task has
// its own frame; the tasks share only read-only state (the registry, the
// ops.Ctx, the function's plan, computed before the function runs, and the
// immutable inputs). If the inputs cannot be split or any task fails, the
// region runs once more unsplit, so results and errors are those of the
// unfused ops.
package interp
