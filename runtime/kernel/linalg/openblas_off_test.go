//go:build !openblas || !cgo

package linalg

// builtWithOpenBLAS reports that this test binary has the OpenBLAS backend.
const builtWithOpenBLAS = false
