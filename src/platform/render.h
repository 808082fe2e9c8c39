/* render.h: walks a DrawList onto an SDL_Renderer; screenshots to PNG. The
 * only code in Frise that calls SDL_Render*. */
#ifndef FRISE_RENDER_H
#define FRISE_RENDER_H

#include <stdbool.h>

#include <SDL.h>

#include "drawlist.h"
#include "text.h"

/* Images larger than this on their longest side are scaled down on load,
 * so that one large photo cannot take hundreds of megabytes of texture. */
#define RENDER_IMAGE_MAX_PX 1024

typedef struct Renderer Renderer;

/* A renderer for `sdl`, drawing text through `ts`; both must outlive it.
 * Relative image paths are resolved against image_base_dir (NULL or ""
 * means the working directory); the string is copied. Returns NULL after an
 * SDL_Log on failure. The caller frees it with render_destroy. */
Renderer *render_create(SDL_Renderer *sdl, TextSystem *ts, const char *image_base_dir);

/* Frees the image and mask textures. Call it before SDL_DestroyRenderer.
 * NULL is allowed. */
void render_destroy(Renderer *r);

/* Clears the current target to `background`, then draws every command of
 * dl in order (it also calls text_frame_begin). Coordinates are target
 * pixels; edges are snapped to whole pixels so that hairlines stay crisp.
 * Rect outlines, shape outlines and strokes lie inside their box. Images are
 * loaded on first use and cached with their failures, which draw as a
 * neutral placeholder. The clip is removed at the end. Failures are logged
 * (a few per renderer, not every frame) and drawing goes on; call
 * SDL_RenderPresent or render_save_png afterwards. */
void render_draw(Renderer *r, const DrawList *dl, Colour background);

/* Writes the current render target (whole window or target texture) as an
 * RGB PNG at path. Call it after drawing and before SDL_RenderPresent.
 * Returns false after logging the failing call and SDL_GetError(). */
bool render_save_png(SDL_Renderer *sdl, const char *path);

#endif
