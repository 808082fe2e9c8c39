/* scale.h: the time scale (time <-> pixels), zoom about an anchor, pan,
 * limits, and the axis ticks for the current zoom in the current language. */
#ifndef FRISE_SCALE_H
#define FRISE_SCALE_H

#include <stdbool.h>

#include "drawlist.h"

/* x_px = x0_px + (t_days - t0_days) * px_per_day, for x in [x0, x0 + width). */
typedef struct TimeScale {
    double t0_days;       /* the time at x0_px */
    double px_per_day;
    double x0_px;         /* left edge of the timeline area */
    double width_px;
} TimeScale;

/* What the scale may show: the pan range and the zoom range. */
typedef struct ScaleLimits {
    double min_days, max_days;      /* the view stays within this range */
    double min_px_per_day;          /* zoomed out: the whole range plus margins */
    double max_px_per_day;          /* zoomed in: about one day across the area */
} ScaleLimits;

double scale_time_to_px(const TimeScale *s, double t_days);
double scale_px_to_time(const TimeScale *s, double x_px);

/* Left and right edge times of the area. */
double scale_left_days(const TimeScale *s);
double scale_right_days(const TimeScale *s);
double scale_center_days(const TimeScale *s);
double scale_width_days(const TimeScale *s);

/* Multiplies px_per_day by factor, keeping the time under anchor_px fixed. */
void scale_zoom_at(TimeScale *s, double factor, double anchor_px);
/* Moves the content by dx_px (positive: content moves right, earlier times show). */
void scale_pan(TimeScale *s, double dx_px);
/* Shows [from, to] across the whole area. */
void scale_fit(TimeScale *s, double from_days, double to_days);
/* Shows width_days centred on center_days. */
void scale_set_center_width(TimeScale *s, double center_days, double width_days);
/* Changes the area (resize, side panel) keeping the centre time and zoom. */
void scale_set_area(TimeScale *s, double x0_px, double width_px);

/* The shortest extent a timeline is shown over: a timeline of one event or
 * one day gets a day either side of it. */
#define SCALE_MIN_EXTENT_DAYS 3.0

/* Limits for a timeline extent (at least SCALE_MIN_EXTENT_DAYS, about its
 * middle): zoomed out, the extent plus 5% on each side fills the area;
 * zoomed in, one day does. */
ScaleLimits scale_limits_for(double min_days, double max_days, double width_px);
/* Pulls the scale back inside the limits (zoom first, then pan). Returns
 * true when it changed anything. */
bool scale_clamp(TimeScale *s, const ScaleLimits *limits);

/* ---- ticks --------------------------------------------------------------- */

typedef enum TickLevel {
    TICK_MAJOR,     /* bold label: decades over years, years over months ... */
    TICK_MINOR,     /* regular label */
    TICK_SUB        /* unlabelled small tick */
} TickLevel;

enum { TICK_LABEL_MAX = 64, SCALE_MAX_TICKS = 512 };

typedef struct Tick {
    double t_days;
    float x_px;
    TickLevel level;
    char label[TICK_LABEL_MAX];
} Tick;

/* Axis ticks for the visible range, labels in lang, measured with m so that
 * no two labels overlap (at least gap_px apart). Writes at most cap ticks
 * in increasing x and returns the count. */
int scale_ticks(const TimeScale *s, const char *lang, const TextMeasurer *m, FontFace face, int size_px,
                float gap_px, Tick *out, int cap);

#endif
