/* Per-chunk scheduling overhead of OpenMP schedule(dynamic,1) with an
 * (almost) empty body: each iteration only bumps a per-thread counter on
 * its own cache line, as the Go benchmark BenchmarkOverheadSS does.
 *
 * Build: gcc -O2 -fopenmp bench/omp/ss.c -o ss
 * Run:   OMP_NUM_THREADS=2 ./ss [chunks [reps]]
 * Prints one line per repetition and a final "median_ns_per_chunk X".
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define PAD 16 /* longs per counter: 128 bytes, one counter per cache line pair */

static double now(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv) {
	long n = argc > 1 ? atol(argv[1]) : 1L << 20;
	int reps = argc > 2 ? atoi(argv[2]) : 7;
	if (n <= 0 || reps <= 0 || reps > 1000) {
		fprintf(stderr, "usage: ss [chunks>0 [reps in 1..1000]]\n");
		return 2;
	}
	int threads = omp_get_max_threads();
	volatile long *counts = calloc((size_t)threads * PAD, sizeof(long));
	double *ns = malloc(sizeof(double) * reps);
	if (!counts || !ns) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	/* Warm-up: start the thread team. */
#pragma omp parallel for schedule(dynamic, 1)
	for (long i = 0; i < 1000; i++)
		counts[omp_get_thread_num() * PAD]++;
	for (int r = 0; r < reps; r++) {
		double t0 = now();
#pragma omp parallel for schedule(dynamic, 1)
		for (long i = 0; i < n; i++)
			counts[omp_get_thread_num() * PAD]++;
		ns[r] = (now() - t0) * 1e9 / (double)n;
		printf("rep %d: %.2f ns/chunk (%d threads, %ld chunks)\n", r, ns[r], threads, n);
	}
	qsort(ns, reps, sizeof(double), cmp);
	printf("median_ns_per_chunk %.3f\n", ns[reps / 2]);
	free(ns);
	free((void *)counts);
	return 0;
}
