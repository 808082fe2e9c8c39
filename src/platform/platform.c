/* platform.c: the SDL side of platform.h: window or headless surface,
 * renderer, fonts, events, PNG output.
 *
 * Headless runs draw into a software surface through SDL's software
 * renderer: no display, deterministic pixels, and the fastest path on
 * machines without a GPU. A live window asks for an accelerated renderer
 * with vsync and falls back to software. */
#include "platform.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input_sdl.h"
#include "pngwrite.h"
#include "render.h"
#include "text.h"

/* One drawing target: a window, or a surface when headless, with the
 * renderer, fonts and caches that belong to it. */
typedef struct Screen {
    SDL_Window *window;
    SDL_Surface *surface;        /* headless target */
    SDL_Renderer *sdl;
    TextSystem *text;
    Renderer *render;
    int w, h;                    /* drawable pixels */
} Screen;

struct Platform {
    PlatformDesc desc;
    char font_dir[4096];
    Screen main;
    Screen second;               /* the presenter's; all NULL when closed */
    InputMapper input;
    bool close_requested;        /* a window close event came before SDL_QUIT */
};

/* ---- setup ----------------------------------------------------------------------- */

static bool create_headless(Screen *sc)
{
    sc->surface = SDL_CreateRGBSurfaceWithFormat(0, sc->w, sc->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!sc->surface) {
        SDL_Log("SDL_CreateRGBSurfaceWithFormat failed: %s", SDL_GetError());
        return false;
    }
    sc->sdl = SDL_CreateSoftwareRenderer(sc->surface);
    if (!sc->sdl) SDL_Log("SDL_CreateSoftwareRenderer failed: %s", SDL_GetError());
    return sc->sdl != NULL;
}

static Uint32 window_flags(const PlatformDesc *d)
{
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (d->fullscreen || d->kiosk) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    return flags;
}

/* A window at (x, y) with a renderer: accelerated with vsync, else software. */
static bool create_window(Screen *sc, const char *title, int x, int y, Uint32 flags)
{
    sc->window = SDL_CreateWindow(title, x, y, sc->w, sc->h, flags);
    if (!sc->window) {
        SDL_Log("SDL_CreateWindow failed: %s", SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(sc->window, PLATFORM_MIN_W, PLATFORM_MIN_H);
    sc->sdl = SDL_CreateRenderer(sc->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!sc->sdl) sc->sdl = SDL_CreateRenderer(sc->window, -1, SDL_RENDERER_SOFTWARE);
    if (!sc->sdl) SDL_Log("SDL_CreateRenderer failed: %s", SDL_GetError());
    return sc->sdl != NULL;
}

static bool open_video(void)
{
    if (SDL_WasInit(SDL_INIT_VIDEO)) return true;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        SDL_Log("SDL_Init failed: %s", SDL_GetError());
        return false;
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    return true;
}

static bool create_main_window(Platform *p)
{
    if (!open_video()) return false;
    const char *title = p->desc.title ? p->desc.title : "Frise";
    if (!create_window(&p->main, title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, window_flags(&p->desc)))
        return false;
    if (p->desc.kiosk) SDL_ShowCursor(SDL_DISABLE);
    SDL_StartTextInput();
    return true;
}

/* Drawable pixels vs window points (HiDPI). */
static void update_screen_size(Screen *sc)
{
    if (sc->window) SDL_GetRendererOutputSize(sc->sdl, &sc->w, &sc->h);
}

/* The main window's size, and how pointer input maps onto it. */
static void update_size(Platform *p)
{
    Screen *sc = &p->main;
    p->input.scale_x = p->input.scale_y = 1;
    if (sc->window) {
        int ww, wh;
        SDL_GetWindowSize(sc->window, &ww, &wh);
        update_screen_size(sc);
        p->input.scale_x = ww > 0 ? (float)sc->w / ww : 1;
        p->input.scale_y = wh > 0 ? (float)sc->h / wh : 1;
    }
    p->input.window_w = (float)sc->w;
    p->input.window_h = (float)sc->h;
}

/* The fonts and the renderer that belong to the screen's SDL renderer. */
static bool create_drawing(Screen *sc, const char *font_dir)
{
    sc->text = text_create(sc->sdl, font_dir, 0);
    sc->render = sc->text ? render_create(sc->sdl, sc->text, NULL) : NULL;
    return sc->render != NULL;
}

static void destroy_screen(Screen *sc)
{
    if (sc->render) render_destroy(sc->render);
    if (sc->text) text_destroy(sc->text);
    if (sc->sdl) SDL_DestroyRenderer(sc->sdl);
    if (sc->surface) SDL_FreeSurface(sc->surface);
    if (sc->window) SDL_DestroyWindow(sc->window);
    memset(sc, 0, sizeof *sc);
}

Platform *platform_create(const PlatformDesc *desc)
{
    Platform *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->desc = *desc;
    snprintf(p->font_dir, sizeof p->font_dir, "%s", desc->font_dir ? desc->font_dir : "");
    p->desc.font_dir = p->font_dir;
    p->desc.title = NULL; /* not kept: the caller's text */
    p->main.w = desc->w;
    p->main.h = desc->h;
    bool ok = desc->headless ? create_headless(&p->main) : create_main_window(p);
    if (ok) update_size(p);
    if (ok) IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    if (ok) ok = create_drawing(&p->main, p->font_dir);
    if (!ok) {
        platform_destroy(p);
        return NULL;
    }
    return p;
}

void platform_destroy(Platform *p)
{
    if (!p) return;
    destroy_screen(&p->second);
    destroy_screen(&p->main);
    free(p);
    IMG_Quit();
    SDL_Quit();
}

TextMeasurer platform_measurer(Platform *p)
{
    return text_measurer(p->main.text);
}

void platform_size(const Platform *p, int *w, int *h)
{
    *w = p->main.w;
    *h = p->main.h;
}

double platform_now_ms(void)
{
    return (double)SDL_GetTicks64();
}

bool platform_resize_headless(Platform *p, int w, int h)
{
    if (p->main.window) return false;
    if (w < PLATFORM_MIN_W || h < PLATFORM_MIN_H || w > PLATFORM_MAX_SIDE || h > PLATFORM_MAX_SIDE) {
        fprintf(stderr, "frise: a size of %dx%d is outside %dx%d .. %dx%d\n", w, h, PLATFORM_MIN_W, PLATFORM_MIN_H,
                PLATFORM_MAX_SIDE, PLATFORM_MAX_SIDE);
        return false;
    }
    destroy_screen(&p->main);
    p->main.w = w;
    p->main.h = h;
    if (!create_headless(&p->main)) return false;
    update_size(p);
    return create_drawing(&p->main, p->font_dir);
}

/* ---- drawing ------------------------------------------------------------------------ */

static void draw_screen(Screen *sc, const DrawList *dl, Colour background)
{
    render_draw(sc->render, dl, background);
    if (sc->window) SDL_RenderPresent(sc->sdl);
}

static bool save_screen_png(Screen *sc, const char *path)
{
    if (!sc->sdl || !render_save_png(sc->sdl, path)) {
        fprintf(stderr, "frise: could not write the screenshot %s\n", path);
        return false;
    }
    return true;
}

void platform_draw(Platform *p, const DrawList *dl, Colour background)
{
    draw_screen(&p->main, dl, background);
}

bool platform_save_png(Platform *p, const char *path)
{
    return save_screen_png(&p->main, path);
}

void platform_set_title(Platform *p, const char *title)
{
    if (p->main.window) SDL_SetWindowTitle(p->main.window, title);
}

void platform_toggle_fullscreen(Platform *p)
{
    SDL_Window *win = p->main.window;
    if (!win) return;
    bool full = SDL_GetWindowFlags(win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_SetWindowFullscreen(win, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

bool platform_open_url(Platform *p, const char *url)
{
    if (p->desc.kiosk) {
        SDL_Log("platform: the kiosk does not open links: %s", url);
        return false;
    }
    if (p->desc.headless) {
        SDL_Log("platform: headless, not opening %s", url);
        return false;
    }
    if (SDL_OpenURL(url) < 0) {
        SDL_Log("SDL_OpenURL(%s) failed: %s", url, SDL_GetError());
        return false;
    }
    return true;
}

bool platform_set_clipboard(Platform *p, const char *text)
{
    if (p->desc.headless) { /* no display to hold it: said, for the tests */
        SDL_Log("platform: headless, clipboard not set to:\n%s", text);
        return false;
    }
    if (SDL_SetClipboardText(text) < 0) {
        SDL_Log("SDL_SetClipboardText failed: %s", SDL_GetError());
        return false;
    }
    return true;
}

/* ---- posters ------------------------------------------------------------------------------
 * A poster at 300 dpi is 14,000 px wide and as tall as its rows: 560 MB and
 * more as one surface. It is drawn instead in strips of the full width and
 * PLATFORM_STRIP_BYTES at most, each from the commands that meet it, moved
 * up into it, and handed to libpng row by row: memory holds one strip, the
 * draw list and the caches, whatever the height. */

enum { PLATFORM_STRIP_BYTES = 64 << 20 };

static int strip_rows(int w, int h)
{
    long rows = PLATFORM_STRIP_BYTES / ((long)w * 4);
    if (rows < 16) rows = 16;
    return rows > h ? h : (int)rows;
}

/* The commands of dl that meet rows [y0, y1), moved up by y0, into strip,
 * which borrows dl's text; false out of memory. */
static bool cull_strip(const DrawList *dl, int y0, int y1, DrawList *strip)
{
    strip->count = 0;
    for (int i = 0; i < dl->count; i++) {
        const DrawCmd *c = &dl->cmds[i];
        int top, bottom;
        render_cmd_rows(c, &top, &bottom);
        if (bottom <= y0 || top >= y1) continue;
        if (strip->count == strip->cap) {
            int cap = strip->cap ? strip->cap * 2 : 4096;
            DrawCmd *grown = realloc(strip->cmds, (size_t)cap * sizeof *grown);
            if (!grown) return false;
            strip->cmds = grown;
            strip->cap = cap;
        }
        DrawCmd *moved = &strip->cmds[strip->count++];
        *moved = *c;
        moved->y -= (float)y0;
    }
    return true;
}

/* The first rows of the strip's surface (ARGB8888), as RGB rows for libpng. */
static bool write_rows(Screen *sc, int rows, PngWriter *png, uint8_t *rgb)
{
    SDL_RenderFlush(sc->sdl); /* the software renderer batches its commands */
    const SDL_Surface *s = sc->surface;
    for (int y = 0; y < rows; y++) {
        const Uint32 *px = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < sc->w; x++) {
            rgb[3 * x] = (uint8_t)(px[x] >> 16);
            rgb[3 * x + 1] = (uint8_t)(px[x] >> 8);
            rgb[3 * x + 2] = (uint8_t)px[x];
        }
        if (!pngwrite_row(png, rgb)) return false;
    }
    return true;
}

static bool draw_strips(Screen *sc, const DrawList *dl, Colour background, int h, PngWriter *png, uint8_t *rgb)
{
    DrawList strip = {0};
    strip.text = dl->text;           /* borrowed: commands keep their offsets into it */
    strip.text_len = dl->text_len;
    bool ok = true;
    for (int y0 = 0; y0 < h && ok; y0 += sc->h) {
        int rows = h - y0 < sc->h ? h - y0 : sc->h;
        ok = cull_strip(dl, y0, y0 + rows, &strip);
        if (!ok) fprintf(stderr, "frise: out of memory drawing the poster\n");
        if (ok) render_draw(sc->render, &strip, background);
        if (ok) ok = write_rows(sc, rows, png, rgb);
    }
    free(strip.cmds);
    return ok;
}

bool platform_write_poster_png(Platform *p, const DrawList *dl, Colour background, int w, int h, const char *path)
{
    if (w < 1 || h < 1 || w > PLATFORM_POSTER_MAX_W || h > PLATFORM_POSTER_MAX_H) {
        fprintf(stderr, "frise: a poster of %dx%d px is outside 1x1 .. %dx%d\n", w, h, PLATFORM_POSTER_MAX_W,
                PLATFORM_POSTER_MAX_H);
        return false;
    }
    Screen sc = {.w = w, .h = strip_rows(w, h)};
    uint8_t *rgb = malloc((size_t)w * 3);
    bool ok = rgb && create_headless(&sc) && create_drawing(&sc, p->font_dir);
    PngWriter *png = ok ? pngwrite_open(path, w, h) : NULL;
    if (!rgb) fprintf(stderr, "frise: out of memory for the poster\n");
    ok = png && draw_strips(&sc, dl, background, h, png, rgb);
    if (ok) ok = pngwrite_close(png);
    else pngwrite_abort(png);
    destroy_screen(&sc);
    free(rgb);
    return ok;
}

/* ---- the second window ------------------------------------------------------------------ */

int platform_display_count(const Platform *p)
{
    if (!p->main.window) return 1;
    int n = SDL_GetNumVideoDisplays();
    return n > 0 ? n : 1;
}

/* Where the second window goes: centred on the second display, else to the
 * right of the first window. */
static void second_position(const Platform *p, int *x, int *y)
{
    SDL_Rect bounds;
    if (platform_display_count(p) > 1 && SDL_GetDisplayBounds(1, &bounds) == 0) {
        *x = SDL_WINDOWPOS_CENTERED_DISPLAY(1);
        *y = SDL_WINDOWPOS_CENTERED_DISPLAY(1);
        return;
    }
    SDL_GetWindowPosition(p->main.window, x, y);
    int w, h;
    SDL_GetWindowSize(p->main.window, &w, &h);
    *x += w;
}

bool platform_open_second(Platform *p, int w, int h, const char *title)
{
    if (p->second.sdl) return true;
    Screen *sc = &p->second;
    sc->w = w;
    sc->h = h;
    bool ok;
    if (p->main.window) {
        int x, y;
        second_position(p, &x, &y);
        ok = create_window(sc, title, x, y, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
        if (ok) update_screen_size(sc);
    } else {
        ok = create_headless(sc);
    }
    if (ok) ok = create_drawing(sc, p->font_dir);
    if (!ok) destroy_screen(sc);
    return ok;
}

bool platform_has_second(const Platform *p)
{
    return p->second.sdl != NULL;
}

void platform_close_second(Platform *p)
{
    destroy_screen(&p->second);
}

TextMeasurer platform_second_measurer(Platform *p)
{
    return text_measurer(p->second.text);
}

void platform_second_size(const Platform *p, int *w, int *h)
{
    *w = p->second.w;
    *h = p->second.h;
}

void platform_draw_second(Platform *p, const DrawList *dl, Colour background)
{
    if (p->second.sdl) draw_screen(&p->second, dl, background);
}

bool platform_save_second_png(Platform *p, const char *path)
{
    return save_screen_png(&p->second, path);
}

/* ---- events ---------------------------------------------------------------------------- */

static void push(PlatformInput *in, const InputEvent *ev)
{
    if (in->count < PLATFORM_MAX_EVENTS) in->events[in->count++] = *ev;
}

static bool on_second(const Platform *p, Uint32 window_id)
{
    return p->second.window && window_id == SDL_GetWindowID(p->second.window);
}

/* The presenter's window: it redraws, and closing it closes only it. */
static void second_window_event(Platform *p, const SDL_Event *ev, PlatformInput *in)
{
    in->redraw = true;
    if (ev->window.event == SDL_WINDOWEVENT_CLOSE) platform_close_second(p);
    else if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) update_screen_size(&p->second);
}

/* Pointer input on the presenter's window is not the timeline's. */
static bool pointer_on_second(const Platform *p, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_MOUSEMOTION: return on_second(p, ev->motion.windowID);
    case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: return on_second(p, ev->button.windowID);
    case SDL_MOUSEWHEEL: return on_second(p, ev->wheel.windowID);
    case SDL_FINGERDOWN: case SDL_FINGERUP: case SDL_FINGERMOTION: return on_second(p, ev->tfinger.windowID);
    default: return false;
    }
}

static void window_event(Platform *p, const SDL_Event *ev, PlatformInput *in)
{
    if (on_second(p, ev->window.windowID)) {
        second_window_event(p, ev, in);
        return;
    }
    in->redraw = true;
    if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        update_size(p);
        push(in, &(InputEvent){.type = INPUT_RESIZE, .t_ms = platform_now_ms(), .x = (float)p->main.w, .y = (float)p->main.h});
    } else if (ev->window.event == SDL_WINDOWEVENT_CLOSE) {
        p->close_requested = true;
    } else if (ev->window.event == SDL_WINDOWEVENT_LEAVE) {
        push(in, &(InputEvent){.type = INPUT_POINTER_LEAVE, .t_ms = platform_now_ms()});
    } else if (ev->window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
        /* Fingers lifted while another window had the focus never report it. */
        memset(&p->input.used, 0, sizeof p->input.used);
        in->focus_lost = true;
    }
}

/* SDL_QUIT comes after a window close request (Alt+F4, the close button),
 * which the kiosk ignores, or alone from SIGTERM/SIGINT, which always quits:
 * systemd stops and restarts the kiosk that way. */
static void quit_event(Platform *p, PlatformInput *in)
{
    if (p->close_requested) {
        p->close_requested = false;
        push(in, &(InputEvent){.type = INPUT_QUIT, .t_ms = platform_now_ms()});
    } else {
        in->terminate = true;
    }
}

/* A file dragged from the desktop onto the window. */
static void drop_event(const SDL_Event *ev, PlatformInput *in)
{
    if (!ev->drop.file) return;
    snprintf(in->dropped, sizeof in->dropped, "%s", ev->drop.file);
    SDL_free(ev->drop.file);
}

static void take_event(Platform *p, const SDL_Event *ev, PlatformInput *in)
{
    InputEvent mapped;
    if (ev->type == SDL_DROPFILE) drop_event(ev, in);
    else if (ev->type == SDL_WINDOWEVENT) window_event(p, ev, in);
    else if (ev->type == SDL_QUIT) quit_event(p, in);
    else if (!pointer_on_second(p, ev) && input_from_sdl(&p->input, ev, platform_now_ms(), &mapped)) push(in, &mapped);
}

void platform_wait(Platform *p, int timeout_ms, PlatformInput *in)
{
    memset(in, 0, sizeof *in);
    SDL_Event ev;
    bool got = timeout_ms < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, timeout_ms);
    while (got) {
        take_event(p, &ev, in);
        got = in->count < PLATFORM_MAX_EVENTS && SDL_PollEvent(&ev);
    }
}
