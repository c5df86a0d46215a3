#!/usr/bin/env python3
"""Linear regression as Listing 2 of the DaphneSched paper, in numpy.

usage: lr_numpy.py NUMROWS NUMCOLS
"""
import sys
import time

import numpy as np


def main():
    n, m = int(sys.argv[1]), int(sys.argv[2])
    t0 = time.perf_counter()
    XY = np.random.rand(n, m)
    t1 = time.perf_counter()
    X = XY[:, : m - 1]
    y = XY[:, m - 1 : m]
    Xmeans = X.mean(axis=0)
    Xstddev = X.std(axis=0)
    X = (X - Xmeans) / Xstddev
    X = np.hstack([X, np.ones((n, 1))])
    A = X.T @ X
    A = A + np.diag(np.full(X.shape[1], 0.001))
    b = X.T @ y
    beta = np.linalg.solve(A, b)
    t2 = time.perf_counter()
    print(f"coefficients: {beta.shape[0]}\nintercept: {beta[-1, 0]:.6f}")
    print(f"generate {t1 - t0:.3f} s, compute {t2 - t1:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
