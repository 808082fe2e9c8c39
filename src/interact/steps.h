/* steps.h: the steps of a tour, or of every event in date order when there
 * is no tour: what presenting and the kiosk's attract loop walk through. */
#ifndef FRISE_STEPS_H
#define FRISE_STEPS_H

#include "timeline.h"

/* A walk through one tour. tour is an index into tl->tours, or -1 for every
 * event in date order; current is 0-based, -1 before the first step. */
typedef struct Stepper {
    int tour;
    int current;
    double step_started_ms;
} Stepper;

int steps_count(const Timeline *tl, int tour);
/* The event step shows, or -1 for a view step (or a step out of range). */
int steps_event(const Timeline *tl, int tour, int step);
/* The step's caption, or NULL. */
const Text *steps_caption(const Timeline *tl, int tour, int step);
/* How long the attract loop shows the step. */
double steps_duration_ms(const Timeline *tl, int tour, int step);
/* The range the step shows: its view, or its event with some context around
 * it; the home range (home_from, home_to) when it has neither. */
void steps_range(const Timeline *tl, int tour, int step, double home_from, double home_to, double *from_days,
                 double *to_days);
/* The first step showing event, or -1. */
int steps_find_event(const Timeline *tl, int tour, int event);

#endif
