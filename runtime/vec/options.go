package vec

import (
	"fmt"
	"log/slog"

	"github.com/daphne-go/daphne/sched"
	"github.com/daphne-go/daphne/sched/partition"
)

// Options say where and how pipelines run.
type Options struct {
	// Pool runs the tasks; nil means sched.Default().
	Pool *sched.Pool
	// Sched is the scheduling of every pipeline run (scheme, queue layout,
	// victim selection, threads, grain size, pre-partitioning, pinning).
	Sched sched.Options
	// BatchBytes (--phy-batch-size) bounds the rows a task runs through
	// the pipeline at once: a task's row range is processed in batches of
	// about BatchBytes of its widest split input (8 bytes per cell
	// assumed, at least one row), so intermediates stay cache-sized
	// instead of task-sized. <= 0 runs each task's range as one batch.
	BatchBytes int
	// Trace, if set (--trace), records every chunk of every pipeline run
	// (see Begin and Trace).
	Trace *Trace
	// Logger, if set (--debug-mt), receives one debug-level record per
	// pipeline run with its scheduling decisions (see Begin).
	Logger *slog.Logger
}

// BatchRows returns the rows per batch for split inputs of at most cols
// columns.
func (o Options) BatchRows(cols int) int {
	if o.BatchBytes <= 0 {
		return int(^uint(0) >> 1)
	}
	return max(1, o.BatchBytes/(8*max(cols, 1)))
}

// PoolOrDefault returns o.Pool, or sched.Default() if it is nil.
func (o Options) PoolOrDefault() *sched.Pool {
	if o.Pool != nil {
		return o.Pool
	}
	return sched.Default()
}

// SchedOptions builds the scheduling options from the command-line values
// (--partitioning, --queue_layout, --victim_selection, --num-threads with 0
// for the pool's size, --grain-size, --pre-partition, --pin-workers). Empty
// names mean the defaults (STATIC, CENTRALIZED, SEQ). Errors name the bad
// value and the accepted ones. It is Flags{...}.Sched() without a CST chunk
// size.
func SchedOptions(scheme, layout, victim string, threads, grain int, prePartition, pin bool) (sched.Options, error) {
	return Flags{Scheme: scheme, Layout: layout, Victim: victim, Threads: threads, Grain: grain,
		PrePartition: prePartition, Pin: pin}.Sched()
}

// Flags are the command-line scheduling settings of vectorized pipelines.
type Flags struct {
	Scheme, Layout, Victim string // --partitioning, --queue_layout, --victim_selection; "" = default
	Threads                int    // --num-threads; 0 = the pool's size
	Grain                  int    // --grain-size (minimum chunk)
	CSTTaskSize            int    // --cst-task-size: CST's chunk; 0 = $DAPHNE_CST_TASK_SIZE
	PrePartition, Pin      bool   // --pre-partition, --pin-workers
}

// Sched builds the scheduling options. Empty names mean the defaults
// (STATIC, CENTRALIZED, SEQ). Errors name the bad value and the accepted
// ones; a scheme that cannot work with these settings (CST without a chunk
// size from --cst-task-size or DAPHNE_CST_TASK_SIZE) is an error here.
func (f Flags) Sched() (sched.Options, error) {
	o := sched.Options{Threads: f.Threads, MinChunk: f.Grain, ChunkSize: f.CSTTaskSize, PrePartition: f.PrePartition, Pin: f.Pin}
	if f.CSTTaskSize < 0 {
		return o, fmt.Errorf("--cst-task-size=%d: must be >= 0", f.CSTTaskSize)
	}
	var err error
	if f.Scheme != "" {
		if o.Scheme, err = sched.ParseScheme(f.Scheme); err != nil {
			return o, err
		}
	}
	if f.Layout != "" {
		if o.Layout, err = sched.ParseLayout(f.Layout); err != nil {
			return o, err
		}
	}
	if f.Victim != "" {
		if o.Victim, err = sched.ParseVictim(f.Victim); err != nil {
			return o, err
		}
	}
	// Build the scheme once on a sample loop so that a setting it can never
	// accept (CST without DAPHNE_CST_TASK_SIZE, say) is reported now, as a
	// command-line error, and not hidden later by a pipeline's unsplit rerun.
	if o.Scheme != "" {
		if _, err := partition.New(o.Scheme, 1024, partition.Options{Workers: 2, MinChunk: max(f.Grain, 1), ChunkSize: f.CSTTaskSize}); err != nil {
			return o, fmt.Errorf("--partitioning=%s: %w", o.Scheme, err)
		}
	}
	return o, nil
}
