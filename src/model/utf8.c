/* utf8.c: decoding, encoding and cutting UTF-8, strictly per Unicode. */
#include "utf8.h"

#include <stdbool.h>

static bool is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* The length of the sequence a lead byte starts, or 0 for a byte that
 * cannot start one (a continuation byte, C0, C1, F5 to FF). */
static size_t lead_length(unsigned char c)
{
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

/* The second byte's range narrows after four lead bytes: that is what
 * rules out overlong forms, surrogates and values above U+10FFFF. */
static bool second_byte_ok(unsigned char lead, unsigned char c)
{
    switch (lead) {
    case 0xE0: return c >= 0xA0 && c <= 0xBF;
    case 0xED: return c >= 0x80 && c <= 0x9F;
    case 0xF0: return c >= 0x90 && c <= 0xBF;
    case 0xF4: return c >= 0x80 && c <= 0x8F;
    default: return is_continuation(c);
    }
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = lead_length(p[0]);
    *cp = UTF8_REPLACEMENT;
    if (n == 0 || n > len || (n > 1 && !second_byte_ok(p[0], p[1]))) return 0;
    uint32_t c = n == 1 ? p[0] : p[0] & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++) {
        if (!is_continuation(p[k])) return 0;
        c = (c << 6) | (p[k] & 0x3Fu);
    }
    *cp = c;
    return n;
}

uint32_t utf8_next(const char *s, size_t len, size_t *i)
{
    uint32_t c;
    size_t n = utf8_decode(s + *i, len - *i, &c);
    *i += n ? n : 1;
    return c;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = UTF8_REPLACEMENT;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    size_t n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const unsigned char lead_bits[5] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (size_t k = n - 1; k > 0; k--, cp >>= 6) out[k] = (char)(0x80 | (cp & 0x3F));
    out[0] = (char)(lead_bits[n] | cp);
    return n;
}

size_t utf8_prev(const char *s, size_t end)
{
    if (end == 0) return 0;
    size_t start = end - 1;
    while (start > 0 && end - start < UTF8_MAX_BYTES && is_continuation((unsigned char)s[start])) start--;
    uint32_t c;
    return utf8_decode(s + start, end - start, &c) == end - start ? start : end - 1;
}

size_t utf8_cut(const char *s, size_t max_bytes)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t start = max_bytes;
    while (start > 0 && max_bytes - start < UTF8_MAX_BYTES - 1 && is_continuation(p[start - 1])) start--;
    if (start == 0) return max_bytes; /* nothing but continuation bytes: no character to cut */
    start--;
    size_t have = max_bytes - start;
    bool cut_short = lead_length(p[start]) > have && (have < 2 || second_byte_ok(p[start], p[start + 1]));
    return cut_short ? start : max_bytes;
}
