/* anim.h: motion as pure functions of time: easing, camera flights, zoom
 * animations and kinetic scrolling. Nothing here reads a clock. */
#ifndef FRISE_ANIM_H
#define FRISE_ANIM_H

#include <stdbool.h>

/* ---- easing ------------------------------------------------------------- */

/* Easing curves over t in [0, 1] (t is clamped; NaN counts as 0). Both map
 * 0 -> 0 and 1 -> 1 exactly. Ease-out starts fast and settles; ease-in-out
 * starts and stops gently. */
double anim_ease_out_cubic(double t);
double anim_ease_in_out_cubic(double t);

/* ---- camera flight (van Wijk & Nuij 2003) --------------------------------- */

/* A zero field means the default. rho 1.4 (the paper's recommended trade-off
 * between zooming out and panning); speed_per_s 2.5 path units (the paper's S)
 * per second, so typical flights last 0.8-1.5 s; min_ms 800, max_ms 1500.
 * reduced_motion: every flight arrives at once. */
typedef struct FlightConfig {
    double rho;
    double speed_per_s;
    double min_ms, max_ms;
    bool reduced_motion;
} FlightConfig;

/* A flight of the view (centre c, width w, in world units: days) from
 * (c0, w0) to (c1, w1) along the optimal zoom-and-pan path. Plain data, owned
 * by the caller; read-only except through the functions below. */
typedef struct Flight {
    double c0, w0, c1, w1;
    double rho;
    double dir;           /* +1 or -1: the direction of travel along c */
    double u1;            /* |c1 - c0| */
    double r0;            /* the paper's r0 */
    double S;             /* path length */
    bool pure_zoom;       /* u1 ~ 0: the paper's limit case */
    double start_ms;
    double duration_ms;   /* 0: arrives at once */
} Flight;

/* Plans a flight starting at now_ms (cfg may be NULL: all defaults). Its
 * duration is clamp(S / speed, min_ms, max_ms), where S is the length of the
 * optimal path; 0 when the views are the same, under reduced_motion, or when
 * an input is not finite or a width is not positive (a bug upstream should
 * not fly the camera to infinity). When c1 ~ c0 the flight is a pure zoom, by
 * the paper's limit formula. */
void flight_start(Flight *f, double c0, double w0, double c1, double w1, double now_ms,
                  const FlightConfig *cfg);

/* Writes the view at now_ms into *c, *w and returns true while the flight is
 * still moving. Exactly (c0, w0) at or before the start, exactly (c1, w1) at or
 * after the end (then false). The path parameter is eased in and out, so the
 * camera starts and stops smoothly. w is always positive. */
bool flight_sample(const Flight *f, double now_ms, double *c, double *w);

/* ---- short zoom (wheel, keys) ------------------------------------------------ */

enum { ANIM_ZOOM_DEFAULT_MS = 220 };

/* A zoom from one scale to another, about a fixed pixel the caller keeps
 * under the same date (anchor_px is only stored for it). */
typedef struct ZoomAnim {
    double from_px_per_day, to_px_per_day;
    double anchor_px;
    double start_ms;
    double duration_ms;
} ZoomAnim;

/* Starts a zoom at now_ms. duration_ms 0 means ANIM_ZOOM_DEFAULT_MS; a
 * negative or non-finite duration, or a scale that is not positive and
 * finite, arrives at once. To retarget mid-way (another wheel notch), start
 * again from the current sample towards the new target: ease-out starts
 * fast, so the zoom answers the new notch at once. */
void zoom_anim_start(ZoomAnim *z, double from_px_per_day, double to_px_per_day, double anchor_px,
                     double now_ms, double duration_ms);

/* Writes the scale at now_ms and returns true while still zooming. The ease
 * (out-cubic) runs on the logarithm of the scale, so each doubling takes the
 * same share of the time and the zoom looks even. Exactly from at the start,
 * exactly to at the end. */
bool zoom_anim_sample(const ZoomAnim *z, double now_ms, double *px_per_day);

/* ---- inertia (kinetic scrolling) ---------------------------------------------- */

#define ANIM_INERTIA_TAU_MS 325.0      /* velocity decays as e^(-t / tau) */
#define ANIM_INERTIA_STOP_PX_S 10.0    /* below this speed it stops */

/* The glide after a fling. Position is analytic,
 * p(t) = v * tau * (1 - e^(-t / tau)), so the path does not depend on how often
 * it is stepped. It stops at the moment speed falls to ANIM_INERTIA_STOP_PX_S,
 * so the whole glide covers v * tau * (1 - stop / |v|): within 3.25 px of
 * v * tau. Zero-initialised means stopped. */
typedef struct Inertia {
    double vx_px_s, vy_px_s;
    double start_ms;
    double stop_after_ms;   /* time from start when speed reaches the stop speed */
    double elapsed_ms;      /* time of the latest step, from start; never goes back */
    double done_x, done_y;  /* displacement handed out so far */
    bool active;
} Inertia;

/* Starts a glide at now_ms with the release velocity. A speed below the stop
 * speed (or not finite) leaves it stopped. */
void inertia_start(Inertia *in, float vx_px_s, float vy_px_s, double now_ms);

/* Writes into *dx, *dy the displacement since the previous step and returns
 * true while gliding. The step that reaches the stop time writes the last
 * remaining bit and returns false; later steps write 0 and return false. */
bool inertia_step(Inertia *in, double now_ms, float *dx, float *dy);

/* Stops at once (a new touch grabs the content). */
void inertia_stop(Inertia *in);

/* True while gliding. */
bool inertia_active(const Inertia *in);

#endif
