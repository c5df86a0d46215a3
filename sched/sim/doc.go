// Package sim is a discrete-event simulator of DaphneSched: the partitioning
// schemes of sched/partition, the queue layouts (CENTRALIZED, PERGROUP,
// PERCPU, with or without pre-partitioning) and the victim selections (SEQ,
// SEQPRI, RANDOM, RANDOMPRI) of runtime-reference.md sections 3 and 4,
// driven by a virtual clock on a virtual machine of any number of cores.
// It answers "how would scheme X rank on the paper's 20- and 56-core
// machines?" on a 2-core box, deterministically and in milliseconds.
//
// One call, Run(Config), simulates one loop of Config.Rows rows:
//
//	cost, _ := sim.FromRowPtr(csr.RowPtr, 5*time.Nanosecond, 2*time.Nanosecond)
//	r, err := sim.Run(sim.Config{Scheme: "GSS", Layout: sim.PerCPU, Victim: sim.SeqPri,
//		Machine: sim.Machine{Cores: 20, Groups: 2}, Cost: cost,
//		ChunkOverhead: 100 * time.Nanosecond, Seed: 1})
//
// # Model
//
// Every core runs one worker. Chunk sizes come from a real partitioner
// (partition.New(Config.Scheme, n, Options{Workers: Cores, ...})), so the
// simulated chunk sequence is exactly the one the real scheduler uses.
//
//   - CENTRALIZED (or any layout with a single queue): the queue is served on
//     demand; each dequeue calls Next(worker) of the one partitioner at the
//     virtual time of the request. For non-adaptive schemes this is the same
//     sequence DAPHNE pre-computes; adaptive schemes (AWF*, AF) see the
//     Feedback of every chunk that finished before the request.
//   - PERGROUP / PERCPU: as DAPHNE's main thread does, all chunks are cut
//     before the workers start and chunk k is appended to queue k mod Q, or
//     with PrePartition each queue gets a contiguous block (queue 0 takes the
//     remainder) chunked by its own partitioner with P = Cores. Adaptive
//     schemes therefore cannot adapt in these layouts (feedback still
//     arrives, after all chunks were cut).
//   - A worker drains its own queue, then steals one chunk per dequeue from
//     the head of a victim's FIFO, in the victim order of its strategy
//     (runtime-reference.md 4.3; the *PRI variants prefer queues of the same
//     group only with PERCPU, as in DAPHNE). Queues never refill, so a worker
//     that has seen every queue it visits empty retires.
//
// Time of one dequeue: the worker arrives at the queue at time t, waits
// until the queue's lock is free (first come, first served), holds it for
// QueueLock (also when the queue turns out empty), then pays ChunkOverhead
// (+ StealOverhead for a stolen chunk) and runs the rows for
// Cost.Cost(lo, hi) / Speed[w]. Probing a queue is otherwise free.
// Distributing chunks to queues costs nothing (it happens before time 0).
//
// Cost models (CostModel) give the time of a row range: Uniform, Linear
// (skewed), RandomCost (seeded), FromNNZ / FromRowPtr (a sparse matrix's
// row non-zeros), FromTrace (a recorded run, e.g. Result.TraceChunks) and
// PerRow / FromFunc for anything else.
//
// # Invariants
//
//   - Conservation: every row in [0, Rows) is in exactly one Chunk of the
//     trace, and the per-worker Rows sum to Rows.
//   - Accounting: for every worker Finish == Work + Overhead + Wait, and
//     Idle == Makespan - Finish.
//   - Bounds (speed-1 cores): total work / Cores <= Makespan and
//     Makespan <= total work plus total overhead, because until the makespan some worker always
//     executes rows, pays an overhead, or holds a lock others wait for.
//   - Determinism: Run is a pure function of its Config. Ties between events
//     at the same virtual time are broken first come, first served (and the
//     workers start in index order); RANDOM victims draw from one source
//     seeded with Config.Seed and shared by all workers, like C's rand() in
//     DAPHNE.
//   - A partitioner that returns a chunk <= 0 while rows remain, or more
//     than the rows left, makes Run fail with ErrPartitioner, never loop.
//
// # Concurrency
//
// Run is safe for concurrent use by any goroutine: each run owns its
// engine, queues and partitioners and is single-threaded inside (the
// virtual clock needs no locks). Cost models are read-only after
// construction and may be shared between concurrent runs; a custom
// Config.Partitioner factory must return a fresh partitioner per call.
//
// # Rejected alternatives
//
//   - Simulating with goroutines and real sleeps: not deterministic, and a
//     2-core machine cannot show 56-core contention.
//   - Pre-computing every chunk also for the centralized queue (DAPHNE's
//     literal behaviour): identical for non-adaptive schemes, but it would
//     take away the only layout in which AWF and AF can adapt.
//   - Charging a cost per empty probe: DAPHNE's empty dequeue is one lock
//     round trip, which QueueLock already models.
package sim
