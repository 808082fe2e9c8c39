/* scale.c: time <-> pixel mapping, zoom and pan, limits, axis ticks. */
#include "scale.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* ---- mapping --------------------------------------------------------------- */

double scale_time_to_px(const TimeScale *s, double t_days)
{
    return s->x0_px + (t_days - s->t0_days) * s->px_per_day;
}

double scale_px_to_time(const TimeScale *s, double x_px)
{
    return s->t0_days + (x_px - s->x0_px) / s->px_per_day;
}

double scale_left_days(const TimeScale *s) { return s->t0_days; }
double scale_right_days(const TimeScale *s) { return s->t0_days + s->width_px / s->px_per_day; }
double scale_width_days(const TimeScale *s) { return s->width_px / s->px_per_day; }
double scale_center_days(const TimeScale *s) { return s->t0_days + 0.5 * s->width_px / s->px_per_day; }

void scale_zoom_at(TimeScale *s, double factor, double anchor_px)
{
    if (!(factor > 0) || !isfinite(factor)) return;
    double anchor_t = scale_px_to_time(s, anchor_px);
    s->px_per_day *= factor;
    s->t0_days = anchor_t - (anchor_px - s->x0_px) / s->px_per_day;
}

void scale_pan(TimeScale *s, double dx_px)
{
    if (isfinite(dx_px)) s->t0_days -= dx_px / s->px_per_day;
}

void scale_fit(TimeScale *s, double from_days, double to_days)
{
    if (!(to_days > from_days)) to_days = from_days + 1.0;
    s->px_per_day = s->width_px / (to_days - from_days);
    s->t0_days = from_days;
}

void scale_set_center_width(TimeScale *s, double center_days, double width_days)
{
    scale_fit(s, center_days - 0.5 * width_days, center_days + 0.5 * width_days);
}

void scale_set_area(TimeScale *s, double x0_px, double width_px)
{
    double center = scale_center_days(s);
    s->x0_px = x0_px;
    s->width_px = width_px > 1 ? width_px : 1;
    s->t0_days = center - 0.5 * s->width_px / s->px_per_day;
}

/* ---- limits ------------------------------------------------------------------ */

ScaleLimits scale_limits_for(double min_days, double max_days, double width_px)
{
    /* A day, or a few events on one day, gets a day either side: its day is
     * then a third of the view, its cards fit, and the axis dates it. */
    if (!(max_days - min_days >= SCALE_MIN_EXTENT_DAYS)) {
        double centre = (min_days + max_days) / 2;
        min_days = centre - SCALE_MIN_EXTENT_DAYS / 2;
        max_days = centre + SCALE_MIN_EXTENT_DAYS / 2;
    }
    double span = max_days - min_days;
    double margin = 0.05 * span;
    ScaleLimits l;
    l.min_days = min_days - margin;
    l.max_days = max_days + margin;
    l.min_px_per_day = width_px / (span + 2 * margin);
    l.max_px_per_day = width_px / 1.0;
    if (l.max_px_per_day < l.min_px_per_day) l.max_px_per_day = l.min_px_per_day;
    return l;
}

bool scale_clamp(TimeScale *s, const ScaleLimits *l)
{
    double center = scale_center_days(s);
    double ppd = s->px_per_day;
    if (!(ppd >= l->min_px_per_day)) ppd = l->min_px_per_day;
    if (ppd > l->max_px_per_day) ppd = l->max_px_per_day;
    /* The whole view stays within the range: the centre may go no nearer
     * an end than half the view's width (the middle when it is all shown). */
    double half = 0.5 * s->width_px / ppd;
    double lo = l->min_days + half, hi = l->max_days - half;
    if (lo > hi) lo = hi = 0.5 * (l->min_days + l->max_days);
    /* A centre a rounding error outside counts as inside, so that a
     * clamped scale stays put when clamped again. */
    double slack = 1e-9 * (fabs(center) + 2 * half);
    bool inside = center >= lo - slack && center <= hi + slack;
    if (!isfinite(center)) center = 0.5 * (l->min_days + l->max_days);
    if (center < lo) center = lo;
    if (center > hi) center = hi;
    /* Inside the limits t0 is left alone: recomputing it from the centre
     * would move it by a rounding error while reporting no change. */
    if (ppd == s->px_per_day && inside) return false;
    s->px_per_day = ppd;
    s->t0_days = center - 0.5 * s->width_px / ppd;
    return true;
}

/* ---- ticks ---------------------------------------------------------------------- */

/* Calendar units, then deep time's: from ten thousand years up, ticks
 * count years ago (UNIT_AGO: "50,000 years ago", "10 billion years ago"),
 * placed at whole multiples of the step before present (DATE_PRESENT_YEAR),
 * so that their labels are round; a calendar year tick at a deep year is
 * labelled with its exact count of years ago. */
typedef enum UnitKind { UNIT_HOUR, UNIT_DAY, UNIT_MONTH, UNIT_YEAR, UNIT_AGO } UnitKind;

typedef struct TickUnit {
    UnitKind kind;
    int64_t step;
} TickUnit;

#define AGO_STEPS(scale) {UNIT_AGO, scale}, {UNIT_AGO, 2 * (scale)}, {UNIT_AGO, 5 * (scale)}
static const TickUnit UNITS[] = {
    {UNIT_HOUR, 1},   {UNIT_HOUR, 3},   {UNIT_HOUR, 6},    {UNIT_HOUR, 12},   {UNIT_DAY, 1},
    {UNIT_DAY, 2},    {UNIT_DAY, 7},    {UNIT_DAY, 15},    {UNIT_MONTH, 1},   {UNIT_MONTH, 3},
    {UNIT_MONTH, 6},  {UNIT_YEAR, 1},   {UNIT_YEAR, 2},    {UNIT_YEAR, 5},    {UNIT_YEAR, 10},
    {UNIT_YEAR, 20},  {UNIT_YEAR, 50},  {UNIT_YEAR, 100},  {UNIT_YEAR, 200},  {UNIT_YEAR, 500},
    {UNIT_YEAR, 1000}, {UNIT_YEAR, 2000}, {UNIT_YEAR, 5000},
    AGO_STEPS(INT64_C(10000)), AGO_STEPS(INT64_C(100000)), AGO_STEPS(INT64_C(1000000)),
    AGO_STEPS(INT64_C(10000000)), AGO_STEPS(INT64_C(100000000)), AGO_STEPS(INT64_C(1000000000)),
    AGO_STEPS(INT64_C(10000000000))};
enum { UNIT_COUNT = sizeof UNITS / sizeof UNITS[0] };

static double unit_days(TickUnit u)
{
    switch (u.kind) {
    case UNIT_HOUR: return (double)u.step / 24.0;
    case UNIT_DAY: return (double)u.step;
    case UNIT_MONTH: return (double)u.step * 30.436875;
    case UNIT_YEAR:
    case UNIT_AGO: return (double)u.step * 365.2425;
    }
    return 1.0;
}

/* The natural coarser unit whose ticks are drawn as majors. */
static TickUnit major_of(TickUnit u)
{
    switch (u.kind) {
    case UNIT_HOUR: return (TickUnit){UNIT_DAY, 1};
    case UNIT_DAY: return (TickUnit){UNIT_MONTH, 1};
    case UNIT_MONTH: return (TickUnit){UNIT_YEAR, 1};
    case UNIT_YEAR:
    case UNIT_AGO: break;
    }
    int64_t step = 10;
    while (step <= u.step) step *= 10;
    return (TickUnit){u.kind, step};
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* Years before present of a year ("ago" ticks count from there). */
static int64_t years_ago(int64_t year)
{
    return DATE_PRESENT_YEAR - year;
}

/* Does time t fall on a boundary of unit u? (t is a tick of a finer unit.) */
static bool on_boundary(double t, TickUnit u)
{
    Date d = date_from_days(t);
    double frac = t - floor(t);
    bool new_year = frac < 1e-9 && d.day == 1 && d.month == 1;
    switch (u.kind) {
    case UNIT_HOUR: return fabs(fmod(frac * 24.0, (double)u.step)) < 1e-6;
    case UNIT_DAY: return frac < 1e-9 && (d.day - 1) % u.step == 0;
    case UNIT_MONTH: return frac < 1e-9 && d.day == 1 && floor_div(d.year * 12 + d.month - 1, u.step) * u.step == d.year * 12 + d.month - 1;
    case UNIT_YEAR: return new_year && floor_div(d.year, u.step) * u.step == d.year;
    case UNIT_AGO: return new_year && floor_div(years_ago(d.year), u.step) * u.step == years_ago(d.year);
    }
    return false;
}

/* The label of a calendar tick in deep time, where the year is no longer
 * said as a year: a year (and a January, a major of months) is its exact
 * count of years ago; finer ticks keep "18 mars" and the month's name (the
 * view's left edge says which year they are in). */
static void deep_tick_label(double t, TickUnit u, bool major, const char *lang, char *buf, size_t cap)
{
    Date d = date_from_days(t);
    if (u.kind == UNIT_YEAR || (u.kind == UNIT_MONTH && major))
        date_format_years_ago(years_ago(d.year), false, lang, buf, cap);
    else if (u.kind == UNIT_MONTH) snprintf(buf, cap, "%s", date_month_name(d.month, lang, false));
    else if (u.kind == UNIT_DAY || major) date_format_day_month(d.day, d.month, lang, buf, cap);
    else date_format_clock((int)lround((t - floor(t)) * 24.0) % 24, 0, lang, buf, cap);
}

/* Label of a tick of unit u ("1970", "mars 1970", "18 mars", "14:00");
 * major ticks name the larger unit they start ("janvier 1970", "1er mars 1970").
 * An "ago" tick says its years ago ("today" for none); one in the future
 * gets no label. */
static void tick_label(double t, TickUnit u, bool major, const char *lang, char *buf, size_t cap)
{
    Date d = date_from_days(t);
    if (u.kind == UNIT_AGO) {
        int64_t ago = years_ago(d.year);
        Date today = {.present = true, .precision = DATE_PREC_DAY};
        if (ago > 0) date_format_years_ago(ago, false, lang, buf, cap);
        else if (ago == 0) date_format(&today, lang, buf, cap);
        else if (cap > 0) buf[0] = '\0';
    } else if (date_is_deep(&d)) {
        deep_tick_label(t, u, major, lang, buf, cap);
    } else if (u.kind == UNIT_YEAR) {
        d.precision = DATE_PREC_YEAR;
        date_format(&d, lang, buf, cap);
    } else if (u.kind == UNIT_MONTH) {
        d.precision = DATE_PREC_MONTH;
        date_format(&d, lang, buf, cap);
    } else if (major) {
        date_format(&d, lang, buf, cap);
    } else if (u.kind == UNIT_DAY) {
        date_format_day_month(d.day, d.month, lang, buf, cap);
    } else {
        int minutes = (int)lround((t - floor(t)) * 1440.0);
        date_format_clock(minutes / 60 % 24, minutes % 60, lang, buf, cap);
    }
}

static float label_width(const TextMeasurer *m, FontFace face, int size, const char *text)
{
    return m->width(m->ctx, face, size, text, strlen(text));
}

/* The widest label of "ago" ticks near the given year, the oldest in view:
 * "13.805 billion" is wider than "13.8 billion", so five in a row are
 * measured (with a step of 5, 2 or 1, five hold the most decimals). */
static float sample_ago_width(TickUnit u, int64_t year, const char *lang, const TextMeasurer *m, FontFace face,
                              int size)
{
    char buf[TICK_LABEL_MAX];
    int64_t k = floor_div(years_ago(year), u.step);
    float w = 0;
    for (int i = 0; i < 5 && k - i > 0; i++) {
        date_format_years_ago((k - i) * u.step, false, lang, buf, sizeof buf);
        w = fmaxf(w, label_width(m, face, size, buf));
    }
    return w;
}

/* A wide sample label of the unit in the given year, to decide whether its
 * labels fit: September has the longest month names. Majors of days and
 * hours carry a whole date, so their sample is the widest of two. */
static float sample_label_width(TickUnit u, bool major, int64_t year, const char *lang, const TextMeasurer *m,
                                FontFace face, int size)
{
    if (u.kind == UNIT_AGO) return sample_ago_width(u, year, lang, m, face, size);
    char buf[TICK_LABEL_MAX];
    double september_28 = (double)date_days_from_civil(year, 9, 28);
    double t = u.kind == UNIT_HOUR && !major ? september_28 + 22.0 / 24.0 : september_28;
    tick_label(t, u, major, lang, buf, sizeof buf);
    float w = label_width(m, face, size, buf);
    if (major) { /* "1er septembre" is longer than "28 septembre" in French */
        tick_label((double)date_days_from_civil(year, 9, 1), u, major, lang, buf, sizeof buf);
        float w1 = label_width(m, face, size, buf);
        if (w1 > w) w = w1;
    }
    return w;
}

/* First tick time of unit u at or before t. */
static double first_tick(double t, TickUnit u)
{
    Date d = date_from_days(t);
    switch (u.kind) {
    case UNIT_HOUR: return floor(t * 24.0 / (double)u.step) * (double)u.step / 24.0;
    case UNIT_DAY: return floor(t);
    case UNIT_MONTH: {
        int64_t index = floor_div(d.year * 12 + d.month - 1, u.step) * u.step;
        return (double)date_days_from_civil(floor_div(index, 12), (int)(index - floor_div(index, 12) * 12) + 1, 1);
    }
    case UNIT_YEAR: return (double)date_days_from_civil(floor_div(d.year, u.step) * u.step, 1, 1);
    case UNIT_AGO: /* the most years ago at or before t's year */
        return (double)date_days_from_civil(DATE_PRESENT_YEAR + floor_div(-years_ago(d.year), u.step) * u.step, 1, 1);
    }
    return t;
}

/* The tick after t (t is a tick of u). Day steps restart every month so
 * that the first of the month is always a tick. */
static double next_tick(double t, TickUnit u)
{
    Date d = date_from_days(t);
    switch (u.kind) {
    case UNIT_HOUR: /* from the tick's index, so that errors do not add up over many steps */
        return (round(t * 24.0 / (double)u.step) + 1.0) * (double)u.step / 24.0;
    case UNIT_DAY: {
        int dim = date_days_in_month(d.year, d.month);
        int next = d.day + (int)u.step;
        if (next > dim || (u.step > 1 && dim - next + 1 < (u.step + 1) / 2))
            return (double)date_days_from_civil(d.month == 12 ? d.year + 1 : d.year, d.month % 12 + 1, 1);
        return t + (double)u.step;
    }
    case UNIT_MONTH: {
        int64_t index = d.year * 12 + d.month - 1 + u.step;
        return (double)date_days_from_civil(floor_div(index, 12), (int)(index - floor_div(index, 12) * 12) + 1, 1);
    }
    case UNIT_YEAR:
    case UNIT_AGO: return (double)date_days_from_civil(d.year + u.step, 1, 1);
    }
    return t + 1;
}

/* The year at either edge of the view with the longer label ("2000" or
 * "2500 av. J.-C."): the sample labels are measured in that year. */
static int64_t widest_year(const TimeScale *s, const char *lang)
{
    Date a = date_from_days(scale_left_days(s)), b = date_from_days(scale_right_days(s));
    a.precision = b.precision = DATE_PREC_YEAR;
    char ta[TICK_LABEL_MAX], tb[TICK_LABEL_MAX];
    return date_format(&a, lang, ta, sizeof ta) >= date_format(&b, lang, tb, sizeof tb) ? a.year : b.year;
}

/* Index of the finest unit whose labels fit, given the scale: the minor
 * labels at the unit's spacing, and the majors (whole dates for days and
 * hours) at theirs. */
static int label_unit_index(const TimeScale *s, const char *lang, const TextMeasurer *m, FontFace face, int size,
                            float gap)
{
    int64_t year = widest_year(s, lang);
    for (int i = 0; i < UNIT_COUNT; i++) {
        double spacing = unit_days(UNITS[i]) * s->px_per_day;
        if (spacing < 24) continue;
        if (spacing < sample_label_width(UNITS[i], false, year, lang, m, face, size) + gap) continue;
        if (UNITS[i].kind == UNIT_HOUR || UNITS[i].kind == UNIT_DAY) {
            double major_spacing = unit_days(major_of(UNITS[i])) * s->px_per_day;
            if (major_spacing < sample_label_width(UNITS[i], true, year, lang, m, face, size) + gap) continue;
        }
        return i;
    }
    return UNIT_COUNT - 1;
}

static int emit_ticks(const TimeScale *s, TickUnit u, TickUnit major, TickLevel level, const char *lang,
                      Tick *out, int count, int cap)
{
    /* Ticks stay within the calendar Frise can name (a view may go past it),
     * a step inside it, so that the first tick is found from a year that
     * date_from_days does not clamp. */
    double left = fmax(scale_left_days(s), (double)date_days_from_civil(DATE_MIN_YEAR, 1, 1) + unit_days(u));
    double right = fmin(scale_right_days(s), (double)date_days_from_civil(DATE_MAX_YEAR, 12, 31));
    if (left >= right) return count;
    for (double t = first_tick(left, u); t <= right && count < cap; t = next_tick(t, u)) {
        if (t < left) continue;
        Tick *k = &out[count++];
        k->t_days = t;
        k->x_px = (float)scale_time_to_px(s, t);
        bool is_major = level != TICK_SUB && on_boundary(t, major);
        k->level = level == TICK_SUB ? TICK_SUB : is_major ? TICK_MAJOR : TICK_MINOR;
        k->label[0] = '\0';
        if (level != TICK_SUB) tick_label(t, u, is_major, lang, k->label, sizeof k->label);
        if (!k->label[0]) k->level = TICK_SUB; /* an "ago" tick in the future */
    }
    return count;
}

/* Where a label is drawn: centred on its tick, but pulled inside the area
 * near an edge (as the view draws it), so that is where it must not overlap. */
static void label_extent(const Tick *t, const TextMeasurer *m, FontFace face, int size, float lo, float hi,
                         float *left, float *right)
{
    float w = m->width(m->ctx, face, size, t->label, strlen(t->label));
    float x = fminf(fmaxf(t->x_px - w / 2, lo), hi - w);
    *left = x;
    *right = x + w;
}

static void drop_label(Tick *t)
{
    t->level = TICK_SUB;
    t->label[0] = '\0';
}

/* Drops labels that would overlap another (minors first). Majors are
 * settled first, among themselves; then a minor keeps its label only when it
 * clears both the label kept before it and the major after it. (Settling
 * neighbours pairwise is not enough: a wide major that evicts the minor just
 * before it can still reach the label before that one.) lo..hi is the area. */
static void remove_overlaps(Tick *t, int n, const TextMeasurer *m, FontFace face, int size, float gap, float lo,
                            float hi)
{
    float prev_right = -INFINITY, left, right;
    for (int i = 0; i < n; i++) {
        if (t[i].level != TICK_MAJOR) continue;
        label_extent(&t[i], m, face, size, lo, hi, &left, &right);
        if (left < prev_right + gap) {
            drop_label(&t[i]);
            continue;
        }
        prev_right = right;
    }
    prev_right = -INFINITY;
    int next_major = 0;
    for (int i = 0; i < n; i++) {
        if (t[i].level == TICK_SUB) continue;
        label_extent(&t[i], m, face, size, lo, hi, &left, &right);
        if (t[i].level == TICK_MINOR) {
            if (next_major <= i) {
                next_major = i + 1;
                while (next_major < n && t[next_major].level != TICK_MAJOR) next_major++;
            }
            float next_left = INFINITY, next_right;
            if (next_major < n) label_extent(&t[next_major], m, face, size, lo, hi, &next_left, &next_right);
            if (left < prev_right + gap || right + gap > next_left) {
                drop_label(&t[i]);
                continue;
            }
        }
        prev_right = right;
    }
}

static int by_x(const void *a, const void *b)
{
    const Tick *p = a, *q = b;
    return (p->t_days > q->t_days) - (p->t_days < q->t_days);
}

int scale_ticks(const TimeScale *s, const char *lang, const TextMeasurer *m, FontFace face, int size_px,
                float gap_px, Tick *out, int cap)
{
    if (!(s->px_per_day > 0) || cap <= 0) return 0;
    int li = label_unit_index(s, lang, m, face, size_px, gap_px);
    TickUnit label_unit = UNITS[li];
    int n = emit_ticks(s, label_unit, major_of(label_unit), TICK_MINOR, lang, out, 0, cap);
    /* Sub ticks between labels, when they stay at least 8 px apart. */
    if (li > 0 && unit_days(UNITS[li - 1]) * s->px_per_day >= 8.0) {
        int labelled = n;
        Tick sub[SCALE_MAX_TICKS];
        TickUnit sub_unit = UNITS[li - 1];
        if (label_unit.kind == UNIT_AGO) sub_unit.kind = UNIT_AGO; /* between "ago" labels, counted as they are */
        int ns = emit_ticks(s, sub_unit, label_unit, TICK_SUB, lang, sub, 0, SCALE_MAX_TICKS);
        for (int i = 0; i < ns && n < cap; i++) {
            bool duplicate = false;
            for (int j = 0; j < labelled && !duplicate; j++) duplicate = fabs(out[j].t_days - sub[i].t_days) < 1e-6;
            if (!duplicate) out[n++] = sub[i];
        }
        qsort(out, (size_t)n, sizeof *out, by_x);
    }
    remove_overlaps(out, n, m, face, size_px, gap_px, (float)s->x0_px, (float)(s->x0_px + s->width_px));
    return n;
}
