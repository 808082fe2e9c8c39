/* layout.h: where everything goes on screen: regions, event cards in rows
 * above and below the axis, and cluster badges for what does not fit.
 * Pure: text is measured through a TextMeasurer, time through a TimeScale. */
#ifndef FRISE_LAYOUT_H
#define FRISE_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "rank.h"
#include "scale.h"
#include "timeline.h"

/* The inside of a card as offsets from its top edge: the one definition that
 * both the card's height (layout) and its drawing (view) read, so the two
 * cannot disagree at any UI scale. */
typedef struct CardBox {
    float bar_h;                   /* the category colour bar along the top */
    float date_y, date_line_h;
    float title_y, title_line_h;   /* up to card_title_lines lines from title_y */
    float summary_gap;             /* below the title's last line */
    float summary_line_h;
    float thumb_max;               /* side of the image thumbnail at most */
} CardBox;

/* Sizes in pixels, derived from the window and the mode in one place. */
typedef struct LayoutMetrics {
    float ui;                      /* 1.0 = the 1080p design sizes */
    float card_w, card_h, card_pad, card_gap, row_gap, leader_inset;
    float badge_d;                 /* cluster badge diameter (touch target) */
    float lane_h;
    float header_h, overview_h;
    float margin;
    int title_px, card_title_px, summary_px, date_px, axis_px, body_px, panel_title_px, small_px;
    int card_title_lines, card_summary_lines; /* what a card's height is made for */
    int card_title_max_lines;      /* a long title takes summary lines, up to this many */
    CardBox card;
} LayoutMetrics;

typedef enum LayoutStyle { LAYOUT_STYLE_DESKTOP, LAYOUT_STYLE_LARGE } LayoutStyle;

/* Metrics for a window of w x h pixels. LARGE (kiosk, projector) keeps
 * every text at 20 px or more at 1080p and every target at 60 px or more. */
LayoutMetrics layout_metrics(float w, float h, LayoutStyle style, const TextMeasurer *m);

/* The metrics at a given ui (1.0 = the 1080p design sizes), whatever the
 * window: what layout_metrics_scaled gives once it has chosen ui from the
 * window (and capped it for screens). A poster derives ui from its width. */
LayoutMetrics layout_metrics_at_ui(float ui, LayoutStyle style, double text_scale, const TextMeasurer *m);

/* The reader's text size: LAYOUT_TEXT_SCALE_MIN..MAX in steps of
 * LAYOUT_TEXT_SCALE_STEP (Ctrl+plus, Ctrl+minus), 1 by default. */
#define LAYOUT_TEXT_SCALE_MIN 0.75
#define LAYOUT_TEXT_SCALE_MAX 2.0
#define LAYOUT_TEXT_SCALE_STEP 0.125
/* No text is ever drawn smaller than this, whatever the window and the
 * text scale (the LARGE style's own floor is 20 px at 1080p). */
#define LAYOUT_MIN_TEXT_PX 10
/* At the default text size (and above), on the small screens people
 * actually have (1280x720, 1366x768), the timeline's smallest type (dates,
 * axis, era names, badges) and the header's buttons keep to these. */
#define LAYOUT_MIN_READABLE_PX 12
#define LAYOUT_MIN_BUTTON_PX 32

/* text_scale inside the limits, on a step; 0 (or anything not finite) is 1. */
double layout_text_scale_clamp(double text_scale);

/* layout_metrics at a text scale: everything sized for text grows with it
 * (type, cards, badges, lanes, header and overview, the panel through ui),
 * as a browser's zoom does, so text never outgrows its box; the regions
 * then give fewer rows. The LARGE style never goes below text scale 1 (its
 * 20 px floor). */
LayoutMetrics layout_metrics_scaled(float w, float h, LayoutStyle style, double text_scale, const TextMeasurer *m);

/* The screen's regions. */
typedef struct Regions {
    float w, h;
    float header_y1;               /* header: 0 .. header_y1 */
    float content_y0, content_y1;
    float overview_y0, overview_y1;
    float timeline_x0, timeline_x1; /* the timeline area (left of an open panel) */
    float panel_x0;                /* == w when no panel */
    float above_y0, above_y1;      /* card rows above the axis */
    float cluster_y;               /* centre line of the cluster badges */
    float lanes_y0;                /* era lanes start; lane i at lanes_y0 + i * lane_h */
    float axis_y;
    float ticks_y;                 /* top of the tick labels */
    float below_y0, below_y1;      /* card rows below the axis */
    int rows_above, rows_below;
} Regions;

/* panel_w > 0 when a side panel takes the right part. story: the axis block
 * goes to the bottom with no card rows, and the space above (above_y0 ..
 * above_y1) holds one large story card (presentation, kiosk). */
Regions layout_regions(float w, float h, const LayoutMetrics *m, int lane_count, float panel_w, bool story);

/* The height of the block between the card rows above and below the axis:
 * the badges' line, the era lanes, the axis and its labels. */
float layout_axis_block_h(const LayoutMetrics *m, int lane_count);

/* Fills r's vertical arrangement from top_y down: rows_above card rows,
 * the axis block, rows_below card rows (the rows' fields, above_y0 ..
 * below_y1). layout_regions fits the rows to the window with it; a poster,
 * whose height follows from its rows, uses it as it is. */
void layout_stack_rows(Regions *r, const LayoutMetrics *m, int lane_count, float top_y, int rows_above,
                       int rows_below);

/* The top of card row `row` (0 nearest the axis) above or below the axis. */
float layout_row_y(const Regions *r, const LayoutMetrics *m, bool above, int row);

typedef struct LayoutCard {
    int event;                     /* index into Timeline.events */
    float x, y, w, h;
    float anchor_x;                /* the event's date on the axis */
    float span_x1;                 /* end of the span bar (== anchor_x for a point) */
    bool above;
    int row;
} LayoutCard;

typedef struct LayoutCluster {
    float x, y, d;                 /* centre and diameter */
    int count;
    int members_offset;            /* into Layout.members, count entries; -1: range */
    int range_first;               /* bucketed: members are the events from range_first on, */
    int skip_first, skip_count;    /* leaving out Layout.skips[skip_first .. +skip_count] (cards) */
    double from_days, to_days;     /* what "zoom to fit" shows */
    int category;                  /* majority category, -1 when mixed */
} LayoutCluster;

/* A span's bar on the axis, for every span that crosses the screen. */
typedef struct LayoutSpan {
    int event;
    float x0, x1;
} LayoutSpan;

enum { LAYOUT_MAX_SPANS = 512 };

/* Reused frame to frame; free with layout_free. */
typedef struct Layout {
    LayoutCard *cards;
    int card_count, card_cap;
    LayoutCluster *clusters;
    int cluster_count, cluster_cap;
    int *members;
    int member_count, member_cap;
    LayoutSpan spans[LAYOUT_MAX_SPANS];
    int span_count;
    int *skips;                    /* bucketed: events left out of the buckets, ascending */
    int skip_count, skip_cap;
    int story_pin;                 /* story regions: the pinned event, drawn as the story's anchor, or -1 */
    struct LayoutPlacement *placements; /* scratch for layout_build */
    int placement_cap;
    struct LayoutSlot *slots;      /* scratch: the cards placed so far, row by row */
    int slot_cap;
    uint64_t *sort_keys;           /* scratch: candidates in rank order */
    int sort_cap;
    int visible_first, visible_end; /* events whose anchors are in the timeline area */
    bool bucketed;                 /* too many events: grouped by time buckets */
    bool out_of_memory;
} Layout;

/* Above this many events in reach, the layout groups by time buckets
 * (binary searches) instead of placing events one by one. */
enum { LAYOUT_MAX_PLACED = 4096 };

typedef struct LayoutInput {
    const Timeline *tl;
    const TimeScale *scale;
    const LayoutMetrics *m;
    const Regions *r;
    const bool *category_hidden;   /* per category; NULL shows every event */
    const char *only_tag;          /* NULL, or the tag every shown event carries */
    const Rank *rank;              /* NULL: earlier events rank first */
    bool has_pinned;               /* pinned is the open or focused event: */
    int pinned;                    /* placed first, whatever its rank or category */
} LayoutInput;

/* Places cards and clusters for the visible part of the timeline, by rank,
 * as maps place labels (the essay at the top of layout.c). Every shown event
 * whose anchor lies in the timeline area [timeline_x0, timeline_x1] ends up
 * as exactly one card or in exactly one cluster (or, in story regions, the
 * pinned event as story_pin); one too close to an edge for its card to fit
 * is a cluster. An event is in a cluster only when its card fits nowhere
 * beside the cards of the pinned event and of the events ranked above it
 * (bucketed: among the most important few hundred in view). Events of
 * hidden categories are left out, except in bucketed mode, whose badges
 * count every event (counting by category there would cost a pass over the
 * events). */
void layout_build(Layout *out, const LayoutInput *in);
void layout_free(Layout *layout);

/* Hit tests: index of the card / cluster under (x, y), or -1. */
int layout_card_at(const Layout *layout, float x, float y);
int layout_cluster_at(const Layout *layout, float x, float y);
/* The k-th event of a cluster (0 <= k < count). */
int layout_cluster_member(const Layout *layout, const LayoutCluster *c, int k);

/* Card index showing event, or -1. */
int layout_card_of_event(const Layout *layout, int event);

#endif
