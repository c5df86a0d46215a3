//go:build !(amd64 || arm64) || purego

package linalg

// microF64 is the f64 micro-kernel; without an assembly version it is the
// portable one.
var microF64 microKernel[float64] = microGo[float64]

// microF32 is the portable f32 micro-kernel.
var microF32 microKernel[float32] = microGo[float32]

// HasAsmKernel reports whether the f64 micro-kernel runs in assembly.
func HasAsmKernel() bool { return false }

// nativeBackends returns the native implementations: only the portable Go
// one on this platform or build.
func nativeBackends() []*backend { return []*backend{pureGoBackend} }

var pureGoBackend = newNativeBackend(backendPureGo, microGo[float64], microGo[float32])
