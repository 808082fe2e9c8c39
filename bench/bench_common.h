/* bench_common.h: timing and medians for the hand-run benchmarks. */
#ifndef FRISE_BENCH_COMMON_H
#define FRISE_BENCH_COMMON_H

#include <stdlib.h>
#include <time.h>

static inline double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static inline int bench_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorts samples in place and returns the median. */
static inline double bench_median(double *samples, int n)
{
    qsort(samples, (size_t)n, sizeof *samples, bench_cmp);
    return n % 2 ? samples[n / 2] : 0.5 * (samples[n / 2 - 1] + samples[n / 2]);
}

#endif
