//go:build amd64 && !purego

package linalg

// A model check of the AVX-512 kernel for machines that cannot run it:
// GNU objdump (which decodes EVEX; Go's objdump does not) disassembles
// microAVX512 from this test binary, a small interpreter of that AT&T text runs it on the self-test's
// cases, and the self-test must accept it. This checks the instruction
// stream as assembled (operand order, offsets and strides, loop control,
// which cells are read and written), not the hardware: the interpreter's
// semantics of each mnemonic are the Intel manual's as modelled here, and
// FMAs round twice. Every memory access outside the kernel's argument
// slices is an error.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// asmInstr is one disassembled instruction: its address, mnemonic and
// operands in AT&T order (sources first).
type asmInstr struct {
	addr uint64
	op   string
	args []string
}

var (
	objdumpLine = regexp.MustCompile(`^\s+([0-9a-f]+):\t(.*)$`)
	symbolRef   = regexp.MustCompile(` <[^>]*>`)
	memOperand  = regexp.MustCompile(`^(-?0x[0-9a-f]+)?\(%(\w+)(?:,%(\w+),(\d))?\)(\{1to8\})?$`)
)

// disassembleAVX512 returns the instructions of microAVX512 in this test
// binary, or skips the test where that is not possible. The symbol table
// of a test binary is stripped, so the kernel is found through the runtime:
// the Go func value of an assembly function is an ABI wrapper that calls
// it, and the kernel ends where the runtime's function table says.
func disassembleAVX512(t *testing.T) []asmInstr {
	t.Helper()
	if _, err := exec.LookPath("objdump"); err != nil {
		t.Skip("GNU objdump not found")
	}
	wrapper := disassemble(t, reflect.ValueOf(microAVX512).Pointer())
	for _, in := range wrapper {
		if in.op != "call" || len(in.args) != 1 {
			continue
		}
		target, err := strconv.ParseUint(strings.TrimPrefix(in.args[0], "0x"), 16, 64)
		if err != nil {
			t.Fatalf("call %v in the wrapper of microAVX512", in.args)
		}
		if f := runtime.FuncForPC(uintptr(target)); f == nil || !strings.Contains(f.Name(), "linalg.microAVX512") {
			continue
		}
		return disassemble(t, uintptr(target))
	}
	t.Fatalf("no call of the kernel in the wrapper of microAVX512: %v", wrapper)
	return nil
}

// disassemble returns the instructions of the function starting at entry.
func disassemble(t *testing.T, entry uintptr) []asmInstr {
	t.Helper()
	fn := runtime.FuncForPC(entry)
	if fn == nil || fn.Entry() != entry {
		t.Fatalf("no function at %#x", entry)
	}
	end := entry
	for end < entry+1<<12 && runtime.FuncForPC(end) == fn {
		end++
	}
	out, err := exec.Command("objdump", "-d", "--no-show-raw-insn",
		fmt.Sprintf("--start-address=%#x", entry), fmt.Sprintf("--stop-address=%#x", end), os.Args[0]).Output()
	if err != nil {
		t.Fatalf("objdump: %v", err)
	}
	var prog []asmInstr
	for line := range strings.Lines(string(out)) {
		m := objdumpLine.FindStringSubmatch(strings.TrimRight(line, "\n"))
		if m == nil {
			continue
		}
		addr, _ := strconv.ParseUint(m[1], 16, 64)
		text := strings.TrimSpace(symbolRef.ReplaceAllString(m[2], ""))
		op, rest, _ := strings.Cut(text, " ")
		in := asmInstr{addr: addr, op: op}
		if rest = strings.TrimSpace(rest); rest != "" {
			in.args = splitArgs(rest)
		}
		prog = append(prog, in)
	}
	if len(prog) == 0 {
		t.Fatalf("objdump printed no instructions for %s", fn.Name())
	}
	return prog
}

// splitArgs splits AT&T operands at the commas outside parentheses.
func splitArgs(s string) []string {
	var args []string
	depth, from := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				args = append(args, s[from:i])
				from = i + 1
			}
		}
	}
	return append(args, s[from:])
}

// asmMachine is the state of the interpreter: general registers, zmm
// registers, the last flag-setting result, and memory in 8-byte cells
// (each a pointer into one of the argument slices, or a stack argument).
type asmMachine struct {
	gpr   map[string]int64
	zmm   [32][8]float64
	flags int64
	cells map[int64]*float64
	stack map[int64]int64
}

// ea returns the address of a memory operand and whether it broadcasts.
func (m *asmMachine) ea(op string) (int64, bool) {
	mm := memOperand.FindStringSubmatch(op)
	if mm == nil {
		panic(fmt.Sprintf("unmodelled operand %q", op))
	}
	var disp int64
	if mm[1] != "" {
		disp, _ = strconv.ParseInt(strings.Replace(mm[1], "0x", "", 1), 16, 64)
	}
	a := m.gpr[mm[2]] + disp
	if mm[3] != "" {
		scale, _ := strconv.Atoi(mm[4])
		a += m.gpr[mm[3]] * int64(scale)
	}
	return a, mm[5] != ""
}

// cell returns the memory cell at address a, panicking outside the
// arguments.
func (m *asmMachine) cell(a int64) *float64 {
	c, ok := m.cells[a]
	if !ok {
		panic(fmt.Sprintf("access outside the argument slices at %#x", a))
	}
	return c
}

// vec returns the 8 values of a zmm or memory operand.
func (m *asmMachine) vec(op string) [8]float64 {
	if z, ok := zmmIndex(op); ok {
		return m.zmm[z]
	}
	a, bcst := m.ea(op)
	var v [8]float64
	for i := range v {
		if bcst {
			v[i] = *m.cell(a)
		} else {
			v[i] = *m.cell(a + 8*int64(i))
		}
	}
	return v
}

func zmmIndex(op string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(op, "%zmm"))
	return n, strings.HasPrefix(op, "%zmm") && err == nil
}

// value returns an immediate or a general register's value.
func (m *asmMachine) value(op string) int64 {
	if imm, ok := strings.CutPrefix(op, "$0x"); ok {
		v, _ := strconv.ParseInt(imm, 16, 64)
		return v
	}
	return m.gpr[strings.TrimPrefix(op, "%")]
}

// run interprets prog from its first instruction to its ret.
func (m *asmMachine) run(prog []asmInstr) {
	at := map[uint64]int{}
	for i, in := range prog {
		at[in.addr] = i
	}
	jump := func(target string, take bool) int {
		addr, err := strconv.ParseUint(strings.TrimPrefix(target, "0x"), 16, 64)
		i, ok := at[addr]
		if err != nil || !ok {
			panic(fmt.Sprintf("jump to %q outside the kernel", target))
		}
		if take {
			return i
		}
		return -1
	}
	for pc, steps := 0, 0; ; steps++ {
		if pc >= len(prog) || steps > 1<<20 {
			panic("ran off the kernel or did not terminate")
		}
		in := prog[pc]
		pc++
		x := in.args
		next := -1
		switch in.op {
		case "mov": // the stack arguments
			a, _ := m.ea(x[0])
			v, ok := m.stack[a]
			if !ok {
				panic(fmt.Sprintf("mov from %s: not an argument", x[0]))
			}
			m.gpr[strings.TrimPrefix(x[1], "%")] = v
		case "test":
			m.flags = m.value(x[0]) & m.value(x[1])
		case "cmp":
			m.flags = m.value(x[1]) - m.value(x[0])
		case "je":
			next = jump(x[0], m.flags == 0)
		case "jne":
			next = jump(x[0], m.flags != 0)
		case "jl":
			next = jump(x[0], m.flags < 0)
		case "jge":
			next = jump(x[0], m.flags >= 0)
		case "lea":
			m.gpr[strings.TrimPrefix(x[1], "%")], _ = m.ea(x[0])
		case "prefetcht0": // a hint: never faults, so any address is fine
		case "add":
			m.gpr[strings.TrimPrefix(x[1], "%")] += m.value(x[0])
		case "sub":
			m.gpr[strings.TrimPrefix(x[1], "%")] -= m.value(x[0])
		case "vpxorq": // only the zeroing idiom is modelled
			d, _ := zmmIndex(x[2])
			if x[0] != x[1] {
				panic("vpxorq of two registers")
			}
			m.zmm[d] = [8]float64{}
		case "vmovupd":
			if d, ok := zmmIndex(x[1]); ok {
				m.zmm[d] = m.vec(x[0])
				break
			}
			s, _ := zmmIndex(x[0])
			a, _ := m.ea(x[1])
			for i, v := range m.zmm[s] {
				*m.cell(a + 8*int64(i)) = v
			}
		case "vfmadd231pd": // dst += src2 * src1 (AT&T: src1, src2, dst)
			s1, s2 := m.vec(x[0]), m.vec(x[1])
			d, _ := zmmIndex(x[2])
			for i := range s1 {
				m.zmm[d][i] += s2[i] * s1[i]
			}
		case "vaddpd": // dst = src2 + src1
			s1, s2 := m.vec(x[0]), m.vec(x[1])
			d, _ := zmmIndex(x[2])
			for i := range s1 {
				m.zmm[d][i] = s2[i] + s1[i]
			}
		case "vzeroupper":
		case "ret":
			return
		default:
			panic(fmt.Sprintf("unmodelled instruction %s %v", in.op, x))
		}
		if next >= 0 {
			pc = next
		}
	}
}

// modelKernel returns a micro-kernel that interprets prog (the
// disassembled microAVX512) on its arguments, placed at fake addresses.
func modelKernel(prog []asmInstr) microKernel[float64] {
	return func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		m := &asmMachine{gpr: map[string]int64{"rsp": 1 << 16}, cells: map[int64]*float64{}, stack: map[int64]int64{}}
		place := func(base int64, s []float64) int64 {
			for i := range s {
				m.cells[base+8*int64(i)] = &s[i]
			}
			return base
		}
		var cAddr int64
		if c != nil {
			cAddr = place(4<<20, c)
		}
		args := []int64{int64(kb), place(1<<20, a), int64(aStep * 8), place(2<<20, b), place(3<<20, tile[:]), cAddr, int64(ldc * 8)}
		for i, v := range args {
			m.stack[1<<16+8+8*int64(i)] = v
		}
		m.run(prog)
	}
}

// TestAVX512KernelModel runs the self-test on the interpreted kernel.
func TestAVX512KernelModel(t *testing.T) {
	t.Parallel()
	prog := disassembleAVX512(t)
	if err := selfTestMicro64(modelKernel(prog)); err != nil {
		t.Fatalf("the disassembled AVX-512 kernel (%d instructions) fails the self-test: %v", len(prog), err)
	}
}

// TestAVX512KernelModelCanFail changes one disassembled instruction at a
// time and checks that the self-test then rejects the model: the model
// check is not vacuous.
func TestAVX512KernelModelCanFail(t *testing.T) {
	t.Parallel()
	prog := disassembleAVX512(t)
	cases := []struct{ name, from, to string }{
		{"wrong A offset in the odd step", "vfmadd231pd 0x10(%rsi){1to8},%zmm9,%zmm6", "vfmadd231pd 0x8(%rsi){1to8},%zmm9,%zmm6"},
		{"B advanced by one row per pair", "add $0x80,%rdi", "add $0x40,%rdi"},
		{"one step per pair counted", "sub $0x2,%rcx", "sub $0x1,%rcx"},
		{"odd set of row 3 not added", "vaddpd %zmm7,%zmm3,%zmm3", "vaddpd %zmm6,%zmm3,%zmm3"},
		{"tile row 3 stored past the tile", "vmovupd %zmm3,0xc0(%r8)", "vmovupd %zmm3,0x100(%r8)"},
		{"c rows 64 bytes apart", "add %r10,%r9", "add $0x40,%r9"},
		{"no broadcast", "vfmadd231pd (%rsi){1to8},%zmm8,%zmm0", "vfmadd231pd (%rsi),%zmm8,%zmm0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mutated := append([]asmInstr(nil), prog...)
			found := false
			for i, in := range mutated {
				if in.op+" "+strings.Join(in.args, ",") == tc.from {
					op, rest, _ := strings.Cut(tc.to, " ")
					mutated[i] = asmInstr{addr: in.addr, op: op, args: splitArgs(rest)}
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("instruction %q not in the disassembly", tc.from)
			}
			if err := selfTestMicro64(modelKernel(mutated)); err == nil {
				t.Fatalf("the self-test accepted the kernel with %q -> %q", tc.from, tc.to)
			} else {
				t.Log(err)
			}
		})
	}
}

// TestAVX512KernelModelConformance drives the interpreted kernel through
// the packed gemm and syrk (A panel strides mr and nr, edge tiles, a
// depth beyond one packed block) of the conformance suite.
func TestAVX512KernelModelConformance(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("interprets a few thousand kernel calls")
	}
	model := modelKernel(disassembleAVX512(t))
	var calls atomic.Int64
	counted := func(kb int, a []float64, aStep int, b []float64, tile *[mr * nr]float64, c []float64, ldc int) {
		calls.Add(1)
		model(kb, a, aStep, b, tile, c, ldc)
	}
	be := newNativeBackend("avx512-model", counted, microGo[float32])
	rng := rand.New(rand.NewPCG(61, 62))
	for _, s := range []struct{ m, k, n int }{{33, 17, 65}, {9, 300, 23}, {64, 64, 64}} {
		gemmCase(t, rng, be.f64, s.m, s.k, s.n, 2)
	}
	for _, s := range []struct{ m, n int }{{129, 33}, {300, 17}} {
		syrkCase(t, rng, be.f64, s.m, s.n, 2)
	}
	if calls.Load() < 100 {
		t.Fatalf("the interpreted kernel ran %d times, want the packed paths to use it", calls.Load())
	}
	t.Logf("%d interpreted kernel calls", calls.Load())
}
