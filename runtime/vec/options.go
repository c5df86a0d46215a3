package vec

import (
	"fmt"

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
// value and the accepted ones.
func SchedOptions(scheme, layout, victim string, threads, grain int, prePartition, pin bool) (sched.Options, error) {
	o := sched.Options{Threads: threads, MinChunk: grain, PrePartition: prePartition, Pin: pin}
	var err error
	if scheme != "" {
		if o.Scheme, err = sched.ParseScheme(scheme); err != nil {
			return o, err
		}
	}
	if layout != "" {
		if o.Layout, err = sched.ParseLayout(layout); err != nil {
			return o, err
		}
	}
	if victim != "" {
		if o.Victim, err = sched.ParseVictim(victim); err != nil {
			return o, err
		}
	}
	// Build the scheme once on a sample loop so that a setting it can never
	// accept (CST without DAPHNE_CST_TASK_SIZE, say) is reported now, as a
	// command-line error, and not hidden later by a pipeline's unsplit rerun.
	if o.Scheme != "" {
		if _, err := partition.New(o.Scheme, 1024, partition.Options{Workers: 2, MinChunk: max(grain, 1)}); err != nil {
			return o, fmt.Errorf("--partitioning=%s: %w", o.Scheme, err)
		}
	}
	return o, nil
}
