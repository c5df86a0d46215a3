// Package cblas calls the system OpenBLAS through cgo for the optional
// OpenBLAS backend of package linalg. It is compiled only with
// -tags openblas and cgo (a separate package because a package using cgo
// cannot hold Go assembly, which linalg does); without them it is empty.
//
// All matrices are row-major and contiguous; callers check shapes, keep
// dimensions within 32 bits and never pass empty operands (OpenBLAS's
// parameter checks print to stderr).
package cblas
