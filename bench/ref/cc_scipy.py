#!/usr/bin/env python3
"""Connected components by label propagation with scipy.sparse, written
literally after Listing 1 of the DaphneSched paper, plus scipy's own
csgraph.connected_components for reference. Reads the .mtx files that
`daphne gen graph` writes (pattern symmetric, lower triangle).

usage: cc_scipy.py GRAPH.mtx [literal|csgraph]
"""
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components


def read_mtx(path):
    with open(path) as f:
        header = f.readline().split()
        line = f.readline()
        while line.startswith("%"):
            line = f.readline()
        n, _, nnz = map(int, line.split())
        vals = np.fromfile(f, sep=" ")
    cols = 2 if header[3] == "pattern" else 3
    e = vals.reshape(-1, cols)
    r, c = e[:, 0].astype(np.int64) - 1, e[:, 1].astype(np.int64) - 1
    if header[4] == "symmetric":
        off = r != c
        r, c = np.concatenate([r, c[off]]), np.concatenate([c, r[off]])
    return sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, n))


def main():
    path = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "literal"
    t0 = time.perf_counter()
    G = read_mtx(path)
    t1 = time.perf_counter()
    n = G.shape[0]
    if mode == "csgraph":
        k, _ = connected_components(G, directed=False)
        iters = 0
    else:
        c = np.arange(1, n + 1, dtype=np.float64)
        diff, iters, maxi = np.inf, 1, 100
        while diff > 0 and iters <= maxi:
            u = np.maximum(G.multiply(c[np.newaxis, :]).max(axis=1).toarray().ravel(), c)
            diff = np.sum(u != c)
            c = u
            iters += 1
        iters -= 1
        k = int(np.sum(c == np.arange(1, n + 1)))
    t2 = time.perf_counter()
    print(f"nodes: {n}\niterations: {iters}\ncomponents: {k}")
    print(f"read {t1 - t0:.3f} s, compute {t2 - t1:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
