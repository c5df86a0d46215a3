package sched

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/daphne-go/daphne/sched/partition"
)

// Layout is the queue layout (DAPHNE's --queue_layout).
type Layout int

// Queue layouts. Centralized, PerGroup and PerCPU are DAPHNE's; LockFree is
// the centralized queue on an atomic counter (the paper's future work against
// lock contention).
const (
	Centralized Layout = iota // one queue under a mutex: pure self-scheduling
	LockFree                  // one queue claimed with atomic adds, no lock
	PerGroup                  // one queue per NUMA node (or socket)
	PerCPU                    // one queue per worker
)

var layoutNames = []string{"CENTRALIZED", "LOCKFREE", "PERGROUP", "PERCPU"}

// String returns the flag spelling (CENTRALIZED, LOCKFREE, PERGROUP, PERCPU).
func (l Layout) String() string {
	if l >= 0 && int(l) < len(layoutNames) {
		return layoutNames[l]
	}
	return fmt.Sprintf("Layout(%d)", int(l))
}

// Victim is the victim selection for stealing (DAPHNE's --victim_selection).
type Victim int

// Victim selections (runtime-reference.md 4.3).
const (
	Seq       Victim = iota // ring order from the own queue, draining each victim
	SeqPri                  // ring over same-group queues first, then all (PERCPU)
	Random                  // random victims, one chunk per pick
	RandomPri               // random same-group victims first, then all (PERCPU)
)

var victimNames = []string{"SEQ", "SEQPRI", "RANDOM", "RANDOMPRI"}

// String returns the flag spelling (SEQ, SEQPRI, RANDOM, RANDOMPRI).
func (v Victim) String() string {
	if v >= 0 && int(v) < len(victimNames) {
		return victimNames[v]
	}
	return fmt.Sprintf("Victim(%d)", int(v))
}

// ErrOption is returned (wrapped) for an unknown or invalid option value;
// the message names the value and the accepted ones.
var ErrOption = errors.New("sched: invalid option")

// ParseLayout parses a queue layout name (case-insensitive).
func ParseLayout(s string) (Layout, error) {
	for i, n := range layoutNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Layout(i), nil
		}
	}
	return 0, fmt.Errorf("%w: queue layout %q (accepted: %s)", ErrOption, s, strings.Join(layoutNames, ", "))
}

// ParseVictim parses a victim selection name (case-insensitive).
func ParseVictim(s string) (Victim, error) {
	for i, n := range victimNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Victim(i), nil
		}
	}
	return 0, fmt.Errorf("%w: victim selection %q (accepted: %s)", ErrOption, s, strings.Join(victimNames, ", "))
}

// ParseScheme checks a partitioning scheme name (case-insensitive) and
// returns its canonical (upper-case) spelling; the error lists the accepted
// names, user-registered ones included.
func ParseScheme(s string) (string, error) {
	if _, err := partition.Lookup(s); err != nil {
		return "", fmt.Errorf("%w: %w", ErrOption, err)
	}
	return strings.ToUpper(strings.TrimSpace(s)), nil
}

// Layouts lists all queue layouts.
func Layouts() []Layout { return []Layout{Centralized, LockFree, PerGroup, PerCPU} }

// Victims lists all victim selections.
func Victims() []Victim { return []Victim{Seq, SeqPri, Random, RandomPri} }

// MaxThreads bounds Options.Threads and PoolOptions.Threads.
const MaxThreads = 4096

// Options select how one Run is scheduled. The zero value means STATIC,
// CENTRALIZED, SEQ, all pool workers, grain 1, no pinning (DAPHNE's defaults).
type Options struct {
	Scheme       string // partitioning scheme (partition.Names()); "" = STATIC
	Layout       Layout // queue layout
	Victim       Victim // victim selection (only used with more than one queue)
	Threads      int    // workers for this run; 0 = the pool's size
	MinChunk     int    // --grain-size: minimum chunk; <= 0 means 1
	ChunkSize    int    // CST's constant chunk; 0 = $DAPHNE_CST_TASK_SIZE
	PrePartition bool   // --pre-partition: contiguous row block per queue
	Pin          bool   // --pin-workers: pin each worker to its CPU (stays pinned)
	Compat       bool   // DAPHNE's formulas as implemented (partition.Options.Compat)
	Seed         int64  // seeds RANDOM/RANDOMPRI victim choice (per worker)

	// Trace, if set, is called after every chunk by the worker that ran it
	// (for --trace and --timing). Workers call it concurrently: it must be
	// safe for concurrent use and cheap. Setting it makes every chunk read
	// the clock twice.
	Trace func(ChunkEvent)
}

// ChunkEvent describes one executed chunk (Options.Trace).
type ChunkEvent struct {
	Lo, Hi     int       // rows [Lo, Hi)
	Worker     int       // worker index in [0, Threads)
	Queue      int       // queue the chunk came from
	Stolen     bool      // Queue is not the worker's own queue
	Start, End time.Time // body call
}

// check validates o and returns it with defaults filled in; pool is the pool
// size used when Threads is 0.
func (o Options) check(pool int) (Options, error) {
	if o.Scheme == "" {
		o.Scheme = partition.STATIC
	}
	if _, err := partition.Lookup(o.Scheme); err != nil {
		return o, fmt.Errorf("%w: %w", ErrOption, err)
	}
	if o.Layout < 0 || int(o.Layout) >= len(layoutNames) {
		return o, fmt.Errorf("%w: queue layout %d (accepted: %s)", ErrOption, int(o.Layout), strings.Join(layoutNames, ", "))
	}
	if o.Victim < 0 || int(o.Victim) >= len(victimNames) {
		return o, fmt.Errorf("%w: victim selection %d (accepted: %s)", ErrOption, int(o.Victim), strings.Join(victimNames, ", "))
	}
	if o.Threads < 0 || o.Threads > MaxThreads {
		return o, fmt.Errorf("%w: threads %d (accepted: 0 for the pool size, or 1..%d)", ErrOption, o.Threads, MaxThreads)
	}
	if o.Threads == 0 {
		o.Threads = pool
	}
	if o.ChunkSize < 0 {
		return o, fmt.Errorf("%w: chunk size %d (must be >= 0)", ErrOption, o.ChunkSize)
	}
	return o, nil
}

func (o Options) partition() partition.Options {
	return partition.Options{Workers: o.Threads, MinChunk: o.MinChunk, ChunkSize: o.ChunkSize, Seed: o.Seed, Compat: o.Compat}
}
