// Package config holds the settings of one daphne run: DAPHNE's command-line
// options (daphnedsl.md section 2.3), the JSON user configuration file
// (--config), and the cascade defaults → config file → command line.
package config

import "strings"

// Config is the complete set of run settings. Performance settings never
// change results.
type Config struct {
	// Script arguments, name → literal text, in the order given.
	Args     map[string]string
	ArgOrder []string

	Explain []string // IR stages to print to stderr
	Timing  bool     // print the timing JSON to stderr at the end
	Version bool
	Help    bool

	// Vectorized engine and scheduler (DaphneSched).
	Vec bool
	// VecRestricted (--vec-restricted) vectorizes only ops that carry the
	// attribute vec=true. No op carries it yet, so it fuses nothing: the
	// run is the unfused one, even together with --vec.
	VecRestricted   bool
	NumThreads      int // 0 = default (number of cores; logical CPUs with Hyperthreading)
	CSTTaskSize     int // --cst-task-size: CST's chunk (daphne-go extension); 0 = $DAPHNE_CST_TASK_SIZE
	GrainSize       int // minimum task size in rows
	PhyBatchSize    int // bytes per batch
	Partitioning    string
	QueueLayout     string
	VictimSelection string
	PrePartition    bool
	PinWorkers      bool
	Hyperthreading  bool
	DebugMT         bool   // log each pipeline's scheduling to stderr (slog, debug level)
	Trace           string // --trace: file for the Chrome trace-event JSON task trace; "" = none

	// Compiler.
	SelectMatrixRepr    bool
	SparsityThreshold   float64
	NoObjRefMgnt        bool
	NoIPAConstPropa     bool
	NoPhyOpSelection    bool
	Columnar            bool
	OptimisticSplitting bool
	Codegen             bool
	MLIRHybridCodegen   bool
	ImportPaths         []string

	// Accepted for compatibility; recorded but without effect yet.
	Statistics      bool
	EnableProfiling bool
	Distributed     bool
	DistBackend     string
	CUDA            bool
	FPGAOpenCL      bool
	EnableHDFS      bool
	Libdir          string
	Other           map[string]string // other accepted options, by name
}

// Default returns the built-in defaults (DAPHNE's).
func Default() *Config {
	return &Config{
		Args:              map[string]string{},
		GrainSize:         1,
		PhyBatchSize:      96 * 1024,
		Partitioning:      "STATIC",
		QueueLayout:       "CENTRALIZED",
		VictimSelection:   "SEQ",
		SparsityThreshold: 0.25,
		DistBackend:       "MPI",
		Other:             map[string]string{},
	}
}

// Partitionings lists the accepted --partitioning values (DAPHNE's, plus CST,
// the constant chunk of the DaphneSched talk).
var Partitionings = []string{"STATIC", "SS", "GSS", "TSS", "FAC2", "TFSS", "FISS", "VISS", "PLS", "MSTATIC", "MFSC", "PSS", "AUTO", "CST"}

// QueueLayouts lists the accepted --queue_layout values: DAPHNE's three and
// LOCKFREE, the centralized queue on an atomic counter (our extension).
var QueueLayouts = []string{"CENTRALIZED", "LOCKFREE", "PERGROUP", "PERCPU"}

// VictimSelections lists the accepted --victim_selection values.
var VictimSelections = []string{"SEQ", "SEQPRI", "RANDOM", "RANDOMPRI"}

// ExplainStages lists the accepted --explain values.
var ExplainStages = []string{"parsing", "parsing_simplified", "sql", "columnar", "property_inference",
	"select_matrix_repr", "transfer_data_props", "phy_op_selection", "type_adaptation", "vectorized",
	"obj_ref_mgnt", "kernels", "codegen", "mlir_codegen_sparsity_exploiting_op_fusion",
	"mlir_codegen_daphneir_to_mlir", "mlir_codegen_mlir_specific", "llvm"}

// Explains reports whether stage was requested with --explain.
func (c *Config) Explains(stage string) bool {
	for _, s := range c.Explain {
		if s == stage {
			return true
		}
	}
	return false
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

func upper(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
