/* render.c: DrawList -> SDL_Renderer, with antialiased corners, shapes and
 * shadows drawn from small cached mask textures; PNG screenshots. */
#include "render.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>

#include "fileio.h"
#include "grow.h"
#include "imagehdr.h"
#include "imgcache.h"

/* ==== Contents ==============================================================
 *   Why masks and not triangle fans
 *   Types and constants
 *   Helpers: snapping, failures, fills (translucent ones through tints)
 *   Masks: disc, ring, shadow, shape (pixels computed once, then cached)
 *   Rects: filled, outlined, dashed; shadows
 *   Stacks: deep runs of translucent bars, drawn only where they still show
 *   Paper: the last opaque fill, for text pre-blended on it
 *   Lines, shapes, text, images, clips
 *   Public API
 *
 * Why masks and not triangle fans: SDL's software renderer (the one Frise
 * uses headless, and on machines without a GPU) truncates every
 * SDL_RenderGeometry vertex to whole pixels, so a one-pixel alpha fringe
 * around a fan cannot antialias there; the corners come out stepped. A mask
 * texture holds the exact coverage of a quarter circle or a small shape,
 * computed once from its signed distance; it is drawn with
 * SDL_RenderCopy and colour/alpha modulation, which every renderer does
 * fast and identically, and one mask serves every colour. Straight parts are
 * plain filled rects on whole pixels, so edges stay crisp and translucent
 * fills have no seams (no pixel is covered twice).
 *
 * Why colours are baked in: SDL's software renderer blends a texture whose
 * colour and alpha modulation are both 255 through its per-pixel-alpha
 * blitter, which skips transparent pixels and blends two channels per
 * multiply; any modulation sends the same copy through a generic blitter
 * that unpacks, multiplies and divides every channel of every pixel, several
 * times slower. Text and masks were most of a frame's time that way. So
 * text textures (text.c) and masks are made in the colour they are drawn
 * in, with the alpha that modulation would have given (a * ca / 255,
 * truncated as SDL does), and copied without modulation; a mask or string
 * drawn in two colours is cached twice. The two blitters round differently
 * (x >> 8 against x / 255), so an antialiased edge may differ from the
 * modulated result by a level or two; solid pixels are identical.
 *
 * Why translucent fills are copies: SDL_RenderFillRect with blending costs
 * the software renderer about 12 ns a pixel (it unpacks, multiplies and
 * divides each channel), and era bands, span bars and the rows of every card
 * shadow are translucent. Copying from an opaque RGB888 texture of the same
 * colour with an alpha modulation (a "tint") takes its per-surface-alpha
 * blitter instead, about 2 ns a pixel, six times faster, and it rounds
 * within a level or two of the fill. A tint is a small solid texture per
 * colour, tiled over the box; a few dozen colours are kept.
 *
 * Why text is pre-blended on cards: most text lies on an opaque fill of one
 * colour drawn just before it (a card, the page). The renderer remembers the
 * last large opaque fill (the "paper") and every box drawn over it since;
 * text that lies wholly on the paper and touches none of those boxes is
 * blended over the paper's colour once, when its texture is made (text.c),
 * and then copied as opaque rows, which is several times cheaper than
 * blending every pixel every frame. The pixels are those the blend would
 * give, rounded exactly instead of by SDL's blitter: within a level.
 * ========================================================================== */

/* ---- Types and constants -------------------------------------------------- */

#define DASH_ON_PX 6
#define DASH_OFF_PX 4
#define MASK_CACHE_CAP 512
#define MASK_MAX_PX 512            /* radius or shape size limit: bounds mask memory */
#define FAILURES_LOGGED 10
#define TINT_W_PX 1024             /* a tint's size: larger fills take several copies */
#define TINT_H_PX 32
#define TINT_CACHE_CAP 48          /* colours kept; the least recently used goes */

typedef enum MaskKind { MASK_DISC, MASK_RING, MASK_SHADOW, MASK_SHAPE } MaskKind;

/* DISC: a = radius. RING: a = radius, b = stroke. SHADOW: a = radius,
 * b = blur. SHAPE: a = shape, b = size, c = filled, d = stroke. rgba: the
 * colour baked into the texture (see "Why colours are baked in"). */
typedef struct MaskKey { int kind, a, b, c, d; Uint32 rgba; } MaskKey;

typedef struct Mask {
    MaskKey key;
    SDL_Texture *tex;              /* NULL: creation failed (logged); callers fall back */
    int w, h;
    Uint8 *profile;                /* SHADOW: alpha across an edge, outside to centre (k + 1 values) */
} Mask;

/* Two layers, like a real light: a tight contact shadow and a broad soft one. */
typedef struct ShadowLayer { int dy_px, blur_px; float alpha; } ShadowLayer;
static const ShadowLayer shadow_layers[] = {
    { 1, 2, 0.45f },
    { 4, 10, 0.55f },
};

/* Stacks: the columns [x0, x1) of a bar still drawn, and where a bar's
 * parts lie in Renderer.parts (whole: nothing of it was left out). */
typedef struct StackPart { int x0, x1; } StackPart;
typedef struct StackBar { int first, count; bool whole; } StackBar;

typedef struct IRect { int x0, y0, x1, y1; } IRect;

/* A solid opaque texture of one colour, copied with alpha modulation as a
 * translucent fill (see "Why translucent fills are copies"). */
typedef struct Tint { Uint32 rgb; SDL_Texture *tex; Uint64 used; } Tint;

/* The last large opaque fill and what was drawn over it since (see "Why
 * text is pre-blended on cards"). a and b are where it is opaque: its full
 * rows and full columns (rounded corners left out), clipped as it was. */
#define PAPER_MIN_AREA_PX 2000
#define PAPER_MARKS 256
typedef struct Paper {
    bool valid;
    IRect a, b;
    Colour colour;
    IRect marks[PAPER_MARKS];
    int mark_count;
} Paper;

/* A run of translucent fills this long or longer on the same rows is a stack. */
#define STACK_MIN_RUN 16

struct Renderer {
    SDL_Renderer *sdl;
    TextSystem *ts;
    char *image_base;              /* "" for the working directory */
    ImgCache images;               /* textures by draw-list path, under a byte budget (imgcache.h) */
    Mask masks[MASK_CACHE_CAP];
    int mask_count;
    Uint32 *pixels;                /* scratch for building masks */
    size_t pixels_cap;
    char *path_buf;                /* scratch for joining image paths */
    size_t path_cap;
    int failures;
    SDL_BlendMode fill_mode;       /* the draw blend mode last set */
    bool reference;                /* FRISE_RENDER_REFERENCE: modulated masks and text, blended fills, no stacks */
    Colour colour;                 /* the fill colour last set */
    bool clipped;                  /* a DRAW_CLIP is in force: clip */
    IRect clip;
    Paper paper;
    Tint tints[TINT_CACHE_CAP];
    int tint_count;
    Uint64 tint_clock;             /* counts tint uses, for least recently used */
    int target_w;                  /* this frame's output width, for stacks */
    Uint16 *depth;                 /* stacks: layers over each column (malloc'd, grows only) */
    size_t depth_cap;
    StackPart *parts;              /* stacks: the columns each bar still shows (malloc'd) */
    size_t parts_cap;
    StackBar *bars;                /* stacks: per bar, its parts (malloc'd) */
    size_t bars_cap;
};


/* ---- Helpers ------------------------------------------------------------------- */

static int snap(float v)
{
    return (int)floorf(v + 0.5f);
}

/* The whole-pixel box of a command (edges rounded, so abutting boxes stay abutting). */
static IRect cmd_rect(const DrawCmd *c)
{
    IRect q = { snap(c->x), snap(c->y), snap(c->x + c->w), snap(c->y + c->h) };
    if (q.x1 < q.x0) { int t = q.x0; q.x0 = q.x1; q.x1 = t; }
    if (q.y1 < q.y0) { int t = q.y0; q.y0 = q.y1; q.y1 = t; }
    return q;
}

static int imin(int a, int b) { return a < b ? a : b; }
static int imax(int a, int b) { return a > b ? a : b; }

/* Logs a failed SDL call, but only the first few per renderer: a failure
 * that repeats every frame would otherwise flood the log. */
static void fail(Renderer *r, const char *call)
{
    r->failures++;
    if (r->failures <= FAILURES_LOGGED)
        SDL_Log("render: %s failed: %s%s", call, SDL_GetError(),
                r->failures == FAILURES_LOGGED ? " (further failures not logged)" : "");
}

/* The draw blend mode, set only when it changes. */
static void set_fill_mode(Renderer *r, SDL_BlendMode mode)
{
    if (mode == r->fill_mode) return;
    if (SDL_SetRenderDrawBlendMode(r->sdl, mode) < 0) fail(r, "SDL_SetRenderDrawBlendMode");
    r->fill_mode = mode;
}

/* Sets the fill colour. Opaque fills do not blend: the software renderer
 * then fills rows directly instead of blending every pixel (cards, bars and
 * the axis are opaque). */
static void set_colour(Renderer *r, Colour c)
{
    r->colour = c;
    set_fill_mode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    if (SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, c.a) < 0) fail(r, "SDL_SetRenderDrawColor");
}

static void copy(Renderer *r, SDL_Texture *tex, int sx, int sy, int sw, int sh,
                 int dx, int dy, int dw, int dh);
static bool pixels_reserve(Renderer *r, size_t count);

static void tints_clear(Renderer *r)
{
    for (int i = 0; i < r->tint_count; i++) SDL_DestroyTexture(r->tints[i].tex);
    r->tint_count = 0;
}

/* The tint texture of colour rgb (0xRRGGBB), made on first use; when the
 * cache is full the least recently used one is replaced (SDL flushes queued
 * copies from a texture before destroying it). NULL after a logged failure. */
static SDL_Texture *tint_get(Renderer *r, Uint32 rgb)
{
    r->tint_clock++;
    Tint *slot = NULL;
    for (int i = 0; i < r->tint_count; i++) {
        if (r->tints[i].rgb == rgb) {
            r->tints[i].used = r->tint_clock;
            return r->tints[i].tex;
        }
        if (!slot || r->tints[i].used < slot->used) slot = &r->tints[i];
    }
    if (r->tint_count < TINT_CACHE_CAP) slot = &r->tints[r->tint_count++];
    else SDL_DestroyTexture(slot->tex);
    slot->rgb = rgb;
    slot->used = r->tint_clock;
    slot->tex = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STATIC, TINT_W_PX, TINT_H_PX);
    if (!slot->tex || !pixels_reserve(r, (size_t)TINT_W_PX * TINT_H_PX)) {
        if (slot->tex) SDL_DestroyTexture(slot->tex);
        else fail(r, "SDL_CreateTexture (tint)");
        *slot = r->tints[--r->tint_count];                /* forget the slot */
        return NULL;
    }
    for (size_t i = 0; i < (size_t)TINT_W_PX * TINT_H_PX; i++) r->pixels[i] = 0xFF000000u | rgb;
    if (SDL_UpdateTexture(slot->tex, NULL, r->pixels, TINT_W_PX * 4) < 0) fail(r, "SDL_UpdateTexture (tint)");
    SDL_SetTextureBlendMode(slot->tex, SDL_BLENDMODE_BLEND);
    return slot->tex;
}

/* Fills [x0,x1) x [y0,y1) in the current draw colour; empty boxes are
 * skipped. Translucent colours go through a tint, tiled; if the tint
 * cannot be made, through SDL's blended fill. */
static void fill(Renderer *r, int x0, int y0, int x1, int y1)
{
    if (x1 <= x0 || y1 <= y0) return;
    Colour c = r->colour;
    if (c.a < 255 && !r->reference) {
        if (c.a == 0) return;
        SDL_Texture *tex = tint_get(r, ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b);
        if (tex) {
            if (SDL_SetTextureAlphaMod(tex, c.a) < 0) fail(r, "SDL_SetTextureAlphaMod");
            for (int y = y0; y < y1; y += TINT_H_PX)
                for (int x = x0; x < x1; x += TINT_W_PX) {
                    int w = imin(TINT_W_PX, x1 - x), h = imin(TINT_H_PX, y1 - y);
                    copy(r, tex, 0, 0, w, h, x, y, w, h);
                }
            return;
        }
    }
    SDL_Rect q = { x0, y0, x1 - x0, y1 - y0 };
    if (SDL_RenderFillRect(r->sdl, &q) < 0) fail(r, "SDL_RenderFillRect");
}

static void copy(Renderer *r, SDL_Texture *tex, int sx, int sy, int sw, int sh,
                 int dx, int dy, int dw, int dh)
{
    if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0) return;
    SDL_Rect src = { sx, sy, sw, sh }, dst = { dx, dy, dw, dh };
    if (SDL_RenderCopy(r->sdl, tex, &src, &dst) < 0) fail(r, "SDL_RenderCopy");
}

static void modulate(Renderer *r, SDL_Texture *tex, Colour c)
{
    if (SDL_SetTextureColorMod(tex, c.r, c.g, c.b) < 0) fail(r, "SDL_SetTextureColorMod");
    if (SDL_SetTextureAlphaMod(tex, c.a) < 0) fail(r, "SDL_SetTextureAlphaMod");
}

/* The colour baked into a mask; in reference mode masks stay white and
 * the copy is modulated (see mask_draw_colour). */
static Uint32 pack_colour(const Renderer *r, Colour c)
{
    if (r->reference) return 0xFFFFFFFFu;
    return ((Uint32)c.a << 24) | ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
}

/* Before copying a mask made by pack_colour(r, c): nothing to do unless
 * the renderer draws the reference way. */
static void mask_draw_colour(Renderer *r, SDL_Texture *tex, Colour c)
{
    if (r->reference) modulate(r, tex, c);
}

static bool pixels_reserve(Renderer *r, size_t count)
{
    if (grow_array((void **)&r->pixels, &r->pixels_cap, count, sizeof *r->pixels)) return true;
    SDL_Log("render: out of memory for %zu pixels", count);
    return false;
}

/* ---- Masks ---------------------------------------------------------------------- */

/* Coverage of a pixel whose centre lies d pixels outside an edge: a one-pixel
 * ramp, which is what a box filter gives for a straight edge. */
static float coverage(float d)
{
    float a = 0.5f - d;
    return a < 0 ? 0 : a > 1 ? 1 : a;
}

static Uint32 white(float alpha)
{
    return ((Uint32)(alpha * 255.0f + 0.5f) << 24) | 0x00FFFFFFu;
}

/* Signed distance from (x, y) to a polygon (negative inside, even-odd rule). */
static float polygon_distance(const float *px, const float *py, int n, float x, float y)
{
    float best = 1e30f;
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        float ex = px[i] - px[j], ey = py[i] - py[j];
        float wx = x - px[j], wy = y - py[j];
        float t = (wx * ex + wy * ey) / (ex * ex + ey * ey);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        float dx = wx - ex * t, dy = wy - ey * t;
        float d2 = dx * dx + dy * dy;
        if (d2 < best) best = d2;
        if ((py[i] > y) != (py[j] > y) && x < ex * (y - py[j]) / ey + px[j]) inside = !inside;
    }
    return inside ? -sqrtf(best) : sqrtf(best);
}

/* Signed distance to a rounded square [lo, hi]^2 with corner radius rad. */
static float round_rect_distance(float lo, float hi, float rad, float x, float y)
{
    float c = (lo + hi) * 0.5f, half = (hi - lo) * 0.5f - rad;
    float qx = fabsf(x - c) - half, qy = fabsf(y - c) - half;
    float ox = qx > 0 ? qx : 0, oy = qy > 0 ? qy : 0;
    float in = qx > qy ? qx : qy;
    return sqrtf(ox * ox + oy * oy) + (in < 0 ? in : 0) - rad;
}

/* The outline of a category shape in a size x size box at (pad, pad). The
 * proportions balance the shapes' visual weight against the circle. */
static int shape_polygon(Shape shape, float size, float pad, float *px, float *py)
{
    const float pi = 3.14159265f;
    float cx = pad + size * 0.5f, cy = cx, rad = size * 0.5f;
    int n = 0;
    switch (shape) {
    case SHAPE_SQUARE: {
        /* A tenth of the box as margin, in whole pixels so the edges stay crisp. */
        float lo = pad + floorf(size * 0.1f + 0.5f), hi = pad + size - (lo - pad);
        float xs[4] = { lo, hi, hi, lo }, ys[4] = { lo, lo, hi, hi };
        for (n = 0; n < 4; n++) { px[n] = xs[n]; py[n] = ys[n]; }
        break;
    }
    case SHAPE_DIAMOND:
        for (n = 0; n < 4; n++) {
            px[n] = cx + rad * cosf(-pi / 2 + (float)n * pi / 2);
            py[n] = cy + rad * sinf(-pi / 2 + (float)n * pi / 2);
        }
        break;
    case SHAPE_TRIANGLE: {
        float rt = size / sqrtf(3.0f);          /* as wide as the box; shifted to centre its height */
        for (n = 0; n < 3; n++) {
            px[n] = cx + rt * cosf(-pi / 2 + (float)n * 2 * pi / 3);
            py[n] = cy + rt * 0.25f + rt * sinf(-pi / 2 + (float)n * 2 * pi / 3);
        }
        break;
    }
    case SHAPE_HEXAGON:
        for (n = 0; n < 6; n++) {
            px[n] = cx + rad * cosf(-pi / 2 + (float)n * pi / 3);
            py[n] = cy + rad * sinf(-pi / 2 + (float)n * pi / 3);
        }
        break;
    case SHAPE_STAR:
        for (n = 0; n < 10; n++) {
            float rr = (n % 2) ? rad * 0.42f : rad;
            px[n] = cx + rr * cosf(-pi / 2 + (float)n * pi / 5);
            py[n] = cy + rad * 0.095f + rr * sinf(-pi / 2 + (float)n * pi / 5);
        }
        break;
    default:
        break;
    }
    return n;
}

/* Fills r->pixels (w x h) with the coverage of the mask described by key. */
static void mask_pixels(Renderer *r, MaskKey k, int w, int h)
{
    float px[10], py[10];
    int n = 0;
    const float pad = 1.0f;                       /* shapes keep a pixel for their ramp */
    if (k.kind == MASK_SHAPE && k.a != SHAPE_CIRCLE) n = shape_polygon((Shape)k.a, (float)k.b, pad, px, py);
    float sigma = (float)k.b * 0.5f;              /* shadow: blur reaches about 2 sigma */
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            float fx = (float)x + 0.5f, fy = (float)y + 0.5f, d = 0, a;
            switch (k.kind) {
            case MASK_DISC:
                d = hypotf(fx - (float)k.a, fy - (float)k.a) - (float)k.a;
                a = coverage(d);
                break;
            case MASK_RING: {
                float dist = hypotf(fx - (float)k.a, fy - (float)k.a);
                float outer = dist - (float)k.a, inner = (float)(k.a - k.b) - dist;
                a = coverage(outer > inner ? outer : inner);
                break;
            }
            case MASK_SHADOW:
                d = round_rect_distance((float)k.b, (float)(w - k.b), (float)k.a, fx, fy);
                a = 0.5f * erfcf(d / (sigma * 1.41421356f));
                break;
            default:
                if (k.a == SHAPE_CIRCLE)
                    d = hypotf(fx - pad - (float)k.b * 0.5f, fy - pad - (float)k.b * 0.5f) - (float)k.b * 0.5f;
                else
                    d = polygon_distance(px, py, n, fx, fy);
                if (!k.c) d = fmaxf(d, -d - (float)k.d);  /* outline: a band inside the edge */
                a = coverage(d);
                break;
            }
            r->pixels[(size_t)y * (size_t)w + (size_t)x] = white(a);
        }
    }
}

static void mask_size(MaskKey k, int *w, int *h)
{
    switch (k.kind) {
    case MASK_DISC:
    case MASK_RING: *w = *h = 2 * k.a; break;
    case MASK_SHADOW: *w = *h = 2 * (k.a + 2 * k.b) + 1; break;
    default: *w = *h = k.b + 2; break;
    }
}

/* A shadow's edges and centre are the same along their length, so they are
 * drawn as filled lines from this profile (the mask's middle column) rather
 * than as stretched copies, which SDL's software renderer blends about ten
 * times slower per pixel. */
static Uint8 *shadow_profile(const Renderer *r, int w, int tile)
{
    Uint8 *profile = SDL_malloc((size_t)tile + 1);
    if (!profile) return NULL;
    for (int i = 0; i <= tile; i++) profile[i] = (Uint8)(r->pixels[(size_t)i * (size_t)w + (size_t)tile] >> 24);
    return profile;
}

static SDL_Texture *mask_texture(Renderer *r, Mask *m)
{
    MaskKey k = m->key;
    int w = m->w, h = m->h;
    if (!pixels_reserve(r, (size_t)w * (size_t)h)) return NULL;
    mask_pixels(r, k, w, h);
    if (k.kind == MASK_SHADOW) {
        m->profile = shadow_profile(r, w, k.a + 2 * k.b);
        if (!m->profile) {
            SDL_Log("render: out of memory for a shadow profile");
            return NULL;
        }
    }
    /* The colour, with the alpha SDL's modulation would give: a * ca / 255. */
    Uint32 rgb = k.rgba & 0x00FFFFFFu, ca = k.rgba >> 24;
    for (size_t i = 0, n = (size_t)w * (size_t)h; i < n; i++)
        r->pixels[i] = (((r->pixels[i] >> 24) * ca / 255u) << 24) | rgb;
    SDL_Texture *tex = SDL_CreateTexture(r->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, w, h);
    if (!tex) {
        fail(r, "SDL_CreateTexture (mask)");
        return NULL;
    }
    if (SDL_UpdateTexture(tex, NULL, r->pixels, w * 4) < 0) {
        fail(r, "SDL_UpdateTexture (mask)");
        SDL_DestroyTexture(tex);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    /* Masks are copied 1:1 or stretched from a 1-pixel slice: nearest is exact. */
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeNearest);
    return tex;
}

static void masks_clear(Renderer *r)
{
    for (int i = 0; i < r->mask_count; i++) {
        if (r->masks[i].tex) SDL_DestroyTexture(r->masks[i].tex);
        SDL_free(r->masks[i].profile);
    }
    r->mask_count = 0;
}

/* The cached mask for key, made on first use. A frame uses a handful of
 * radii and shapes, so a linear search is enough; if a view ever needs more
 * than the cache holds, it starts over (SDL flushes queued draws that use a
 * texture before destroying it). Returns NULL if the texture failed. */
static const Mask *mask_get(Renderer *r, MaskKey k)
{
    for (int i = 0; i < r->mask_count; i++)
        if (memcmp(&r->masks[i].key, &k, sizeof k) == 0) return &r->masks[i];
    if (r->mask_count == MASK_CACHE_CAP) masks_clear(r);
    Mask *m = &r->masks[r->mask_count++];
    memset(m, 0, sizeof *m);
    m->key = k;
    mask_size(k, &m->w, &m->h);
    m->tex = mask_texture(r, m);
    return m->tex ? m : NULL;
}

/* ---- Rects -------------------------------------------------------------------------- */

/* Largest usable corner radius for a box. */
static int corner_radius(IRect q, float radius)
{
    int rad = imin(snap(radius), imin((q.x1 - q.x0) / 2, (q.y1 - q.y0) / 2));
    return imax(0, imin(rad, MASK_MAX_PX));
}

/* The four quadrants of a 2*rad mask into the corners of q. */
static void draw_corners(Renderer *r, SDL_Texture *tex, IRect q, int rad)
{
    copy(r, tex, 0, 0, rad, rad, q.x0, q.y0, rad, rad);
    copy(r, tex, rad, 0, rad, rad, q.x1 - rad, q.y0, rad, rad);
    copy(r, tex, 0, rad, rad, rad, q.x0, q.y1 - rad, rad, rad);
    copy(r, tex, rad, rad, rad, rad, q.x1 - rad, q.y1 - rad, rad, rad);
}

static void fill_round_rect(Renderer *r, IRect q, float radius, Colour c)
{
    int rad = corner_radius(q, radius);
    const Mask *m = rad > 0 ? mask_get(r, (MaskKey){ MASK_DISC, rad, 0, 0, 0, pack_colour(r, c) }) : NULL;
    set_colour(r, c);
    if (!m) {
        fill(r, q.x0, q.y0, q.x1, q.y1);
        return;
    }
    mask_draw_colour(r, m->tex, c);
    draw_corners(r, m->tex, q, rad);
    fill(r, q.x0 + rad, q.y0, q.x1 - rad, q.y0 + rad);      /* top strip */
    fill(r, q.x0, q.y0 + rad, q.x1, q.y1 - rad);            /* middle */
    fill(r, q.x0 + rad, q.y1 - rad, q.x1 - rad, q.y1);      /* bottom strip */
}

/* Dashes along [a, b), centred, with a gap at both ends because the corners
 * next to them are drawn solid; [lo, hi) is the band they fill across the edge. */
static void dash_edge(Renderer *r, int a, int b, int lo, int hi, bool horizontal)
{
    int period = DASH_ON_PX + DASH_OFF_PX;
    int n = (b - a - DASH_OFF_PX) / period;
    if (n < 1) return;
    int used = n * DASH_ON_PX + (n - 1) * DASH_OFF_PX;
    int start = a + (b - a - used) / 2;
    for (int k = 0; k < n; k++) {
        int s = start + k * period;
        if (horizontal) fill(r, s, lo, s + DASH_ON_PX, hi);
        else fill(r, lo, s, hi, s + DASH_ON_PX);
    }
}

static void edge(Renderer *r, int a, int b, int lo, int hi, bool horizontal, bool dashed)
{
    if (dashed) dash_edge(r, a, b, lo, hi, horizontal);
    else if (horizontal) fill(r, a, lo, b, hi);
    else fill(r, lo, a, hi, b);
}

/* An outline inside q, stroke rounded to whole pixels; dashed outlines keep
 * solid corners so the shape still reads as a rounded card. */
static void stroke_round_rect(Renderer *r, IRect q, float radius, float stroke, bool dashed, Colour c)
{
    int rad = corner_radius(q, radius);
    int s = imax(1, imin(snap(stroke), imin((q.x1 - q.x0) / 2, (q.y1 - q.y0) / 2)));
    if (q.x1 - q.x0 < 1 || q.y1 - q.y0 < 1) return;
    if (rad > 0 && s > rad) s = rad;
    /* Corner pieces are k long on each side: the arc, or for square corners an
     * L of half a dash (a solid s x s square when not dashed). */
    int k = rad > 0 ? rad : dashed ? imax(s, DASH_ON_PX / 2) : s;
    k = imin(k, imin((q.x1 - q.x0) / 2, (q.y1 - q.y0) / 2));
    const Mask *m = rad > 0 ? mask_get(r, (MaskKey){ MASK_RING, rad, s, 0, 0, pack_colour(r, c) }) : NULL;
    set_colour(r, c);
    if (m) {
        mask_draw_colour(r, m->tex, c);
        draw_corners(r, m->tex, q, rad);
    } else {
        fill(r, q.x0, q.y0, q.x0 + k, q.y0 + s);                 /* top left */
        fill(r, q.x0, q.y0 + s, q.x0 + s, q.y0 + k);
        fill(r, q.x1 - k, q.y0, q.x1, q.y0 + s);                 /* top right */
        fill(r, q.x1 - s, q.y0 + s, q.x1, q.y0 + k);
        fill(r, q.x0, q.y1 - s, q.x0 + k, q.y1);                 /* bottom left */
        fill(r, q.x0, q.y1 - k, q.x0 + s, q.y1 - s);
        fill(r, q.x1 - k, q.y1 - s, q.x1, q.y1);                 /* bottom right */
        fill(r, q.x1 - s, q.y1 - k, q.x1, q.y1 - s);
    }
    edge(r, q.x0 + k, q.x1 - k, q.y0, q.y0 + s, true, dashed);
    edge(r, q.x0 + k, q.x1 - k, q.y1 - s, q.y1, true, dashed);
    edge(r, q.y0 + k, q.y1 - k, q.x0, q.x0 + s, false, dashed);
    edge(r, q.y0 + k, q.y1 - k, q.x1 - s, q.x1, false, dashed);
}

static void draw_rect(Renderer *r, const DrawCmd *c)
{
    IRect q = cmd_rect(c);
    if (c->filled) fill_round_rect(r, q, c->radius, c->colour);
    else stroke_round_rect(r, q, c->radius, c->stroke, c->dashed, c->colour);
}

/* ---- Paper --------------------------------------------------------------------------- */

static IRect irect_meet(IRect p, IRect q)
{
    return (IRect){ imax(p.x0, q.x0), imax(p.y0, q.y0), imin(p.x1, q.x1), imin(p.y1, q.y1) };
}

static bool irect_overlap(IRect p, IRect q)
{
    return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
}

static bool irect_inside(IRect in, IRect out)
{
    return in.x0 >= out.x0 && in.y0 >= out.y0 && in.x1 <= out.x1 && in.y1 <= out.y1 && in.x0 < in.x1 &&
           in.y0 < in.y1;
}

static IRect irect_grow(IRect q, int by)
{
    return (IRect){ q.x0 - by, q.y0 - by, q.x1 + by, q.y1 + by };
}

/* q was just filled opaque in colour c with corner radius rad. */
static void paper_set(Renderer *r, IRect q, int rad, Colour c)
{
    Paper *p = &r->paper;
    p->a = (IRect){ q.x0, q.y0 + rad, q.x1, q.y1 - rad };
    p->b = (IRect){ q.x0 + rad, q.y0, q.x1 - rad, q.y1 };
    if (r->clipped) {
        p->a = irect_meet(p->a, r->clip);
        p->b = irect_meet(p->b, r->clip);
    }
    p->colour = c;
    p->mark_count = 0;
    p->valid = true;
}

/* Something may be drawn inside box m: text must not be pre-blended there. */
static void paper_mark(Renderer *r, IRect m)
{
    Paper *p = &r->paper;
    if (!p->valid || !(irect_overlap(m, p->a) || irect_overlap(m, p->b))) return;
    if (p->mark_count == PAPER_MARKS) p->valid = false;
    else p->marks[p->mark_count++] = m;
}

/* Whether every pixel of t is still the paper's colour. */
static bool paper_holds(const Renderer *r, IRect t)
{
    const Paper *p = &r->paper;
    if (!p->valid || !(irect_inside(t, p->a) || irect_inside(t, p->b))) return false;
    for (int i = 0; i < p->mark_count; i++)
        if (irect_overlap(t, p->marks[i])) return false;
    return true;
}

/* A box that holds every pixel a command other than text may draw. */
static IRect cmd_reach(const DrawCmd *c)
{
    switch (c->kind) {
    case DRAW_SHADOW: return irect_grow(cmd_rect(c), 16);      /* blur and offset */
    case DRAW_LINE: {
        IRect q = { (int)floorf(fminf(c->x, c->x + c->w)), (int)floorf(fminf(c->y, c->y + c->h)),
                    (int)ceilf(fmaxf(c->x, c->x + c->w)), (int)ceilf(fmaxf(c->y, c->y + c->h)) };
        return irect_grow(q, (int)ceilf(c->stroke) + 3);
    }
    default: return irect_grow(cmd_rect(c), 2);
    }
}

void render_cmd_rows(const DrawCmd *c, int *y0, int *y1)
{
    IRect q;
    if (c->kind == DRAW_TEXT) /* its height is the font's line: twice its size holds Khmer's deep marks */
        q = (IRect){ 0, (int)floorf(c->y) - 2, 0, (int)ceilf(c->y + 2.0f * c->size_px) + 2 };
    else if (c->kind == DRAW_CLIP || c->kind == DRAW_UNCLIP)
        q = (IRect){ 0, INT_MIN, 0, INT_MAX };
    else
        q = cmd_reach(c);
    *y0 = q.y0;
    *y1 = q.y1;
}

/* ---- Stacks ------------------------------------------------------------------------ */

/* Why: zoomed into a dense month of a large timeline, hundreds of span bars
 * cross the whole screen on the same 6 rows, each a translucent fill that
 * SDL's software renderer blends pixel by pixel; at 100,000 events that was
 * most of a frame. Blending is a contraction: a layer of alpha a keeps
 * (1 - a/255) of what lay below, so under K layers of alpha at least a,
 * what lay below weighs (1 - a/255)^K, less than half a level once
 * K >= ln(510) / -ln(1 - a/255) (8 layers at alpha 150). A pixel column
 * already covered by K later bars of the run therefore cannot show an
 * earlier one: that bar is drawn only over the columns where fewer than K
 * later bars lie. The result equals drawing every bar, within a level of
 * rounding (tests/cli/perf_render_same.sh compares the images). Only
 * columns a bar covers on all its rows count as covered (not its rounded
 * ends), and only columns on the target (0 <= x < target_w) are left out. */

static bool stack_member(const DrawCmd *c, IRect rows)
{
    if (c->kind != DRAW_RECT || !c->filled || c->colour.a == 0 || c->colour.a == 255) return false;
    IRect q = cmd_rect(c);
    return q.y0 == rows.y0 && q.y1 == rows.y1;
}

/* Layers of alpha at least a that hide what lies below to under half a level. */
static int stack_depth(int a)
{
    return (int)ceil(log(510.0) / -log(1.0 - (double)a / 255.0));
}

/* The length of the stack starting at dl->cmds[i], or 0 when it is none. */
static int stack_run(const DrawList *dl, int i)
{
    const DrawCmd *c = &dl->cmds[i];
    IRect rows = cmd_rect(c);
    if (!stack_member(c, rows)) return 0;
    int n = 1, amin = c->colour.a;
    while (i + n < dl->count && stack_member(&dl->cmds[i + n], rows)) {
        amin = imin(amin, dl->cmds[i + n].colour.a);
        n++;
    }
    return n >= STACK_MIN_RUN && n > stack_depth(amin) ? n : 0;
}

static bool stack_part_add(Renderer *r, int *count, int x0, int x1)
{
    if (x1 <= x0) return true;
    if (!grow_array((void **)&r->parts, &r->parts_cap, (size_t)*count + 1, sizeof *r->parts)) return false;
    r->parts[(*count)++] = (StackPart){ x0, x1 };
    return true;
}

/* From the last bar back to the first: which columns each still shows. */
static bool stack_plan(Renderer *r, const DrawCmd *cmds, int n, int depth)
{
    int w = r->target_w;
    if (!grow_array((void **)&r->depth, &r->depth_cap, (size_t)imax(w, 1), sizeof *r->depth) ||
        !grow_array((void **)&r->bars, &r->bars_cap, (size_t)n, sizeof *r->bars))
        return false;
    memset(r->depth, 0, (size_t)w * sizeof *r->depth);
    int count = 0;
    for (int k = n - 1; k >= 0; k--) {
        IRect q = cmd_rect(&cmds[k]);
        int rad = corner_radius(q, cmds[k].radius);
        int a = q.x0 + rad, b = q.x1 - rad;                     /* columns covered on every row */
        StackBar *bar = &r->bars[k];
        bar->first = count;
        if (!stack_part_add(r, &count, a, imin(b, 0))) return false;   /* off the target: kept */
        int open = -1;
        for (int x = imax(a, 0); x < imin(b, w); x++) {
            bool shows = r->depth[x] < depth;
            if (shows) r->depth[x]++;
            if (shows && open < 0) open = x;
            if (!shows && open >= 0) {
                if (!stack_part_add(r, &count, open, x)) return false;
                open = -1;
            }
        }
        if (open >= 0 && !stack_part_add(r, &count, open, imin(b, w))) return false;
        if (!stack_part_add(r, &count, imax(a, w), b)) return false;
        bar->count = count - bar->first;
        bar->whole = bar->count == 1 && r->parts[bar->first].x0 == a && r->parts[bar->first].x1 == b;
    }
    return true;
}

/* A bar drawn as fill_round_rect draws it, but only over the columns of its parts. */
static void stack_bar_draw(Renderer *r, const DrawCmd *c, const StackBar *bar)
{
    IRect q = cmd_rect(c);
    int rad = corner_radius(q, c->radius);
    const Mask *m = rad > 0 ? mask_get(r, (MaskKey){ MASK_DISC, rad, 0, 0, 0, pack_colour(r, c->colour) }) : NULL;
    if (bar->whole || (rad > 0 && !m)) {
        fill_round_rect(r, q, c->radius, c->colour);
        return;
    }
    set_colour(r, c->colour);
    if (m) {
        mask_draw_colour(r, m->tex, c->colour);
        draw_corners(r, m->tex, q, rad);
        fill(r, q.x0, q.y0 + rad, q.x0 + rad, q.y1 - rad);      /* the ends' middle rows */
        fill(r, q.x1 - rad, q.y0 + rad, q.x1, q.y1 - rad);
    }
    for (int p = 0; p < bar->count; p++) {
        const StackPart *part = &r->parts[bar->first + p];
        fill(r, part->x0, q.y0, part->x1, q.y1);
    }
}

/* Draws the n fills of a stack from cmds; falls back to drawing them all. */
static void draw_stack(Renderer *r, const DrawCmd *cmds, int n)
{
    int amin = 255;
    for (int k = 0; k < n; k++) amin = imin(amin, cmds[k].colour.a);
    if (r->target_w <= 0 || !stack_plan(r, cmds, n, stack_depth(amin))) {
        for (int k = 0; k < n; k++) draw_rect(r, &cmds[k]);
        return;
    }
    for (int k = 0; k < n; k++) stack_bar_draw(r, &cmds[k], &r->bars[k]);
}

/* Adds [x0,x1) x [y0,y1) to a batch of rects unless it is empty. */
static void batch_add(SDL_Rect *batch, int *n, int x0, int y0, int x1, int y1)
{
    if (x1 <= x0 || y1 <= y0) return;
    batch[(*n)++] = (SDL_Rect){ x0, y0, x1 - x0, y1 - y0 };
}

/* One blurred rounded rect, nine-sliced from a mask of its corner region:
 * the blur depends only on the distance to the edge, so away from the
 * corners each row (top, bottom) or column (sides) has one alpha, taken from
 * the mask's profile. Rows and the centre that lie inside q are left out:
 * the opaque card drawn next covers them, and at 60 cards a frame they were
 * most of the software renderer's time. */
static void shadow_layer(Renderer *r, IRect q, int rad, ShadowLayer layer, Colour c)
{
    int w = q.x1 - q.x0, h = q.y1 - q.y0;
    int blur = imin(layer.blur_px, (imin(w, h) - 2 * rad) / 2);  /* small boxes get a tighter blur */
    if (blur < 1) return;
    Colour tint = c;
    tint.a = (uint8_t)((float)c.a * layer.alpha + 0.5f);
    const Mask *m = mask_get(r, (MaskKey){ MASK_SHADOW, rad, blur, 0, 0, pack_colour(r, tint) });
    if (!m) return;
    mask_draw_colour(r, m->tex, tint);
    int k = rad + 2 * blur;                                      /* corner tile */
    int x0 = q.x0 - blur, y0 = q.y0 - blur + layer.dy_px;
    int x1 = q.x1 + blur, y1 = q.y1 + blur + layer.dy_px;
    copy(r, m->tex, 0, 0, k, k, x0, y0, k, k);
    copy(r, m->tex, k + 1, 0, k, k, x1 - k, y0, k, k);
    copy(r, m->tex, 0, k + 1, k, k, x0, y1 - k, k, k);
    copy(r, m->tex, k + 1, k + 1, k, k, x1 - k, y1 - k, k, k);
    for (int i = 0; i <= k; i++) {
        tint.a = (uint8_t)((c.a * layer.alpha * (float)m->profile[i] + 127.5f) / 255.0f);
        if (tint.a == 0) continue;
        SDL_Rect batch[4];
        int n = 0;
        if (i == k) {                                               /* centre */
            bool hidden = x0 + k >= q.x0 && x1 - k <= q.x1 && y0 + k >= q.y0 && y1 - k <= q.y1;
            if (!hidden) batch_add(batch, &n, x0 + k, y0 + k, x1 - k, y1 - k);
        } else {
            if (y0 + i < q.y0) batch_add(batch, &n, x0 + k, y0 + i, x1 - k, y0 + i + 1);      /* top */
            if (y1 - 1 - i >= q.y1) batch_add(batch, &n, x0 + k, y1 - 1 - i, x1 - k, y1 - i); /* bottom */
            if (x0 + i < q.x0) batch_add(batch, &n, x0 + i, y0 + k, x0 + i + 1, y1 - k);      /* left */
            if (x1 - 1 - i >= q.x1) batch_add(batch, &n, x1 - 1 - i, y0 + k, x1 - i, y1 - k); /* right */
        }
        if (n == 0) continue;
        set_colour(r, tint);
        for (int b = 0; b < n; b++)
            fill(r, batch[b].x, batch[b].y, batch[b].x + batch[b].w, batch[b].y + batch[b].h);
    }
}

static void draw_shadow(Renderer *r, const DrawCmd *c)
{
    IRect q = cmd_rect(c);
    int rad = corner_radius(q, c->radius);
    for (size_t i = 0; i < sizeof shadow_layers / sizeof shadow_layers[0]; i++)
        shadow_layer(r, q, rad, shadow_layers[i], c->colour);
}

/* ---- Lines ------------------------------------------------------------------------- */

/* A diagonal segment as a quad with a one-pixel fade on both sides. */
static void diagonal_segment(Renderer *r, float x0, float y0, float x1, float y1, float thick, Colour c)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f) return;
    float nx = -dy / len, ny = dx / len, half = thick * 0.5f;
    float offs[4] = { -half - 1.0f, -half, half, half + 1.0f };
    SDL_Color solid = { c.r, c.g, c.b, c.a }, clear = { c.r, c.g, c.b, 0 };
    SDL_Vertex v[8];
    for (int i = 0; i < 4; i++) {
        SDL_Color col = (i == 0 || i == 3) ? clear : solid;
        v[i] = (SDL_Vertex){ { x0 + nx * offs[i], y0 + ny * offs[i] }, col, { 0, 0 } };
        v[i + 4] = (SDL_Vertex){ { x1 + nx * offs[i], y1 + ny * offs[i] }, col, { 0, 0 } };
    }
    set_fill_mode(r, SDL_BLENDMODE_BLEND);         /* geometry blends in the draw mode: the fringe fades */
    int idx[18];
    for (int i = 0; i < 3; i++) {
        int *t = &idx[i * 6];
        t[0] = i; t[1] = i + 1; t[2] = i + 5;
        t[3] = i; t[4] = i + 5; t[5] = i + 4;
    }
    if (SDL_RenderGeometry(r->sdl, NULL, v, 8, idx, 18) < 0) fail(r, "SDL_RenderGeometry");
}

/* Lines from (x,y) to (x+w, y+h). Horizontal and vertical ones (the axis,
 * ticks, leaders) are whole-pixel rects centred on the line, so a 1 px
 * line at y = 100 is exactly row 100. Dashes start at the line's start. */
static void draw_line(Renderer *r, const DrawCmd *c)
{
    float thick = c->stroke > 0 ? c->stroke : 1.0f;
    float len = sqrtf(c->w * c->w + c->h * c->h);
    int period = DASH_ON_PX + DASH_OFF_PX;
    bool horizontal = fabsf(c->h) < 0.5f, vertical = fabsf(c->w) < 0.5f;
    set_colour(r, c->colour);
    if (horizontal || vertical) {
        int t = imax(1, snap(thick));
        float along0 = horizontal ? c->x : c->y, along1 = horizontal ? c->x + c->w : c->y + c->h;
        float across = horizontal ? c->y : c->x;
        int a = snap(fminf(along0, along1)), b = snap(fmaxf(along0, along1));
        int lo = snap(across - (float)t * 0.5f), hi = lo + t;
        for (int s = a; s < b; s += c->dashed ? period : b - a) {
            int e = c->dashed ? imin(s + DASH_ON_PX, b) : b;
            if (horizontal) fill(r, s, lo, e, hi);
            else fill(r, lo, s, hi, e);
        }
        return;
    }
    float ux = c->w / len, uy = c->h / len;
    for (float s = 0; s < len; s += c->dashed ? (float)period : len) {
        float e = c->dashed ? fminf(s + (float)DASH_ON_PX, len) : len;
        diagonal_segment(r, c->x + ux * s, c->y + uy * s, c->x + ux * e, c->y + uy * e, thick, c->colour);
    }
}

/* ---- Shapes, text ---------------------------------------------------------------- */

static void draw_shape(Renderer *r, const DrawCmd *c)
{
    int size = imin(snap(fminf(fabsf(c->w), fabsf(c->h))), MASK_MAX_PX);
    if (size < 2 || (unsigned)c->shape >= SHAPE_COUNT) return;
    int stroke = c->filled ? 0 : imax(1, snap(c->stroke));
    MaskKey key = { MASK_SHAPE, (int)c->shape, size, c->filled, stroke, pack_colour(r, c->colour) };
    const Mask *m = mask_get(r, key);
    if (!m) return;
    /* The mask has a pixel of margin for its edge ramp. */
    int x = snap(c->x + (c->w - (float)size) * 0.5f) - 1, y = snap(c->y + (c->h - (float)size) * 0.5f) - 1;
    mask_draw_colour(r, m->tex, c->colour);
    copy(r, m->tex, 0, 0, m->w, m->h, x, y, m->w, m->h);
}

/* The width of a text texture w that is drawn (layout normally ellipsises first). */
static int text_shown(const DrawCmd *c, int w)
{
    return c->w > 0 && (float)w > c->w ? (int)c->w : w;
}

static void draw_text(Renderer *r, const DrawList *dl, const DrawCmd *c)
{
    int w, h, x = snap(c->x), y = snap(c->y);
    const char *s = drawlist_cmd_text(dl, c);
    SDL_Texture *tex;
    if (!r->reference && c->colour.a == 255 && r->paper.valid) {
        tex = text_texture(r->ts, c->face, c->size_px, c->colour, &r->paper.colour, s, c->text_len, &w, &h);
        if (!tex) return;
        IRect t = { x, y, x + text_shown(c, w), y + h };
        if (paper_holds(r, t)) {
            copy(r, tex, 0, 0, t.x1 - x, h, x, y, t.x1 - x, h);
            paper_mark(r, t);
            return;
        }
    }
    Colour ink = r->reference ? (Colour){ 255, 255, 255, 255 } : c->colour;
    tex = text_texture(r->ts, c->face, c->size_px, ink, NULL, s, c->text_len, &w, &h);
    if (!tex) return;
    int shown = text_shown(c, w);
    /* The colour is in the texture; only a fade modulates (the slow path). */
    if (r->reference) modulate(r, tex, c->colour);
    else if (SDL_SetTextureAlphaMod(tex, c->colour.a) < 0) fail(r, "SDL_SetTextureAlphaMod");
    copy(r, tex, 0, 0, shown, h, x, y, shown, h);
    paper_mark(r, (IRect){ x, y, x + shown, y + h });
}

/* ---- Images ------------------------------------------------------------------------- */

static bool path_is_absolute(const char *p)
{
    return p[0] == '/' || p[0] == '\\' ||
           (((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) && p[1] == ':');
}

/* The file to open for a draw-list path, in r->path_buf; NULL out of memory. */
static const char *resolve_path(Renderer *r, const char *path)
{
    bool join = r->image_base[0] && !path_is_absolute(path);
    size_t need = strlen(path) + (join ? strlen(r->image_base) + 1 : 0) + 1;
    if (!grow_array((void **)&r->path_buf, &r->path_cap, need, 1)) return NULL;
    if (join) SDL_snprintf(r->path_buf, need, "%s/%s", r->image_base, path);
    else SDL_snprintf(r->path_buf, need, "%s", path);
    return r->path_buf;
}

/* Big photos are scaled down before becoming textures (see RENDER_IMAGE_MAX_PX). */
static SDL_Surface *shrink_image(SDL_Surface *img)
{
    int longest = imax(img->w, img->h);
    if (longest <= RENDER_IMAGE_MAX_PX) return img;
    float k = (float)RENDER_IMAGE_MAX_PX / (float)longest;
    int w = imax(1, snap((float)img->w * k)), h = imax(1, snap((float)img->h * k));
    SDL_Surface *src = SDL_ConvertSurfaceFormat(img, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!src || !dst || SDL_SoftStretchLinear(src, NULL, dst, NULL) < 0) {
        SDL_Log("render: scaling an image down to %dx%d failed: %s", w, h, SDL_GetError());
        SDL_FreeSurface(src);
        SDL_FreeSurface(dst);
        return img;                                  /* still usable, just big */
    }
    SDL_FreeSurface(src);
    SDL_FreeSurface(img);
    return dst;
}

/* Decodes a PNG or JPEG held in memory, after checking from its header that
 * it is one and that its pixels stay within the limits (imagehdr.h): the
 * decoder is chosen by us, not guessed from the content (an SVG named .png
 * would be rasterised at any size it asks), and it never allocates more
 * than IMAGE_MAX_PIXELS. NULL (logged) when refused or broken. */
static SDL_Surface *decode_image(const char *file, const FileData *d)
{
    ImageInfo info;
    if (image_header_read((const unsigned char *)d->bytes, d->len, &info) != IMAGE_HEADER_OK) {
        SDL_Log("render: %s: not a PNG or JPEG image with a readable size; not decoded", file);
        return NULL;
    }
    if (!image_size_allowed(info.w_px, info.h_px)) {
        SDL_Log("render: %s: %dx%d pixels is past the limit (%d a side, %d in all); not decoded", file, info.w_px,
                info.h_px, IMAGE_MAX_SIDE_PX, IMAGE_MAX_PIXELS);
        return NULL;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(d->bytes, (int)d->len);
    SDL_Surface *img = !rw ? NULL : info.format == IMAGE_FORMAT_PNG ? IMG_LoadPNG_RW(rw) : IMG_LoadJPG_RW(rw);
    if (rw) SDL_RWclose(rw);
    if (!img) SDL_Log("render: decoding %s failed: %s", file, IMG_GetError());
    else if (img->w != info.w_px || img->h != info.h_px) { /* a header the decoder read otherwise */
        SDL_Log("render: %s: decoded as %dx%d, its header says %dx%d; not shown", file, img->w, img->h, info.w_px,
                info.h_px);
        SDL_FreeSurface(img);
        img = NULL;
    }
    return img;
}

/* Reads and decodes an image file through fileio (no waiting on a FIFO, no
 * device, at most IMAGE_MAX_FILE_BYTES), then makes the texture. *stamp is
 * the version read; *seen is false when the file could not be seen. */
static SDL_Texture *load_image(Renderer *r, const char *file, int *w, int *h, FileStamp *stamp, bool *seen)
{
    FileData d;
    FileioError e = fileio_read(file, IMAGE_MAX_FILE_BYTES, &d);
    *seen = e == FILEIO_OK || e == FILEIO_TOO_LARGE || e == FILEIO_NOT_REGULAR || e == FILEIO_DIRECTORY;
    if (*seen && !fileio_stamp(file, stamp)) *seen = false;
    if (e != FILEIO_OK) {
        SDL_Log("render: %s: %s", file, fileio_error_text(e, d.sys_errno));
        return NULL;
    }
    SDL_Surface *img = decode_image(file, &d);
    fileio_data_free(&d);
    if (!img) return NULL;
    img = shrink_image(img);
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, img);
    if (!tex) SDL_Log("render: SDL_CreateTextureFromSurface(%s) failed: %s", file, SDL_GetError());
    else {
        *w = img->w;
        *h = img->h;
        SDL_SetTextureScaleMode(tex, SDL_ScaleModeLinear);
    }
    SDL_FreeSurface(img);
    return tex;
}

static void release_texture(void *ctx, void *handle)
{
    (void)ctx;
    SDL_DestroyTexture(handle);
}

/* The cached entry for a path, loading it on first use or when its file
 * changed since; NULL out of memory. Failures are cached too (and logged
 * once), until the file changes. */
static const ImgEntry *image_get(Renderer *r, const char *bytes, size_t len)
{
    const ImgEntry *e = imgcache_get(&r->images, bytes, len);
    if (e) return e;
    char *path = SDL_malloc(len + 1);
    if (!path) return NULL;
    memcpy(path, bytes, len);
    path[len] = '\0';
    const char *file = resolve_path(r, path);
    SDL_free(path);
    if (!file) return NULL;
    int w = 0, h = 0;
    FileStamp stamp;
    bool seen = false;
    SDL_Texture *tex = load_image(r, file, &w, &h, &stamp, &seen);
    return imgcache_insert(&r->images, bytes, len, file, tex, w, h, (size_t)w * (size_t)h * 4, seen ? &stamp : NULL);
}

/* A neutral box with a hairline, where an image could not be loaded. */
static void draw_placeholder(Renderer *r, IRect q)
{
    fill_round_rect(r, q, 0, (Colour){ 228, 223, 213, 255 });
    stroke_round_rect(r, q, 0, 1, false, (Colour){ 196, 189, 176, 255 });
}

/* Cover fit: the image fills the box, cropped equally on the long side. */
static void draw_image(Renderer *r, const DrawList *dl, const DrawCmd *c)
{
    IRect q = cmd_rect(c);
    int bw = q.x1 - q.x0, bh = q.y1 - q.y0;
    if (bw <= 0 || bh <= 0) return;
    const ImgEntry *e = image_get(r, drawlist_cmd_text(dl, c), c->text_len);
    if (!e || !e->handle) {
        draw_placeholder(r, q);
        return;
    }
    SDL_Texture *tex = e->handle;
    modulate(r, tex, c->colour);
    if (!c->filled) { /* whole, centred in the box: letterboxed, never cropped */
        float k = fminf((float)bw / (float)e->w_px, (float)bh / (float)e->h_px);
        int dw = imax(1, snap((float)e->w_px * k)), dh = imax(1, snap((float)e->h_px * k));
        copy(r, tex, 0, 0, e->w_px, e->h_px, q.x0 + (bw - dw) / 2, q.y0 + (bh - dh) / 2, dw, dh);
        return;
    }
    float k = fmaxf((float)bw / (float)e->w_px, (float)bh / (float)e->h_px);
    int sw = imin(e->w_px, imax(1, snap((float)bw / k))), sh = imin(e->h_px, imax(1, snap((float)bh / k)));
    copy(r, tex, (e->w_px - sw) / 2, (e->h_px - sh) / 2, sw, sh, q.x0, q.y0, bw, bh);
}

static void draw_clip(Renderer *r, const DrawCmd *c)
{
    IRect q = cmd_rect(c);
    r->clipped = true;
    r->clip = q;
    SDL_Rect clip = { q.x0, q.y0, q.x1 - q.x0, q.y1 - q.y0 };
    /* An empty SDL clip rect means "no clip"; clip to a pixel off screen instead. */
    if (clip.w <= 0 || clip.h <= 0) clip = (SDL_Rect){ -2, -2, 1, 1 };
    if (SDL_RenderSetClipRect(r->sdl, &clip) < 0) fail(r, "SDL_RenderSetClipRect");
}

/* ---- Public API ------------------------------------------------------------------------ */

Renderer *render_create(SDL_Renderer *sdl, TextSystem *ts, const char *image_base_dir)
{
    Renderer *r = SDL_calloc(1, sizeof *r);
    if (!r) {
        SDL_Log("render: out of memory");
        return NULL;
    }
    r->sdl = sdl;
    /* For tests and comparisons only: draw as before colours were baked in
     * and stacks thinned (tests/cli/perf_render_same.sh). */
    const char *ref = SDL_getenv("FRISE_RENDER_REFERENCE");
    r->reference = ref && ref[0] == '1';
    r->ts = ts;
    r->image_base = SDL_strdup(image_base_dir ? image_base_dir : "");
    if (!r->image_base) {
        SDL_Log("render: out of memory");
        SDL_free(r);
        return NULL;
    }
    size_t n = strlen(r->image_base);
    if (n > 1 && (r->image_base[n - 1] == '/' || r->image_base[n - 1] == '\\')) r->image_base[n - 1] = '\0';
    imgcache_init(&r->images, IMGCACHE_BUDGET_BYTES, release_texture, NULL);
    return r;
}

void render_destroy(Renderer *r)
{
    if (!r) return;
    masks_clear(r);
    tints_clear(r);
    imgcache_free(&r->images);
    free(r->pixels);
    free(r->path_buf);
    free(r->depth);
    free(r->parts);
    free(r->bars);
    SDL_free(r->image_base);
    SDL_free(r);
}

void render_draw(Renderer *r, const DrawList *dl, Colour background)
{
    text_frame_begin(r->ts);
    imgcache_tick(&r->images);
    if (SDL_RenderSetClipRect(r->sdl, NULL) < 0) fail(r, "SDL_RenderSetClipRect");
    r->fill_mode = SDL_BLENDMODE_INVALID;             /* the app may have changed it */
    set_colour(r, background);
    if (SDL_RenderClear(r->sdl) < 0) fail(r, "SDL_RenderClear");
    /* The target's width bounds the columns a stack may leave out. */
    int th = 0;
    SDL_Texture *target = SDL_GetRenderTarget(r->sdl);
    if ((target ? SDL_QueryTexture(target, NULL, NULL, &r->target_w, &th)
                : SDL_GetRendererOutputSize(r->sdl, &r->target_w, &th)) < 0)
        r->target_w = th = 0;                         /* no stacks this frame */
    r->clipped = false;
    r->paper.valid = false;
    if (background.a == 255 && r->target_w > 0) paper_set(r, (IRect){ 0, 0, r->target_w, th }, 0, background);
    for (int i = 0; i < dl->count; i++) {
        const DrawCmd *c = &dl->cmds[i];
        int run;
        if (c->kind != DRAW_TEXT && c->kind != DRAW_CLIP && c->kind != DRAW_UNCLIP) paper_mark(r, cmd_reach(c));
        switch (c->kind) {
        case DRAW_RECT:
            if (!r->reference && (run = stack_run(dl, i)) > 0) {
                for (int k = 1; k < run; k++) paper_mark(r, cmd_reach(&c[k]));
                draw_stack(r, c, run);
                i += run - 1;
            } else {
                draw_rect(r, c);
                IRect q = cmd_rect(c);
                if (c->filled && c->colour.a == 255 && (q.x1 - q.x0) * (q.y1 - q.y0) >= PAPER_MIN_AREA_PX)
                    paper_set(r, q, corner_radius(q, c->radius), c->colour);
            }
            break;
        case DRAW_SHADOW: draw_shadow(r, c); break;
        case DRAW_LINE: draw_line(r, c); break;
        case DRAW_SHAPE: draw_shape(r, c); break;
        case DRAW_TEXT: draw_text(r, dl, c); break;
        case DRAW_IMAGE: draw_image(r, dl, c); break;
        case DRAW_CLIP: draw_clip(r, c); break;
        case DRAW_UNCLIP:
            r->clipped = false;
            if (SDL_RenderSetClipRect(r->sdl, NULL) < 0) fail(r, "SDL_RenderSetClipRect");
            break;
        }
    }
    if (SDL_RenderSetClipRect(r->sdl, NULL) < 0) fail(r, "SDL_RenderSetClipRect");
}

bool render_save_png(SDL_Renderer *sdl, const char *path)
{
    int w = 0, h = 0;
    SDL_Texture *target = SDL_GetRenderTarget(sdl);
    int rc = target ? SDL_QueryTexture(target, NULL, NULL, &w, &h) : SDL_GetRendererOutputSize(sdl, &w, &h);
    if (rc < 0 || w <= 0 || h <= 0) {
        SDL_Log("render: cannot get the size of the render target: %s", SDL_GetError());
        return false;
    }
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 24, SDL_PIXELFORMAT_RGB24);
    if (!shot) {
        SDL_Log("render: SDL_CreateRGBSurfaceWithFormat(%dx%d) failed: %s", w, h, SDL_GetError());
        return false;
    }
    /* The rect bounds what SDL writes to exactly this surface's size. */
    SDL_Rect all = { 0, 0, w, h };
    bool ok = SDL_RenderReadPixels(sdl, &all, SDL_PIXELFORMAT_RGB24, shot->pixels, shot->pitch) == 0;
    if (!ok) SDL_Log("render: SDL_RenderReadPixels failed: %s", SDL_GetError());
    if (ok && IMG_SavePNG(shot, path) < 0) {
        SDL_Log("render: IMG_SavePNG(%s) failed: %s", path, IMG_GetError());
        ok = false;
    }
    SDL_FreeSurface(shot);
    return ok;
}
