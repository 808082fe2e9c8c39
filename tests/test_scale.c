/* test_scale.c: specifications of the time scale (mapping, zoom, pan, fit,
 * limits, clamp) and of the axis ticks, with a fixed-width fake measurer. */
#include "date.h"
#include "layout.h"
#include "scale.h"
#include "test.h"
#include "test_support.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* A random scale: anywhere in a million years either side, from ten million
 * years to a few seconds across. */
static TimeScale random_scale(void)
{
    TimeScale s;
    s.x0_px = floor(rng_range(0, 500));
    s.width_px = floor(rng_range(320, 3840));
    s.px_per_day = rng_log(1e-6, 1e5);
    s.t0_days = rng_range(-3.6e8, 3.6e8) * (rng_unit() < 0.5 ? 1e-3 : 1.0);
    return s;
}

static double days(int64_t y, int m, int d)
{
    return (double)date_days_from_civil(y, m, d);
}

/* ---- mapping -------------------------------------------------------------------------- */

static void mapping_follows_the_definition(void)
{
    TimeScale s = {100.0, 2.0, 50.0, 800.0};
    CHECK_NEAR(scale_time_to_px(&s, 100.0), 50.0, 0);
    CHECK_NEAR(scale_time_to_px(&s, 110.0), 70.0, 0);
    CHECK_NEAR(scale_px_to_time(&s, 850.0), 500.0, 0);
    CHECK_NEAR(scale_left_days(&s), 100.0, 0);
    CHECK_NEAR(scale_right_days(&s), 500.0, 0);
    CHECK_NEAR(scale_width_days(&s), 400.0, 0);
    CHECK_NEAR(scale_center_days(&s), 300.0, 0);
}

static void time_to_px_and_back_round_trips(void)
{
    rng_state = 1;
    for (int i = 0; i < 20000; i++) {
        TimeScale s = random_scale();
        double t = scale_left_days(&s) + rng_range(-0.5, 1.5) * scale_width_days(&s);
        double x = scale_time_to_px(&s, t);
        double back = scale_px_to_time(&s, x);
        double tol = 1e-14 * (fabs(t) + fabs(s.t0_days) + (fabs(x) + fabs(s.x0_px) + 1) / s.px_per_day);
        CHECK_NEAR(back, t, tol);
        double px = rng_range(-1000, 5000);
        double again = scale_time_to_px(&s, scale_px_to_time(&s, px));
        CHECK_NEAR(again, px, 1e-14 * (fabs(s.t0_days) * s.px_per_day + fabs(px) + fabs(s.x0_px) + 1) * 4);
        if (test_current_failed) return;
    }
}

/* ---- zoom, pan, fit -------------------------------------------------------------------- */

static void zoom_at_keeps_the_time_under_the_anchor(void)
{
    rng_state = 2;
    for (int i = 0; i < 20000; i++) {
        TimeScale s = random_scale();
        double anchor = s.x0_px + rng_range(-0.2, 1.2) * s.width_px;
        double factor = rng_log(0.01, 100);
        double before_t = scale_px_to_time(&s, anchor);
        double before_ppd = s.px_per_day, before_w = scale_width_days(&s);
        scale_zoom_at(&s, factor, anchor);
        double tol = 1e-13 * (fabs(before_t) + before_w + scale_width_days(&s) + 1);
        CHECK_NEAR(scale_px_to_time(&s, anchor), before_t, tol);
        CHECK_NEAR(s.px_per_day, before_ppd * factor, before_ppd * factor * 1e-15);
        CHECK_NEAR(scale_width_days(&s), before_w / factor, before_w / factor * 1e-14);
        if (test_current_failed) return;
    }
}

static void zoom_at_ignores_factors_that_are_not_positive_and_finite(void)
{
    const double bad[] = {0.0, -2.0, NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        TimeScale s = {1000.0, 3.0, 10.0, 1280.0};
        scale_zoom_at(&s, bad[i], 400.0);
        CHECK(s.t0_days == 1000.0 && s.px_per_day == 3.0 && s.x0_px == 10.0 && s.width_px == 1280.0);
    }
}

static void pan_moves_content_by_dx_and_inverse_pan_is_identity(void)
{
    rng_state = 3;
    for (int i = 0; i < 20000; i++) {
        TimeScale s = random_scale();
        TimeScale orig = s;
        double t = scale_center_days(&s);
        double x_before = scale_time_to_px(&s, t);
        double dx = rng_range(-5000, 5000);
        scale_pan(&s, dx);
        /* positive dx moves the content right: the same time is further right */
        double moved = scale_time_to_px(&s, t) - x_before;
        double tol_px = 1e-13 * (fabs(t) * s.px_per_day + fabs(dx) + s.width_px);
        CHECK_NEAR(moved, dx, tol_px);
        CHECK(s.px_per_day == orig.px_per_day && s.x0_px == orig.x0_px && s.width_px == orig.width_px);
        scale_pan(&s, -dx);
        CHECK_NEAR(s.t0_days, orig.t0_days, 1e-13 * (fabs(orig.t0_days) + fabs(dx) / s.px_per_day + 1));
        if (test_current_failed) return;
    }
    TimeScale s = {5.0, 1.0, 0.0, 800.0};
    scale_pan(&s, NAN);
    scale_pan(&s, INFINITY);
    CHECK(s.t0_days == 5.0);
}

static void fit_shows_exactly_from_to_across_the_area(void)
{
    rng_state = 4;
    for (int i = 0; i < 20000; i++) {
        TimeScale s = random_scale();
        double from = rng_range(-3.6e8, 3.6e8);
        double to = from + rng_log(1e-3, 1e8);
        scale_fit(&s, from, to);
        CHECK(scale_left_days(&s) == from);
        CHECK_NEAR(scale_right_days(&s), to, 1e-14 * (fabs(to) + fabs(from)));
        CHECK_NEAR(scale_time_to_px(&s, from), s.x0_px, 1e-9);
        CHECK_NEAR(scale_time_to_px(&s, to), s.x0_px + s.width_px, 1e-14 * (fabs(to) + fabs(from)) * s.px_per_day + 1e-9);
        if (test_current_failed) return;
    }
    /* An empty or reversed range shows one day from "from". */
    TimeScale s = {0, 1, 0, 1000};
    scale_fit(&s, 50, 50);
    CHECK_NEAR(scale_left_days(&s), 50, 0);
    CHECK_NEAR(scale_width_days(&s), 1, 1e-12);
    scale_fit(&s, 50, 10);
    CHECK_NEAR(scale_width_days(&s), 1, 1e-12);
}

static void set_center_width_centres_the_given_width(void)
{
    TimeScale s = {0, 1, 100, 1000};
    scale_set_center_width(&s, 365.0, 30.0);
    CHECK_NEAR(scale_center_days(&s), 365.0, 1e-12);
    CHECK_NEAR(scale_width_days(&s), 30.0, 1e-12);
    CHECK_NEAR(scale_left_days(&s), 350.0, 1e-12);
}

static void set_area_keeps_the_centre_and_the_zoom(void)
{
    rng_state = 5;
    for (int i = 0; i < 20000; i++) {
        TimeScale s = random_scale();
        double centre = scale_center_days(&s), ppd = s.px_per_day;
        double x0 = floor(rng_range(0, 400)), w = floor(rng_range(200, 3840));
        scale_set_area(&s, x0, w);
        CHECK(s.x0_px == x0 && s.width_px == w);
        CHECK(s.px_per_day == ppd);
        CHECK_NEAR(scale_center_days(&s), centre, 1e-14 * (fabs(centre) + 4 * w / ppd));
        if (test_current_failed) return;
    }
    TimeScale s = {0, 1, 0, 800};
    scale_set_area(&s, 0, 0);
    CHECK(s.width_px >= 1);
    CHECK_NEAR(scale_center_days(&s), 400, 1e-9);
}

/* ---- limits and clamp -------------------------------------------------------------------- */

/* A timeline of one event or one day gets SCALE_MIN_EXTENT_DAYS, centred. */
static void limits_show_the_whole_extent_plus_margins_when_zoomed_out(void)
{
    const double extents[][2] = {{days(1900, 1, 1), days(2000, 1, 1)}, {days(1970, 3, 1), days(1970, 3, 9)},
                                 {-1e6, 2e4}, {12.0, 12.0}, {days(-500, 1, 1), days(-400, 6, 1)}};
    const double widths[] = {800, 1280, 1920, 3840};
    for (size_t e = 0; e < sizeof extents / sizeof extents[0]; e++) {
        for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
            double lo = extents[e][0], hi = extents[e][1];
            ScaleLimits l = scale_limits_for(lo, hi, widths[k]);
            if (hi - lo < SCALE_MIN_EXTENT_DAYS) { /* a day either side: the extent is at least that */
                double centre = (lo + hi) / 2;
                lo = centre - SCALE_MIN_EXTENT_DAYS / 2;
                hi = centre + SCALE_MIN_EXTENT_DAYS / 2;
            }
            double span = hi - lo;
            CHECK_NEAR(l.min_days, lo - 0.05 * span, 1e-9 * (fabs(lo) + 1));
            CHECK_NEAR(l.max_days, hi + 0.05 * span, 1e-9 * (fabs(hi) + 1));
            CHECK(l.min_px_per_day <= l.max_px_per_day);
            /* zoomed out, centred: the extent and its margins fill the area */
            TimeScale s = {0, 1, 0, widths[k]};
            s.px_per_day = l.min_px_per_day;
            scale_set_center_width(&s, 0.5 * (l.min_days + l.max_days), scale_width_days(&s));
            CHECK(scale_left_days(&s) <= lo - 0.05 * span && scale_right_days(&s) >= hi + 0.05 * span);
            if (hi - lo >= 1) { /* and exactly that */
                CHECK_NEAR(scale_left_days(&s), l.min_days, 1e-9 * (fabs(l.min_days) + span));
                CHECK_NEAR(scale_right_days(&s), l.max_days, 1e-9 * (fabs(l.max_days) + span));
            }
            /* zoomed in: about one day across */
            s.px_per_day = l.max_px_per_day;
            if (span > 1.1) CHECK_NEAR(scale_width_days(&s), 1.0, 1e-12);
            else CHECK(scale_width_days(&s) <= 1.1 + 1e-9);
        }
    }
}

/* The centre range for a view of width_days: the view stays inside the limits. */
static void centre_range(const ScaleLimits *l, double width_days, double *lo, double *hi)
{
    *lo = l->min_days + width_days / 2;
    *hi = l->max_days - width_days / 2;
    if (*lo > *hi) *lo = *hi = 0.5 * (l->min_days + l->max_days);
}

static void clamp_keeps_the_view_inside_the_limits_and_reports_change(void)
{
    rng_state = 6;
    int changed_count = 0, unchanged_count = 0;
    for (int i = 0; i < 20000; i++) {
        TimeScale s = random_scale();
        double lo = rng_range(-3.6e8, 3.6e8) * (rng_unit() < 0.5 ? 1e-3 : 1.0);
        double hi = lo + rng_log(0.5, 1e7);
        ScaleLimits l = scale_limits_for(lo, hi, s.width_px);
        /* half of the cases start inside the limits */
        if (rng_unit() < 0.5) {
            s.px_per_day = rng_log(l.min_px_per_day, l.max_px_per_day);
            if (s.px_per_day < l.min_px_per_day) s.px_per_day = l.min_px_per_day;
            if (s.px_per_day > l.max_px_per_day) s.px_per_day = l.max_px_per_day;
            double c_lo, c_hi;
            centre_range(&l, s.width_px / s.px_per_day, &c_lo, &c_hi);
            scale_set_center_width(&s, rng_range(c_lo, c_hi), s.width_px / s.px_per_day);
        }
        TimeScale before = s;
        double centre = scale_center_days(&s);
        double c_lo, c_hi;
        centre_range(&l, scale_width_days(&s), &c_lo, &c_hi);
        double slack = 1e-9 * (fabs(centre) + scale_width_days(&s));
        bool inside = s.px_per_day >= l.min_px_per_day && s.px_per_day <= l.max_px_per_day &&
                      centre >= c_lo - slack && centre <= c_hi + slack;
        bool changed = scale_clamp(&s, &l);
        CHECK(s.px_per_day >= l.min_px_per_day && s.px_per_day <= l.max_px_per_day);
        double c = scale_center_days(&s);
        double tol = 2e-9 * (fabs(c) + scale_width_days(&s));
        centre_range(&l, scale_width_days(&s), &c_lo, &c_hi);
        CHECK(c >= c_lo - tol && c <= c_hi + tol);
        /* the view lies inside the limits (or shows all of them) */
        CHECK(scale_left_days(&s) >= l.min_days - tol || scale_width_days(&s) >= l.max_days - l.min_days - tol);
        CHECK(scale_right_days(&s) <= l.max_days + tol || scale_width_days(&s) >= l.max_days - l.min_days - tol);
        CHECK(s.x0_px == before.x0_px && s.width_px == before.width_px);
        if (inside) {
            /* nothing to do: nothing changes, and it says so */
            CHECK(!changed);
            CHECK(s.t0_days == before.t0_days && s.px_per_day == before.px_per_day);
            unchanged_count++;
        } else {
            CHECK(changed);
            changed_count++;
            /* zoom first, about the centre; then the centre is pulled in */
            if (centre >= c_lo && centre <= c_hi) CHECK_NEAR(c, centre, tol + 1e-13 * fabs(centre));
        }
        /* a clamped scale is inside: clamping again changes nothing */
        TimeScale once = s;
        CHECK(!scale_clamp(&s, &l));
        CHECK(s.t0_days == once.t0_days && s.px_per_day == once.px_per_day);
        if (test_current_failed) {
            fprintf(stderr, "case %d: t0 %.17g ppd %.17g w %g limits [%.17g, %.17g] ppd [%.17g, %.17g]\n", i,
                    before.t0_days, before.px_per_day, before.width_px, l.min_days, l.max_days, l.min_px_per_day,
                    l.max_px_per_day);
            return;
        }
    }
    CHECK(changed_count > 1000 && unchanged_count > 1000);
}

static void clamp_recovers_from_a_nan_scale(void)
{
    ScaleLimits l = scale_limits_for(0, 1000, 1000);
    TimeScale s = {NAN, NAN, 0, 1000};
    CHECK(scale_clamp(&s, &l));
    CHECK(isfinite(s.t0_days) && isfinite(s.px_per_day));
    CHECK_NEAR(scale_center_days(&s), 500, 1e-9);
}

/* ---- ticks ------------------------------------------------------------------------------- */

static const char *const EN_MONTHS[12] = {"January", "February", "March", "April", "May", "June",
                                          "July", "August", "September", "October", "November", "December"};
static const char *const EN_ABBR[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const FR_MONTHS[12] = {"janvier", "février", "mars", "avril", "mai", "juin",
                                          "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
static const char *const FR_ABBR[12] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
                                        "juil.", "août", "sept.", "oct.", "nov.", "déc."};

static void year_text(int64_t y, bool fr, char *buf, size_t cap)
{
    if (y > 0) snprintf(buf, cap, "%lld", (long long)y);
    else snprintf(buf, cap, fr ? "%lld av. J.-C." : "%lld BCE", (long long)(1 - y));
}

typedef enum LabelKind { KIND_YEAR, KIND_MONTH, KIND_DAY, KIND_FULL_DAY, KIND_HOUR, KIND_NONE } LabelKind;

/* What a label at (rounded) time t could be, and which of them it is. */
static LabelKind classify_label(const Tick *k, bool fr)
{
    double t = round(k->t_days * 1440.0) / 1440.0;
    double whole = floor(t);
    int64_t y;
    int m, d;
    date_civil_from_days((int64_t)whole, &y, &m, &d);
    char year[32], buf[96];
    year_text(y, fr, year, sizeof year);
    if (t != whole) {
        int minutes = (int)lround((t - whole) * 1440.0);
        snprintf(buf, sizeof buf, fr ? "%02dh%02d" : "%02d:%02d", minutes / 60, minutes % 60);
        return strcmp(buf, k->label) == 0 ? KIND_HOUR : KIND_NONE;
    }
    if (m == 1 && d == 1 && strcmp(year, k->label) == 0) return KIND_YEAR;
    /* deep time, and coarse views that reach it, count years ago from 1950 */
    if (m == 1 && d == 1 && y < DATE_PRESENT_YEAR) {
        date_format_years_ago(DATE_PRESENT_YEAR - y, false, fr ? "fr" : "en", buf, sizeof buf);
        if (strcmp(buf, k->label) == 0) return KIND_YEAR;
    }
    if (m == 1 && d == 1 && y == DATE_PRESENT_YEAR && strcmp(k->label, fr ? "aujourd'hui" : "today") == 0)
        return KIND_YEAR;
    snprintf(buf, sizeof buf, "%s %s", fr ? FR_MONTHS[m - 1] : EN_MONTHS[m - 1], year);
    if (d == 1 && strcmp(buf, k->label) == 0) return KIND_MONTH;
    snprintf(buf, sizeof buf, "%d %s", d, fr ? FR_ABBR[m - 1] : EN_ABBR[m - 1]);
    if (strcmp(buf, k->label) == 0) return KIND_DAY;
    if (fr && d == 1) snprintf(buf, sizeof buf, "1er %s %s", FR_MONTHS[m - 1], year);
    else snprintf(buf, sizeof buf, "%d %s %s", d, fr ? FR_MONTHS[m - 1] : EN_MONTHS[m - 1], year);
    if (strcmp(buf, k->label) == 0) return KIND_FULL_DAY;
    return KIND_NONE;
}

static int64_t gcd64(int64_t a, int64_t b)
{
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b) {
        int64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    return r < 0 ? r + b : r;
}

typedef struct TickSetup {
    float gap;
    int size_px;
} TickSetup;

/* The sizes the viewer uses for a window of this width (16:9). */
static TickSetup setup_for_width(float w)
{
    LayoutMetrics m = layout_metrics(w, floorf(w * 9.0f / 16.0f), LAYOUT_STYLE_DESKTOP, &MEASURE);
    return (TickSetup){14 * m.ui, m.axis_px};
}

/* Every property of one set of ticks; returns false (after saying why) on the first failure. */
static bool ticks_are_sane(const TimeScale *s, const char *lang, TickSetup ts, const Tick *t, int n, int cap,
                           int min_labelled)
{
    bool fr = strcmp(lang, "fr") == 0;
    char why[160] = "";
    int labelled = 0;
    bool kinds[KIND_NONE + 1] = {false};
    float prev_right = -INFINITY;
    int64_t year_gcd = 0, first_year = 0;
    bool have_year = false;
    if (n < 0 || n > cap) snprintf(why, sizeof why, "count %d over cap %d", n, cap);
    for (int i = 0; i < n && !why[0]; i++) {
        const Tick *k = &t[i];
        if (i > 0 && !(k->x_px >= t[i - 1].x_px && k->t_days > t[i - 1].t_days)) {
            snprintf(why, sizeof why, "tick %d not after tick %d", i, i - 1);
            break;
        }
        if (!(k->x_px >= s->x0_px - 1e-3 && k->x_px <= s->x0_px + s->width_px + 1e-3)) {
            snprintf(why, sizeof why, "tick %d at x %.3f outside the view", i, k->x_px);
            break;
        }
        if (fabs(k->x_px - scale_time_to_px(s, k->t_days)) > 1e-2) {
            snprintf(why, sizeof why, "tick %d x %.3f is not its time", i, k->x_px);
            break;
        }
        if (fabs(k->t_days * 1440.0 - round(k->t_days * 1440.0)) > 1e-6 * (1 + fabs(k->t_days))) {
            snprintf(why, sizeof why, "tick %d at %.12f is not on a minute", i, k->t_days);
            break;
        }
        if (k->level == TICK_SUB) {
            if (k->label[0]) snprintf(why, sizeof why, "sub tick %d has label \"%s\"", i, k->label);
            continue;
        }
        labelled++;
        /* centred on the tick, pulled inside the area at the edges (as drawn) */
        float w = fake_width(NULL, FONT_BOLD, ts.size_px, k->label, strlen(k->label));
        float left = fminf(fmaxf(k->x_px - w / 2, (float)s->x0_px), (float)(s->x0_px + s->width_px) - w);
        if (left < prev_right + ts.gap - 1e-3f) {
            snprintf(why, sizeof why, "label %d \"%s\" overlaps the previous label", i, k->label);
            break;
        }
        prev_right = left + w;
        LabelKind kind = classify_label(k, fr);
        kinds[kind] = true;
        double whole = floor(round(k->t_days * 1440.0) / 1440.0);
        bool midnight = fabs(k->t_days - whole) * 1440.0 < 1e-6;
        int64_t y;
        int mo, d;
        date_civil_from_days((int64_t)whole, &y, &mo, &d);
        bool major = k->level == TICK_MAJOR;
        switch (kind) {
        case KIND_NONE: snprintf(why, sizeof why, "label %d \"%s\" does not name its date", i, k->label); break;
        case KIND_YEAR:
            if (have_year) year_gcd = gcd64(year_gcd, y - first_year);
            else { first_year = y; have_year = true; }
            if (major && floor_mod(y, 10) != 0) snprintf(why, sizeof why, "year %s is major", k->label);
            break;
        case KIND_MONTH:
            if (major != (mo == 1)) snprintf(why, sizeof why, "month \"%s\" major %d", k->label, major);
            break;
        case KIND_DAY:
            if (major || d == 1) snprintf(why, sizeof why, "day \"%s\" major %d", k->label, major);
            break;
        case KIND_FULL_DAY:
            if (!major) snprintf(why, sizeof why, "full date \"%s\" is not major", k->label);
            else if (d != 1 && !midnight) snprintf(why, sizeof why, "full date \"%s\" off a boundary", k->label);
            break;
        case KIND_HOUR:
            if (major) snprintf(why, sizeof why, "hour \"%s\" is major", k->label);
            break;
        }
    }
    /* One kind of minor label per view; majors with full dates go with days and hours. */
    int minor_kinds = kinds[KIND_YEAR] + kinds[KIND_MONTH] + kinds[KIND_DAY] + kinds[KIND_HOUR];
    if (!why[0] && minor_kinds > 1) snprintf(why, sizeof why, "labels of several kinds in one view");
    if (!why[0] && kinds[KIND_FULL_DAY] && (kinds[KIND_YEAR] || kinds[KIND_MONTH]))
        snprintf(why, sizeof why, "full dates among years or months");
    /* Decades are majors when the labels are years finer than decades. */
    if (!why[0] && have_year && year_gcd != 0 && year_gcd < 10) {
        for (int i = 0; i < n; i++) {
            if (t[i].level == TICK_SUB) continue;
            int64_t y;
            int mo, d;
            date_civil_from_days((int64_t)floor(t[i].t_days + 1e-9), &y, &mo, &d);
            if (floor_mod(y, 10) == 0 && t[i].level != TICK_MAJOR)
                snprintf(why, sizeof why, "decade \"%s\" is not major", t[i].label);
        }
    }
    /* Midnights and firsts of the month are majors when they are labelled. */
    if (!why[0] && (kinds[KIND_HOUR] || kinds[KIND_DAY])) {
        for (int i = 0; i < n; i++) {
            if (t[i].level != TICK_MINOR) continue;
            double whole = round(t[i].t_days);
            int64_t y;
            int mo, d;
            date_civil_from_days((int64_t)whole, &y, &mo, &d);
            bool boundary = kinds[KIND_HOUR] ? fabs(t[i].t_days - whole) < 1e-6 : d == 1;
            if (boundary) snprintf(why, sizeof why, "minor \"%s\" on a boundary", t[i].label);
        }
    }
    if (!why[0] && labelled < min_labelled) snprintf(why, sizeof why, "only %d labelled ticks", labelled);
    if (why[0]) {
        char a[32], b[32];
        date_format_iso(scale_left_days(s), a, sizeof a);
        date_format_iso(scale_right_days(s), b, sizeof b);
        fprintf(stderr, "ticks %s..%s (%.6g days) over %.0f px in %s: %s\n", a, b, scale_width_days(s), s->width_px,
                lang, why);
        for (int i = 0; i < n && i < 80; i++)
            fprintf(stderr, "   %3d x %8.2f t %.6f %s \"%s\"\n", i, t[i].x_px, t[i].t_days,
                    t[i].level == TICK_MAJOR ? "MAJOR" : t[i].level == TICK_MINOR ? "minor" : "sub", t[i].label);
        return false;
    }
    return true;
}

static const double VIEW_DAYS[] = {70 * 365.2425, 10 * 365.2425, 2 * 365.2425, 182.62, 30.44, 7, 2, 1, 0.25};
static const float WIDTHS[] = {800, 1280, 1920, 3840};
static const char *const LANGS[] = {"fr", "en"};

static void ticks_at_every_level_are_sorted_inside_the_view_labelled_and_never_overlap(void)
{
    rng_state = 7;
    for (size_t v = 0; v < sizeof VIEW_DAYS / sizeof VIEW_DAYS[0]; v++)
        for (size_t w = 0; w < sizeof WIDTHS / sizeof WIDTHS[0]; w++)
            for (size_t l = 0; l < 2; l++)
                for (int trial = 0; trial < 40; trial++) {
                    TickSetup ts = setup_for_width(WIDTHS[w]);
                    TimeScale s = {0, 1, trial % 3 == 0 ? 0 : 37, WIDTHS[w]};
                    double centre = trial == 0 ? days(1970, 3, 18) : rng_range(days(1850, 1, 1), days(2150, 1, 1));
                    /* now and then exactly on a boundary */
                    if (trial % 5 == 1) centre = floor(centre);
                    scale_set_center_width(&s, centre, VIEW_DAYS[v]);
                    Tick ticks[SCALE_MAX_TICKS];
                    int n = scale_ticks(&s, LANGS[l], &MEASURE, FONT_BOLD, ts.size_px, ts.gap, ticks, SCALE_MAX_TICKS);
                    if (!ticks_are_sane(&s, LANGS[l], ts, ticks, n, SCALE_MAX_TICKS, 2)) {
                        CHECK(!"sane ticks");
                        return;
                    }
                }
}

static void ticks_over_random_views_never_overlap(void)
{
    rng_state = 8;
    for (int i = 0; i < 4000; i++) {
        float width = (float)floor(rng_range(320, 3840));
        TickSetup ts = setup_for_width(width);
        TimeScale s = {0, 1, 0, width};
        double centre = rng_range(days(-3000, 1, 1), days(3000, 1, 1));
        scale_set_center_width(&s, centre, rng_log(0.05, 365.2425 * 20000));
        const char *lang = LANGS[i % 2];
        Tick ticks[SCALE_MAX_TICKS];
        int n = scale_ticks(&s, lang, &MEASURE, FONT_BOLD, ts.size_px, ts.gap, ticks, SCALE_MAX_TICKS);
        if (!ticks_are_sane(&s, lang, ts, ticks, n, SCALE_MAX_TICKS, 1)) {
            CHECK(!"sane ticks");
            return;
        }
    }
}

static void tick_count_never_exceeds_the_cap(void)
{
    const int caps[] = {1, 2, 3, 7, 20};
    for (size_t v = 0; v < sizeof VIEW_DAYS / sizeof VIEW_DAYS[0]; v++)
        for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
            TickSetup ts = setup_for_width(3840);
            TimeScale s = {0, 1, 0, 3840};
            scale_set_center_width(&s, days(1970, 3, 18), VIEW_DAYS[v]);
            Tick ticks[32];
            memset(ticks, 0x5A, sizeof ticks);
            int n = scale_ticks(&s, "en", &MEASURE, FONT_BOLD, ts.size_px, ts.gap, ticks, caps[c]);
            CHECK(n >= 0 && n <= caps[c]);
            CHECK(ticks[caps[c]].t_days == ticks[31].t_days); /* nothing written past the cap */
            for (int i = 1; i < n; i++) CHECK(ticks[i].x_px >= ticks[i - 1].x_px);
        }
    TimeScale s = {0, 1, 0, 1280};
    Tick one[1];
    CHECK_INT(scale_ticks(&s, "en", &MEASURE, FONT_BOLD, 13, 14, one, 0), 0);
    s.px_per_day = 0;
    CHECK_INT(scale_ticks(&s, "en", &MEASURE, FONT_BOLD, 13, 14, one, 1), 0);
}

/* The labelled tick at time t, or NULL. */
static const Tick *tick_at(const Tick *t, int n, double t_days)
{
    for (int i = 0; i < n; i++)
        if (fabs(t[i].t_days - t_days) < 1e-6 && t[i].level != TICK_SUB) return &t[i];
    return NULL;
}

static int ticks_for(double from, double to, float width, const char *lang, Tick *out)
{
    TickSetup ts = setup_for_width(width);
    TimeScale s = {0, 1, 0, width};
    scale_fit(&s, from, to);
    return scale_ticks(&s, lang, &MEASURE, FONT_BOLD, ts.size_px, ts.gap, out, SCALE_MAX_TICKS);
}

static void year_ticks_name_the_year_and_decades_are_major(void)
{
    Tick t[SCALE_MAX_TICKS];
    for (int l = 0; l < 2; l++) {
        int n = ticks_for(days(1940, 1, 1) + 100, days(2010, 1, 1) - 100, 1280, LANGS[l], t);
        const Tick *k = tick_at(t, n, 0.0);
        CHECK(k != NULL);
        if (!k) continue;
        CHECK_STR(k->label, "1970");
        CHECK_INT(k->level, TICK_MAJOR);
        const Tick *k75 = tick_at(t, n, days(1975, 1, 1));
        CHECK(k75 && k75->level == TICK_MINOR && strcmp(k75->label, "1975") == 0);
    }
}

/* Zooming in from a century to a few hours about 1970-03-18 14:00, every
 * level of labels shows up on the way, naming its date in the language. */
static void zooming_in_goes_through_years_months_days_and_hours(void)
{
    typedef struct Expect {
        double t_days;
        TickLevel level;
        const char *fr, *en;
    } Expect;
    const Expect expect[] = {
        {0.0, TICK_MAJOR, "1970", "1970"},                                   /* decades over years */
        {days(1975, 1, 1), TICK_MINOR, "1975", "1975"},
        {days(1970, 1, 1), TICK_MAJOR, "janvier 1970", "January 1970"},      /* January over months */
        {days(1970, 3, 1), TICK_MINOR, "mars 1970", "March 1970"},
        {days(1970, 3, 1), TICK_MAJOR, "1er mars 1970", "1 March 1970"},     /* the 1st over days */
        {days(1970, 3, 18), TICK_MINOR, "18 mars", "18 Mar"},
        {days(1970, 3, 18), TICK_MAJOR, "18 mars 1970", "18 March 1970"},    /* midnight over hours */
        {days(1970, 3, 18) + 14.0 / 24.0, TICK_MINOR, "14h00", "14:00"},
    };
    enum { EXPECT_COUNT = sizeof expect / sizeof expect[0] };
    double centre = days(1970, 3, 18) + 14.0 / 24.0;
    for (size_t w = 0; w < sizeof WIDTHS / sizeof WIDTHS[0]; w++)
        for (int l = 0; l < 2; l++) {
            bool seen[EXPECT_COUNT] = {false};
            TickSetup ts = setup_for_width(WIDTHS[w]);
            for (double width = 100 * 365.2425; width > 0.1; width /= 1.03) {
                TimeScale s = {0, 1, 0, WIDTHS[w]};
                scale_set_center_width(&s, centre, width);
                Tick t[SCALE_MAX_TICKS];
                int n = scale_ticks(&s, LANGS[l], &MEASURE, FONT_BOLD, ts.size_px, ts.gap, t, SCALE_MAX_TICKS);
                if (!ticks_are_sane(&s, LANGS[l], ts, t, n, SCALE_MAX_TICKS, 2)) {
                    CHECK(!"sane ticks");
                    return;
                }
                for (int e = 0; e < EXPECT_COUNT; e++) {
                    const Tick *k = tick_at(t, n, expect[e].t_days);
                    if (k && k->level == expect[e].level && strcmp(k->label, l == 0 ? expect[e].fr : expect[e].en) == 0)
                        seen[e] = true;
                }
            }
            for (int e = 0; e < EXPECT_COUNT; e++) {
                if (!seen[e]) fprintf(stderr, "  never saw \"%s\" at %.0f px\n", l == 0 ? expect[e].fr : expect[e].en, WIDTHS[w]);
                CHECK(seen[e]);
            }
        }
}

static void hour_ticks_name_the_time_and_midnight_is_a_major_date(void)
{
    Tick t[SCALE_MAX_TICKS];
    double d18 = days(1970, 3, 18);
    int n = ticks_for(d18 - 0.4, d18 + 0.6, 1920, "fr", t);
    const Tick *k = tick_at(t, n, d18 + 14.0 / 24.0);
    CHECK(k && k->level == TICK_MINOR);
    if (k) CHECK_STR(k->label, "14h00");
    const Tick *mid = tick_at(t, n, d18);
    CHECK(mid && mid->level == TICK_MAJOR);
    if (mid) CHECK_STR(mid->label, "18 mars 1970");
    n = ticks_for(d18 - 0.4, d18 + 0.6, 1920, "en", t);
    k = tick_at(t, n, d18 + 14.0 / 24.0);
    CHECK(k && k->level == TICK_MINOR);
    if (k) CHECK_STR(k->label, "14:00");
}

static void midnight_stays_a_major_date_after_many_hour_steps(void)
{
    /* A view far from the epoch, many hour ticks after the first one. */
    Tick t[SCALE_MAX_TICKS];
    for (int y = -9000; y < 9000; y += 7) {
        double d = days(y, 7, 14);
        int n = ticks_for(d - 0.1 - (y & 15) / 24.0, d + 0.2, 3840, "en", t);
        for (int i = 0; i < n; i++) {
            if (t[i].level == TICK_SUB) continue;
            CHECK(strcmp(t[i].label, "00:00") != 0);
            if (t[i].t_days == floor(t[i].t_days)) CHECK_INT(t[i].level, TICK_MAJOR);
        }
        if (test_current_failed) {
            fprintf(stderr, "year %d\n", y);
            return;
        }
    }
}

/* Deep time's ticks over one view: sorted, inside, at most the cap, at
 * least one label (French words fill an 800 px axis with three), none
 * overlapping as drawn, and no two labels alike
 * (a label names its own tick). Says why on failure. */
static bool deep_ticks_are_sane(const TimeScale *s, const char *lang, TickSetup ts, const Tick *t, int n)
{
    char why[200] = "";
    int labelled = 0;
    float prev_right = -INFINITY;
    const char *prev_label = "";
    if (n < 0 || n > SCALE_MAX_TICKS) snprintf(why, sizeof why, "count %d", n);
    for (int i = 0; i < n && !why[0]; i++) {
        const Tick *k = &t[i];
        if (i > 0 && !(k->t_days > t[i - 1].t_days && k->x_px >= t[i - 1].x_px))
            snprintf(why, sizeof why, "tick %d not after tick %d", i, i - 1);
        else if (!(k->x_px >= s->x0_px - 1e-3 && k->x_px <= s->x0_px + s->width_px + 1e-3))
            snprintf(why, sizeof why, "tick %d outside the view", i);
        if (why[0] || k->level == TICK_SUB) continue;
        labelled++;
        float w = fake_width(NULL, FONT_BOLD, ts.size_px, k->label, strlen(k->label));
        float left = fminf(fmaxf(k->x_px - w / 2, (float)s->x0_px), (float)(s->x0_px + s->width_px) - w);
        if (!k->label[0]) snprintf(why, sizeof why, "label %d is empty", i);
        else if (left < prev_right + ts.gap - 1e-3f) snprintf(why, sizeof why, "label %d \"%s\" overlaps", i, k->label);
        else if (strcmp(k->label, prev_label) == 0) snprintf(why, sizeof why, "label %d \"%s\" twice", i, k->label);
        prev_right = left + w;
        prev_label = k->label;
    }
    if (!why[0] && labelled < 1) snprintf(why, sizeof why, "no label");
    if (!why[0]) return true;
    fprintf(stderr, "deep ticks from %.6g days over %.6g days, %.0f px, %s: %s\n", scale_left_days(s),
            scale_width_days(s), s->width_px, lang, why);
    for (int i = 0; i < n && i < 40; i++)
        fprintf(stderr, "   %3d x %8.2f %s \"%s\"\n", i, t[i].x_px, t[i].level == TICK_MAJOR ? "MAJOR" : "", t[i].label);
    return false;
}

/* From the whole universe (fifteen billion years) down to a few hours, at
 * the Big Bang, the Earth, the dinosaurs, Homo sapiens and agriculture, in
 * four languages: sane ticks at every zoom, counted in years ago. */
static void deep_time_ticks_are_sane_from_billions_of_years_to_hours(void)
{
    static const int64_t years[] = {-13800000000LL, -4540000000LL, -66000000, -300000, -12000};
    static const char *const langs[] = {"fr", "en", "ru", "km"};
    static const float widths[] = {800, 1366, 1920};
    Tick t[SCALE_MAX_TICKS];
    for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
        for (double width = 365.2425 * 1.5e10; width > 0.2; width /= 7.3)
            for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++)
                for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
                    TickSetup ts = setup_for_width(widths[w]);
                    TimeScale s = {0, 1, 0, widths[w]};
                    scale_set_center_width(&s, days(years[y], 6, 1) + 0.3, width);
                    int n = scale_ticks(&s, langs[l], &MEASURE, FONT_BOLD, ts.size_px, ts.gap, t, SCALE_MAX_TICKS);
                    if (!deep_ticks_are_sane(&s, langs[l], ts, t, n)) {
                        CHECK(!"sane deep ticks");
                        return;
                    }
                }
}

/* The whole of deep time: billions of years ago, a round step, bold tens. */
static void the_whole_universe_is_labelled_in_billions_of_years_ago(void)
{
    TickSetup ts = setup_for_width(1366);
    TimeScale s = {0, 1, 0, 1366};
    scale_fit(&s, days(-14500000000LL, 1, 1), days(2026, 1, 1));
    Tick t[SCALE_MAX_TICKS];
    int n = scale_ticks(&s, "en", &MEASURE, FONT_BOLD, ts.size_px, ts.gap, t, SCALE_MAX_TICKS);
    const Tick *ten = tick_at(t, n, days(1950 - 10000000000LL, 1, 1));
    CHECK(ten != NULL);
    if (ten) {
        CHECK_STR(ten->label, "10 billion years ago");
        CHECK_INT(ten->level, TICK_MAJOR);
    }
    const Tick *today = tick_at(t, n, days(1950, 1, 1));
    CHECK(today != NULL && strcmp(today->label, "today") == 0);
    int labels = 0;
    for (int i = 0; i < n; i++) labels += t[i].level != TICK_SUB;
    CHECK(labels >= 4 && labels <= 15);
    scale_fit(&s, days(-14500000000LL, 1, 1), days(2026, 1, 1));
    n = scale_ticks(&s, "ru", &MEASURE, FONT_BOLD, ts.size_px, ts.gap, t, SCALE_MAX_TICKS);
    ten = tick_at(t, n, days(1950 - 10000000000LL, 1, 1));
    CHECK(ten != NULL && strcmp(ten->label, "10 миллиардов лет назад") == 0);
}

static void bce_years_and_year_zero_give_sane_labels(void)
{
    Tick t[SCALE_MAX_TICKS];
    /* around year 0 (1 BCE) */
    for (int l = 0; l < 2; l++) {
        int n = ticks_for(days(-30, 1, 1), days(31, 1, 1), 1280, LANGS[l], t);
        TickSetup ts = setup_for_width(1280);
        TimeScale s = {0, 1, 0, 1280};
        scale_fit(&s, days(-30, 1, 1), days(31, 1, 1));
        CHECK(ticks_are_sane(&s, LANGS[l], ts, t, n, SCALE_MAX_TICKS, 2));
        const Tick *zero = tick_at(t, n, days(0, 1, 1));
        CHECK(zero != NULL);
        if (zero) {
            CHECK_STR(zero->label, l == 0 ? "1 av. J.-C." : "1 BCE");
            CHECK_INT(zero->level, TICK_MAJOR);
        }
        const Tick *ten = tick_at(t, n, days(10, 1, 1));
        if (ten) CHECK_STR(ten->label, "10");
        const Tick *minus = tick_at(t, n, days(-10, 1, 1));
        if (minus) CHECK_STR(minus->label, l == 0 ? "11 av. J.-C." : "11 BCE");
    }
    /* deep in the past at every level */
    const double centres[] = {days(-44, 3, 15), days(-2500, 6, 1), days(-9000, 1, 1), days(0, 1, 1),
                              days(1, 1, 1)};
    for (size_t c = 0; c < sizeof centres / sizeof centres[0]; c++)
        for (size_t v = 0; v < sizeof VIEW_DAYS / sizeof VIEW_DAYS[0]; v++)
            for (size_t w = 0; w < sizeof WIDTHS / sizeof WIDTHS[0]; w++)
                for (int l = 0; l < 2; l++) {
                    TickSetup ts = setup_for_width(WIDTHS[w]);
                    TimeScale s = {0, 1, 0, WIDTHS[w]};
                    scale_set_center_width(&s, centres[c], VIEW_DAYS[v]);
                    int n = scale_ticks(&s, LANGS[l], &MEASURE, FONT_BOLD, ts.size_px, ts.gap, t, SCALE_MAX_TICKS);
                    if (!ticks_are_sane(&s, LANGS[l], ts, t, n, SCALE_MAX_TICKS, 2)) {
                        CHECK(!"sane BCE ticks");
                        return;
                    }
                }
    /* a view of millions of years, and one beyond the calendar, do not crash */
    TimeScale s = {0, 1, 0, 1920};
    scale_set_center_width(&s, days(-500000, 1, 1), 365.2425 * 2e6);
    int n = scale_ticks(&s, "en", &MEASURE, FONT_BOLD, 13, 14, t, SCALE_MAX_TICKS);
    CHECK(n >= 0 && n <= SCALE_MAX_TICKS);
    scale_set_center_width(&s, -1e12, 1e10);
    n = scale_ticks(&s, "fr", &MEASURE, FONT_BOLD, 13, 14, t, SCALE_MAX_TICKS);
    CHECK(n >= 0 && n <= SCALE_MAX_TICKS);
}

/* Labels of ticks in lang never overlap (measured as drawn) over views
 * from seventy years to a few hours. */
static bool labels_never_overlap(const char *lang)
{
    for (size_t v = 0; v < sizeof VIEW_DAYS / sizeof VIEW_DAYS[0]; v++)
        for (size_t w = 0; w < sizeof WIDTHS / sizeof WIDTHS[0]; w++) {
            TickSetup ts = setup_for_width(WIDTHS[w]);
            TimeScale s = {0, 1, 0, WIDTHS[w]};
            scale_set_center_width(&s, days(1970, 3, 18) + 0.3, VIEW_DAYS[v]);
            Tick t[SCALE_MAX_TICKS];
            int n = scale_ticks(&s, lang, &MEASURE, FONT_BOLD, ts.size_px, ts.gap, t, SCALE_MAX_TICKS);
            float prev_right = -INFINITY;
            for (int i = 0; i < n; i++) {
                if (t[i].level == TICK_SUB) continue;
                float lw = fake_width(NULL, FONT_BOLD, ts.size_px, t[i].label, strlen(t[i].label));
                float left = fminf(fmaxf(t[i].x_px - lw / 2, 0.0f), WIDTHS[w] - lw);
                if (left < prev_right + ts.gap - 1e-3f) {
                    fprintf(stderr, "  %s: \"%s\" overlaps at %.0f px\n", lang, t[i].label, WIDTHS[w]);
                    return false;
                }
                prev_right = left + lw;
            }
        }
    return true;
}

static void ticks_in_russian_and_khmer_speak_their_language_and_never_overlap(void)
{
    Tick t[SCALE_MAX_TICKS];
    double d18 = days(1970, 3, 18);
    int n = ticks_for(d18 - 0.4, d18 + 0.6, 1920, "ru", t);
    const Tick *mid = tick_at(t, n, d18);
    CHECK(mid && mid->level == TICK_MAJOR);
    if (mid) CHECK_STR(mid->label, "18 марта 1970\xc2\xa0г.");
    const Tick *k = tick_at(t, n, d18 + 14.0 / 24.0);
    if (k) CHECK_STR(k->label, "14:00");
    n = ticks_for(d18 - 0.4, d18 + 0.6, 1920, "km", t);
    mid = tick_at(t, n, d18);
    CHECK(mid && mid->level == TICK_MAJOR);
    if (mid) CHECK_STR(mid->label, "១៨ មីនា ១៩៧០");
    k = tick_at(t, n, d18 + 14.0 / 24.0);
    if (k) CHECK_STR(k->label, "១៤:០០");
    n = ticks_for(days(1940, 1, 1) + 100, days(2010, 1, 1) - 100, 1280, "km", t);
    const Tick *y = tick_at(t, n, days(1970, 1, 1));
    CHECK(y != NULL);
    if (y) CHECK_STR(y->label, "១៩៧០");
    CHECK(labels_never_overlap("ru"));
    CHECK(labels_never_overlap("km"));
}

/* A view that reaches past the oldest year Frise names (the home view of
 * a file with an event at DATE_MIN_YEAR) still has its axis, in round
 * counts of years ago. */
static void a_view_past_the_oldest_year_keeps_round_ticks(void)
{
    Tick t[SCALE_MAX_TICKS];
    double oldest = (double)date_days_from_civil(DATE_MIN_YEAR, 1, 1);
    int n = ticks_for(oldest - 3e11, days(2000, 1, 1), 1366, "en", t);
    CHECK(n > 3);
    bool round = n > 0;
    for (int i = 0; i < n; i++)
        if (t[i].label[0]) round &= strstr(t[i].label, " billion years ago") != NULL || strcmp(t[i].label, "today") == 0;
    CHECK(round);
}

int main(void)
{
    RUN(mapping_follows_the_definition);
    RUN(time_to_px_and_back_round_trips);
    RUN(zoom_at_keeps_the_time_under_the_anchor);
    RUN(zoom_at_ignores_factors_that_are_not_positive_and_finite);
    RUN(pan_moves_content_by_dx_and_inverse_pan_is_identity);
    RUN(fit_shows_exactly_from_to_across_the_area);
    RUN(set_center_width_centres_the_given_width);
    RUN(set_area_keeps_the_centre_and_the_zoom);
    RUN(limits_show_the_whole_extent_plus_margins_when_zoomed_out);
    RUN(clamp_keeps_the_view_inside_the_limits_and_reports_change);
    RUN(clamp_recovers_from_a_nan_scale);
    RUN(ticks_at_every_level_are_sorted_inside_the_view_labelled_and_never_overlap);
    RUN(ticks_over_random_views_never_overlap);
    RUN(tick_count_never_exceeds_the_cap);
    RUN(year_ticks_name_the_year_and_decades_are_major);
    RUN(zooming_in_goes_through_years_months_days_and_hours);
    RUN(hour_ticks_name_the_time_and_midnight_is_a_major_date);
    RUN(midnight_stays_a_major_date_after_many_hour_steps);
    RUN(bce_years_and_year_zero_give_sane_labels);
    RUN(deep_time_ticks_are_sane_from_billions_of_years_to_hours);
    RUN(a_view_past_the_oldest_year_keeps_round_ticks);
    RUN(the_whole_universe_is_labelled_in_billions_of_years_ago);
    RUN(ticks_in_russian_and_khmer_speak_their_language_and_never_overlap);
    return TEST_REPORT();
}
