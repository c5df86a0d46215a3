package sim

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Sentinel errors. Every error returned by Run or by a cost-model constructor
// wraps one of these, so callers can test with errors.Is.
var (
	// ErrConfig reports an invalid field of Config or Machine.
	ErrConfig = errors.New("sim: invalid configuration")
	// ErrCost reports an invalid cost model or cost-model input.
	ErrCost = errors.New("sim: invalid cost model")
	// ErrPartitioner reports a partitioner that broke its contract
	// (negative chunk, or no more work while rows remain).
	ErrPartitioner = errors.New("sim: partitioner broke its contract")
)

// Queue layouts, spelled as DAPHNE's --queue_layout values (and LOCKFREE,
// sched's centralized queue on an atomic counter).
const (
	Centralized = "CENTRALIZED" // one queue under a lock, shared by every worker
	LockFree    = "LOCKFREE"    // one queue claimed with atomic adds
	PerGroup    = "PERGROUP"    // one queue per group (socket / NUMA domain)
	PerCPU      = "PERCPU"      // one queue per worker
)

// Victim-selection strategies, spelled as DAPHNE's --victim_selection values.
const (
	Seq       = "SEQ"       // ring order from the own queue
	SeqPri    = "SEQPRI"    // ring over same-group queues first, then all
	Random    = "RANDOM"    // uniform random unfinished queue
	RandomPri = "RANDOMPRI" // random same-group queues first, then all
)

// Layouts returns the accepted Config.Layout values.
func Layouts() []string { return []string{Centralized, LockFree, PerGroup, PerCPU} }

// Victims returns the accepted Config.Victim values.
func Victims() []string { return []string{Seq, SeqPri, Random, RandomPri} }

// Machine is a virtual shared-memory machine: Cores workers (one per core,
// as DaphneSched runs one worker thread per core) in Groups sockets or NUMA
// domains. Core c belongs to group c*Groups/Cores, so groups are contiguous
// and differ in size by at most one core (2x10 cores: Cores 20, Groups 2).
type Machine struct {
	// Cores is the number of virtual cores and workers; at least 1.
	Cores int
	// Groups is the number of sockets or NUMA domains; 0 means 1. It
	// decides the PERGROUP queues and the "same package" preference of
	// SEQPRI and RANDOMPRI. At most Cores.
	Groups int
	// Speed optionally gives each core a relative speed (1 = nominal): a
	// chunk of cost c runs for c/Speed[w] on core w. Nil means all 1;
	// otherwise its length must equal Cores and every value must be a
	// finite number > 0.
	Speed []float64
}

// Group returns the group (socket) of core c. It assumes a validated Machine.
func (m Machine) Group(c int) int {
	g := max(m.Groups, 1)
	return c * g / m.Cores
}

// Config describes one simulated run: which scheduler, on which machine,
// over how many rows with which cost per row, and the overhead model.
// The zero values of the overhead fields mean "free".
type Config struct {
	// Scheme is the partitioning scheme's name as sched/partition accepts it
	// (STATIC, SS, GSS, ...). Ignored when Partitioner is set.
	Scheme string
	// Layout is the queue layout; "" means CENTRALIZED.
	Layout string
	// Victim is the victim selection for layouts with more than one queue;
	// "" means SEQ (DAPHNE's CLI default).
	Victim string
	// PrePartition cuts the rows into one contiguous block per queue, each
	// chunked by its own partitioner (DAPHNE's --pre-partition). Ignored
	// (and cleared in Result.Config) for the single-queue layouts.
	PrePartition bool

	Machine

	// Rows is the number of rows (iterations). 0 means the cost model's
	// length when it has one (see Sized).
	Rows int
	// Cost gives the execution time of a row range; required.
	Cost CostModel

	// MinChunk is the minimum chunk (DAPHNE's --grain-size); 0 means 1.
	MinChunk int
	// ChunkSize is the fixed chunk of constant-chunk schemes (CST); 0 means
	// the scheme's default.
	ChunkSize int
	// Noise perturbs every chunk's execution time by a factor drawn
	// uniformly from [1-Noise, 1+Noise] (system noise, interference), from
	// a per-worker source seeded with (Seed, worker). 0 means none; must be
	// in [0, 1).
	Noise float64
	// Compat selects DAPHNE's formulas with their integer quirks instead
	// of the textbook ones (partition.Options.Compat).
	Compat bool
	// Seed drives every random choice: RANDOM/RANDOMPRI victims and the
	// partitioner's own randomness. A run is a pure function of Config.
	Seed int64

	// ChunkOverhead is charged once per chunk before its rows run
	// (dequeue, task set-up, dispatch).
	ChunkOverhead time.Duration
	// StealOverhead is charged in addition to ChunkOverhead for every chunk
	// a worker takes from a queue other than its own.
	StealOverhead time.Duration
	// QueueLock is how long one dequeue holds a locked queue's mutex,
	// successful or not; dequeues on the same queue are serialized (first
	// come, first served), so a centralized queue with many workers sees
	// contention. Locked queues are those sched cuts on demand under a
	// mutex: CENTRALIZED, pre-partitioned blocks, and every queue of an
	// adaptive scheme.
	QueueLock time.Duration
	// AtomicClaim is the same for queues claimed with one atomic add: how
	// long a claim keeps the queue's counter (its cache line) busy. These
	// are LOCKFREE (non-adaptive schemes) and the round-robin chunk lists
	// of PERGROUP and PERCPU. To model DAPHNE, where every queue has a
	// mutex, set AtomicClaim = QueueLock.
	AtomicClaim time.Duration

	// Partitioner, if set, replaces the lookup of Scheme in sched/partition
	// (for tests and for schemes that are not registered).
	Partitioner Factory
	// NoTrace skips recording Result.Trace (saves memory on huge runs).
	NoTrace bool
}

// normalized returns a copy of c with defaults filled in, or an error
// naming the first invalid field and its accepted values.
func (c Config) normalized() (Config, error) {
	if c.Layout == "" {
		c.Layout = Centralized
	}
	if c.Victim == "" {
		c.Victim = Seq
	}
	var err error
	if c.Layout, err = pick("layout", c.Layout, Layouts()); err != nil {
		return c, err
	}
	if c.Victim, err = pick("victim selection", c.Victim, Victims()); err != nil {
		return c, err
	}
	if err := c.Machine.validate(); err != nil {
		return c, err
	}
	if c.Groups == 0 {
		c.Groups = 1
	}
	if c.Cost == nil {
		return c, fmt.Errorf("%w: no cost model", ErrConfig)
	}
	if s, ok := c.Cost.(Sized); ok {
		if c.Rows == 0 {
			c.Rows = s.Len()
		}
		if c.Rows > s.Len() {
			return c, fmt.Errorf("%w: %d rows but the cost model covers %d", ErrConfig, c.Rows, s.Len())
		}
	}
	if c.Rows < 0 {
		return c, fmt.Errorf("%w: negative row count %d", ErrConfig, c.Rows)
	}
	if u, ok := c.Cost.(Uniform); ok && u > 0 && int64(c.Rows) > math.MaxInt64/int64(u) {
		return c, fmt.Errorf("%w: the cost of %d rows at %v overflows", ErrConfig, c.Rows, time.Duration(u))
	}
	if total := c.Cost.Cost(0, c.Rows); total < 0 {
		return c, fmt.Errorf("%w: the cost of %d rows overflows (%v)", ErrConfig, c.Rows, total)
	}
	if c.MinChunk < 0 || c.ChunkSize < 0 {
		return c, fmt.Errorf("%w: negative MinChunk %d or ChunkSize %d", ErrConfig, c.MinChunk, c.ChunkSize)
	}
	if c.ChunkOverhead < 0 || c.StealOverhead < 0 || c.QueueLock < 0 || c.AtomicClaim < 0 {
		return c, fmt.Errorf("%w: negative overhead (chunk %v, steal %v, lock %v, atomic %v)",
			ErrConfig, c.ChunkOverhead, c.StealOverhead, c.QueueLock, c.AtomicClaim)
	}
	if c.Layout == Centralized || c.Layout == LockFree {
		c.PrePartition = false
	}
	if !(c.Noise >= 0 && c.Noise < 1) {
		return c, fmt.Errorf("%w: Noise = %v, need 0 <= Noise < 1", ErrConfig, c.Noise)
	}
	if c.Partitioner == nil && c.Scheme == "" {
		return c, fmt.Errorf("%w: no scheme (and no Partitioner factory)", ErrConfig)
	}
	return c, nil
}

func (m Machine) validate() error {
	if m.Cores < 1 {
		return fmt.Errorf("%w: Cores = %d, need at least 1", ErrConfig, m.Cores)
	}
	if m.Groups < 0 || m.Groups > m.Cores {
		return fmt.Errorf("%w: Groups = %d, need 0..Cores (%d)", ErrConfig, m.Groups, m.Cores)
	}
	if m.Speed != nil && len(m.Speed) != m.Cores {
		return fmt.Errorf("%w: %d speeds for %d cores", ErrConfig, len(m.Speed), m.Cores)
	}
	for w, s := range m.Speed {
		if !(s > 0) || math.IsInf(s, 0) {
			return fmt.Errorf("%w: Speed[%d] = %v, need a finite value > 0", ErrConfig, w, s)
		}
	}
	return nil
}

// pick matches name case-insensitively against accepted and returns the
// canonical spelling, or an error naming the value and the accepted ones.
func pick(what, name string, accepted []string) (string, error) {
	for _, a := range accepted {
		if strings.EqualFold(name, a) {
			return a, nil
		}
	}
	return "", fmt.Errorf("%w: unknown %s %q (accepted: %s)", ErrConfig, what, name, strings.Join(accepted, ", "))
}

// queues returns the number of queues of the layout and the queue that
// worker w owns.
func (c *Config) queues() (q int, own func(w int) int) {
	switch c.Layout {
	case PerCPU:
		return c.Cores, func(w int) int { return w }
	case PerGroup:
		return c.Groups, c.Machine.Group
	default:
		return 1, func(int) int { return 0 }
	}
}
