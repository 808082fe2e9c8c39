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
#include "render.h"
#include "text.h"

struct Platform {
    PlatformDesc desc;
    char font_dir[4096];
    SDL_Window *window;
    SDL_Surface *surface;        /* headless target */
    SDL_Renderer *sdl;
    TextSystem *text;
    Renderer *render;
    InputMapper input;
    bool close_requested;        /* a window close event came before SDL_QUIT */
    int w, h;
};

/* ---- setup ----------------------------------------------------------------------- */

static bool create_headless(Platform *p)
{
    p->surface = SDL_CreateRGBSurfaceWithFormat(0, p->w, p->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!p->surface) {
        SDL_Log("SDL_CreateRGBSurfaceWithFormat failed: %s", SDL_GetError());
        return false;
    }
    p->sdl = SDL_CreateSoftwareRenderer(p->surface);
    if (!p->sdl) SDL_Log("SDL_CreateSoftwareRenderer failed: %s", SDL_GetError());
    return p->sdl != NULL;
}

static Uint32 window_flags(const PlatformDesc *d)
{
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (d->fullscreen || d->kiosk) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    return flags;
}

static bool create_window(Platform *p)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        SDL_Log("SDL_Init failed: %s", SDL_GetError());
        return false;
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    p->window = SDL_CreateWindow(p->desc.title ? p->desc.title : "Frise", SDL_WINDOWPOS_CENTERED,
                                 SDL_WINDOWPOS_CENTERED, p->w, p->h, window_flags(&p->desc));
    if (!p->window) {
        SDL_Log("SDL_CreateWindow failed: %s", SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(p->window, PLATFORM_MIN_W, PLATFORM_MIN_H);
    p->sdl = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!p->sdl) p->sdl = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_SOFTWARE);
    if (!p->sdl) {
        SDL_Log("SDL_CreateRenderer failed: %s", SDL_GetError());
        return false;
    }
    if (p->desc.kiosk) SDL_ShowCursor(SDL_DISABLE);
    SDL_StartTextInput();
    return true;
}

/* Drawable pixels vs window points (HiDPI), for layout and pointer input. */
static void update_size(Platform *p)
{
    int pw = p->w, ph = p->h;
    if (p->window) {
        int ww, wh;
        SDL_GetWindowSize(p->window, &ww, &wh);
        SDL_GetRendererOutputSize(p->sdl, &pw, &ph);
        p->input.scale_x = ww > 0 ? (float)pw / ww : 1;
        p->input.scale_y = wh > 0 ? (float)ph / wh : 1;
    } else {
        p->input.scale_x = p->input.scale_y = 1;
    }
    p->w = pw;
    p->h = ph;
    p->input.window_w = (float)pw;
    p->input.window_h = (float)ph;
}

/* The fonts and the renderer that belong to the current SDL renderer. */
static bool create_drawing(Platform *p)
{
    p->text = text_create(p->sdl, p->font_dir, 0);
    p->render = p->text ? render_create(p->sdl, p->text, NULL) : NULL;
    return p->render != NULL;
}

static void destroy_drawing(Platform *p)
{
    if (p->render) render_destroy(p->render);
    if (p->text) text_destroy(p->text);
    if (p->sdl) SDL_DestroyRenderer(p->sdl);
    if (p->surface) SDL_FreeSurface(p->surface);
    p->render = NULL;
    p->text = NULL;
    p->sdl = NULL;
    p->surface = NULL;
}

Platform *platform_create(const PlatformDesc *desc)
{
    Platform *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->desc = *desc;
    snprintf(p->font_dir, sizeof p->font_dir, "%s", desc->font_dir ? desc->font_dir : "");
    p->desc.font_dir = p->font_dir;
    p->desc.title = NULL; /* not kept: the caller's text */
    p->w = desc->w;
    p->h = desc->h;
    bool ok = desc->headless ? create_headless(p) : create_window(p);
    if (ok) update_size(p);
    if (ok) IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    if (ok) ok = create_drawing(p);
    if (!ok) {
        platform_destroy(p);
        return NULL;
    }
    return p;
}

void platform_destroy(Platform *p)
{
    if (!p) return;
    destroy_drawing(p);
    if (p->window) SDL_DestroyWindow(p->window);
    free(p);
    IMG_Quit();
    SDL_Quit();
}

TextMeasurer platform_measurer(Platform *p)
{
    return text_measurer(p->text);
}

void platform_size(const Platform *p, int *w, int *h)
{
    *w = p->w;
    *h = p->h;
}

double platform_now_ms(void)
{
    return (double)SDL_GetTicks64();
}

bool platform_resize_headless(Platform *p, int w, int h)
{
    if (p->window) return false;
    if (w < PLATFORM_MIN_W || h < PLATFORM_MIN_H || w > PLATFORM_MAX_SIDE || h > PLATFORM_MAX_SIDE) {
        fprintf(stderr, "frise: a size of %dx%d is outside %dx%d .. %dx%d\n", w, h, PLATFORM_MIN_W, PLATFORM_MIN_H,
                PLATFORM_MAX_SIDE, PLATFORM_MAX_SIDE);
        return false;
    }
    destroy_drawing(p);
    p->w = w;
    p->h = h;
    if (!create_headless(p)) return false;
    update_size(p);
    return create_drawing(p);
}

/* ---- drawing ------------------------------------------------------------------------ */

void platform_draw(Platform *p, const DrawList *dl, Colour background)
{
    render_draw(p->render, dl, background);
    if (p->window) SDL_RenderPresent(p->sdl);
}

bool platform_save_png(Platform *p, const char *path)
{
    if (!render_save_png(p->sdl, path)) {
        fprintf(stderr, "frise: could not write the screenshot %s\n", path);
        return false;
    }
    return true;
}

void platform_set_title(Platform *p, const char *title)
{
    if (p->window) SDL_SetWindowTitle(p->window, title);
}

void platform_toggle_fullscreen(Platform *p)
{
    if (!p->window) return;
    bool full = SDL_GetWindowFlags(p->window) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_SetWindowFullscreen(p->window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

/* ---- events ---------------------------------------------------------------------------- */

static void push(PlatformInput *in, const InputEvent *ev)
{
    if (in->count < PLATFORM_MAX_EVENTS) in->events[in->count++] = *ev;
}

static void window_event(Platform *p, const SDL_Event *ev, PlatformInput *in)
{
    in->redraw = true;
    if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        update_size(p);
        push(in, &(InputEvent){.type = INPUT_RESIZE, .t_ms = platform_now_ms(), .x = (float)p->w, .y = (float)p->h});
    } else if (ev->window.event == SDL_WINDOWEVENT_CLOSE) {
        p->close_requested = true;
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

static void take_event(Platform *p, const SDL_Event *ev, PlatformInput *in)
{
    InputEvent mapped;
    if (ev->type == SDL_WINDOWEVENT) window_event(p, ev, in);
    else if (ev->type == SDL_QUIT) quit_event(p, in);
    else if (input_from_sdl(&p->input, ev, platform_now_ms(), &mapped)) push(in, &mapped);
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
