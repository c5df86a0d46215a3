package vec

import (
	"github.com/daphne-go/daphne/sched"
)

// Options say where and how pipelines run.
type Options struct {
	// Pool runs the tasks; nil means sched.Default().
	Pool *sched.Pool
	// Sched is the scheduling of every pipeline run (scheme, queue layout,
	// victim selection, threads, grain size, pre-partitioning, pinning).
	Sched sched.Options
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
	return o, nil
}
