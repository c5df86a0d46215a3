package config

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// LoadFile applies a JSON user configuration file (DAPHNE's UserConfig.json
// keys). As in DAPHNE, a key it does not know is an error (a misspelt key
// would otherwise be silently ignored), and so are a missing or malformed
// file and a key with a value of the wrong type; errors name the file and the
// key. Keys are applied in sorted order, so the first bad key reported is
// always the same one.
func (c *Config) LoadFile(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("config file %q: %w", path, err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("config file %q is not a JSON object: %v", path, err)
	}
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if err := c.applyKey(key, m[key]); err != nil {
			return fmt.Errorf("config file %q, key %q: %v", path, key, err)
		}
	}
	return nil
}

func (c *Config) applyKey(key string, val json.RawMessage) error {
	bools := map[string]*bool{
		"use_vectorized_exec": &c.Vec, "use_phy_op_selection": nil, "use_obj_ref_mgnt": nil,
		"use_ipa_const_propa": nil, "use_columnar": &c.Columnar, "use_mlir_codegen": &c.Codegen,
		"use_cuda": &c.CUDA, "pin_workers": &c.PinWorkers, "prePartitionRows": &c.PrePartition,
		"hyperthreadingEnabled": &c.Hyperthreading, "debugMultiThreading": &c.DebugMT,
		"useHdfs": &c.EnableHDFS, "use_distributed": &c.Distributed,
	}
	if p, ok := bools[key]; ok {
		var b bool
		if err := json.Unmarshal(val, &b); err != nil {
			return fmt.Errorf("expected true or false")
		}
		switch key {
		case "use_phy_op_selection":
			c.NoPhyOpSelection = !b
		case "use_obj_ref_mgnt":
			c.NoObjRefMgnt = !b
		case "use_ipa_const_propa":
			c.NoIPAConstPropa = !b
		default:
			*p = b
		}
		return nil
	}
	ints := map[string]*int{"numberOfThreads": &c.NumThreads, "minimumTaskSize": &c.GrainSize, "phyBatchSize": &c.PhyBatchSize}
	if p, ok := ints[key]; ok {
		var n int
		if err := json.Unmarshal(val, &n); err != nil {
			return fmt.Errorf("expected an integer")
		}
		if key == "numberOfThreads" && n < 0 {
			// DAPHNE's own UserConfig.json ships "numberOfThreads": -1,
			// meaning "one worker per core", as 0 does here.
			n = 0
		}
		if n < 0 {
			return fmt.Errorf("expected a non-negative integer")
		}
		*p = n
		return nil
	}
	switch key {
	case "taskPartitioningScheme":
		return c.enumKey(val, Partitionings, &c.Partitioning)
	case "queueSetupScheme":
		return c.enumKey(val, QueueLayouts, &c.QueueLayout)
	case "victimSelection":
		return c.enumKey(val, VictimSelections, &c.VictimSelection)
	case "sparsity_threshold":
		return json.Unmarshal(val, &c.SparsityThreshold)
	case "daphnedsl_import_paths":
		var paths map[string][]string
		if err := json.Unmarshal(val, &paths); err != nil {
			return fmt.Errorf("expected an object of directory lists")
		}
		// default_dirs are searched for every import; any other key names a
		// library ("algorithms": [dir]) that `import "algorithms";` loads
		// whole, passed on to the lowering as "name=dir".
		for _, dir := range paths["default_dirs"] {
			c.ImportPaths = append(c.ImportPaths, dir)
		}
		for name, dirs := range paths {
			if name == "default_dirs" {
				continue
			}
			for _, dir := range dirs {
				c.ImportPaths = append(c.ImportPaths, name+"="+dir)
			}
		}
		return nil
	}
	if len(key) <= 8 || key[:8] != "explain_" {
		if !otherFileKeys[key] {
			return fmt.Errorf("unexpected key: DAPHNE does not know it (check its spelling)")
		}
		return nil
	}
	var b bool
	if err := json.Unmarshal(val, &b); err != nil {
		return fmt.Errorf("expected true or false")
	}
	if b && oneOf(key[8:], ExplainStages) {
		c.Explain = append(c.Explain, key[8:])
	}
	return nil
}

func (c *Config) enumKey(val json.RawMessage, set []string, p *string) error {
	var s string
	if err := json.Unmarshal(val, &s); err != nil {
		return fmt.Errorf("expected a string")
	}
	if !oneOf(upper(s), set) {
		return fmt.Errorf("expected one of %v, got %q", set, s)
	}
	*p = upper(s)
	return nil
}

// otherFileKeys are the keys of DAPHNE's user configuration that are accepted
// and have no effect here (GPU, code generation, distributed and logging
// settings). Keys handled above and every explain_* key are accepted too; any
// other key is rejected, as DAPHNE's ConfigParser does.
var otherFileKeys = map[string]bool{
	"cuda_fuse_any": true, "vectorized_single_queue": true, "debug_llvm": true,
	"cuda_devices": true, "force_cuda": true, "libdir": true, "library_paths": true,
	"logging": true, "enable_property_recording": true, "use_sparse_representation": true,
	"matmul_vec_size_bits": true, "matmul_tile": true, "matmul_fixed_tile_sizes": true,
	"matmul_use_fixed_tile_sizes": true, "matmul_unroll_factor": true,
	"matmul_unroll_jam_factor": true, "matmul_num_vec_registers": true, "matmul_invert_loops": true,
	"hdfsAddress": true, "hdfsUsername": true, "distributed_backend": true,
	"max_distributed_serialization_chunk_size": true, "enable_profiling": true,
	"statistics": true, "enable_statistics": true,
}
