//go:build !linux

package topo

import (
	"errors"
	"fmt"
)

// Pin is not supported on this system; it returns ErrUnsupported.
func Pin(cpu int) error { return fmt.Errorf("topo: pin to CPU %d: %w", cpu, errors.ErrUnsupported) }

// Affinity is not supported on this system; it returns ErrUnsupported.
func Affinity() ([]int, error) { return nil, fmt.Errorf("topo: affinity: %w", errors.ErrUnsupported) }
