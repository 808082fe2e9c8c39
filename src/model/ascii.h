/* ascii.h: comparing words as files write their keywords and tags: ASCII
 * letters in any case ("Display Date", "<SCRIPT>", "juillet"), nothing
 * more. Accented capitals are not folded: search.h folds real text. */
#ifndef FRISE_ASCII_H
#define FRISE_ASCII_H

#include <stdbool.h>
#include <stddef.h>

/* c in lower case when it is an ASCII capital, else c. */
char ascii_lower(char c);

/* Whether s begins with prefix, in any case. */
bool ascii_starts_nocase(const char *s, const char *prefix);

/* Whether a and b are the same, in any case. */
bool ascii_same_nocase(const char *a, const char *b);

/* The same for a_len and b_len bytes. */
bool ascii_same_nocase_n(const char *a, size_t a_len, const char *b, size_t b_len);

/* The first place in s where word starts, in any case; NULL when none. */
const char *ascii_find_nocase(const char *s, const char *word);

#endif
