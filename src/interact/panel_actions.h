/* panel_actions.h: what the open story's panel does beyond scrolling: its
 * sources' URLs followed in the browser, its citation copied (Ctrl+C), and
 * its image shown large over the whole window. The app does the opening and
 * the copying, asked through the controller's Requests. */
#ifndef FRISE_PANEL_ACTIONS_H
#define FRISE_PANEL_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "controller.h"

/* Sees a gesture before the mode's own handling (explore calls it first;
 * present and kiosk fall back on explore): while the image is shown large
 * it takes every gesture (Esc, any key or a tap closes it); with a story
 * open, Ctrl+C asks the app to copy its citation, a tap on a source's URL
 * or on a link in the story's text asks it to open the URL (never in the kiosk, and only http and https),
 * a tap on the image, or Enter while the story's own card has the focus,
 * shows the image large. Over search's result list, a wheel walks its
 * keyboard row (the list scrolls with it) and a tap on its count keeps it
 * open. True when the gesture was taken. */
bool panel_handle(Controller *c, const Gesture *g);

/* Writes the citation of event into out (cap bytes, always terminated):
 * its title and date, then its sources as text, one a line, each with its
 * URL, in language lang. Returns the length written. */
size_t panel_citation(const Timeline *tl, int event, int lang, char *out, size_t cap);

/* Whether url may be handed to the browser: http:// or https:// and no
 * control characters (a file may say anything; file: or a program's own
 * scheme must not start from a museum wall or a classroom). */
bool panel_url_is_openable(const char *url);

#endif
