// Package topo reads the CPU topology (sockets, NUMA nodes, physical cores,
// SMT siblings) from /sys/devices/system/{cpu,node} and pins threads to CPUs.
//
// Read(root) parses a sysfs tree (root is "/sys" on a real machine; tests use
// fake trees under testdata). Detect reads /sys and falls back to a flat
// machine of runtime.NumCPU() CPUs (one package, one node, no SMT) when /sys
// is missing or unreadable (containers, non-Linux systems).
//
// # Worker order
//
// Topology.Order lists the CPUs in the order the scheduler assigns them to
// workers: the first hardware thread of every physical core (package by
// package), then the second threads, and so on. So T workers on T <= cores
// land on distinct cores. DAPHNE pins worker w to OS CPU w instead, which on
// machines that number SMT siblings adjacently puts two workers on one core.
//
// # Pinning
//
// Pin(cpu) locks the calling goroutine to its OS thread (runtime.LockOSThread)
// and sets that thread's affinity to the one CPU with sched_setaffinity
// (Linux; elsewhere it returns ErrUnsupported). The goroutine stays locked:
// call it only from a goroutine that lives as long as the pinning should (a
// scheduler worker).
//
// # Invariants
//
// A Topology has at least one CPU; every CPU has Package, Node and Core in
// [0, Packages), [0, Nodes), [0, Cores); Siblings includes the CPU itself.
//
// # Concurrency
//
// A Topology is immutable after Read/Detect/Flat returns and may be shared by
// any goroutines.
package topo
