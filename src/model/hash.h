/* hash.h: the one hash for in-memory tables: 64-bit FNV-1a. */
#ifndef FRISE_HASH_H
#define FRISE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a of len bytes. Fast and well spread for short keys such as ids,
 * paths and strings to draw; not for anything an attacker could use
 * (no seed), nor for anything stored: the values may change. */
uint64_t hash_fnv1a(const void *data, size_t len);

/* Continues hash h (a result of hash_fnv1a) with len more bytes, as if they
 * had been part of the first call: for keys made of several parts. */
uint64_t hash_fnv1a_more(uint64_t h, const void *data, size_t len);

/* hash_fnv1a of a NUL-terminated string, without its NUL. */
uint64_t hash_fnv1a_str(const char *s);

#endif
