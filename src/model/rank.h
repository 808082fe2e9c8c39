/* rank.h: which events deserve a card first when the screen cannot hold
 * them all, as maps label capitals before villages. Derived once per
 * timeline from what the file says; pure, no allocation after rank_build.
 *
 * The rule, compared in this order (the first difference decides):
 *   1. certainty: an unverified claim never outranks a confirmed or a
 *      disputed event, whatever importance the file gives it;
 *   2. importance: the file's `importance` (1..5) when it gives one, else a
 *      derived one, 2 to start with, +1 for a step of a tour, +1 for a body
 *      with at least two sources, -1 when disputed, kept within 1..4 (so a
 *      derived importance never reaches a curator's 5);
 *   3. evidence: a step of a tour (8), a body (4), then the sources (up to 3);
 *   4. a span's length, coarsely (doubling steps from a month): a long span
 *      is the context of the events inside it;
 *   5. a hash of the id: equals are spread over time, not won by the
 *      earliest, and the order does not change when events are added;
 *   6. the event's index. The order is total. */
#ifndef FRISE_RANK_H
#define FRISE_RANK_H

#include <stdbool.h>

#include "timeline.h"

typedef struct Rank {
    int *order;                   /* event indices, most important first */
    int *position;                /* position[e]: where event e stands in order (0 = first) */
    int count;                    /* == the timeline's event_count once built */
} Rank;

/* Ranks every event of tl. Returns false when memory runs out (the rank is
 * then empty, and layout falls back on time order). Free with rank_free. */
bool rank_build(Rank *r, const Timeline *tl);
void rank_free(Rank *r);

/* The importance that ranks event e (1..5): the file's, else the derived one
 * described above. in_tour: whether e is a step of a tour. */
int rank_importance(const Event *ev, bool in_tour);

/* True when event a ranks before (above) event b. Without a rank (NULL or
 * empty), earlier events rank first. */
bool rank_above(const Rank *r, int a, int b);

#endif
