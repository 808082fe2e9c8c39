/* utf8.h: the one UTF-8 decoder and encoder, and cutting between characters. */
#ifndef FRISE_UTF8_H
#define FRISE_UTF8_H

#include <stddef.h>
#include <stdint.h>

enum { UTF8_MAX_BYTES = 4 };

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the character at s, which has len >= 1 bytes left. Returns its
 * length in bytes (1 to 4) with the code point in *cp; or 0 when s does not
 * start a well-formed sequence (Unicode's table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF, nothing cut short by len), with *cp =
 * UTF8_REPLACEMENT: the caller then treats that one byte as one character,
 * so malformed text still splits on byte boundaries and is never skipped. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* The character at s[*i] (of len bytes), advancing *i past it: by its
 * length, or by one byte for a malformed byte, which reads as
 * UTF8_REPLACEMENT (see utf8_decode). Requires *i < len. */
uint32_t utf8_next(const char *s, size_t len, size_t *i);

/* Writes cp as UTF-8 into out (UTF8_MAX_BYTES bytes of room, no NUL) and
 * returns the bytes written. A surrogate or a value above U+10FFFF, which
 * UTF-8 cannot carry, is written as UTF8_REPLACEMENT. */
size_t utf8_encode(uint32_t cp, char *out);

/* Where the last character of s[0..end) starts, as utf8_next splits the
 * text (so a malformed byte is a character of its own); 0 when end is 0.
 * Backspace deletes s[utf8_prev(s, end)..end). */
size_t utf8_prev(const char *s, size_t end);

/* The length of s[0..max_bytes) without the character that max_bytes cuts
 * short, if any: max_bytes, or up to 3 less. It reads only s[0..max_bytes),
 * so it also serves for a prefix of a longer string whose rest it cannot
 * see (a shaper given a cut character would draw it as U+FFFD). To cut a
 * string of len bytes to at most max_bytes: len <= max_bytes ? len :
 * utf8_cut(s, max_bytes). */
size_t utf8_cut(const char *s, size_t max_bytes);

#endif
