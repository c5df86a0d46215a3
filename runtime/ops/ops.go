// Package ops is the registry of runtime implementations of IR ops. Each
// kernel family (runtime/kernel/...) registers its ops here under the IR op
// names of package builtin; the interpreter looks them up by name.
//
// An implementation receives its positional arguments (keyword arguments
// already resolved, defaults filled) and the op's attributes, and returns its
// results. User-visible failures (shape mismatch, bad index, missing file)
// are returned as errors whose message reads well after "file:line:col: ";
// the interpreter adds the position. Implementations must not panic on user
// input; the interpreter recovers panics at its boundary as internal errors.
package ops

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"

	"github.com/daphne-go/daphne/runtime/data"
	"github.com/daphne-go/daphne/sched"
)

// Ctx is what an op implementation may use besides its arguments. It is
// shared by all ops of one script run; implementations must not keep it.
type Ctx struct {
	Context context.Context
	Stdout  io.Writer
	Stderr  io.Writer
	Logger  *slog.Logger
	Threads int // worker threads the run may use (>= 1)
	// ScriptDir is the directory of the main script (relative file names in
	// readMatrix etc. are relative to the working directory, as in DAPHNE;
	// this is informational).
	ScriptDir string
	// ShowSparse is set by --select-matrix-repr: print and typeOf then name
	// CSR matrices CSRMatrix (otherwise every matrix shows as DenseMatrix,
	// as in DAPHNE, since the representation is a performance choice), and
	// readMatrix chooses the representation from the file's meta data.
	ShowSparse bool
	// Sched, when set (under --vec), holds the run's scheduling options
	// (--partitioning, --queue_layout, --victim_selection, --num-threads,
	// --grain-size, ...) for kernels that run data-parallel loops on the
	// scheduler's pool; nil lets each kernel choose its own split.
	Sched *sched.Options
	// Views holds the frames registered with registerView, by name, for the
	// sql builtin; registerView creates the map on first use.
	Views map[string]*data.Frame
}

// Func implements one IR op.
type Func func(c *Ctx, args []data.Value, attrs map[string]string) ([]data.Value, error)

// Registry maps IR op names to implementations.
type Registry struct {
	m map[string]Func
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{m: map[string]Func{}} }

// Register adds an implementation. Registering a name twice is a programmer
// error and panics.
func (r *Registry) Register(name string, f Func) {
	if _, dup := r.m[name]; dup {
		panic(fmt.Sprintf("ops: %q registered twice", name))
	}
	r.m[name] = f
}

// Lookup returns the implementation of name.
func (r *Registry) Lookup(name string) (Func, bool) {
	f, ok := r.m[name]
	return f, ok
}

// Names returns the registered op names, sorted.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.m))
	for n := range r.m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// StopError is returned by the stop builtin; the interpreter reports
// "system stopped: <Msg>" with exit code 3.
type StopError struct {
	Msg string
}

func (e *StopError) Error() string { return "system stopped: " + e.Msg }

// CompileError marks a failure that DAPHNE reports while compiling the
// script (exit code 2) but that daphne-go can only detect when the op runs,
// such as a SQL query naming a column its view does not have. The driver
// maps it to exit code 2.
type CompileError struct {
	Err error
}

func (e *CompileError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *CompileError) Unwrap() error { return e.Err }

// Results is a convenience for implementations with one result.
func Results(v data.Value) []data.Value { return []data.Value{v} }
