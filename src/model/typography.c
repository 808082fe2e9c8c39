/* typography.c: French typography checks (see typography.h). */
#include "typography.h"

#include <string.h>

/* Marks that take a no-break space before them in French. */
static const char *advice_before(char c)
{
    switch (c) {
    case ':': return "a no-break space (U+00A0) goes before \":\", not an ordinary space";
    case ';': return "a narrow no-break space (U+202F) goes before \";\", not an ordinary space";
    case '?': return "a narrow no-break space (U+202F) goes before \"?\", not an ordinary space";
    case '!': return "a narrow no-break space (U+202F) goes before \"!\", not an ordinary space";
    case '%': return "a no-break space (U+00A0) goes before \"%\", not an ordinary space";
    default: return NULL;
    }
}

static bool is_letter_byte(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* " :" but not " ://" (a URL) nor a lone mark starting a line of a list. */
static bool space_before_mark(const char *s, size_t i)
{
    return s[i] == ' ' && i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n' && advice_before(s[i + 1]) &&
           !(s[i + 1] == ':' && s[i + 2] == '/');
}

bool typography_check_french(const char *s, TypographyIssue *out)
{
    static const char GUILLEMET_OPEN[] = "\xC2\xAB", GUILLEMET_CLOSE[] = "\xC2\xBB";
    for (size_t i = 0; s[i]; i++) {
        if (space_before_mark(s, i)) {
            *out = (TypographyIssue){i, advice_before(s[i + 1])};
            return true;
        }
        if (strncmp(s + i, GUILLEMET_OPEN, 2) == 0 && s[i + 2] == ' ') {
            *out = (TypographyIssue){i, "a no-break space (U+00A0) goes after \"\xC2\xAB\", not an ordinary space"};
            return true;
        }
        if (s[i] == ' ' && strncmp(s + i + 1, GUILLEMET_CLOSE, 2) == 0) {
            *out = (TypographyIssue){i, "a no-break space (U+00A0) goes before \"\xC2\xBB\", not an ordinary space"};
            return true;
        }
        if (s[i] == '\'' && i > 0 && is_letter_byte((unsigned char)s[i - 1]) && is_letter_byte((unsigned char)s[i + 1])) {
            *out = (TypographyIssue){i, "a typographic apostrophe (\xE2\x80\x99) goes here, not a straight one"};
            return true;
        }
        if (s[i] == '"') {
            *out = (TypographyIssue){i, "French quotes are \xC2\xAB\xC2\xA0...\xC2\xA0\xC2\xBB, not straight ones"};
            return true;
        }
    }
    return false;
}
