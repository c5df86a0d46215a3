package sim

import (
	"time"

	"github.com/daphne-go/daphne/sched/partition"
)

// Partitioner is the chunk-size source the simulator drives; it has the
// method set of partition.Partitioner, so every scheme of sched/partition
// fits. Next returns the next chunk size for the requesting worker, or 0
// once all rows are handed out.
type Partitioner interface {
	Next(worker int) int
}

// Feedback is the optional interface of adaptive partitioners (same method
// set as partition.Feedback): the simulator reports every finished chunk
// at its virtual completion time, before any later request. elapsed is the
// chunk's execution time, or with IncludesOverhead the virtual time since
// the worker's previous chunk ended (or the run began), as sched measures.
type Feedback interface {
	Done(worker, size int, elapsed time.Duration)
	IncludesOverhead() bool
}

// Fixed is implemented by constant-chunk schemes (same method set as
// partition.Fixed); their pre-cut queues are computed, not listed, as in
// sched, so huge runs need no memory per chunk.
type Fixed interface {
	FixedSize() int
}

// Factory builds a partitioner over n rows for the run's machine; it
// replaces the lookup of Config.Scheme in sched/partition when set in
// Config.Partitioner. workers is Config.Cores.
type Factory func(n, workers int) (Partitioner, error)

var (
	_ Partitioner = partition.Partitioner(nil)
	_ Feedback    = partition.Feedback(nil)
	_ Fixed       = partition.Fixed(nil)
)

// newPartitioner builds the partitioner of c for n rows: c.Partitioner if
// set, else the scheme c.Scheme of sched/partition with P = c.Cores.
func newPartitioner(c *Config, n int) (Partitioner, error) {
	if c.Partitioner != nil {
		return c.Partitioner(n, c.Cores)
	}
	return partition.New(c.Scheme, n, partition.Options{
		Workers:   c.Cores,
		MinChunk:  c.MinChunk,
		ChunkSize: c.ChunkSize,
		Seed:      c.Seed,
		Compat:    c.Compat,
	})
}
