// Package opset assembles the complete registry of op implementations from
// the kernel families. It is the only package that knows them all.
package opset

import (
	"github.com/daphne-go/daphne/runtime/fileio"
	"github.com/daphne-go/daphne/runtime/kernel/agg"
	"github.com/daphne-go/daphne/runtime/kernel/conv"
	"github.com/daphne-go/daphne/runtime/kernel/ew"
	"github.com/daphne-go/daphne/runtime/kernel/frame"
	"github.com/daphne-go/daphne/runtime/kernel/gen"
	"github.com/daphne-go/daphne/runtime/kernel/index"
	"github.com/daphne-go/daphne/runtime/kernel/linalg"
	"github.com/daphne-go/daphne/runtime/kernel/list"
	"github.com/daphne-go/daphne/runtime/kernel/meta"
	"github.com/daphne-go/daphne/runtime/kernel/prep"
	"github.com/daphne-go/daphne/runtime/kernel/rel"
	"github.com/daphne-go/daphne/runtime/kernel/reorg"
	"github.com/daphne-go/daphne/runtime/kernel/sql"
	"github.com/daphne-go/daphne/runtime/ops"
)

// Default returns a new registry holding every op implementation.
func Default() *ops.Registry {
	r := ops.NewRegistry()
	for _, register := range []func(*ops.Registry){
		conv.Register, fileio.Register,
		ew.Register,
		agg.Register, reorg.Register, gen.Register,
		index.Register, meta.Register, list.Register,
		linalg.Register, prep.Register,
		frame.Register, rel.Register, sql.Register,
	} {
		register(r)
	}
	return r
}
