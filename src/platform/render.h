/* render.h: walks a DrawList onto an SDL_Renderer; screenshots to PNG. The
 * only code in Frise that calls SDL_Render*. */
#ifndef FRISE_RENDER_H
#define FRISE_RENDER_H

#include <stdbool.h>

#include <SDL.h>

#include "drawlist.h"
#include "text.h"

#include "imagehdr.h"

/* Images larger than this on their longest side are scaled down on load,
 * so that one large photo cannot take hundreds of megabytes of texture.
 * Before that, a file is decoded only when its header says PNG or JPEG
 * within IMAGE_MAX_PIXELS (imagehdr.h), and the textures kept stay within
 * IMGCACHE_BUDGET_BYTES (imgcache.h), least recently used evicted first. */
#define RENDER_IMAGE_MAX_PX IMAGE_SHOWN_MAX_PX

typedef struct Renderer Renderer;

/* A renderer for `sdl`, drawing text through `ts`; both must outlive it.
 * Relative image paths are resolved against image_base_dir (NULL or ""
 * means the working directory); the string is copied. Returns NULL after an
 * SDL_Log on failure. The caller frees it with render_destroy.
 * FRISE_RENDER_REFERENCE=1 in the environment makes it draw the slower way
 * Frise drew before issue 12 (colours modulated at every copy, translucent
 * fills blended by SDL, every bar of a stack drawn), for comparing images
 * and instruction counts (tests/cli/perf_render_same.sh, bench/README.md). */
Renderer *render_create(SDL_Renderer *sdl, TextSystem *ts, const char *image_base_dir);

/* Frees the image and mask textures. Call it before SDL_DestroyRenderer.
 * NULL is allowed. */
void render_destroy(Renderer *r);

/* Clears the current target to `background`, then draws every command of
 * dl in order (it also calls text_frame_begin). Coordinates are target
 * pixels; edges are snapped to whole pixels so that hairlines stay crisp:
 * a 1 px horizontal line at y = 100 is row 100.
 *   DRAW_RECT: outlines lie inside the box, stroke rounded to whole pixels;
 *     dashes are 6 px on, 4 off, with solid corners.
 *   DRAW_SHADOW: a soft shadow (a contact layer and a 10 px blur, offset
 *     down), tinted by colour, colour.a = strength. It leaves out most of
 *     what lies inside its rect, so draw an opaque shape over it.
 *   DRAW_SHAPE: the shape centred in the box, sized by its shorter side.
 *   DRAW_TEXT: cut at w when w > 0 and the text is wider.
 *   DRAW_IMAGE: cover fit. Images load on first use and stay cached under
 *     a memory budget, and so do failures, which draw as a neutral
 *     placeholder; an entry whose file changed since (a fixed or replaced
 *     image) is read again the next frame that shows it.
 * The clip is removed at the end. Failures are logged (a few per renderer,
 * not every frame) and drawing goes on; call SDL_RenderPresent or
 * render_save_png afterwards. */
void render_draw(Renderer *r, const DrawList *dl, Colour background);

/* The rows [*y0, *y1) that drawing c may touch (a text's, generously: its
 * command has no height), so that a list far taller than any target can be
 * drawn strip by strip with only the commands each strip meets. A clip,
 * or its removal, reaches every row. */
void render_cmd_rows(const DrawCmd *c, int *y0, int *y1);

/* Writes the current render target (whole window or target texture) as an
 * RGB PNG at path. Call it after drawing and before SDL_RenderPresent.
 * Returns false after logging the failing call and SDL_GetError(). */
bool render_save_png(SDL_Renderer *sdl, const char *path);

#endif
