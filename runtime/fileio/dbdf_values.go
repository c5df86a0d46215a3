package fileio

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/daphne-go/daphne/types"
)

// Value arrays of the .dbdf format: little-endian numbers of the value
// type's width; strings (our extension) as u64 length plus bytes.

var le = binary.LittleEndian

// dbdfCodes are the value type codes DAPHNE's serializer writes.
var dbdfCodes = map[types.ValueType]uint8{
	types.SI8: 0, types.SI32: 1, types.SI64: 2, types.UI8: 3, types.UI32: 4,
	types.UI64: 5, types.Size: 5, types.F32: 6, types.F64: 7, types.Str: 8,
}

func dbdfValueType(code uint8) (types.ValueType, bool) {
	for vt, c := range dbdfCodes {
		if c == code && vt != types.Size {
			return vt, true
		}
	}
	return types.Unknown, false
}

// valueWidth is the byte width of a numeric value type (0 for str).
func valueWidth(vt types.ValueType) int {
	switch vt {
	case types.SI8, types.UI8:
		return 1
	case types.SI32, types.UI32, types.F32:
		return 4
	case types.SI64, types.UI64, types.Size, types.F64:
		return 8
	}
	return 0
}

// appendValues appends a cell slice in .dbdf encoding.
func appendValues(b []byte, cells any) ([]byte, error) {
	switch x := cells.(type) {
	case []float64:
		for _, v := range x {
			b = le.AppendUint64(b, math.Float64bits(v))
		}
	case []float32:
		for _, v := range x {
			b = le.AppendUint32(b, math.Float32bits(v))
		}
	case []int64:
		for _, v := range x {
			b = le.AppendUint64(b, uint64(v))
		}
	case []int32:
		for _, v := range x {
			b = le.AppendUint32(b, uint32(v))
		}
	case []int8:
		for _, v := range x {
			b = append(b, byte(v))
		}
	case []uint64:
		for _, v := range x {
			b = le.AppendUint64(b, v)
		}
	case []uint32:
		for _, v := range x {
			b = le.AppendUint32(b, v)
		}
	case []uint8:
		b = append(b, x...)
	case []string:
		for _, v := range x {
			b = le.AppendUint64(b, uint64(len(v)))
			b = append(b, v...)
		}
	default:
		return nil, fmt.Errorf("no binary encoding for cells of type %T", cells)
	}
	return b, nil
}

// decodeValues decodes n values of type vt from b, returning the cells and
// the rest of b. Short input is an error, never a panic.
func decodeValues(b []byte, vt types.ValueType, n int, name string) (any, []byte, error) {
	short := fmt.Errorf("file '%s' is truncated: it ends inside the values", name)
	if vt == types.Str {
		out := make([]string, 0, min(n, len(b)/8))
		for i := 0; i < n; i++ {
			if len(b) < 8 {
				return nil, nil, short
			}
			l := le.Uint64(b)
			b = b[8:]
			if l > uint64(len(b)) {
				return nil, nil, short
			}
			out = append(out, string(b[:l]))
			b = b[l:]
		}
		return out, b, nil
	}
	w := valueWidth(vt)
	if w == 0 || n > len(b)/w {
		return nil, nil, short
	}
	src, rest := b[:n*w], b[n*w:]
	switch vt {
	case types.F64:
		out := make([]float64, n)
		for i := range out {
			out[i] = math.Float64frombits(le.Uint64(src[8*i:]))
		}
		return out, rest, nil
	case types.F32:
		out := make([]float32, n)
		for i := range out {
			out[i] = math.Float32frombits(le.Uint32(src[4*i:]))
		}
		return out, rest, nil
	case types.SI64:
		out := make([]int64, n)
		for i := range out {
			out[i] = int64(le.Uint64(src[8*i:]))
		}
		return out, rest, nil
	case types.SI32:
		out := make([]int32, n)
		for i := range out {
			out[i] = int32(le.Uint32(src[4*i:]))
		}
		return out, rest, nil
	case types.SI8:
		out := make([]int8, n)
		for i := range out {
			out[i] = int8(src[i])
		}
		return out, rest, nil
	case types.UI64:
		out := make([]uint64, n)
		for i := range out {
			out[i] = le.Uint64(src[8*i:])
		}
		return out, rest, nil
	case types.UI32:
		out := make([]uint32, n)
		for i := range out {
			out[i] = le.Uint32(src[4*i:])
		}
		return out, rest, nil
	case types.UI8:
		out := make([]uint8, n)
		copy(out, src)
		return out, rest, nil
	}
	return nil, nil, fmt.Errorf("file '%s': cannot decode value type %v", name, vt)
}
