// Package fileio reads and writes matrices in DAPHNE's file formats and
// registers the readMatrix, writeMatrix and write IR ops.
//
// # Formats
//
// The format is chosen by the file name's extension:
//
//   - .csv: comma-separated values without a header; the shape and value
//     type come from the JSON meta data file "<file>.meta", which must exist.
//     Integers are read like C's atoi (the leading integer part of a field),
//     floats like strtod (a field that does not start with a number is NaN),
//     strings may be quoted with '"' as DAPHNE reads them: quoted fields may
//     span lines, "" inside is one quote, and \" is kept as these two
//     characters without ending the field. The writer produces exactly this
//     dialect, so every string matrix reads back unchanged (a quoted string
//     ending in a backslash cannot be expressed and is refused).
//   - .coo: the non-zeros of a sparse matrix as CSV lines "row,col" (0-based)
//     or "row,col,value"; a line without value stands for 1, as DAPHNE reads
//     such pair lists into CSR matrices. Shape, value type and (optionally)
//     numNonZeros come from the .meta file, which must exist. The result
//     is a CSR matrix.
//   - .mtx: Matrix Market, coordinate (real, integer or pattern; general,
//     symmetric, skew-symmetric) read into a CSR matrix, or array (general)
//     read into a dense matrix. The shape comes from the file's own header;
//     a .meta file is optional and, if present, must agree with it and
//     selects the value type.
//   - .dbdf: DAPHNE's binary format (version 1, little endian), dense or CSR;
//     a .meta file is optional.
//
// Writing always produces "<file>.meta" as compact JSON with sorted keys, as
// DAPHNE does, e.g. {"numCols":4,"numRows":2,"valueType":"f64"}.
//
// # Performance
//
// Readers load the whole file and parse bytes by hand (no regular
// expressions, no per-line strings). Numeric CSV files and Matrix Market
// coordinate files larger than 1 MiB are cut into chunks at line boundaries
// and parsed in parallel (up to GOMAXPROCS chunks, at most 8 for Matrix
// Market, whose CSR build keeps one row counter array per chunk). Decimal
// numbers with at most 15 significant digits take an exact fast path;
// longer ones go to strconv, which rounds correctly like glibc's strtod.
// A 400k-node graph with 3.4M unsorted edges reads in about 0.3 s on two
// cores.
//
// # Deviations from DAPHNE
//
//   - Floats are written to CSV with the shortest representation that reads
//     back to the same value (strconv 'g', -1), not with printf("%f"), so no
//     precision is lost on a write/read round trip; nan and inf are spelled
//     as C does.
//   - Integers in CSV are read with 64-bit wrap-around (DAPHNE's atoi is
//     32-bit for some types); extra fields at the end of a CSV line are
//     ignored, as in DAPHNE.
//   - .mtx and .dbdf files do not need a .meta file (DAPHNE requires one);
//     .mtx coordinate files are always read as CSR matrices.
//   - String matrices in .dbdf (DAPHNE has no byte layout for them) are
//     written with value type code 8 followed by each cell as a u64 length
//     and its bytes. bool matrices cannot be written (no meta value type).
package fileio
