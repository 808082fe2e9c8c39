/* platform.h: the whole of what the application asks of the machine, with no
 * SDL in sight: a window (or a headless surface), its input as plain
 * InputEvents, text measurement, drawing a draw list, and PNG output. The
 * SDL implementation is platform.c; nothing outside src/platform includes SDL. */
#ifndef FRISE_PLATFORM_H
#define FRISE_PLATFORM_H

#include <stdbool.h>

#include "drawlist.h"
#include "input.h"

typedef struct Platform Platform;

/* Window sizes: the smallest the layout is designed for, and a side that
 * keeps a 32-bit software surface within SDL's int pixel offsets. */
enum { PLATFORM_MIN_W = 800, PLATFORM_MIN_H = 600, PLATFORM_MAX_SIDE = 8192 };

typedef struct PlatformDesc {
    int w, h;                    /* the window (or surface) in pixels */
    bool headless;               /* draw into a software surface: no display needed */
    bool fullscreen;
    bool kiosk;                  /* full screen and no cursor */
    const char *font_dir;        /* NotoSans-*.ttf and NotoSansKhmer-*.ttf */
    const char *title;
} PlatformDesc;

/* Opens the window or the surface, with its renderer and fonts; NULL (with
 * the reason logged) on failure. The caller frees it with platform_destroy. */
Platform *platform_create(const PlatformDesc *desc);
void platform_destroy(Platform *p);

/* Measures text with the platform's fonts; valid while p lives. */
TextMeasurer platform_measurer(Platform *p);

/* The drawable size in pixels (HiDPI windows have more pixels than points). */
void platform_size(const Platform *p, int *w, int *h);

/* The milliseconds clock that live input is stamped with. */
double platform_now_ms(void);

/* What one wait brought. */
enum { PLATFORM_MAX_EVENTS = 64 };
typedef struct PlatformInput {
    InputEvent events[PLATFORM_MAX_EVENTS];
    int count;
    bool terminate;              /* SIGTERM or SIGINT: quit whatever the mode says */
    bool focus_lost;             /* lifts may be lost: forget pointers held down */
    bool redraw;                 /* the window was exposed or resized */
    char dropped[4096];          /* a file dropped on the window ("" when none); the last one wins */
} PlatformInput;

/* Waits up to timeout_ms (negative: until something happens) and takes all
 * that is pending. A window close request (Alt+F4) arrives as INPUT_QUIT, a
 * new size as INPUT_RESIZE. */
void platform_wait(Platform *p, int timeout_ms, PlatformInput *in);

/* Draws dl over background and shows it (headless: keeps it for a PNG). */
void platform_draw(Platform *p, const DrawList *dl, Colour background);
/* Writes what was last drawn as a PNG; false (logged) on failure. */
bool platform_save_png(Platform *p, const char *path);

/* A poster: dl, in w x h pixels, drawn over background and written to path
 * as an RGB PNG; h may be far taller than any surface could be, since it is
 * drawn in strips of the full width (64 MB each at most) and written row by
 * row. Needs no window (any platform, headless or not). False, logged, and
 * no file left behind on failure. */
enum { PLATFORM_POSTER_MAX_W = 32768, PLATFORM_POSTER_MAX_H = 1 << 24 };
bool platform_write_poster_png(Platform *p, const DrawList *dl, Colour background, int w, int h, const char *path);

/* Headless only: a new surface of w x h, with the caches that belong to it
 * (the measurer changes: ask platform_measurer again). */
bool platform_resize_headless(Platform *p, int w, int h);

void platform_set_title(Platform *p, const char *title);
void platform_toggle_fullscreen(Platform *p);

/* Opens url in the reader's browser (SDL_OpenURL). Refused (false, logged)
 * in the kiosk, which never leaves its window, and headless, where nobody
 * would see it; the caller checks the scheme (panel_url_is_openable). */
bool platform_open_url(Platform *p, const char *url);
/* Puts UTF-8 text on the system clipboard; false (logged) on failure and
 * headless (logged with the text, so that tests can read it). */
bool platform_set_clipboard(Platform *p, const char *text);

/* ---- a second window, for the presenter ---------------------------------------------
 * Keys typed in either window come through platform_wait as one stream, so
 * a clicker works whichever has the focus; pointer input on the second
 * window is not passed on (its coordinates are not the timeline's). Closing
 * it closes only it. Headless, it is a second surface for PNGs. */

/* How many displays are connected (1 when headless or unknown). */
int platform_display_count(const Platform *p);
/* Opens the second window, w x h, on the second display when there is one
 * (else beside the first); false (logged) on failure. */
bool platform_open_second(Platform *p, int w, int h, const char *title);
/* True while the second window is open. */
bool platform_has_second(const Platform *p);
void platform_close_second(Platform *p);
TextMeasurer platform_second_measurer(Platform *p);
void platform_second_size(const Platform *p, int *w, int *h);
void platform_draw_second(Platform *p, const DrawList *dl, Colour background);
bool platform_save_second_png(Platform *p, const char *path);

#endif
