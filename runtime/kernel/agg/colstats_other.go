//go:build !amd64 || purego

package agg

// Without the amd64 assembly (other platforms, or -tags purego) the column
// updates of colstats.go always run their Go loops.

// useAsm is false: there is no assembly path in this build.
const useAsm = false

func shiftedF64Asm([]float64, int, []float64, []float64, []float64) bool { return false }

func shiftedF32Asm([]float32, int, []float64, []float64, []float64) bool { return false }

func addF64Asm([]float64, int, []float64) bool { return false }

func addF32Asm([]float32, int, []float32) bool { return false }
