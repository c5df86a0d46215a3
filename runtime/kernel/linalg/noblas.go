//go:build !openblas || !cgo

package linalg

// blasBackend is the OpenBLAS backend; nil without -tags openblas (or
// without cgo), so the default build is pure Go.
var blasBackend *backend
