// Package data holds the runtime values of daphne-go: scalars of every value
// type, dense row-major matrices (Dense[T]) of every value type including
// strings, CSR sparse matrices (CSR[T]), and lists of matrices. Frames come
// later; the Value interface leaves room for them.
//
// # Ownership and aliasing
//
// Values are immutable once handed to the interpreter: kernels never write
// into their inputs, they allocate (or take from a pool) a new result. This
// makes assignment by reference with copy-on-write semantics free: `B = A`
// shares the matrix, `B[0,0] = ...` produces a new one.
//
// # Element types
//
// The Go element type of each value type: f64 float64, f32 float32, si64
// int64, si32 int32, si8 int8, ui64 uint64, ui32 uint32, ui8 uint8, bool bool,
// str string, size uint64 (the matrix records the value type, so ui64 and size
// share the Go type but print and promote differently).
package data
