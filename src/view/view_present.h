/* view_present.h: what presenting and the kiosk add to the screen, and the
 * one definition of where each of those things is, which drawing and the
 * modes' hit-testing both read: the presented story card (sized to its
 * content and the room it has), the title and end slides, the chooser that
 * F5 opens, the quit confirmation and the kiosk's Home button. */
#ifndef FRISE_VIEW_PRESENT_H
#define FRISE_VIEW_PRESENT_H

#include "view.h"

/* Text sizes and spacing scaled by k for a presented card or slide; the
 * range the fitting searches, from the metrics' own sizes. */
#define VIEW_PRESENT_SCALE_MIN 0.45f
#define VIEW_PRESENT_SCALE_MAX 1.9f

/* An input whose metrics have their text sizes and spacing scaled by k:
 * cards and slides read from afar grow or shrink their type to their room. */
typedef struct ViewScaled {
    LayoutMetrics m;
    ViewInput in;              /* in.metrics points at m: do not copy a ViewScaled */
} ViewScaled;
void view_scale_input(ViewScaled *s, const ViewInput *in, float k);

/* The presented story card: the rectangle it takes in the room the chrome
 * gives it (chrome.panel), and the scale of its text (1 = the metrics'
 * sizes), the largest at which everything fits; the text is scaled down
 * before anything is left out. w == 0 when no story is presented. When the
 * story is expanded, the card is the whole content area. */
typedef struct PresentedCard {
    Rect box;
    float scale;
    int parts;                 /* what it shows besides the title and summary (view_panel.c) */
    float overflow_px;         /* the expanded story's height beyond its card: how far it scrolls */
} PresentedCard;
PresentedCard view_presented_card(const ViewInput *in);

/* The expanded story keeps its type at least this scale, and scrolls when
 * it is still too long: a whole story in 9 px helps nobody at the back. */
#define VIEW_PRESENT_WHOLE_MIN_SCALE 0.75f

/* The title or end slide's card (w == 0 when none). */
Rect view_slide_card(const ViewInput *in);

/* The chooser's rows: one per tour, then "every event in date order". */
int view_chooser_row_count(const Timeline *tl);
/* Where row is drawn and tapped (w == 0 when out of range). */
Rect view_chooser_row(const Timeline *tl, const Regions *r, const LayoutMetrics *m, int row);

/* The kiosk's Home button: large, low on the left, in a visitor's reach,
 * at least 64 px high whatever the window (w == 0 outside the kiosk). */
Rect view_home_button(const ViewState *s, const Regions *r, const LayoutMetrics *m);

/* Drawing (view_slides.c), called by view_draw_overlays. */
void view_draw_slide(DrawList *dl, const ViewInput *in);
void view_draw_chooser(DrawList *dl, const ViewInput *in);
void view_draw_quit_confirm(DrawList *dl, const ViewInput *in);
void view_draw_home_button(DrawList *dl, const ViewInput *in);

#endif
