/* anim.c: easing, van Wijk & Nuij camera flights, log-scale zooms and inertia. */
#include "anim.h"

#include <math.h>

/* ---- easing ------------------------------------------------------------- */

static double clamp01(double t)
{
    if (!(t > 0.0)) /* also NaN */
        return 0.0;
    return t < 1.0 ? t : 1.0;
}

double anim_ease_out_cubic(double t)
{
    double u = 1.0 - clamp01(t);
    return 1.0 - u * u * u;
}

double anim_ease_in_out_cubic(double t)
{
    t = clamp01(t);
    if (t < 0.5)
        return 4.0 * t * t * t;
    double u = -2.0 * t + 2.0;
    return 1.0 - u * u * u / 2.0;
}

/* ---- camera flight --------------------------------------------------------- */

#define FLIGHT_DEFAULT_RHO 1.4
#define FLIGHT_DEFAULT_SPEED_PER_S 2.5
#define FLIGHT_DEFAULT_MIN_MS 800.0
#define FLIGHT_DEFAULT_MAX_MS 1500.0
/* Below this pan (relative to the widths) the general formulas divide by
 * almost zero, so the flight is a pure zoom; the leftover pan is far below a
 * pixel and is simply blended in. */
#define FLIGHT_PURE_ZOOM_REL 1e-6
/* Views closer than this along the path are the same view: nothing to fly. */
#define FLIGHT_MIN_S 1e-9

static double or_default(double v, double def)
{
    return v > 0 ? v : def; /* also catches NaN */
}

/* cosh(a) / cosh(b), without overflow for large arguments. */
static double cosh_ratio(double a, double b)
{
    double aa = fabs(a), ab = fabs(b);
    return exp(aa - ab) * (1.0 + exp(-2.0 * aa)) / (1.0 + exp(-2.0 * ab));
}

/* sinh(a) / cosh(b), without overflow for large arguments. */
static double sinh_cosh_ratio(double a, double b)
{
    double aa = fabs(a), ab = fabs(b);
    double r = exp(aa - ab) * (1.0 - exp(-2.0 * aa)) / (1.0 + exp(-2.0 * ab));
    return a < 0 ? -r : r;
}

/* Fills rho, u1, r0, S. Works in units of w0 so that squares stay small. */
static void flight_plan_path(Flight *f)
{
    double rho = f->rho, rho2 = rho * rho;
    double W1 = f->w1 / f->w0, U = f->u1 / f->w0;
    if (f->u1 <= FLIGHT_PURE_ZOOM_REL * fmax(f->w0, f->w1)) {
        /* The paper's limit u0 == u1: S = |ln(w1 / w0)| / rho. */
        f->pure_zoom = true;
        f->S = fabs(log(W1)) / rho;
        return;
    }
    double b0 = (W1 * W1 - 1.0 + rho2 * rho2 * U * U) / (2.0 * rho2 * U);
    double b1 = (W1 * W1 - 1.0 - rho2 * rho2 * U * U) / (2.0 * W1 * rho2 * U);
    /* r = ln(-b + sqrt(b^2 + 1)) = -asinh(b), which does not cancel for large b. */
    f->r0 = -asinh(b0);
    f->S = (-asinh(b1) - f->r0) / rho;
}

static bool flight_inputs_ok(double c0, double w0, double c1, double w1, double now_ms)
{
    return isfinite(c0) && isfinite(c1) && isfinite(w0) && isfinite(w1) && isfinite(now_ms) &&
           w0 > 0 && w1 > 0;
}

void flight_start(Flight *f, double c0, double w0, double c1, double w1, double now_ms,
                  const FlightConfig *cfg)
{
    FlightConfig c = {0};
    if (cfg)
        c = *cfg;
    *f = (Flight){0};
    f->c0 = c0;
    f->w0 = w0;
    f->c1 = c1;
    f->w1 = w1;
    f->start_ms = now_ms;
    f->rho = or_default(c.rho, FLIGHT_DEFAULT_RHO);
    f->dir = c1 >= c0 ? 1.0 : -1.0;
    f->u1 = fabs(c1 - c0);
    if (c.reduced_motion || !flight_inputs_ok(c0, w0, c1, w1, now_ms))
        return; /* duration 0: arrive at once */
    flight_plan_path(f);
    if (!(f->S > FLIGHT_MIN_S))
        return;
    double speed = or_default(c.speed_per_s, FLIGHT_DEFAULT_SPEED_PER_S);
    double min_ms = or_default(c.min_ms, FLIGHT_DEFAULT_MIN_MS);
    double max_ms = fmax(min_ms, or_default(c.max_ms, FLIGHT_DEFAULT_MAX_MS));
    f->duration_ms = fmin(fmax(f->S / speed * 1000.0, min_ms), max_ms);
}

/* The view at eased progress e in (0, 1). */
static void flight_view_at(const Flight *f, double e, double *c, double *w)
{
    if (f->pure_zoom) {
        /* w0 * e^(k rho s) with s = e S is w0 * (w1 / w0)^e. */
        *w = f->w0 * pow(f->w1 / f->w0, e);
        *c = f->c0 + (f->c1 - f->c0) * e;
        return;
    }
    double rs = f->rho * e * f->S;
    /* u(s) = w0/rho^2 (cosh r0 tanh(rho s + r0) - sinh r0), rewritten with
     * sinh(a - b) = sinh a cosh b - cosh a sinh b as
     * w0/rho^2 sinh(rho s) / cosh(rho s + r0): no cancellation of big terms. */
    double u = f->w0 / (f->rho * f->rho) * sinh_cosh_ratio(rs, rs + f->r0);
    *c = f->c0 + f->dir * u;
    *w = f->w0 * cosh_ratio(f->r0, rs + f->r0);
}

bool flight_sample(const Flight *f, double now_ms, double *c, double *w)
{
    double end_ms = f->start_ms + f->duration_ms;
    if (!(f->duration_ms > 0) || now_ms >= end_ms) {
        *c = f->c1;
        *w = f->w1;
        return false;
    }
    if (!(now_ms > f->start_ms)) {
        *c = f->c0;
        *w = f->w0;
        return true;
    }
    double e = anim_ease_in_out_cubic((now_ms - f->start_ms) / f->duration_ms);
    flight_view_at(f, e, c, w);
    return true;
}

/* ---- short zoom ------------------------------------------------------------------ */

static bool is_scale(double px_per_day)
{
    return isfinite(px_per_day) && px_per_day > 0;
}

void zoom_anim_start(ZoomAnim *z, double from_px_per_day, double to_px_per_day, double anchor_px,
                     double now_ms, double duration_ms)
{
    z->from_px_per_day = from_px_per_day;
    z->to_px_per_day = to_px_per_day;
    z->anchor_px = anchor_px;
    z->start_ms = now_ms;
    z->duration_ms = duration_ms == 0 ? ANIM_ZOOM_DEFAULT_MS : duration_ms;
    if (!(z->duration_ms > 0) || !isfinite(z->duration_ms) || !isfinite(now_ms) ||
        !is_scale(from_px_per_day) || !is_scale(to_px_per_day))
        z->duration_ms = 0;
}

bool zoom_anim_sample(const ZoomAnim *z, double now_ms, double *px_per_day)
{
    if (!(z->duration_ms > 0) || now_ms >= z->start_ms + z->duration_ms) {
        *px_per_day = z->to_px_per_day;
        return false;
    }
    if (!(now_ms > z->start_ms)) {
        *px_per_day = z->from_px_per_day;
        return true;
    }
    double k = anim_ease_out_cubic((now_ms - z->start_ms) / z->duration_ms);
    *px_per_day = z->from_px_per_day * pow(z->to_px_per_day / z->from_px_per_day, k);
    return true;
}

/* ---- inertia ------------------------------------------------------------------------ */

void inertia_start(Inertia *in, float vx_px_s, float vy_px_s, double now_ms)
{
    *in = (Inertia){0};
    double speed = hypot(vx_px_s, vy_px_s);
    if (!(speed >= ANIM_INERTIA_STOP_PX_S) || !isfinite(speed) || !isfinite(now_ms))
        return;
    in->vx_px_s = vx_px_s;
    in->vy_px_s = vy_px_s;
    in->start_ms = now_ms;
    /* speed * e^(-t / tau) == stop  <=>  t = tau * ln(speed / stop) */
    in->stop_after_ms = ANIM_INERTIA_TAU_MS * log(speed / ANIM_INERTIA_STOP_PX_S);
    in->active = true;
}

bool inertia_step(Inertia *in, double now_ms, float *dx, float *dy)
{
    *dx = *dy = 0.0f;
    if (!in->active)
        return false;
    double t = now_ms - in->start_ms;
    if (t > in->elapsed_ms) /* also ignores NaN and clocks that go back */
        in->elapsed_ms = t;
    bool done = in->elapsed_ms >= in->stop_after_ms;
    if (done)
        in->elapsed_ms = in->stop_after_ms;
    /* p(t) = v * tau * (1 - e^(-t / tau)), with tau in seconds for px/s. */
    double reach_s = ANIM_INERTIA_TAU_MS / 1000.0 * -expm1(-in->elapsed_ms / ANIM_INERTIA_TAU_MS);
    /* Hand out the difference to what was handed out (as floats), so the
     * caller's sum of steps lands on p(t) whatever the step rate. */
    *dx = (float)(in->vx_px_s * reach_s - in->done_x);
    *dy = (float)(in->vy_px_s * reach_s - in->done_y);
    in->done_x += *dx;
    in->done_y += *dy;
    if (done)
        in->active = false;
    return !done;
}

void inertia_stop(Inertia *in)
{
    in->active = false;
}

bool inertia_active(const Inertia *in)
{
    return in->active;
}
