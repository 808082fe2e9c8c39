/* camera.c: the TimeScale and its three motions (see camera.h). */
#include "camera.h"

#include <math.h>

void camera_init(Camera *cam, double min_days, double max_days, double x0_px, double width_px, bool reduced_motion)
{
    *cam = (Camera){0};
    cam->scale = (TimeScale){0, 1, 0, width_px};
    cam->min_days = min_days;
    cam->max_days = max_days;
    cam->reduced_motion = reduced_motion;
    camera_set_area(cam, x0_px, width_px);
}

void camera_set_area(Camera *cam, double x0_px, double width_px)
{
    scale_set_area(&cam->scale, x0_px, width_px);
    cam->limits = scale_limits_for(cam->min_days, cam->max_days, cam->scale.width_px);
    scale_clamp(&cam->scale, &cam->limits);
}

void camera_stop(Camera *cam)
{
    inertia_stop(&cam->inertia);
    cam->motion = CAMERA_STILL;
}

void camera_set_view(Camera *cam, double from_days, double to_days)
{
    camera_stop(cam);
    scale_fit(&cam->scale, from_days, to_days);
    scale_clamp(&cam->scale, &cam->limits);
}

static bool step_flight(Camera *cam, double now_ms)
{
    double centre, width;
    bool running = flight_sample(&cam->flight, now_ms, &centre, &width);
    scale_set_center_width(&cam->scale, centre, width);
    scale_clamp(&cam->scale, &cam->limits);
    return running;
}

static bool step_zoom(Camera *cam, double now_ms)
{
    double ppd;
    bool running = zoom_anim_sample(&cam->zoom, now_ms, &ppd);
    scale_zoom_at(&cam->scale, ppd / cam->scale.px_per_day, cam->zoom.anchor_px);
    scale_clamp(&cam->scale, &cam->limits);
    return running;
}

static bool step_glide(Camera *cam, double now_ms)
{
    float dx, dy;
    bool running = inertia_step(&cam->inertia, now_ms, &dx, &dy);
    scale_pan(&cam->scale, dx);
    scale_clamp(&cam->scale, &cam->limits);
    return running;
}

void camera_fly_to(Camera *cam, double from_days, double to_days, double now_ms)
{
    camera_stop(cam);
    TimeScale target = cam->scale;
    scale_fit(&target, from_days, to_days);
    scale_clamp(&target, &cam->limits);
    FlightConfig cfg = {.reduced_motion = cam->reduced_motion};
    flight_start(&cam->flight, scale_center_days(&cam->scale), scale_width_days(&cam->scale),
                 scale_center_days(&target), scale_width_days(&target), now_ms, &cfg);
    cam->motion = CAMERA_FLYING;
    camera_update(cam, now_ms); /* the first sample, so a zero-length flight lands now */
}

void camera_zoom_by(Camera *cam, double factor, double anchor_px, double now_ms)
{
    bool zooming = cam->motion == CAMERA_ZOOMING;
    double from = cam->scale.px_per_day;
    double target = (zooming ? cam->zoom_target_ppd : from) * factor;
    target = fmin(fmax(target, cam->limits.min_px_per_day), cam->limits.max_px_per_day);
    camera_stop(cam);
    cam->zoom_target_ppd = target;
    zoom_anim_start(&cam->zoom, from, target, anchor_px, now_ms, cam->reduced_motion ? 0 : ANIM_ZOOM_DEFAULT_MS);
    cam->motion = CAMERA_ZOOMING;
    camera_update(cam, now_ms);
}

void camera_pan_by(Camera *cam, double dx_px)
{
    scale_pan(&cam->scale, dx_px);
    scale_clamp(&cam->scale, &cam->limits);
}

void camera_pinch(Camera *cam, double dx_px, double factor, double x_px)
{
    camera_stop(cam);
    camera_pan_by(cam, dx_px);
    /* The limit applies to the factor, so that at the limit the date under
     * the fingers stays there instead of sliding to the centre. */
    double ppd = cam->scale.px_per_day;
    double target = fmin(fmax(ppd * factor, cam->limits.min_px_per_day), cam->limits.max_px_per_day);
    scale_zoom_at(&cam->scale, target / ppd, x_px);
    scale_clamp(&cam->scale, &cam->limits);
}

void camera_centre_on(Camera *cam, double t_days)
{
    double width = scale_width_days(&cam->scale);
    scale_fit(&cam->scale, t_days - width / 2, t_days + width / 2);
    scale_clamp(&cam->scale, &cam->limits);
}

void camera_fling(Camera *cam, float vx_px_s, double now_ms)
{
    if (cam->reduced_motion) return;
    camera_stop(cam);
    inertia_start(&cam->inertia, vx_px_s, 0, now_ms);
    cam->motion = inertia_active(&cam->inertia) ? CAMERA_GLIDING : CAMERA_STILL;
}

bool camera_update(Camera *cam, double now_ms)
{
    bool running = false;
    switch (cam->motion) {
    case CAMERA_STILL: return false;
    case CAMERA_ZOOMING: running = step_zoom(cam, now_ms); break;
    case CAMERA_FLYING: running = step_flight(cam, now_ms); break;
    case CAMERA_GLIDING: running = step_glide(cam, now_ms); break;
    }
    if (!running) cam->motion = CAMERA_STILL;
    return running;
}
