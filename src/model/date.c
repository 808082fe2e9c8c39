/* date.c: parsing, calendar arithmetic and language-aware formatting of dates. */
#include "date.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ascii.h"

/* ---- calendar arithmetic (H. Hinnant's days_from_civil) ---------------- */

int64_t date_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_civil_from_days(int64_t z, int64_t *year, int *month, int *day)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (m <= 2);
    *month = m;
    *day = d;
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int64_t year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

double date_start_days(const Date *d)
{
    double days = (double)date_days_from_civil(d->year, d->month, d->day);
    if (d->precision == DATE_PREC_MINUTE) days += (d->hour * 60.0 + d->minute) / 1440.0;
    return days;
}

double date_end_days(const Date *d)
{
    switch (d->precision) {
    case DATE_PREC_YEAR: return (double)date_days_from_civil((int64_t)d->year + 1, 1, 1);
    case DATE_PREC_MONTH:
        return d->month == 12 ? (double)date_days_from_civil((int64_t)d->year + 1, 1, 1)
                              : (double)date_days_from_civil(d->year, d->month + 1, 1);
    case DATE_PREC_DAY: return date_start_days(d) + 1.0;
    case DATE_PREC_MINUTE: return date_start_days(d) + 1.0 / 1440.0;
    }
    return date_start_days(d);
}

/* The whole day containing t_days, kept inside the years a Date can hold:
 * a NaN or an infinite t_days must not reach an integer conversion. */
static int64_t whole_day(double t_days)
{
    const double lo = (double)date_days_from_civil(DATE_MIN_YEAR, 1, 1);
    const double hi = (double)date_days_from_civil((int64_t)DATE_MAX_YEAR + 1, 1, 1) - 1.0;
    if (!(t_days >= lo)) return (int64_t)lo; /* also NaN */
    if (t_days > hi) return (int64_t)hi;
    return (int64_t)floor(t_days);
}

Date date_from_days(double t_days)
{
    Date d = {0};
    int64_t y;
    int m, day;
    date_civil_from_days(whole_day(t_days), &y, &m, &day);
    d.year = y;
    d.month = (uint8_t)m;
    d.day = (uint8_t)day;
    d.precision = DATE_PREC_DAY;
    return d;
}

/* ---- parsing ------------------------------------------------------------ */

/* Reads exactly n digits; returns -1 when they are not all digits. */
static int read_digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    *p += n;
    return v;
}

/* "1956" or "-0044"..."-13800000000": four digits, more only with a minus
 * sign (ISO 8601's expanded years), so "19700" is not read as a year. */
static bool parse_year(const char **p, int64_t *year)
{
    bool negative = **p == '-';
    if (negative) (*p)++;
    int64_t v = 0;
    int digits = 0;
    while (**p >= '0' && **p <= '9' && digits < 12) {
        v = v * 10 + (**p - '0');
        (*p)++;
        digits++;
    }
    if (digits < 4 || (!negative && digits > 4) || (**p >= '0' && **p <= '9')) return false;
    if (negative) v = -v;
    if (v < DATE_MIN_YEAR || v > DATE_MAX_YEAR) return false;
    *year = v;
    return true;
}

static bool parse_time(const char **p, Date *d)
{
    if (**p != 'T' && **p != ' ') return false;
    (*p)++;
    int h = read_digits(p, 2);
    if (h < 0 || h > 23 || **p != ':') return false;
    (*p)++;
    int mi = read_digits(p, 2);
    if (mi < 0 || mi > 59) return false;
    if (**p == ':') { /* seconds are accepted and dropped */
        (*p)++;
        int s = read_digits(p, 2);
        if (s < 0 || s > 59) return false;
    }
    if (**p == 'Z') (*p)++;
    d->hour = (uint8_t)h;
    d->minute = (uint8_t)mi;
    d->precision = DATE_PREC_MINUTE;
    return true;
}

bool date_parse(const char *s, bool allow_present, Date *out)
{
    Date d = {0};
    d.month = d.day = 1;
    if (!s) return false;
    if (strcmp(s, "present") == 0) {
        if (!allow_present) return false;
        d.present = true;
        d.precision = DATE_PREC_DAY;
        *out = d;
        return true;
    }
    const char *p = s;
    if (*p == '~') { d.approximate = true; p++; }
    if (!parse_year(&p, &d.year)) return false;
    d.precision = DATE_PREC_YEAR;
    if (*p == '-') {
        p++;
        int m = read_digits(&p, 2);
        if (m < 1 || m > 12) return false;
        d.month = (uint8_t)m;
        d.precision = DATE_PREC_MONTH;
        if (*p == '-') {
            p++;
            int day = read_digits(&p, 2);
            if (day < 1 || day > date_days_in_month(d.year, m)) return false;
            d.day = (uint8_t)day;
            d.precision = DATE_PREC_DAY;
            /* A clock time in deep time cannot be placed: days that far
             * from today are counted to a few minutes only (found by the
             * date fuzzer: a minute's end fell on its start). */
            if (*p && (date_is_deep(&d) || !parse_time(&p, &d))) return false;
        }
    }
    if (*p != '\0') return false;
    *out = d;
    return true;
}

/* ---- formatting --------------------------------------------------------- */

static const char *const MONTHS_FR[12] = {"janvier", "février", "mars", "avril", "mai", "juin",
                                          "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
static const char *const MONTHS_FR_ABBR[12] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
                                               "juil.", "août", "sept.", "oct.", "nov.", "déc."};
static const char *const MONTHS_EN[12] = {"January", "February", "March", "April", "May", "June",
                                          "July", "August", "September", "October", "November", "December"};
static const char *const MONTHS_EN_ABBR[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
/* Russian says a month alone in the nominative ("март 1970 г.") and after
 * a day in the genitive ("18 марта 1970 г."); the abbreviations are
 * CLDR's genitive ones, since the axis only abbreviates after a day. */
static const char *const MONTHS_RU[12] = {"январь", "февраль", "март", "апрель", "май", "июнь",
                                          "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"};
static const char *const MONTHS_RU_GEN[12] = {"января", "февраля", "марта", "апреля", "мая", "июня",
                                              "июля", "августа", "сентября", "октября", "ноября", "декабря"};
static const char *const MONTHS_RU_ABBR[12] = {"янв.", "февр.", "мар.", "апр.", "мая", "июн.",
                                               "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."};
/* Khmer month names have no abbreviations in use (CLDR's are the full ones). */
static const char *const MONTHS_KM[12] = {"មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា",
                                          "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"};

/* The languages dates are written in; any other code writes English. */
typedef enum DateLang { DLANG_EN, DLANG_FR, DLANG_RU, DLANG_KM } DateLang;

/* The words and forms of one language. NBSP is U+00A0: "1970 г." and
 * "до н. э." must not be split by a line break. (French keeps its plain
 * spaces: exports and dumps compare them byte for byte.) */
#define NBSP "\xc2\xa0"
typedef struct DateWords {
    const char *about;       /* before an approximate date */
    const char *today;       /* "present" */
    const char *bce;         /* printf of a year before 1, given 1 - year as text */
    const char *year_suffix; /* after the year of a month or a day ("" or " г.") */
    const char *clock;       /* printf of hours and minutes */
} DateWords;

static const DateWords WORDS[4] = {
    [DLANG_EN] = {"c. ", "today", "%s BCE", "", "%02d:%02d"},
    [DLANG_FR] = {"vers ", "aujourd'hui", "%s av. J.-C.", "", "%02dh%02d"},
    [DLANG_RU] = {"около ", "сегодня", "%s до" NBSP "н." NBSP "э.", NBSP "г.", "%02d:%02d"},
    [DLANG_KM] = {"ប្រហែល ", "ថ្ងៃនេះ", "%s មុន" NBSP "គ.ស.", "", "%02d:%02d"},
};

static DateLang date_lang(const char *lang)
{
    if (!lang || !lang[0] || !lang[1]) return DLANG_EN;
    if (lang[0] == 'f' && lang[1] == 'r') return DLANG_FR;
    if (lang[0] == 'r' && lang[1] == 'u') return DLANG_RU;
    if (lang[0] == 'k' && lang[1] == 'm') return DLANG_KM;
    return DLANG_EN;
}

const char *date_month_name(int month, const char *lang, bool abbreviated)
{
    if (month < 1 || month > 12) return "";
    /* Plain ifs, not (abbreviated ? A : B)[i]: GCC 12's object-size
     * sanitizer misjudges a conditional between two arrays and aborts. */
    switch (date_lang(lang)) {
    case DLANG_FR:
        if (abbreviated) return MONTHS_FR_ABBR[month - 1];
        return MONTHS_FR[month - 1];
    case DLANG_RU:
        if (abbreviated) return MONTHS_RU_ABBR[month - 1];
        return MONTHS_RU[month - 1];
    case DLANG_KM: return MONTHS_KM[month - 1];
    default:
        if (abbreviated) return MONTHS_EN_ABBR[month - 1];
        return MONTHS_EN[month - 1];
    }
}

/* The month as it reads after a day number: the genitive in Russian. */
static const char *month_after_day(int month, DateLang l)
{
    if (l == DLANG_RU && month >= 1 && month <= 12) return MONTHS_RU_GEN[month - 1];
    static const char *const codes[4] = {"en", "fr", "ru", "km"};
    return date_month_name(month, codes[l], false);
}

/* Years before 1 are written as "44 av. J.-C." / "44 BCE". */
static int format_year(int64_t year, DateLang l, char *buf, size_t cap)
{
    if (year > 0) return snprintf(buf, cap, "%lld", (long long)year);
    char count[24];
    snprintf(count, sizeof count, "%lld", (long long)(1 - year));
    return snprintf(buf, cap, WORDS[l].bce, count);
}

static size_t clamp_written(int n, size_t cap)
{
    if (n < 0) return 0;
    return (size_t)n < cap ? (size_t)n : (cap ? cap - 1 : 0);
}

/* Formats d at its own precision, without the approximate prefix:
 * DAY -> "13 mai 1956", MONTH -> "mai 1956". Digits are ASCII here; the
 * public functions turn them into Khmer digits at the end. */
static size_t format_plain(const Date *d, DateLang l, char *buf, size_t cap)
{
    char year[48];
    format_year(d->year, l, year, sizeof year);
    /* "1970 г.", but "44 до н. э." carries its own era word. */
    const char *suffix = d->year > 0 ? WORDS[l].year_suffix : "";
    static const char *const codes[4] = {"en", "fr", "ru", "km"};
    const char *month = date_month_name(d->month, codes[l], false);
    const char *month_gen = month_after_day(d->month, l);
    bool fr = l == DLANG_FR;
    char clock[16];
    int n;
    switch (d->precision) {
    case DATE_PREC_YEAR: n = snprintf(buf, cap, "%s", year); break;
    case DATE_PREC_MONTH: n = snprintf(buf, cap, "%s %s%s", month, year, suffix); break;
    case DATE_PREC_DAY:
        n = fr && d->day == 1 ? snprintf(buf, cap, "1er %s %s", month, year)
                              : snprintf(buf, cap, "%d %s %s%s", d->day, month_gen, year, suffix);
        break;
    default:
        snprintf(clock, sizeof clock, WORDS[l].clock, d->hour % 100, d->minute % 100);
        n = snprintf(buf, cap, "%d %s %s%s, %s", d->day, month_gen, year, suffix, clock);
        break;
    }
    return clamp_written(n, cap);
}

/* Copies src into buf (cap bytes), with ASCII digits as Khmer digits
 * (U+17E0..U+17E9) when l is Khmer; never cuts a character in two. */
static size_t localize_digits(const char *src, DateLang l, char *buf, size_t cap)
{
    if (cap == 0) return 0;
    size_t n = 0;
    for (const char *p = src; *p; p++) {
        if (l == DLANG_KM && *p >= '0' && *p <= '9') {
            if (n + 3 >= cap) break;
            buf[n++] = (char)0xE1;
            buf[n++] = (char)0x9F;
            buf[n++] = (char)(0xA0 + (*p - '0'));
        } else {
            if (n + 1 >= cap) break;
            /* a UTF-8 sequence is copied whole or not at all */
            unsigned char c = (unsigned char)*p;
            size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (n + len >= cap) break;
            for (size_t i = 0; i < len && p[i]; i++) buf[n++] = p[i];
            p += len - 1;
        }
    }
    buf[n] = '\0';
    return n;
}

/* ---- deep time: years ago --------------------------------------------------- */

/* A count of years ago is said in years, millions or billions of years. */
typedef enum AgoUnit { AGO_YEARS, AGO_MILLIONS, AGO_BILLIONS } AgoUnit;

/* The count as a language writes its number, exactly: "13.8" and "12,000" in
 * English, "13,8" and "12 000" in French and Russian, "13,8" and "12.000"
 * in Khmer (CLDR's separators), with the unit it is counted in. */
typedef struct AgoCount {
    char number[48];
    AgoUnit unit;
    int64_t whole;   /* the number's integer part, for plural forms */
    bool fraction;   /* the number has decimals ("1,5 milliard") */
} AgoCount;

/* The integer v with a separator between groups of three digits. */
static void grouped(int64_t v, const char *sep, char *buf, size_t cap)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%lld", (long long)v);
    size_t o = 0;
    for (int i = 0; i < n && o + 4 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            for (const char *q = sep; *q && o + 1 < cap; q++) buf[o++] = *q;
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

static AgoCount ago_count(int64_t years, DateLang l)
{
    const char *decimal = l == DLANG_EN ? "." : ",";
    const char *group = l == DLANG_EN ? "," : l == DLANG_KM ? "." : NBSP;
    AgoCount c = {.unit = AGO_YEARS, .whole = years};
    if (years < 0) years = 0;
    int64_t per = 1;
    if (years >= INT64_C(1000000000)) c.unit = AGO_BILLIONS, per = INT64_C(1000000000);
    else if (years >= INT64_C(1000000)) c.unit = AGO_MILLIONS, per = INT64_C(1000000);
    /* a count that three decimals cannot say exactly is said in years:
     * an axis tick's "13,800,001,950 years ago", not "13.8 billion" */
    if (per > 1 && years % (per / 1000) != 0) c.unit = AGO_YEARS, per = 1;
    c.whole = years / per;
    grouped(c.whole, group, c.number, sizeof c.number);
    /* up to three decimals, without trailing zeros: 538.8, 4.54, 66 */
    int64_t thousandths = per > 1 ? (years % per) / (per / 1000) : 0;
    if (thousandths > 0) {
        c.fraction = true;
        char frac[8];
        snprintf(frac, sizeof frac, "%03lld", (long long)thousandths);
        for (int i = 2; i > 0 && frac[i] == '0'; i--) frac[i] = '\0';
        size_t n = strlen(c.number);
        snprintf(c.number + n, sizeof c.number - n, "%s%s", decimal, frac);
    }
    return c;
}

/* Russian plural form of a count: 0 "один миллиард", 1 "два миллиарда"
 * (also a fraction: "1,5 миллиарда"), 2 "пять миллиардов". After "около"
 * the noun is in the genitive: the singular's is "миллиарда", the few's
 * is "миллиардов". */
static int russian_form(const AgoCount *c, bool approximate)
{
    int form;
    if (c->fraction) form = 1;
    else if (c->whole % 10 == 1 && c->whole % 100 != 11) form = 0;
    else if (c->whole % 10 >= 2 && c->whole % 10 <= 4 && (c->whole % 100 < 12 || c->whole % 100 > 14)) form = 1;
    else form = 2;
    if (approximate && !c->fraction) form = form == 0 ? 1 : 2;
    return form;
}

/* The phrase around a number (or two, "13.8–13.6") counted in c's unit;
 * the plural follows c. brief abbreviates millions and billions as each
 * language does in running text ("13.8B years ago", "il y a 13,8 Md
 * d’années", "13,8 млрд лет назад"), for a card's one date line. */
static size_t ago_phrase(const char *number, const AgoCount *c, bool approximate, bool brief, DateLang l, char *buf,
                         size_t cap)
{
    static const char *const EN_BRIEF[3] = {" years", "M years", "B years"};
    static const char *const FR_BRIEF[3] = {" ans", " M d’années", " Md d’années"};
    static const char *const RU_BRIEF[3] = {"", " млн лет", " млрд лет"};
    static const char *const EN_UNIT[3] = {"", " million", " billion"};
    static const char *const FR_UNIT[3][2] = {{" an", " ans"}, {" million d’années", " millions d’années"},
                                              {" milliard d’années", " milliards d’années"}};
    static const char *const RU_UNIT[3][3] = {{" год", " года", " лет"},
                                              {" миллион лет", " миллиона лет", " миллионов лет"},
                                              {" миллиард лет", " миллиарда лет", " миллиардов лет"}};
    static const char *const KM_UNIT[3] = {" ឆ្នាំមុន", " លានឆ្នាំមុន", " ពាន់លានឆ្នាំមុន"};
    bool one = c->whole == 1 && !c->fraction;
    int n;
    if (brief && c->unit != AGO_YEARS && l != DLANG_KM) {
        const char *unit = l == DLANG_FR ? FR_BRIEF[c->unit] : l == DLANG_RU ? RU_BRIEF[c->unit] : EN_BRIEF[c->unit];
        if (l == DLANG_FR)
            n = snprintf(buf, cap, "il y a %s%s%s", approximate ? "environ " : "", number, unit);
        else if (l == DLANG_RU)
            n = snprintf(buf, cap, "%s%s%s назад", approximate ? "около " : "", number, unit);
        else
            n = snprintf(buf, cap, "%s%s%s ago", approximate ? "about " : "", number, unit);
        return clamp_written(n, cap);
    }
    switch (l) {
    case DLANG_FR: /* "1,5 milliard": French plural starts at two */
        n = snprintf(buf, cap, "il y a %s%s%s", approximate ? "environ " : "", number,
                     FR_UNIT[c->unit][c->whole >= 2]);
        break;
    case DLANG_RU:
        n = snprintf(buf, cap, "%s%s%s назад", approximate ? "около " : "", number,
                     RU_UNIT[c->unit][russian_form(c, approximate)]);
        break;
    case DLANG_KM: n = snprintf(buf, cap, "%s%s%s", approximate ? "ប្រហែល " : "", number, KM_UNIT[c->unit]); break;
    default:
        n = snprintf(buf, cap, "%s%s%s %s ago", approximate ? "about " : "", number, EN_UNIT[c->unit],
                     c->unit == AGO_YEARS && one ? "year" : "years");
        break;
    }
    return clamp_written(n, cap);
}

bool date_is_deep(const Date *d)
{
    return !d->present && d->year <= DATE_DEEP_YEAR;
}

/* The years before present of a deep date, rounded to the significant
 * digits its year was written with, two to four: -13800000000 (138) is
 * 13,800,001,950 years before 1950, said "13.8 billion"; -10000 is
 * 11,950, said "12,000"; -538800000 is "538.8 million". */
static int64_t rounded_years_ago(int64_t year)
{
    int64_t ago = DATE_PRESENT_YEAR - year;
    int64_t written = year < 0 ? -year : year;
    int significant = 0, digits = 0;
    for (int64_t v = written; v > 0 && v % 10 == 0; v /= 10) significant--;
    for (int64_t v = written; v > 0; v /= 10) significant++;
    if (significant < 2) significant = 2;
    if (significant > 4) significant = 4;
    for (int64_t v = ago; v > 0; v /= 10) digits++;
    int64_t unit = 1;
    for (int i = significant; i < digits; i++) unit *= 10;
    return (ago + unit / 2) / unit * unit;
}

static size_t format_deep(const Date *d, DateLang l, bool brief, char *buf, size_t cap)
{
    AgoCount c = ago_count(rounded_years_ago(d->year), l);
    return ago_phrase(c.number, &c, d->approximate, brief, l, buf, cap);
}

size_t date_format_years_ago(int64_t years, bool approximate, const char *lang, char *buf, size_t cap)
{
    DateLang l = date_lang(lang);
    AgoCount c = ago_count(years, l);
    char tmp[160];
    ago_phrase(c.number, &c, approximate, false, l, tmp, sizeof tmp);
    return localize_digits(tmp, l, buf, cap);
}

/* Two deep dates counted in the same unit share it: "13.8–13.6 billion
 * years ago". False when they do not (the caller writes both whole). */
static bool format_deep_span(const Date *start, const Date *end, DateLang l, bool brief, char *buf, size_t cap)
{
    AgoCount a = ago_count(rounded_years_ago(start->year), l), b = ago_count(rounded_years_ago(end->year), l);
    if (a.unit != b.unit || start->approximate != end->approximate) return false;
    char numbers[100];
    if (strcmp(a.number, b.number) == 0) snprintf(numbers, sizeof numbers, "%s", a.number);
    else snprintf(numbers, sizeof numbers, "%s–%s", a.number, b.number);
    ago_phrase(numbers, &b, end->approximate, brief, l, buf, cap);
    return true;
}

static size_t format_ascii(const Date *d, DateLang l, bool brief, char *buf, size_t cap)
{
    if (cap == 0) return 0;
    if (d->present) return clamp_written(snprintf(buf, cap, "%s", WORDS[l].today), cap);
    if (date_is_deep(d)) return format_deep(d, l, brief, buf, cap);
    size_t n = 0;
    if (d->approximate) n = clamp_written(snprintf(buf, cap, "%s", WORDS[l].about), cap);
    /* "около" governs the genitive: "около мая 1956 г." */
    if (d->approximate && l == DLANG_RU && d->precision == DATE_PREC_MONTH && d->year > 0)
        return n + clamp_written(snprintf(buf + n, cap - n, "%s %lld%s", month_after_day(d->month, l), (long long)d->year,
                                          WORDS[l].year_suffix),
                                 cap - n);
    return n + format_plain(d, l, buf + n, cap - n);
}

size_t date_format(const Date *d, const char *lang, char *buf, size_t cap)
{
    char tmp[160];
    format_ascii(d, date_lang(lang), false, tmp, sizeof tmp);
    return localize_digits(tmp, date_lang(lang), buf, cap);
}

size_t date_format_day_month(int day, int month, const char *lang, char *buf, size_t cap)
{
    DateLang l = date_lang(lang);
    static const char *const codes[4] = {"en", "fr", "ru", "km"};
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%d %s", day, date_month_name(month, codes[l], true));
    return localize_digits(tmp, l, buf, cap);
}

size_t date_format_clock(int hour, int minute, const char *lang, char *buf, size_t cap)
{
    DateLang l = date_lang(lang);
    char tmp[16];
    snprintf(tmp, sizeof tmp, WORDS[l].clock, hour % 100, minute % 100);
    return localize_digits(tmp, l, buf, cap);
}

static bool same_date(const Date *a, const Date *b)
{
    return a->precision == b->precision && a->year == b->year && a->month == b->month && a->day == b->day &&
           a->hour == b->hour && a->minute == b->minute && a->approximate == b->approximate && !a->present &&
           !b->present;
}

/* Both exact, at day or both at month precision, in one year: the year
 * (and the month) can be said once. */
static bool same_year_collapsible(const Date *a, const Date *b)
{
    return a->year == b->year && !a->approximate && !b->approximate && !a->present && !b->present &&
           ((a->precision == DATE_PREC_DAY && b->precision == DATE_PREC_DAY) ||
            (a->precision == DATE_PREC_MONTH && b->precision == DATE_PREC_MONTH));
}

/* "13", or "1er" in French. */
static int format_day(int day, DateLang l, char *buf, size_t cap)
{
    return snprintf(buf, cap, l == DLANG_FR && day == 1 ? "%der" : "%d", day);
}

static size_t format_span_ascii(const Date *start, const Date *end, DateLang l, bool brief, char *buf, size_t cap)
{
    if (!end || same_date(start, end)) return format_ascii(start, l, brief, buf, cap);
    if (date_is_deep(start) && date_is_deep(end) && format_deep_span(start, end, l, brief, buf, cap)) return strlen(buf);
    if (same_year_collapsible(start, end)) {
        char tail[128], day[8];
        format_plain(end, l, tail, sizeof tail);
        static const char *const codes[4] = {"en", "fr", "ru", "km"};
        if (start->precision == DATE_PREC_MONTH) /* "avril – mai 1975" */
            return clamp_written(
                snprintf(buf, cap, "%s – %s", date_month_name(start->month, codes[l], false), tail), cap);
        format_day(start->day, l, day, sizeof day);
        if (start->month == end->month) /* "13–18 mars 1970" */
            return clamp_written(snprintf(buf, cap, "%s–%s", day, tail), cap);
        /* "30 avril – 8 mai 1975", "30 апреля – 8 мая 1975 г." */
        return clamp_written(snprintf(buf, cap, "%s %s – %s", day, month_after_day(start->month, l), tail), cap);
    }
    char a[128], b[128];
    format_ascii(start, l, brief, a, sizeof a);
    /* "vers 1959–1961": one "about" covers both ends. */
    if (start->approximate && end->approximate) format_plain(end, l, b, sizeof b);
    else format_ascii(end, l, brief, b, sizeof b);
    bool compact = start->precision == DATE_PREC_YEAR && (end->precision == DATE_PREC_YEAR || end->present) &&
                   !date_is_deep(start) && !date_is_deep(end);
    return clamp_written(snprintf(buf, cap, compact ? "%s–%s" : "%s – %s", a, b), cap);
}

/* Both spellings of a span: the whole words, or brief ones for deep time. */
static size_t format_span_in(const Date *start, const Date *end, const char *lang, bool brief, char *buf, size_t cap)
{
    if (cap == 0) return 0;
    char tmp[320];
    format_span_ascii(start, end, date_lang(lang), brief, tmp, sizeof tmp);
    return localize_digits(tmp, date_lang(lang), buf, cap);
}

size_t date_format_span(const Date *start, const Date *end, const char *lang, char *buf, size_t cap)
{
    return format_span_in(start, end, lang, false, buf, cap);
}

size_t date_format_span_brief(const Date *start, const Date *end, const char *lang, char *buf, size_t cap)
{
    return format_span_in(start, end, lang, true, buf, cap);
}

size_t date_format_iso(double t_days, char *buf, size_t cap)
{
    int64_t y;
    int m, d;
    date_civil_from_days(whole_day(t_days), &y, &m, &d);
    /* "-0044-03-15", not "-044-03-15": the sign is not one of the digits. */
    return clamp_written(snprintf(buf, cap, "%s%04lld-%02d-%02d", y < 0 ? "-" : "", (long long)(y < 0 ? -y : y), m, d),
                         cap);
}

/* ---- month names ------------------------------------------------------------ */

/* ASCII case folding only: "Février" folds to "février", but an accented
 * capital ("FÉVRIER") does not match. */
static bool same_name(const char *a, size_t a_len, const char *b, size_t b_len)
{
    return ascii_same_nocase_n(a, a_len, b, b_len);
}

/* name (n bytes, its final '.' already dropped) against a candidate, whose
 * own final '.' ("janv.") does not count either. */
static bool matches(const char *name, size_t n, const char *candidate)
{
    if (!candidate) return false;
    size_t len = strlen(candidate);
    if (len > 0 && candidate[len - 1] == '.') len--;
    return len == n && same_name(name, n, candidate, len);
}

int date_month_from_name(const char *name)
{
    /* The spellings the tables above do not hold. */
    static const char *const extra[12] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "Sept", NULL, NULL, NULL};
    if (!name) return 0;
    size_t n = strlen(name);
    if (n > 0 && name[n - 1] == '.') n--;
    if (n == 0) return 0;
    for (int m = 0; m < 12; m++)
        if (matches(name, n, MONTHS_EN[m]) || matches(name, n, MONTHS_EN_ABBR[m]) || matches(name, n, MONTHS_FR[m]) ||
            matches(name, n, MONTHS_FR_ABBR[m]) || matches(name, n, extra[m]))
            return m + 1;
    return 0;
}
