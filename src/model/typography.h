/* typography.h: what a careful French editor would mark in a text: an
 * ordinary space where French typography wants a no-break one (before
 * ": ; ? ! %" and inside « »), and a straight apostrophe or quotation mark
 * where a typographic one belongs. Authors see these as warnings from
 * frise --check; a line never breaks before a colon on a wall panel. */
#ifndef FRISE_TYPOGRAPHY_H
#define FRISE_TYPOGRAPHY_H

#include <stdbool.h>
#include <stddef.h>

typedef struct TypographyIssue {
    size_t offset;               /* byte offset in the text of what is wrong */
    const char *advice;          /* what to write instead, in English */
} TypographyIssue;

/* The first issue in a French text, if any (true when there is one). */
bool typography_check_french(const char *text, TypographyIssue *out);

#endif
