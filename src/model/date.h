/* date.h: ISO 8601 dates that keep their precision, and the one time unit
 * all math uses: t_days, days since 1970-01-01 00:00 as a double. */
#ifndef FRISE_DATE_H
#define FRISE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum DatePrecision {
    DATE_PREC_YEAR,
    DATE_PREC_MONTH,
    DATE_PREC_DAY,
    DATE_PREC_MINUTE
} DatePrecision;

typedef struct Date {
    int64_t year;          /* astronomical: 0 = 1 BCE, -1 = 2 BCE; down to deep time */
    uint8_t month;         /* 1..12, 1 when precision is coarser */
    uint8_t day;           /* 1..31, 1 when precision is coarser */
    uint8_t hour, minute;
    DatePrecision precision;
    bool approximate;      /* "~1960" */
    bool present;          /* "present": resolved against today by callers */
} Date;

/* DATE_MIN_YEAR..DATE_MAX_YEAR is what date math handles: a hundred billion
 * years either way, seven times the age of the universe, is still about
 * 3.7e13 days, which a double holds to a few minutes. A date written in a
 * file may go from DATE_MIN_YEAR to DATE_MAX_WRITTEN_YEAR (four digits, more
 * only after a minus: "19700" is a typo, not a year; "-13800000000" is the
 * Big Bang). */
#define DATE_MIN_YEAR INT64_C(-100000000000)
#define DATE_MAX_YEAR INT64_C(100000000000)
enum { DATE_MAX_WRITTEN_YEAR = 9999 };
/* Deep time: a year of DATE_DEEP_YEAR (10,001 BCE) or earlier is said as
 * years ago ("12,000 years ago", "13.8 billion years ago"), counted before
 * present, 1950, as geologists and radiocarbon dating count; calendar words
 * (BCE, a month, a day) mean nothing that far back. */
#define DATE_DEEP_YEAR INT64_C(-10000)
#define DATE_PRESENT_YEAR INT64_C(1950)

/* Parses "1956", "1956-05", "1956-05-13", "1956-05-13T14:30", each with an
 * optional leading "~" (approximate) and "-" (negative year), and "present"
 * when allow_present. A space may stand for the "T"; seconds (":05") and a
 * final "Z" are accepted and dropped (docs/timeline-format.md, "Dates").
 * Years go from DATE_MIN_YEAR to DATE_MAX_WRITTEN_YEAR. Checks calendar
 * validity (no 1970-02-30). Returns false and leaves *out untouched on
 * anything else. */
bool date_parse(const char *s, bool allow_present, Date *out);

/* First instant of the date's period, in t_days. */
double date_start_days(const Date *d);
/* First instant after the date's period ("1956" ends at 1957-01-01). */
double date_end_days(const Date *d);

/* Proleptic Gregorian calendar conversions (exact for any year from
 * DATE_MIN_YEAR to DATE_MAX_YEAR). */
int64_t date_days_from_civil(int64_t year, int month, int day);
void date_civil_from_days(int64_t days, int64_t *year, int *month, int *day);
/* The Date at day precision that contains t_days. */
Date date_from_days(double t_days);

/* Days in a month of a year (leap years honoured). */
int date_days_in_month(int64_t year, int month);

/* Month name in lang ("fr", "en", "ru", "km"; others fall back to
 * English), as it stands alone (Russian nominative: "март"); abbreviated
 * gives "mars"/"Mar"/"мар." (Khmer has no abbreviations). month is 1..12. */
const char *date_month_name(int month, const char *lang, bool abbreviated);

/* The month (1..12) a name stands for, in English or French, full or
 * abbreviated, in any case, with or without a final '.': "July", "jul",
 * "Sept.", "juillet", "août". 0 when it is not a month name. */
int date_month_from_name(const char *name);

/* Human text honouring precision, in "fr", "en", "ru" or "km" (others
 * write English): "13 mai 1956" / "13 May 1956" / "13 мая 1956 г." /
 * "១៣ ឧសភា ១៩៥៦" (Khmer digits in Khmer), "vers 1960" / "c. 1960" /
 * "около 1960" / "ប្រហែល ១៩៦០", "aujourd'hui" / "today" / "сегодня" /
 * "ថ្ងៃនេះ". A deep date (date_is_deep) is said as years ago, whatever
 * its precision: "13.8 billion years ago" (date_format_years_ago).
 * No-break spaces keep "1970 г." and "av. J.-C." whole.
 * Returns the length written (always NUL-terminated when cap > 0; a
 * truncated text never ends inside a UTF-8 character). */
size_t date_format(const Date *d, const char *lang, char *buf, size_t cap);

/* A day and its abbreviated month, for axis ticks: "18 mars", "18 Mar",
 * "18 мар.", "១៨ មីនា". */
size_t date_format_day_month(int day, int month, const char *lang, char *buf, size_t cap);
/* A time of day: "14h30", "14:30", "១៤:៣០". */
size_t date_format_clock(int hour, int minute, const char *lang, char *buf, size_t cap);

/* True when d is said as years ago (a year of DATE_DEEP_YEAR or before). */
bool date_is_deep(const Date *d);

/* A count of years before present, written exactly as given, in lang:
 * "13.8 billion years ago", "il y a 65 millions d’années",
 * "12 000 лет назад", "១២.០០០ ឆ្នាំមុន"; from a million on, the count is
 * said in millions or billions when up to three decimals say it exactly
 * ("13,800,001,950 years ago" otherwise). approximate adds
 * "about" ("il y a environ", "около", "ប្រហែល"). A deep date's own text
 * (date_format) is this, with the count rounded to the significant digits
 * its year was written with (two to four): -538800000 is "538.8 million
 * years ago", -10000 is "12,000 years ago". */
size_t date_format_years_ago(int64_t years, bool approximate, const char *lang, char *buf, size_t cap);

/* A span, collapsing shared parts: "1980–1990", "13–18 mars 1970",
 * "30 avril – 8 mai 1975", "30 апреля – 8 мая 1975 г.". end may be NULL
 * for a single date. */
size_t date_format_span(const Date *start, const Date *end, const char *lang, char *buf, size_t cap);

/* date_format_span with millions and billions of years abbreviated, for a
 * line too narrow for the whole words: "538.8–485.4M years ago", "il y a
 * 13,8 Md d’années", "13,8 млрд лет назад" (Khmer's words are already
 * short). Other dates are written as date_format_span writes them. */
size_t date_format_span_brief(const Date *start, const Date *end, const char *lang, char *buf, size_t cap);

/* ISO text of a day-precision t_days ("1970-03-18"), for dumps. */
size_t date_format_iso(double t_days, char *buf, size_t cap);

#endif
