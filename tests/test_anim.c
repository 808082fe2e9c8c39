/* test_anim.c: specifications of easing, camera flights, zoom animation and inertia. */
#include "anim.h"
#include "test.h"

#include <stdbool.h>

/* ---- easing ------------------------------------------------------------------ */

static void easings_run_from_zero_to_one_and_clamp(void)
{
    CHECK_NEAR(anim_ease_out_cubic(0), 0, 0);
    CHECK_NEAR(anim_ease_out_cubic(1), 1, 0);
    CHECK_NEAR(anim_ease_out_cubic(0.5), 0.875, 1e-12);
    CHECK_NEAR(anim_ease_out_cubic(-3), 0, 0);
    CHECK_NEAR(anim_ease_out_cubic(7), 1, 0);
    CHECK_NEAR(anim_ease_out_cubic(NAN), 0, 0);
    CHECK_NEAR(anim_ease_in_out_cubic(0), 0, 0);
    CHECK_NEAR(anim_ease_in_out_cubic(1), 1, 0);
    CHECK_NEAR(anim_ease_in_out_cubic(0.5), 0.5, 1e-12);
    CHECK_NEAR(anim_ease_in_out_cubic(0.25), 0.0625, 1e-12);
    CHECK_NEAR(anim_ease_in_out_cubic(0.75), 0.9375, 1e-12);
    CHECK_NEAR(anim_ease_in_out_cubic(2), 1, 0);
}

static void easings_are_monotonic(void)
{
    double prev_out = 0, prev_io = 0;
    for (int i = 1; i <= 1000; i++) {
        double t = i / 1000.0;
        double o = anim_ease_out_cubic(t), io = anim_ease_in_out_cubic(t);
        CHECK(o >= prev_out);
        CHECK(io >= prev_io);
        prev_out = o;
        prev_io = io;
    }
}

/* ---- flight ----------------------------------------------------------------------- */

/* The paper's S, computed from its formulas as written (ln, not asinh). */
static double paper_S(double c0, double w0, double c1, double w1, double rho)
{
    double u1 = fabs(c1 - c0);
    double b0 = (w1 * w1 - w0 * w0 + pow(rho, 4) * u1 * u1) / (2 * w0 * rho * rho * u1);
    double b1 = (w1 * w1 - w0 * w0 - pow(rho, 4) * u1 * u1) / (2 * w1 * rho * rho * u1);
    double r0 = log(-b0 + sqrt(b0 * b0 + 1)), r1 = log(-b1 + sqrt(b1 * b1 + 1));
    return (r1 - r0) / rho;
}

static void flight_starts_and_ends_exactly_at_the_given_views(void)
{
    Flight f;
    flight_start(&f, 1960 * 365.25, 30 * 365.25, 1990 * 365.25, 2 * 365.25, 1000, NULL);
    double c, w;
    CHECK(flight_sample(&f, 1000, &c, &w));
    CHECK(c == 1960 * 365.25);
    CHECK(w == 30 * 365.25);
    CHECK(flight_sample(&f, 500, &c, &w)); /* before the start: still the start */
    CHECK(c == 1960 * 365.25);
    CHECK(!flight_sample(&f, 1000 + f.duration_ms, &c, &w));
    CHECK(c == 1990 * 365.25);
    CHECK(w == 2 * 365.25);
    CHECK(!flight_sample(&f, 1e9, &c, &w));
    CHECK(c == 1990 * 365.25);
    CHECK(w == 2 * 365.25);
}

static void flight_path_length_matches_the_paper(void)
{
    Flight f;
    flight_start(&f, 0, 10, 30, 10, 0, NULL);
    CHECK_NEAR(f.S, paper_S(0, 10, 30, 10, 1.4), 1e-9);
    flight_start(&f, 100, 20, 150, 1, 0, NULL);
    CHECK_NEAR(f.S, paper_S(100, 20, 150, 1, 1.4), 1e-9);
    FlightConfig cfg = {.rho = 2.0};
    flight_start(&f, 150, 1, 100, 20, 0, &cfg); /* backwards, other rho */
    CHECK_NEAR(f.S, paper_S(150, 1, 100, 20, 2.0), 1e-9);
}

/* Without the easing's end clamps, the path itself must arrive: sampling just
 * before the end lands next to (c1, w1), which checks r0 and S together. */
static void flight_path_arrives_continuously(void)
{
    Flight f;
    flight_start(&f, -500, 40, 2000, 3, 0, NULL);
    double c, w;
    CHECK(flight_sample(&f, f.duration_ms - 1e-3, &c, &w));
    CHECK_NEAR(c, 2000, 1e-6);
    CHECK_NEAR(w, 3, 1e-9);
    CHECK(flight_sample(&f, 1e-3, &c, &w));
    CHECK_NEAR(c, -500, 1e-6);
    CHECK_NEAR(w, 40, 1e-9);
}

static void flight_matches_the_papers_unsimplified_formulas(void)
{
    double c0 = 10, w0 = 5, c1 = 90, w1 = 8, rho = 1.4;
    Flight f;
    flight_start(&f, c0, w0, c1, w1, 0, NULL);
    double u1 = c1 - c0;
    double b0 = (w1 * w1 - w0 * w0 + pow(rho, 4) * u1 * u1) / (2 * w0 * rho * rho * u1);
    double r0 = log(-b0 + sqrt(b0 * b0 + 1));
    for (int i = 1; i < 10; i++) {
        double t = f.duration_ms * i / 10.0;
        double s = anim_ease_in_out_cubic(i / 10.0) * f.S;
        double u = w0 / (rho * rho) * cosh(r0) * tanh(rho * s + r0) - w0 / (rho * rho) * sinh(r0);
        double wv = w0 * cosh(r0) / cosh(rho * s + r0);
        double c, w;
        flight_sample(&f, t, &c, &w);
        CHECK_NEAR(c, c0 + u, 1e-9);
        CHECK_NEAR(w, wv, 1e-9);
    }
}

static void flight_width_stays_positive_and_zooms_out_on_long_pans(void)
{
    Flight f;
    flight_start(&f, 0, 10, 1000, 10, 0, NULL);
    double max_w = 0, prev_c = 0;
    bool monotonic = true, positive = true;
    for (int i = 0; i <= 2000; i++) {
        double c, w;
        flight_sample(&f, f.duration_ms * i / 2000.0, &c, &w);
        positive = positive && w > 0;
        monotonic = monotonic && c >= prev_c;
        prev_c = c;
        if (w > max_w)
            max_w = w;
    }
    CHECK(positive);
    CHECK(monotonic);
    CHECK(max_w > 100); /* zooms far out to travel 100 screen widths */
}

static void flight_has_no_jumps_between_close_samples(void)
{
    Flight f;
    flight_start(&f, 0, 10, 300, 1, 0, NULL);
    double pc, pw;
    flight_sample(&f, 0, &pc, &pw);
    double worst = 0;
    for (int i = 1; i <= 1000; i++) {
        double c, w;
        flight_sample(&f, f.duration_ms * i / 1000.0, &c, &w);
        /* motion measured in screen widths, the paper's perceptual unit */
        double step = fabs(c - pc) / fmin(w, pw) + fabs(log(w / pw));
        if (step > worst)
            worst = step;
        pc = c;
        pw = w;
    }
    CHECK(worst < 0.05);
}

static void flight_with_the_same_centre_is_a_pure_zoom(void)
{
    Flight f;
    flight_start(&f, 700, 100, 700, 1, 0, NULL);
    CHECK(f.pure_zoom);
    CHECK_NEAR(f.S, log(100.0) / 1.4, 1e-12);
    CHECK(f.duration_ms >= 800 && f.duration_ms <= 1500);
    double prev_w = 100;
    for (int i = 1; i < 100; i++) {
        double c, w;
        CHECK(flight_sample(&f, f.duration_ms * i / 100.0, &c, &w));
        CHECK(c == 700);
        CHECK(w < prev_w && w > 0);
        prev_w = w;
    }
    double c, w;
    flight_sample(&f, f.duration_ms / 2, &c, &w);
    CHECK_NEAR(w, 10, 1e-9); /* halfway along s is the geometric mean */
    CHECK(!flight_sample(&f, f.duration_ms, &c, &w));
    CHECK(c == 700 && w == 1);
}

static void flight_with_a_negligible_pan_still_lands_exactly(void)
{
    Flight f;
    flight_start(&f, 700, 10, 700 + 1e-9, 5, 0, NULL);
    double c, w;
    for (int i = 0; i <= 10; i++) {
        flight_sample(&f, f.duration_ms * i / 10.0, &c, &w);
        CHECK(isfinite(c) && isfinite(w) && w > 0);
    }
    CHECK(!flight_sample(&f, f.duration_ms, &c, &w));
    CHECK(c == 700 + 1e-9 && w == 5);
}

static void flight_durations_are_between_0_8_and_1_5_seconds(void)
{
    const double views[][4] = {
        {1962, 125, 1975, 5},  /* home to a decade */
        {1960, 10, 1990, 10},  /* next presentation step */
        {1960, 20, 2010, 1},   /* a search result far away */
        {1960, 10, 1970, 10},  /* the neighbouring decade */
        {1960, 10, 1960, 1},   /* zoom into a year */
        {0, 1, 100000, 1},     /* absurdly far */
        {1960, 10, 1961, 10},  /* a nudge */
    };
    for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
        Flight f;
        flight_start(&f, views[i][0], views[i][1], views[i][2], views[i][3], 0, NULL);
        CHECK(f.duration_ms >= 800 && f.duration_ms <= 1500);
    }
    Flight f;
    flight_start(&f, 1960, 10, 1990, 10, 0, NULL);
    CHECK(f.duration_ms > 800 && f.duration_ms < 1500); /* typical: not clamped */
    double shorter = f.duration_ms;
    flight_start(&f, 1960, 20, 1990, 1, 0, NULL);
    CHECK(f.duration_ms > shorter); /* longer paths take longer */
}

static void flight_config_overrides_the_timing(void)
{
    FlightConfig cfg = {.speed_per_s = 1000, .min_ms = 100, .max_ms = 200};
    Flight f;
    flight_start(&f, 0, 10, 30, 10, 0, &cfg);
    CHECK_NEAR(f.duration_ms, 100, 1e-9);
    cfg.speed_per_s = 0.001;
    flight_start(&f, 0, 10, 30, 10, 0, &cfg);
    CHECK_NEAR(f.duration_ms, 200, 1e-9);
}

static void reduced_motion_flight_arrives_at_once(void)
{
    FlightConfig cfg = {.reduced_motion = true};
    Flight f;
    flight_start(&f, 0, 10, 500, 2, 100, &cfg);
    CHECK_NEAR(f.duration_ms, 0, 0);
    double c, w;
    CHECK(!flight_sample(&f, 100, &c, &w));
    CHECK(c == 500 && w == 2);
}

static void flight_to_the_same_view_arrives_at_once(void)
{
    Flight f;
    flight_start(&f, 42, 7, 42, 7, 0, NULL);
    double c, w;
    CHECK(!flight_sample(&f, 0, &c, &w));
    CHECK(c == 42 && w == 7);
}

static void flight_with_bad_input_jumps_instead_of_flying_to_infinity(void)
{
    Flight f;
    double c, w;
    flight_start(&f, 0, 0, 10, 5, 0, NULL);
    CHECK(!flight_sample(&f, 0, &c, &w));
    CHECK(c == 10 && w == 5);
    flight_start(&f, NAN, 1, 10, 5, 0, NULL);
    CHECK(!flight_sample(&f, 0, &c, &w));
    flight_start(&f, 0, 1, INFINITY, 5, 0, NULL);
    CHECK_NEAR(f.duration_ms, 0, 0);
}

static void flight_over_huge_ratios_stays_finite(void)
{
    Flight f;
    flight_start(&f, 0, 1e-4, 1e9, 1e-4, 0, NULL); /* minutes wide, millions of years apart */
    bool finite = true;
    for (int i = 0; i <= 100; i++) {
        double c, w;
        flight_sample(&f, f.duration_ms * i / 100.0, &c, &w);
        finite = finite && isfinite(c) && isfinite(w) && w > 0;
    }
    CHECK(finite);
}

/* ---- zoom animation ------------------------------------------------------------------ */

static void zoom_anim_eases_out_on_the_log_of_the_scale(void)
{
    ZoomAnim z;
    zoom_anim_start(&z, 1, 16, 640, 1000, 0);
    CHECK_NEAR(z.duration_ms, 220, 0);
    CHECK_NEAR(z.anchor_px, 640, 0);
    double p;
    CHECK(zoom_anim_sample(&z, 1000, &p));
    CHECK(p == 1);
    CHECK(zoom_anim_sample(&z, 1110, &p)); /* half time: ease-out gives 0.875 of the log */
    CHECK_NEAR(p, pow(16, 0.875), 1e-9);
    CHECK(!zoom_anim_sample(&z, 1220, &p));
    CHECK(p == 16);
    CHECK(!zoom_anim_sample(&z, 5000, &p));
    CHECK(p == 16);
}

static void zoom_anim_zooms_out_as_evenly_as_in(void)
{
    ZoomAnim in, out;
    zoom_anim_start(&in, 2, 8, 0, 0, 200);
    zoom_anim_start(&out, 8, 2, 0, 0, 200);
    for (int i = 1; i < 10; i++) {
        double a, b;
        zoom_anim_sample(&in, 20.0 * i, &a);
        zoom_anim_sample(&out, 20.0 * i, &b);
        CHECK_NEAR(log(a / 2), log(8 / b), 1e-12); /* mirror images in log scale */
    }
}

static void zoom_anim_with_negative_duration_or_bad_scale_arrives_at_once(void)
{
    ZoomAnim z;
    double p;
    zoom_anim_start(&z, 1, 4, 0, 0, -1);
    CHECK(!zoom_anim_sample(&z, 0, &p));
    CHECK(p == 4);
    zoom_anim_start(&z, 0, 4, 0, 0, 220);
    CHECK(!zoom_anim_sample(&z, 10, &p));
    CHECK(p == 4);
}

/* ---- inertia ----------------------------------------------------------------------- */

/* Steps at hz until stopped; returns the total displacement. */
static void glide(float vx, float vy, double hz, double *tx, double *ty, double *stop_ms)
{
    Inertia in;
    inertia_start(&in, vx, vy, 0);
    *tx = *ty = 0;
    *stop_ms = 0;
    for (int k = 1; k < 100000; k++) {
        float dx, dy;
        double t = k * 1000.0 / hz;
        bool more = inertia_step(&in, t, &dx, &dy);
        *tx += dx;
        *ty += dy;
        if (!more) {
            *stop_ms = t;
            break;
        }
    }
}

static void inertia_glides_about_v_times_tau(void)
{
    double tx, ty, stop;
    glide(1000, 0, 60, &tx, &ty, &stop);
    double tau_s = ANIM_INERTIA_TAU_MS / 1000.0;
    CHECK_NEAR(tx, 1000 * tau_s * (1 - 10.0 / 1000.0), 1e-3);
    CHECK_NEAR(tx, 1000 * tau_s, 10 * tau_s + 1e-3); /* v * tau, less the stopped tail */
    CHECK_NEAR(ty, 0, 0);
}

static void inertia_does_not_depend_on_the_step_rate(void)
{
    double ax, ay, as, bx, by, bs;
    glide(-1800, 700, 60, &ax, &ay, &as);
    glide(-1800, 700, 7, &bx, &by, &bs);
    CHECK_NEAR(ax, bx, 1e-3);
    CHECK_NEAR(ay, by, 1e-3);
    /* and part-way: the same time gives the same position */
    Inertia a, b;
    inertia_start(&a, 1500, 0, 0);
    inertia_start(&b, 1500, 0, 0);
    double pa = 0, pb = 0;
    float dx, dy;
    for (int k = 1; k <= 60; k++) {
        inertia_step(&a, k * 1000.0 / 60.0, &dx, &dy);
        pa += dx;
    }
    for (int k = 1; k <= 7; k++) {
        inertia_step(&b, k * 1000.0 / 7.0, &dx, &dy);
        pb += dx;
    }
    CHECK_NEAR(pa, pb, 1e-3);
    CHECK_NEAR(pa, 1500 * 0.325 * (1 - exp(-1000.0 / 325.0)), 1e-3);
}

static void inertia_stops_when_speed_falls_below_10_px_s(void)
{
    Inertia in;
    inertia_start(&in, 0, 1000, 0);
    double stop_ms = ANIM_INERTIA_TAU_MS * log(1000.0 / 10.0); /* ~1497 ms */
    float dx, dy;
    CHECK(inertia_step(&in, stop_ms - 1, &dx, &dy));
    CHECK(inertia_active(&in));
    double speed_before = 1000 * exp(-(stop_ms - 1) / ANIM_INERTIA_TAU_MS);
    CHECK(speed_before > 10);
    CHECK(!inertia_step(&in, stop_ms + 1, &dx, &dy));
    CHECK(dy > 0 && dy < 0.1f); /* the last remaining bit */
    CHECK(!inertia_active(&in));
    CHECK(!inertia_step(&in, stop_ms + 100, &dx, &dy));
    CHECK(dx == 0 && dy == 0); /* stays stopped */
}

static void inertia_keeps_the_fling_direction(void)
{
    double tx, ty, stop;
    glide(300, -400, 60, &tx, &ty, &stop);
    CHECK_NEAR(tx / ty, 300.0 / -400.0, 1e-4);
    CHECK_NEAR(stop, 1000.0 * ceil(ANIM_INERTIA_TAU_MS * log(50.0) * 60 / 1000.0) / 60, 1e-6);
}

static void slow_release_does_not_glide(void)
{
    Inertia in;
    inertia_start(&in, 6, 7, 0); /* 9.2 px/s */
    CHECK(!inertia_active(&in));
    float dx = 1, dy = 1;
    CHECK(!inertia_step(&in, 16, &dx, &dy));
    CHECK(dx == 0 && dy == 0);
    inertia_start(&in, NAN, 0, 0);
    CHECK(!inertia_active(&in));
}

static void inertia_stop_halts_at_once(void)
{
    Inertia in;
    inertia_start(&in, 2000, 0, 0);
    float dx, dy;
    CHECK(inertia_step(&in, 16, &dx, &dy));
    inertia_stop(&in);
    CHECK(!inertia_active(&in));
    CHECK(!inertia_step(&in, 32, &dx, &dy));
    CHECK(dx == 0);
}

static void inertia_ignores_a_clock_going_back(void)
{
    Inertia in;
    inertia_start(&in, 2000, 0, 0);
    float dx, dy;
    inertia_step(&in, 100, &dx, &dy);
    CHECK(inertia_step(&in, 50, &dx, &dy));
    CHECK_NEAR(dx, 0, 1e-4); /* nothing but float rounding left over */
}

static void zero_initialised_inertia_is_stopped(void)
{
    Inertia in = {0};
    float dx, dy;
    CHECK(!inertia_active(&in));
    CHECK(!inertia_step(&in, 10, &dx, &dy));
}

int main(void)
{
    RUN(easings_run_from_zero_to_one_and_clamp);
    RUN(easings_are_monotonic);
    RUN(flight_starts_and_ends_exactly_at_the_given_views);
    RUN(flight_path_length_matches_the_paper);
    RUN(flight_path_arrives_continuously);
    RUN(flight_matches_the_papers_unsimplified_formulas);
    RUN(flight_width_stays_positive_and_zooms_out_on_long_pans);
    RUN(flight_has_no_jumps_between_close_samples);
    RUN(flight_with_the_same_centre_is_a_pure_zoom);
    RUN(flight_with_a_negligible_pan_still_lands_exactly);
    RUN(flight_durations_are_between_0_8_and_1_5_seconds);
    RUN(flight_config_overrides_the_timing);
    RUN(reduced_motion_flight_arrives_at_once);
    RUN(flight_to_the_same_view_arrives_at_once);
    RUN(flight_with_bad_input_jumps_instead_of_flying_to_infinity);
    RUN(flight_over_huge_ratios_stays_finite);
    RUN(zoom_anim_eases_out_on_the_log_of_the_scale);
    RUN(zoom_anim_zooms_out_as_evenly_as_in);
    RUN(zoom_anim_with_negative_duration_or_bad_scale_arrives_at_once);
    RUN(inertia_glides_about_v_times_tau);
    RUN(inertia_does_not_depend_on_the_step_rate);
    RUN(inertia_stops_when_speed_falls_below_10_px_s);
    RUN(inertia_keeps_the_fling_direction);
    RUN(slow_release_does_not_glide);
    RUN(inertia_stop_halts_at_once);
    RUN(inertia_ignores_a_clock_going_back);
    RUN(zero_initialised_inertia_is_stopped);
    return TEST_REPORT();
}
