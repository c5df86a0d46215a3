package topo

import (
	"fmt"
	"runtime"
	"syscall"
	"unsafe"
)

// Pin locks the calling goroutine to its OS thread and restricts that thread
// to OS CPU cpu (sched_setaffinity on thread 0 = the caller). The goroutine
// stays locked to the thread afterwards. May be called by any goroutine; it
// affects only the caller's thread.
func Pin(cpu int) error {
	if cpu < 0 || cpu >= 1024 {
		return fmt.Errorf("topo: pin: CPU %d out of range [0, 1024)", cpu)
	}
	runtime.LockOSThread()
	var mask [1024 / 64]uint64
	mask[cpu/64] |= 1 << (cpu % 64)
	_, _, errno := syscall.RawSyscall(syscall.SYS_SCHED_SETAFFINITY, 0, unsafe.Sizeof(mask), uintptr(unsafe.Pointer(&mask)))
	if errno != 0 {
		return fmt.Errorf("topo: pin to CPU %d: %w", cpu, errno)
	}
	return nil
}

// Affinity returns the OS CPUs the calling thread may run on.
func Affinity() ([]int, error) {
	var mask [1024 / 64]uint64
	_, _, errno := syscall.RawSyscall(syscall.SYS_SCHED_GETAFFINITY, 0, unsafe.Sizeof(mask), uintptr(unsafe.Pointer(&mask)))
	if errno != 0 {
		return nil, fmt.Errorf("topo: affinity: %w", errno)
	}
	var out []int
	for i := range 1024 {
		if mask[i/64]&(1<<(i%64)) != 0 {
			out = append(out, i)
		}
	}
	return out, nil
}
