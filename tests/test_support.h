/* test_support.h: what several core tests share: a fixed-width text measurer
 * (so layout results are exact and font-free) and a seeded PRNG (so random
 * property tests repeat exactly). */
#ifndef FRISE_TEST_SUPPORT_H
#define FRISE_TEST_SUPPORT_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "drawlist.h"

/* ---- a fixed-width measurer: 0.6 * size per UTF-8 character ------------------------ */

static inline size_t utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

static inline float fake_width(void *ctx, FontFace face, int size_px, const char *s, size_t len)
{
    (void)ctx;
    (void)face;
    return 0.6f * (float)size_px * (float)utf8_chars(s, len);
}

static inline float fake_line_height(void *ctx, FontFace face, int size_px)
{
    (void)ctx;
    (void)face;
    return 1.3f * (float)size_px;
}

static const TextMeasurer MEASURE = {NULL, fake_width, fake_line_height};

/* ---- a seeded PRNG (splitmix64) --------------------------------------------------- */

static uint64_t rng_state;

static inline uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline double rng_unit(void) /* [0, 1) */
{
    return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

static inline double rng_range(double lo, double hi)
{
    return lo + (hi - lo) * rng_unit();
}

static inline int rng_int(int lo, int hi) /* lo..hi inclusive */
{
    return lo + (int)(rng_next() % (uint64_t)(hi - lo + 1));
}

/* log-uniform in [lo, hi] */
static inline double rng_log(double lo, double hi)
{
    return exp(rng_range(log(lo), log(hi)));
}

#endif
