/* steps.c: a tour's steps, or every event's (see steps.h). */
#include "steps.h"

#include <math.h>

static const Tour *tour_of(const Timeline *tl, int tour)
{
    return tour >= 0 && tour < tl->tour_count ? &tl->tours[tour] : NULL;
}

int steps_count(const Timeline *tl, int tour)
{
    const Tour *t = tour_of(tl, tour);
    return t ? t->step_count : tl->event_count;
}

static const TourStep *tour_step(const Timeline *tl, int tour, int step)
{
    const Tour *t = tour_of(tl, tour);
    return t && step >= 0 && step < t->step_count ? &t->steps[step] : NULL;
}

int steps_event(const Timeline *tl, int tour, int step)
{
    if (step < 0 || step >= steps_count(tl, tour)) return -1;
    const TourStep *s = tour_step(tl, tour, step);
    return s ? s->event : step;
}

const Text *steps_caption(const Timeline *tl, int tour, int step)
{
    const TourStep *s = tour_step(tl, tour, step);
    return s ? &s->caption : NULL;
}

double steps_duration_ms(const Timeline *tl, int tour, int step)
{
    const TourStep *s = tour_step(tl, tour, step);
    return s ? s->duration_s * 1000.0 : 8000.0;
}

void steps_range(const Timeline *tl, int tour, int step, double home_from, double home_to, double *from_days,
                 double *to_days)
{
    const TourStep *s = tour_step(tl, tour, step);
    int event = steps_event(tl, tour, step);
    if (event < 0) {
        *from_days = s ? s->from_days : home_from;
        *to_days = s ? s->to_days : home_to;
        return;
    }
    /* The event in the middle, with its neighbourhood for context. */
    const Event *ev = &tl->events[event];
    double extent = tl->max_days - tl->min_days;
    double width = fmax((ev->end_days - ev->start_days) * 1.8, fmax(extent / 12, 30));
    double centre = ev->has_end ? (ev->start_days + ev->end_days) / 2 : ev->start_days;
    *from_days = centre - width / 2;
    *to_days = centre + width / 2;
}

int steps_find_event(const Timeline *tl, int tour, int event)
{
    int n = steps_count(tl, tour);
    for (int i = 0; i < n; i++)
        if (steps_event(tl, tour, i) == event) return i;
    return -1;
}
