/* fuzz_date.c: libFuzzer target for the date parser and month names (see
 * README.md). Whatever the bytes, a parsed date must be one the calendar has,
 * format within its buffer, and convert to days and back to a day that holds
 * it; month names must give 0..12. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

static void check_parsed(const Date *d)
{
    if (d->present) return;
    if (d->year < DATE_MIN_YEAR || d->year > DATE_MAX_WRITTEN_YEAR) abort();
    if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > date_days_in_month(d->year, d->month)) abort();
    if (d->hour > 23 || d->minute > 59) abort();
    double start = date_start_days(d), end = date_end_days(d);
    if (!(end > start)) abort();
    char buf[64];
    if (date_format(d, "fr", buf, sizeof buf) >= sizeof buf) abort();
    if (date_format_span(d, d, "en", buf, sizeof buf) >= sizeof buf) abort();
    Date back = date_from_days(start);
    if (back.year != d->year || back.month != d->month || back.day != d->day) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256) return 0;
    char text[257];
    memcpy(text, data, size);
    text[size] = '\0';
    Date d;
    if (date_parse(text, size > 0 && (data[0] & 1), &d)) check_parsed(&d);
    int m = date_month_from_name(text);
    if (m < 0 || m > 12) abort();
    return 0;
}
