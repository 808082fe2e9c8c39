/* camera.h: what part of time the screen shows, and how it moves there.
 *
 * The camera is a TimeScale plus the one motion that may be driving it: a
 * short eased zoom (wheel, keys), a flight (home, badges, steps: van Wijk &
 * Nuij), or inertia after a fling. Starting any motion, or moving the view by
 * hand, stops the others, so the content is always under the user's hand.
 * Time is an input: every call that starts or samples a motion takes now_ms. */
#ifndef FRISE_CAMERA_H
#define FRISE_CAMERA_H

#include <stdbool.h>

#include "anim.h"
#include "scale.h"

typedef enum CameraMotion { CAMERA_STILL, CAMERA_ZOOMING, CAMERA_FLYING, CAMERA_GLIDING } CameraMotion;

typedef struct Camera {
    TimeScale scale;
    ScaleLimits limits;          /* from the timeline's extent and the area's width */
    double min_days, max_days;   /* the timeline's extent */
    bool reduced_motion;         /* jumps instead of animating */
    CameraMotion motion;
    ZoomAnim zoom;
    double zoom_target_ppd;      /* wheel notches add up towards it */
    Flight flight;
    Inertia inertia;
} Camera;

/* A still camera over [min_days, max_days] drawn in width_px from x0_px. */
void camera_init(Camera *cam, double min_days, double max_days, double x0_px, double width_px, bool reduced_motion);

/* The screen area changed (window, panel): keeps the centre, re-derives the limits. */
void camera_set_area(Camera *cam, double x0_px, double width_px);

/* Shows [from, to] at once. */
void camera_set_view(Camera *cam, double from_days, double to_days);
/* Flies to [from, to] (at once with reduced motion). */
void camera_fly_to(Camera *cam, double from_days, double to_days, double now_ms);
/* Eased zoom by factor about anchor_px; repeated calls accumulate. */
void camera_zoom_by(Camera *cam, double factor, double anchor_px, double now_ms);
/* Moves the content dx_px to the right (a drag of dx_px). */
void camera_pan_by(Camera *cam, double dx_px);
/* Two fingers: pan by dx_px, then zoom by factor about x_px, exactly under the fingers. */
void camera_pinch(Camera *cam, double dx_px, double factor, double x_px);
/* Keeps the width and puts t_days in the middle. */
void camera_centre_on(Camera *cam, double t_days);
/* Glides on after a fling at vx_px_s (not with reduced motion). */
void camera_fling(Camera *cam, float vx_px_s, double now_ms);
/* Stops whatever moves, where it is. */
void camera_stop(Camera *cam);

/* Advances the motion to now_ms; true while something still moves. */
bool camera_update(Camera *cam, double now_ms);

#endif
