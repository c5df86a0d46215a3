#!/usr/bin/env python3
"""numpy side of `go run ./bench/kernels`: the same kernels on the same
shapes, timed the same way (first run, then the best of REPS more), printed
as one JSON object of seconds on stdout.

Usage: numpy_ref.py ROWS COLS COPY_MIB GEMM_N REPS
The Go harness runs it with OPENBLAS_NUM_THREADS set to its thread count.
"""
import json
import sys
import time

import numpy as np


def timed(f, reps):
    """Returns (first, best of reps further runs) in seconds."""
    t0 = time.perf_counter()
    f()
    first = time.perf_counter() - t0
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return first, best


def main():
    rows, cols, copy_mib, gemm_n, reps = (int(a) for a in sys.argv[1:6])
    rng = np.random.default_rng(1)
    out = {"numpy": np.__version__}

    src = np.ones(copy_mib * (1 << 20) // 8)
    dst = np.empty_like(src)
    out["copy"] = timed(lambda: np.copyto(dst, src), reps)
    del src, dst

    x = rng.random((rows, cols))
    y = rng.random((rows, cols))
    out["sum"] = timed(lambda: x.sum(), reps)
    out["meanCol"] = timed(lambda: x.mean(axis=0), reps)
    out["stddevCol"] = timed(lambda: x.std(axis=0), reps)
    out["ewAdd"] = timed(lambda: x + y, reps)
    out["ewMul"] = timed(lambda: x * y, reps)
    del y
    # numpy recognises x.T @ x and calls syrk.
    out["syrk"] = timed(lambda: x.T @ x, min(reps, 3))
    del x

    a = rng.random((gemm_n, gemm_n))
    b = rng.random((gemm_n, gemm_n))
    out["gemm"] = timed(lambda: a @ b, min(reps, 3))
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
