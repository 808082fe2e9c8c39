/* test.h: a minimal test harness. Each test is a function whose name reads as
 * a specification; RUN(name) runs it and the file ends with TEST_REPORT(). */
#ifndef FRISE_TEST_H
#define FRISE_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A whole file in a malloc'd, NUL-terminated buffer (the caller frees it);
 * NULL when it cannot be read. len may be NULL. */
static inline char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        if (got == 0) break;
        n += got;
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = '\0';
    if (len) *len = n;
    return buf;
}

static int test_failures;
static int test_passed;
static int test_current_failed;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            test_current_failed = 1;                                             \
        }                                                                        \
    } while (0)

#define CHECK_INT(a, b)                                                              \
    do {                                                                             \
        long long va_ = (long long)(a), vb_ = (long long)(b);                        \
        if (va_ != vb_) {                                                            \
            fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, \
                    #a, va_, #b, vb_);                                               \
            test_current_failed = 1;                                                 \
        }                                                                            \
    } while (0)

#define CHECK_NEAR(a, b, eps)                                                        \
    do {                                                                             \
        double va_ = (double)(a), vb_ = (double)(b);                                 \
        if (!(fabs(va_ - vb_) <= (eps))) {                                           \
            fprintf(stderr, "%s:%d: %s == %.9g, expected %.9g (within %g)\n", __FILE__, \
                    __LINE__, #a, va_, vb_, (double)(eps));                          \
            test_current_failed = 1;                                                 \
        }                                                                            \
    } while (0)

#define CHECK_STR(a, b)                                                              \
    do {                                                                             \
        const char *va_ = (a), *vb_ = (b);                                           \
        if (!va_ || !vb_ || strcmp(va_, vb_) != 0) {                                 \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #a, va_ ? va_ : "(null)", vb_ ? vb_ : "(null)");                 \
            test_current_failed = 1;                                                 \
        }                                                                            \
    } while (0)

#define RUN(test)                                                    \
    do {                                                             \
        test_current_failed = 0;                                     \
        test();                                                      \
        if (test_current_failed) {                                   \
            test_failures++;                                         \
            fprintf(stderr, "FAIL %s\n", #test);                     \
        } else {                                                     \
            test_passed++;                                           \
        }                                                            \
    } while (0)

#define TEST_REPORT()                                                          \
    (printf("%d passed, %d failed\n", test_passed, test_failures), test_failures ? 1 : 0)

#endif
