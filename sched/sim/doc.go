// Package sim is a discrete-event simulator of DaphneSched: the partitioning
// schemes of sched/partition, the queue layouts (CENTRALIZED, LOCKFREE,
// PERGROUP, PERCPU, with or without pre-partitioning) and the victim selections (SEQ,
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
// (partition.New(Config.Scheme, n, Options{Workers: Cores, ...})), and the
// queue structure is the one sched builds (sched/plan.go), so a simulated
// run replays the chunk sequence of a real one:
//
//   - CENTRALIZED: one lazy queue; each dequeue calls Next(worker) under the
//     queue's lock at the virtual time of the request, so adaptive schemes
//     (AWF*, AF) see the Feedback of every chunk that finished before.
//   - LOCKFREE: one queue claimed with an atomic add; chunks are cut before
//     the run (the k-th asked as worker k mod Cores, as DAPHNE's main thread
//     does). Adaptive schemes get a lazy locked queue instead.
//   - PERGROUP / PERCPU: chunk k of the global sequence is appended to queue
//     k mod Q before the run (atomic claims); with PrePartition, and always
//     for adaptive schemes, each queue instead gets a contiguous block
//     (queue 0 takes the remainder) cut on demand by its own lazy
//     partitioner with P = Cores.
//   - A worker drains its own queue, then steals one chunk per dequeue from
//     the head of a victim's queue in the order of its strategy
//     (runtime-reference.md 4.3; SEQPRI/RANDOMPRI prefer same-group queues
//     only with PERCPU, as in DAPHNE). RANDOM draws with rejection from a
//     per-worker source seeded with (Seed, worker), as sched does. Queues
//     never refill, so a worker that has seen every queue it visits empty
//     retires.
//
// Time of one dequeue: the worker arrives at the queue at time t, waits
// until the queue is free (first come, first served), occupies it for its
// claim time (QueueLock for locked queues, AtomicClaim for atomic ones;
// also when the queue turns out empty), then pays ChunkOverhead (+
// StealOverhead for a stolen chunk) and runs the rows for
// Cost.Cost(lo, hi) / Speed[w], times a noise factor in [1-Noise, 1+Noise]
// drawn from a per-worker source when Noise > 0. Probing is otherwise free, and cutting
// chunks before the run costs nothing (it happens before time 0). An
// adaptive scheme is told each chunk's execution time, or with
// IncludesOverhead (AWFD, AWFE) the time since the worker's previous chunk
// ended, exactly what sched measures on real clocks.
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
//     executes rows, pays an overhead, or occupies a queue others wait for.
//   - Determinism: Run is a pure function of its Config. Ties between events
//     at the same virtual time are broken first come, first served (and the
//     workers start in index order); RANDOM victims draw from per-worker
//     sources seeded with Config.Seed.
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
//     literal behaviour): identical for non-adaptive schemes, but sched cuts
//     on demand so that AWF and AF can adapt; the simulator follows sched.
//   - One RANDOM source shared by all workers (C's rand() in DAPHNE):
//     equally deterministic here, but per-worker sources match sched.
//   - Charging a cost per empty probe: an empty dequeue is one lock round
//     trip or one atomic load, which the claim times already model.
//   - Modelling caches, NUMA distance or memory bandwidth: out of scope; a
//     per-core Speed and the cost model are the knobs.
package sim
