#!/usr/bin/env bash
# Times the two example pipelines of the DaphneSched paper at two sizes each.
# Usage: bench/examples.sh [outdir]   (needs only Go; writes inputs to outdir)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench/out}
mkdir -p "$out"
go build -o "$out/daphne" ./cmd/daphne
bin="$out/daphne"

for size in "100000 800000" "400000 3400000"; do
  set -- $size
  g="$out/rmat-$1.mtx"
  [ -f "$g" ] || "$bin" gen graph -nodes "$1" -edges "$2" -o "$g"
  echo "== connected components, $1 nodes, $2 edges"
  /usr/bin/time -f "wall %e s, max RSS %M KiB" "$bin" --timing examples/connected_components.daph f="\"$g\""
done

for size in "100000 101" "1000000 101"; do
  set -- $size
  echo "== linear regression, $1 x $2"
  /usr/bin/time -f "wall %e s, max RSS %M KiB" "$bin" --timing examples/linear_regression.daph numRows="$1" numCols="$2"
done

# Reference tools (Debian: python3-numpy python3-scipy, with libopenblas0-pthread).
if /usr/bin/python3 -c "import numpy, scipy" 2>/dev/null; then
  for n in 100000 400000; do
    echo "== scipy.sparse label propagation (literal), $n nodes"
    /usr/bin/time -f "wall %e s" /usr/bin/python3 bench/ref/cc_scipy.py "$out/rmat-$n.mtx" literal
    echo "== scipy.sparse.csgraph.connected_components, $n nodes"
    /usr/bin/time -f "wall %e s" /usr/bin/python3 bench/ref/cc_scipy.py "$out/rmat-$n.mtx" csgraph
  done
  for n in 100000 1000000; do
    echo "== numpy linear regression, $n x 101"
    /usr/bin/time -f "wall %e s" /usr/bin/python3 bench/ref/lr_numpy.py "$n" 101
  done
else
  echo "(numpy/scipy not installed: apt-get install python3-numpy python3-scipy libopenblas0-pthread)"
fi
