// Package types holds the static vocabulary shared by every layer of daphne-go:
// value types (f64, si64, str, ...), data types (scalar, matrix, frame, list),
// the promotion order of DaphneDSL ("most general value type") and the static
// type of an IR value (data type, value type, and shape when known).
//
// It depends on nothing else in the project, so the front end, the IR and the
// runtime can all use it without reaching back up the data flow.
package types
