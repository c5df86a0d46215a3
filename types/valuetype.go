package types

import "fmt"

// ValueType is the element type of a scalar, a matrix cell or a frame column.
type ValueType uint8

// The value types of DaphneDSL. The order of the constants is not the
// promotion order; use Generality for that.
const (
	Unknown ValueType = iota // not known statically
	F64
	F32
	SI64
	SI32
	SI8
	UI64
	UI32
	UI8
	Bool
	Str
	Size // DAPHNE's index type (size_t): returned by nrow, idxMax, ...
)

// AllValueTypes lists every concrete value type, for tests and dispatch tables.
var AllValueTypes = []ValueType{F64, F32, SI64, SI32, SI8, UI64, UI32, UI8, Bool, Str, Size}

var vtNames = [...]string{
	Unknown: "unknown", F64: "f64", F32: "f32", SI64: "si64", SI32: "si32", SI8: "si8",
	UI64: "ui64", UI32: "ui32", UI8: "ui8", Bool: "bool", Str: "str", Size: "size",
}

// String returns the DaphneDSL spelling (f64, si64, ...; "size" for the index type).
func (v ValueType) String() string {
	if int(v) < len(vtNames) {
		return vtNames[v]
	}
	return fmt.Sprintf("ValueType(%d)", uint8(v))
}

var cppNames = [...]string{
	Unknown: "unknown", F64: "double", F32: "float", SI64: "int64_t", SI32: "int32_t", SI8: "int8_t",
	UI64: "uint64_t", UI32: "uint32_t", UI8: "uint8_t", Bool: "bool", Str: "std::string", Size: "uint64_t",
}

// CppName returns the C++ type name DAPHNE prints in matrix headers and typeOf
// (double, int64_t, std::string, ...). Scalars of type str print as
// "const char*" in typeOf; see ScalarCppName.
func (v ValueType) CppName() string {
	if int(v) < len(cppNames) {
		return cppNames[v]
	}
	return v.String()
}

// ScalarCppName is the C++ name typeOf reports for a scalar of this type.
func (v ValueType) ScalarCppName() string {
	switch v {
	case Str:
		return "const char*"
	case Size:
		return "size_t"
	}
	return v.CppName()
}

// ParseValueType parses a DaphneDSL value-type keyword (f64, si32, str, ...).
// "size" is not a DSL keyword and is rejected.
func ParseValueType(s string) (ValueType, bool) {
	switch s {
	case "f64":
		return F64, true
	case "f32":
		return F32, true
	case "si64":
		return SI64, true
	case "si32":
		return SI32, true
	case "si8":
		return SI8, true
	case "ui64":
		return UI64, true
	case "ui32":
		return UI32, true
	case "ui8":
		return UI8, true
	case "bool":
		return Bool, true
	case "str":
		return Str, true
	}
	return Unknown, false
}

// MetaName is the spelling in .meta files: si8 si32 si64 ui8 ui32 ui64 f32 f64 str.
// Size is written as ui64; bool has no meta name (ok=false).
func (v ValueType) MetaName() (string, bool) {
	switch v {
	case Bool, Unknown:
		return "", false
	case Size:
		return "ui64", true
	}
	return v.String(), true
}

// ParseMetaName parses a value type as spelled in a .meta file.
func ParseMetaName(s string) (ValueType, bool) {
	if s == "bool" {
		return Unknown, false
	}
	return ParseValueType(s)
}

// generality ranks value types from least to most general:
// bool < si8 < ui8 < si32 < ui32 < size < si64 < ui64 < f32 < f64 < str.
var generality = [...]int{
	Unknown: -1, Bool: 0, SI8: 1, UI8: 2, SI32: 3, UI32: 4, Size: 5, SI64: 6, UI64: 7, F32: 8, F64: 9, Str: 10,
}

// Generality returns the rank of v in DaphneDSL's promotion order.
func (v ValueType) Generality() int { return generality[v] }

// Promote returns the most general of the given value types (DAPHNE's
// CastArgsToResType). Unknown wins over everything: if any input is unknown,
// so is the result.
func Promote(vts ...ValueType) ValueType {
	res := Unknown
	for i, v := range vts {
		if v == Unknown {
			return Unknown
		}
		if i == 0 || v.Generality() > res.Generality() {
			res = v
		}
	}
	return res
}

// IsFloat reports whether v is f32 or f64.
func (v ValueType) IsFloat() bool { return v == F64 || v == F32 }

// IsInt reports whether v is an integer type (signed, unsigned or size; not bool).
func (v ValueType) IsInt() bool {
	switch v {
	case SI64, SI32, SI8, UI64, UI32, UI8, Size:
		return true
	}
	return false
}

// IsSigned reports whether v is a signed integer type.
func (v ValueType) IsSigned() bool { return v == SI64 || v == SI32 || v == SI8 }

// IsUnsigned reports whether v is an unsigned integer type (including size).
func (v ValueType) IsUnsigned() bool { return v == UI64 || v == UI32 || v == UI8 || v == Size }

// IsNumeric reports whether v is an integer, float or bool type.
func (v ValueType) IsNumeric() bool { return v.IsInt() || v.IsFloat() || v == Bool }

// FloatOf returns the result type of float-producing operations (exp, mean,
// ...): f32 stays f32, every other type becomes f64. Unknown stays unknown.
func FloatOf(v ValueType) ValueType {
	switch v {
	case F32, Unknown:
		return v
	}
	return F64
}
